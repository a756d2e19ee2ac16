import Records

/// What dossier concludes about a release's facts: the trace matrix, the gap rules' findings, the rules turned
/// off and the clause coverage. Computed by the Checks stage from a `Release`; the release itself holds facts only.
public struct Assessment: Sendable, Codable, Hashable {
    /// The traceability matrix: one row per requirement.
    public var traceMatrix: [TraceRow]
    /// What the gap rules found, errors first.
    public var findings: [Finding]
    /// Rules dossier.yml's `policy:` turned off, so that the document says what was not checked.
    public var rulesOff: [RuleID]
    /// Every clause of the coverage table with its state for the device's safety class.
    public var coverage: [ClauseStatus]

    /// The assessment from its parts.
    public init(traceMatrix: [TraceRow] = [], findings: [Finding] = [], rulesOff: [RuleID] = [], coverage: [ClauseStatus] = []) {
        self.traceMatrix = traceMatrix
        self.findings = findings
        self.rulesOff = rulesOff
        self.coverage = coverage
    }

    /// The keys of the assessment in suf.json.
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case coverage, findings, rulesOff, traceMatrix
    }
}
