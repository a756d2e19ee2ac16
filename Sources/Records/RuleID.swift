/// A gap rule's id: the name dossier.yml's `policy:` writes and reports show (its raw value, e.g. `T1`). The cases
/// are in the order reports list the rules.
public enum RuleID: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
    /// Verification by tests: requirements tested (T1), tests and links traced (T2).
    case T1, T2
    /// Risk management (ISO 14971): controls, residual risk, safety class, overall evaluation and review.
    case R1, R2, R3, R4, R5, R6, R7
    /// Change control: commits name change requests, analysis, claimed files, labeling, obsolescence.
    case C1, C2, C5, C6, C8
    /// Integrity: signed commits (G1), a signed release tag (G2), signed update packages (G3), build provenance of the
    /// release commit (G4) naming every package (G5).
    case G1, G2, G3, G4, G5
    /// SOUP and the SBOM.
    case S1, S4, S5, S6
    /// Cybersecurity threats.
    case X1, X2, X3, X5, X6
    /// Test anomalies without a disposition.
    case A2
    /// A class B/C device with no requirements, risks or items.
    case D1
    /// Identification of the device and the release.
    case I1, I2, I3

    /// The id as users write it, e.g. `T1`.
    public var description: String { rawValue }

    /// Its place in the order reports list the rules.
    public var position: Int { Self.positions[self]! }

    /// Each rule's place in `allCases`, made once.
    private static let positions = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The rule's clauses, default level and summary (made once, in `RuleCatalog.rules`).
    public var info: RuleInfo { RuleCatalog.rules[position] }
}

extension RuleID {
    /// The one table of gap rules: for each id the clauses it serves (IEC 62304 unless another standard is named),
    /// its level when dossier.yml's `policy:` does not set one, and what it finds. Its check is the other column,
    /// `RuleID.check` in Checks, a switch over the same cases: a new id compiles only with both.
    var row: (clauses: [String], defaultLevel: FindingLevel, summary: String) {
        switch self {
        case .T1: (["IEC 62304 5.7.1", "IEC 62304 5.7.4", "IEC 62304 5.8.1"], .error,
                  "an approved requirement with no passing test in the evidence")
        case .T2: (["IEC 62304 7.3.3", "IEC 62304 8.2.4"], .warning,
                  "a test linked to no requirement (warning), or a test or record linking to an unknown id (error)")
        case .R1: (["ISO 14971 7.1"], .error,
                  "a risk whose initial risk is unacceptable by the policy's matrix and has no control")
        case .R2: (["IEC 62304 5.2.3", "IEC 62304 7.3.1", "ISO 14971 7.2"], .error,
                  "a risk control that is not a requirement verified by a passing test")
        case .R3: (["ISO 14971 7.4"], .error,
                  "an unacceptable residual risk without a benefit-risk statement")
        case .R4: (["ISO 14971 7.2", "MDR GSPR 23"], .error,
                  "an information-for-safety control without an IFU entry")
        case .R5: (["IEC 62304 4.3"], .error,
                  "a software item whose safety class is below what its risks imply")
        case .R6: (["ISO 14971 8"], .error,
                  "a release that changed risks with no overall residual risk evaluation covering it, or one judging it not acceptable")
        case .R7: (["ISO 14971 9"], .error,
                  "a release that changed risks with no risk management review covering it")
        case .C1: (["IEC 62304 8.2.4"], .warning,
                  "a non-merge commit in the release naming no change request")
        case .C2: (["IEC 62304 7.4"], .error,
                  "a change request without a safety-impact analysis, or touching a class B/C item without naming the affected controls")
        case .C5: (["IEC 62304 8.1", "IEC 62304 5.3.1"], .warning,
                  "a changed file that no software item claims")
        case .C6: (["MDR GSPR 23", "21 CFR 801"], .error,
                  "a change request affecting labeling, a new information-for-safety control or a transferred threat, with no IFU change in the release")
        case .C8: (["IEC 62304 6.2.3"], .error,
                  "an obsoleted requirement without rationale")
        case .G1: (["IEC 62304 8.2.4", "IEC 62304 8.3", "FDA premarket cybersecurity guidance (code integrity)"], .warning,
                  "a commit whose signature verdict is not G")
        case .G2: (["IEC 62304 8.2.4", "IEC 62304 8.3", "FDA premarket cybersecurity guidance (code integrity)"], .error,
                  "a release tag that is missing, lightweight, unsigned or not G")
        case .G3: (["IEC 62304 5.8.8", "FDA premarket cybersecurity guidance (update integrity)"], .error,
                  "an update package (--artifact, or stored with the release) unsigned, or whose detached signature is not G")
        case .G4: (["IEC 62304 5.8.5"], .error,
                  "a build provenance statement (--provenance) that names no source commit, or none that is the release commit")
        case .G5: (["IEC 62304 5.8.5", "IEC 62304 5.8.8"], .error,
                  "an update package whose SHA-256 no build provenance statement names as a subject")
        case .S1: (["IEC 62304 8.1.2"], .error,
                  "a SOUP item without name, version or supplier")
        case .S4: (["IEC 62304 8.1.2", "FDA premarket cybersecurity guidance (SBOM)"], .error,
                  "the SBOM and the SOUP overlay disagree (name, version, supplier, license, end of support), an overlay entry has no component, or the SBOM is missing")
        case .S5: (["FDA premarket cybersecurity guidance (SBOM)"], .warning,
                  "a SOUP item without support level or end-of-support date")
        case .S6: (["IEC 62304 7.1.3", "FDA premarket cybersecurity guidance (SBOM, vulnerability management)", "MDR GSPR 17.4"], .error,
                  "a known vulnerability without VEX analysis state, or exploitable without a response and a threat that covers it")
        case .X1: (["FDA premarket cybersecurity guidance (threat modeling)", "MDR GSPR 17.2"], .error,
                  "a threat without mitigation whose disposition is not accepted, transferred or not applicable")
        case .X2: (["FDA premarket cybersecurity guidance (security testing)", "IEC 62304 5.7.4"], .error,
                  "a requirement that mitigates a threat without a passing test")
        case .X3: (["MDR GSPR 23", "FDA premarket cybersecurity guidance (labeling)"], .error,
                  "a transferred threat without an IFU entry")
        case .X5: (["ISO 14971 5.4", "FDA premarket cybersecurity guidance (security risk management)"], .warning,
                  "a threat with a safety impact not linked to a risk")
        case .X6: (["FDA premarket cybersecurity guidance (security risk management)"], .error,
                  "a threat with a missing or invalid CVSS v3.1 or v4.0 vector")
        case .A2: (["IEC 62304 5.7.2", "IEC 62304 5.7.4"], .error,
                  "a failed or skipped test without a disposition")
        case .D1: (["IEC 62304 5.2.1", "IEC 62304 5.3.1", "IEC 62304 7.1.1", "ISO 14971 5.4"], .error,
                  "a device of software safety class B or C with no requirements, no risks or no software items (one finding each)")
        case .I1: (["IEC 62304 5.8.4"], .error,
                  "dossier.yml names no device or leaves its name or manufacturer empty")
        case .I2: (["IEC 62304 5.8.4", "MDR Art. 27", "21 CFR 830"], .warning,
                  "dossier.yml leaves the device's model or UDI-DI empty")
        case .I3: (["IEC 62304 5.8.4", "IEC 62304 8.1.1"], .error,
                  "a release tag named on the command line that does not match releases.tag_pattern")
        }
    }
}
