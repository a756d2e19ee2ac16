import Model
import Records

/// The clause coverage table of a release: every clause of the table judged by what the release holds.
public enum ClauseCoverage {
    /// What a clause that needs nothing dossier reads lists as missing.
    public static let outsideDossier = "nothing dossier reads: the manufacturer's own records"

    /// The clauses in table order, judged against the assembled release, its trace matrix and the findings of the gap rules. A clause is evidenced only when the
    /// release holds every kind of evidence it needs (`ReleaseInventory`); a gap when a rule serving it (named
    /// by the clause, or whose catalog clauses name it or a parent of it) found an error; not applicable by the
    /// standard's class rule for the device's class, or by the manufacturer's reason in `notApplicable`
    /// (dossier.yml's `clauses.not_applicable`, by clause reference); otherwise not evidenced.
    public static func statuses(release: Release, traceMatrix: [TraceRow], findings: [Finding],
                                notApplicable: [String: String] = [:]) -> [ClauseStatus] {
        let inventory = ReleaseInventory(release: release, traceMatrix: traceMatrix)
        let safetyClass = release.identification.device?.safetyClass
        var errorsByRule: [RuleID: Int] = [:]
        for finding in findings where finding.level == .error { errorsByRule[finding.rule, default: 0] += 1 }
        return ClauseTable.clauses.map { clause in
            var rules = Set(clause.rules)
            for rule in RuleCatalog.rules where rule.clauses.contains(where: { serves($0, clause) }) { rules.insert(rule.id) }
            // Gaps in id order, as text (A2 before C1).
            let gaps = rules.sorted { $0.rawValue < $1.rawValue }.compactMap { rule in errorsByRule[rule].map { "\(rule.rawValue) (\($0))" } }
            var kinds: [EvidenceKind] = []
            for kind in clause.needs + clause.shows where !kinds.contains(kind) { kinds.append(kind) }
            let evidence = kinds.compactMap { inventory.holdings[$0] }
            let missing = clause.canBeEvidenced ? clause.needs.filter { inventory.holdings[$0] == nil }.map(\.missing) : [outsideDossier]
            func status(_ state: ClauseStatus.State, reason: String? = nil) -> ClauseStatus {
                let applies = state != .notApplicable
                return ClauseStatus(clause: clause.reference, title: clause.title, evidence: applies ? evidence : [],
                                    missing: applies && state != .evidenced ? missing : [], reason: reason, state: state,
                                    gaps: state == .gap ? gaps : [])
            }
            if let safetyClass, !clause.classes.contains(safetyClass) {
                return status(.notApplicable, reason: classReason(clause, safetyClass))
            }
            if !gaps.isEmpty { return status(.gap) }
            if let reason = notApplicable[clause.reference] { return status(.notApplicable, reason: "\(reason) (the manufacturer, in dossier.yml)") }
            return status(clause.canBeEvidenced && missing.isEmpty ? .evidenced : .notEvidenced)
        }
    }

    /// The standard's class rule in words: `IEC 62304 applies 5.2.3 to class B and C; the device is class A per dossier.yml`.
    static func classReason(_ clause: Clause, _ safetyClass: SafetyClass) -> String {
        let classes = clause.classes.sorted().map(\.rawValue)
        let list = classes.count == 1 ? classes[0] : classes.dropLast().joined(separator: ", ") + " and " + classes[classes.count - 1]
        return "\(clause.standard) applies \(clause.number) to class \(list); the device is class \(safetyClass.rawValue) per dossier.yml"
    }

    /// Whether a rule's clause reference (`IEC 62304 5.2`, `ISO 14971 7.1`) names this clause or a parent of it.
    private static func serves(_ reference: String, _ clause: Clause) -> Bool {
        reference == clause.reference || clause.reference.hasPrefix(reference + ".")
    }
}
