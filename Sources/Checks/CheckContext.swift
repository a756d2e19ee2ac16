import Evidence
import Git
import Model
import Records
import Signatures
import Support

/// What every rule reads: the release, its trace graph, the test evidence, the configuration, and lookups by id.
struct CheckContext: Sendable {
    /// The file a finding with no better place is about: the repository's configuration.
    static let configurationFile = "dossier.yml"

    let release: Release
    let config: Config
    let evidence: TestEvidence
    let graph: TraceGraph
    let requirements: [String: Requirement]
    let risks: [String: Risk]
    let threats: [String: Threat]
    let items: [String: SoftwareItem]
    /// The repository's release order.
    let order: VersionOrder

    init(release: Release, evidence: TestEvidence, graph: TraceGraph, config: Config, order: VersionOrder = VersionOrder()) {
        self.release = release
        self.order = order
        self.config = config
        self.evidence = evidence
        self.graph = graph
        let records = release.records
        requirements = Dictionary(records.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        risks = Dictionary(records.risks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        threats = Dictionary(records.threats.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        items = Dictionary(records.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A finding of `rule` at its default level (or at `level`, for a rule whose cases differ).
    func finding(_ rule: RuleID, _ message: String, subjects: [String], at location: SourceLocation?,
                 commit: String? = nil, level: FindingLevel? = nil) -> Finding {
        let info = rule.info
        return Finding(rule: rule, level: level ?? info.defaultLevel, message: message, subjects: subjects,
                       location: location, commit: commit, clauses: info.clauses)
    }

    /// The file a commit is about: its first changed path, or dossier.yml for a commit that changes nothing.
    func file(of commit: ReleaseCommit) -> SourceLocation {
        SourceLocation(file: commit.changedFiles.first?.path ?? Self.configurationFile)
    }

    /// The file that decides whether a signature of this kind is trusted: the allowed signers file for SSH when
    /// dossier.yml names one, else dossier.yml (where `trust:` is written).
    func trustFile(for kind: SignatureKind?) -> SourceLocation {
        SourceLocation(file: kind == .ssh ? config.allowedSigners ?? Self.configurationFile : Self.configurationFile)
    }

    /// The file records of a kind are kept in, as dossier.yml names it, else dossier.yml.
    func recordFile(_ kind: RecordKind) -> SourceLocation {
        SourceLocation(file: config.recordPaths[kind] ?? Self.configurationFile)
    }

    /// The test cases linked to a requirement, by either side of the link.
    func tests(ofRequirement id: String) -> [TestCase] {
        graph.below(TraceNode(.requirement, id), .test).flatMap { graph.tests[$0.id] ?? [] }
    }

    /// Whether at least one linked test of the requirement passed.
    func hasPassingTest(_ requirement: String) -> Bool {
        tests(ofRequirement: requirement).contains { $0.outcome == .passed }
    }

    /// Why a requirement has no passing test, in words: no evidence, no linked test, or what its tests did.
    func whyNoPassingTest(_ requirement: String) -> String {
        if evidence.cases.isEmpty { return "the release has no test evidence (dossier evidence add stores it)" }
        let tests = tests(ofRequirement: requirement)
        if tests.isEmpty { return "no test in the evidence is linked to it (verified_by, or a requirement property)" }
        let counts = Dictionary(grouping: tests, by: \.outcome).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        return "its linked tests did not pass (\(counts.joined(separator: ", ")))"
    }

    /// `ID (file:line)`, how messages name a record.
    func named(_ id: String, _ location: SourceLocation?) -> String {
        location.map { "\(id) (\($0))" } ?? id
    }

    /// A commit as messages name it: short id and subject.
    func named(commit: ReleaseCommit) -> String {
        "commit \(commit.shortId) '\(commit.subject)'"
    }
}
