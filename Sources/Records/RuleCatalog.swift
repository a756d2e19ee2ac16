import Evidence

/// Every gap rule dossier knows, with the clauses it serves and its default level. dossier.yml's `policy:`
/// changes a level or turns a rule off by its id. Clauses are IEC 62304 unless another standard is named.
public enum RuleCatalog {
    /// The rules, in the order reports list them.
    public static let rules: [RuleInfo] = [
        RuleInfo(id: "T1", clauses: ["IEC 62304 5.7.1", "IEC 62304 5.7.4", "IEC 62304 5.8.1"], defaultLevel: .error,
                 summary: "an approved requirement with no passing test in the evidence"),
        RuleInfo(id: "T2", clauses: ["IEC 62304 7.3.3", "IEC 62304 8.2.4"], defaultLevel: .warning,
                 summary: "a test linked to no requirement (warning), or a test or record linking to an unknown id (error)"),
        RuleInfo(id: "R1", clauses: ["ISO 14971 7.1"], defaultLevel: .error,
                 summary: "a risk whose initial risk is unacceptable by the policy's matrix and has no control"),
        RuleInfo(id: "R2", clauses: ["IEC 62304 5.2.3", "IEC 62304 7.3.1", "ISO 14971 7.2"], defaultLevel: .error,
                 summary: "a risk control that is not a requirement verified by a passing test"),
        RuleInfo(id: "R3", clauses: ["ISO 14971 7.4"], defaultLevel: .error,
                 summary: "an unacceptable residual risk without a benefit-risk statement"),
        RuleInfo(id: "R4", clauses: ["ISO 14971 7.2", "MDR GSPR 23"], defaultLevel: .error,
                 summary: "an information-for-safety control without an IFU entry"),
        RuleInfo(id: "R5", clauses: ["IEC 62304 4.3"], defaultLevel: .error,
                 summary: "a software item whose safety class is below what its risks imply"),
        RuleInfo(id: "R6", clauses: ["ISO 14971 8"], defaultLevel: .error,
                 summary: "a release that changed risks with no overall residual risk evaluation covering it, or one judging it not acceptable"),
        RuleInfo(id: "R7", clauses: ["ISO 14971 9"], defaultLevel: .error,
                 summary: "a release that changed risks with no risk management review covering it"),
        RuleInfo(id: "C1", clauses: ["IEC 62304 8.2.4"], defaultLevel: .warning,
                 summary: "a non-merge commit in the release naming no change request"),
        RuleInfo(id: "C2", clauses: ["IEC 62304 7.4"], defaultLevel: .error,
                 summary: "a change request without a safety-impact analysis, or touching a class B/C item without naming the affected controls"),
        RuleInfo(id: "C5", clauses: ["IEC 62304 8.1", "IEC 62304 5.3.1"], defaultLevel: .warning,
                 summary: "a changed file that no software item claims"),
        RuleInfo(id: "C6", clauses: ["MDR GSPR 23", "21 CFR 801"], defaultLevel: .error,
                 summary: "a change request affecting labeling, a new information-for-safety control or a transferred threat, with no IFU change in the release"),
        RuleInfo(id: "C8", clauses: ["IEC 62304 6.2.3"], defaultLevel: .error,
                 summary: "an obsoleted requirement without rationale"),
        RuleInfo(id: "G1", clauses: ["IEC 62304 8.2.4", "IEC 62304 8.3", "FDA premarket cybersecurity guidance (code integrity)"],
                 defaultLevel: .warning, summary: "a commit whose signature verdict is not G"),
        RuleInfo(id: "G2", clauses: ["IEC 62304 8.2.4", "IEC 62304 8.3", "FDA premarket cybersecurity guidance (code integrity)"],
                 defaultLevel: .error, summary: "a release tag that is missing, lightweight, unsigned or not G"),
        RuleInfo(id: "S1", clauses: ["IEC 62304 8.1.2"], defaultLevel: .error,
                 summary: "a SOUP item without name, version or supplier"),
        RuleInfo(id: "S4", clauses: ["IEC 62304 8.1.2", "FDA premarket cybersecurity guidance (SBOM)"], defaultLevel: .error,
                 summary: "the SBOM and the SOUP overlay disagree (name, version, supplier, license, end of support), an overlay entry has no component, or the SBOM is missing"),
        RuleInfo(id: "S5", clauses: ["FDA premarket cybersecurity guidance (SBOM)"], defaultLevel: .warning,
                 summary: "a SOUP item without support level or end-of-support date"),
        RuleInfo(id: "S6", clauses: ["IEC 62304 7.1.3", "FDA premarket cybersecurity guidance (SBOM, vulnerability management)", "MDR GSPR 17.4"],
                 defaultLevel: .error, summary: "a known vulnerability without VEX analysis state, or exploitable without a response and a threat that covers it"),
        RuleInfo(id: "X1", clauses: ["FDA premarket cybersecurity guidance (threat modeling)", "MDR GSPR 17.2"], defaultLevel: .error,
                 summary: "a threat without mitigation whose disposition is not accepted, transferred or not applicable"),
        RuleInfo(id: "X2", clauses: ["FDA premarket cybersecurity guidance (security testing)", "IEC 62304 5.7.4"], defaultLevel: .error,
                 summary: "a requirement that mitigates a threat without a passing test"),
        RuleInfo(id: "X3", clauses: ["MDR GSPR 23", "FDA premarket cybersecurity guidance (labeling)"], defaultLevel: .error,
                 summary: "a transferred threat without an IFU entry"),
        RuleInfo(id: "X5", clauses: ["ISO 14971 5.4", "FDA premarket cybersecurity guidance (security risk management)"],
                 defaultLevel: .warning, summary: "a threat with a safety impact not linked to a risk"),
        RuleInfo(id: "X6", clauses: ["FDA premarket cybersecurity guidance (security risk management)"], defaultLevel: .error,
                 summary: "a threat with a missing or invalid CVSS v3.1 or v4.0 vector"),
        RuleInfo(id: "A2", clauses: ["IEC 62304 5.7.2", "IEC 62304 5.7.4"], defaultLevel: .error,
                 summary: "a failed or skipped test without a disposition"),
        RuleInfo(id: "D1", clauses: ["IEC 62304 5.2.1", "IEC 62304 5.3.1", "IEC 62304 7.1.1", "ISO 14971 5.4"], defaultLevel: .error,
                 summary: "a device of software safety class B or C with no requirements, no risks or no software items (one finding each)"),
        RuleInfo(id: "I1", clauses: ["IEC 62304 5.8.4"], defaultLevel: .error,
                 summary: "dossier.yml names no device or leaves its name or manufacturer empty"),
        RuleInfo(id: "I2", clauses: ["IEC 62304 5.8.4", "MDR Art. 27", "21 CFR 830"], defaultLevel: .warning,
                 summary: "dossier.yml leaves the device's model or UDI-DI empty"),
        RuleInfo(id: "I3", clauses: ["IEC 62304 5.8.4", "IEC 62304 8.1.1"], defaultLevel: .error,
                 summary: "a release tag named on the command line that does not match releases.tag_pattern"),
    ]

    /// The rule with this id, if dossier knows it.
    public static func rule(_ id: String) -> RuleInfo? { rulesById[id] }

    /// The rules by id (the first, should two share one), for the lookup made once per finding.
    private static let rulesById = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
