/// One clause's standing in a release: where dossier evidences it and whether a rule found a gap.
public struct ClauseStatus: Sendable, Codable, Hashable {
    /// What the status is.
    public enum State: String, Sendable, Codable, Hashable {
        /// Evidenced, and no rule serving it found an error.
        case evidenced
        /// A rule serving it found at least one error-level finding.
        case gap
        /// Does not apply to the device's safety class.
        case notApplicable = "not applicable"
        /// Applies, but dossier does not evidence it: the manufacturer evidences it elsewhere.
        case notEvidenced = "not evidenced by dossier"
    }

    /// `IEC 62304 5.2.3`.
    public var clause: String
    /// The clause's title.
    public var title: String
    /// Where dossier evidences it.
    public var evidence: [String]
    /// Its state.
    public var state: State
    /// Rules serving the clause that found errors, with their counts, e.g. `T1 (3)`.
    public var gaps: [String]
}

/// The clause coverage table of a release: every clause of the table with its state for the device's class.
public enum ClauseCoverage {
    /// The clauses in table order, judged against the release's findings. A clause is served by the rules its
    /// evidence names and by the rules whose catalog clauses name it (or a parent of it).
    public static func statuses(safetyClass: SafetyClass?, findings: [Finding]) -> [ClauseStatus] {
        var errorsByRule: [String: Int] = [:]
        for finding in findings where finding.level == .error { errorsByRule[finding.rule, default: 0] += 1 }
        return ClauseTable.clauses.map { clause in
            var rules = Set(clause.ruleIDs)
            for rule in RuleCatalog.rules where rule.clauses.contains(where: { serves($0, clause) }) { rules.insert(rule.id) }
            let gaps = rules.sorted().compactMap { rule in errorsByRule[rule].map { "\(rule) (\($0))" } }
            let state: ClauseStatus.State
            if let safetyClass, !clause.classes.contains(safetyClass) {
                state = .notApplicable
            } else if !gaps.isEmpty {
                state = .gap
            } else if clause.isEvidenced || !rules.isEmpty {
                state = .evidenced
            } else {
                state = .notEvidenced
            }
            return ClauseStatus(clause: clause.reference, title: clause.title, evidence: clause.evidence, state: state,
                                gaps: state == .notApplicable ? [] : gaps)
        }
    }

    /// Whether a rule's clause reference (`IEC 62304 5.2`, `ISO 14971 7.1`) names this clause or a parent of it.
    private static func serves(_ reference: String, _ clause: Clause) -> Bool {
        reference == clause.reference || clause.reference.hasPrefix(reference + ".")
    }
}
