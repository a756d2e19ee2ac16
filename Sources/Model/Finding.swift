import Records
import Support

/// One gap found by a rule: what is wrong, which records are involved and where the first is defined.
public struct Finding: Sendable, Codable, Hashable {
    /// The rule that found it, e.g. `T1`.
    public var rule: RuleID
    /// The level in force (the rule's default, or dossier.yml's `policy:`).
    public var level: FindingLevel
    /// What is wrong, naming the records involved and where they are defined.
    public var message: String
    /// The ids of the records (or commits, tests, files) involved, the main one first.
    public var subjects: [String]
    /// The file the finding is about: where the main record is defined (file:line:column), or for a finding about
    /// a commit or the release the file it concerns (a changed path, the trust file, dossier.yml). Every finding
    /// `Checker.run` returns has one.
    public var location: SourceLocation?
    /// The commit the finding is about, when it is about one (SARIF gives it as a logical location).
    public var commit: String?
    /// The clauses the rule serves.
    public var clauses: [String]

    /// The keys in sorted order, so that the synthesized `encode(to:)` writes them as canonical JSON orders them
    /// (CanonicalJSON need not put them in order again: a release has tens of thousands).
    enum CodingKeys: String, CodingKey { case clauses, commit, level, location, message, rule, subjects }

    /// Creates a finding.
    public init(rule: RuleID, level: FindingLevel, message: String, subjects: [String], location: SourceLocation?,
                commit: String? = nil, clauses: [String]) {
        self.rule = rule
        self.level = level
        self.message = message
        self.subjects = subjects
        self.location = location
        self.commit = commit
        self.clauses = clauses
    }
}
