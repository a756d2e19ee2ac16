/// How serious a finding is. `dossier check` fails (exit 1) on any error-level finding.
public enum FindingLevel: String, Sendable, Codable, Hashable, CaseIterable {
    /// Fails the gate.
    case error
    /// Reported, does not fail the gate.
    case warning
}

/// A rule's level as dossier.yml's `policy:` sets it: a finding level, or off.
public enum RuleSetting: String, Sendable, Codable, Hashable {
    /// Findings are errors.
    case error
    /// Findings are warnings.
    case warning
    /// The rule does not run.
    case off
}

/// One gap rule: its id, the clauses it serves, its default level and what it looks for.
public struct RuleInfo: Sendable, Codable, Hashable {
    /// The id, e.g. `T1`.
    public var id: String
    /// The clauses it evidences, e.g. `IEC 62304 5.2`, `ISO 14971 7.1`, `MDR GSPR 23`.
    public var clauses: [String]
    /// The level when dossier.yml's `policy:` does not set one.
    public var defaultLevel: FindingLevel
    /// What the rule finds, in one line.
    public var summary: String

    /// Creates a rule description.
    public init(id: String, clauses: [String], defaultLevel: FindingLevel, summary: String) {
        self.id = id
        self.clauses = clauses
        self.defaultLevel = defaultLevel
        self.summary = summary
    }
}

/// One gap found by a rule: what is wrong, which records are involved and where the first is defined.
public struct Finding: Sendable, Codable, Hashable {
    /// The rule that found it, e.g. `T1`.
    public var rule: String
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

    /// Creates a finding.
    public init(rule: String, level: FindingLevel, message: String, subjects: [String], location: SourceLocation?,
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
