/// Where a release's evidence (test reports, SBOM) came from, so that every document says what its test results rest
/// on: stored with the release in git, given on one command line, or none.
public struct EvidenceOrigin: Sendable, Codable, Hashable {
    /// The three places evidence can come from.
    public enum Kind: String, Sendable, Codable, Hashable {
        /// Stored with the release tag at `refs/dossier/evidence/<tag>` (`dossier evidence add`).
        case stored
        /// Given with `--evidence` on the command line that built the document, not stored with the release.
        case given
        /// None: no test report and no SBOM.
        case none
    }

    /// Where it came from.
    public var kind: Kind
    /// The reference it is stored at (stored evidence only).
    public var reference: String?
    /// The evidence commit it was read from (stored evidence only).
    public var commit: String?
    /// How many JUnit test reports it holds.
    public var reports: Int
    /// How many test cases those reports hold.
    public var cases: Int
    /// The SBOM's file name, when it holds one.
    public var sbom: String?
    /// How many update packages it holds; nil when none (suf.json then reads as before packages were recorded).
    public var packages: Int?
    /// How many build provenance statements it holds; nil when none.
    public var provenance: Int?

    /// Creates an origin.
    public init(kind: Kind, reference: String? = nil, commit: String? = nil, reports: Int = 0, cases: Int = 0, sbom: String? = nil,
                packages: Int = 0, provenance: Int = 0) {
        self.kind = kind
        self.reference = reference
        self.commit = commit
        self.reports = reports
        self.cases = cases
        self.sbom = sbom
        self.packages = packages == 0 ? nil : packages
        self.provenance = provenance == 0 ? nil : provenance
    }

    /// The origin of `evidence`, read from `kind`'s place.
    public init(_ evidence: TestEvidence, kind: Kind, reference: String? = nil, commit: String? = nil) {
        let empty = evidence.files.isEmpty && evidence.sbom == nil && evidence.packages.isEmpty && evidence.provenance.isEmpty
        self.init(kind: empty && kind == .given ? .none : kind, reference: reference, commit: commit,
                  reports: evidence.files.count, cases: evidence.cases.count, sbom: evidence.sbom?.file,
                  packages: evidence.packages.count, provenance: evidence.provenance.count)
    }

    /// What the evidence holds: "2 test reports (143 cases), an SBOM (sbom.cdx.json) and 1 update package".
    public var contents: String {
        let reportText = reports == 0 ? nil
            : "\(reports) test report\(reports == 1 ? "" : "s") (\(cases) case\(cases == 1 ? "" : "s"))"
        let sbomText = sbom.map { "an SBOM (\($0))" }
        let packageText = packages.map { "\($0) update package\($0 == 1 ? "" : "s")" }
        let provenanceText = provenance.map { "\($0) build provenance statement\($0 == 1 ? "" : "s")" }
        let parts = [reportText, sbomText, packageText, provenanceText].compactMap { $0 }
        guard let last = parts.last else { return "no file" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The one line at the top of a SUF that says what its test results rest on.
    public var sentence: String {
        let noTests = reports == 0 ? "; it holds no test report, so no requirement shows a test result" : ""
        switch kind {
        case .stored:
            return "Evidence: \(contents) stored with the release at \(reference ?? "") (commit \(commit?.prefix(12) ?? "")…)\(noTests)."
        case .given:
            return "Evidence: \(contents) given on the command line (\(options)), not stored with the release: a document built without the same files differs\(noTests)."
        case .none:
            return "No test evidence is stored with this release: no requirement shows a test result."
        }
    }

    /// The options that gave evidence on the command line: `--evidence`, `--artifact`, or both.
    private var options: String {
        let flags = (reports > 0 || sbom != nil ? ["--evidence"] : []) + (packages != nil ? ["--artifact"] : [])
            + (provenance != nil ? ["--provenance"] : [])
        return flags.isEmpty ? "--evidence" : flags.joined(separator: " and ")
    }

    /// The same in a few words, for a table cell: "stored: 1 test report (37 cases), commit 0123456789ab".
    public var brief: String {
        switch kind {
        case .stored: return "stored: \(contents) (\(reference ?? ""), commit \(commit?.prefix(12) ?? ""))"
        case .given: return "given on the command line: \(contents), not stored"
        case .none: return "none"
        }
    }
}
