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

    /// The level its findings get; nil for off.
    public var level: FindingLevel? { FindingLevel(rawValue: rawValue) }
}

/// One gap rule: its id, the clauses it serves, its default level and what it looks for.
public struct RuleInfo: Sendable, Codable, Hashable {
    /// The id, e.g. `T1`.
    public var id: RuleID
    /// The clauses it evidences, e.g. `IEC 62304 5.2`, `ISO 14971 7.1`, `MDR GSPR 23`.
    public var clauses: [String]
    /// The level when dossier.yml's `policy:` does not set one.
    public var defaultLevel: FindingLevel
    /// What the rule finds, in one line.
    public var summary: String

    /// Creates a rule description.
    public init(id: RuleID, clauses: [String], defaultLevel: FindingLevel, summary: String) {
        self.id = id
        self.clauses = clauses
        self.defaultLevel = defaultLevel
        self.summary = summary
    }
}
