import Model
import Records
import Support

/// R1–R7: risk control, verification of controls, residual risk, information for safety, safety classes, and the
/// overall residual risk evaluation and risk management review of a release that changed risks.
enum RiskRules {
    private static func current(_ c: CheckContext) -> [Risk] { c.release.records.risks.filter { $0.obsolete == nil } }

    private static func verdict(_ c: CheckContext, _ estimate: RiskEstimate?) -> Acceptability? {
        guard let estimate, let policy = c.release.records.riskPolicy else { return nil }
        return policy.verdict(estimate)
    }

    /// R1: an unacceptable initial risk with no control.
    static func r1(_ c: CheckContext) -> [Finding] {
        current(c).filter { verdict(c, $0.initial) == .unacceptable && $0.controls.isEmpty }.map {
            c.finding(.R1, "\(c.named($0.id, $0.source)) is unacceptable before control (\($0.initial?.severity ?? "") / \($0.initial?.probability ?? "")) and names no control",
                      subjects: [$0.id], at: $0.source)
        }
    }

    /// R2: a risk control that is not a requirement verified by a passing test.
    static func r2(_ c: CheckContext) -> [Finding] {
        current(c).flatMap { risk in
            risk.controls.compactMap { control -> Finding? in
                guard let requirement = c.requirements[control.requirement] else {
                    return c.finding(.R2, "\(c.named(risk.id, risk.source)) names control \(control.requirement), which is not a requirement",
                                     subjects: [risk.id, control.requirement], at: risk.source)
                }
                guard !c.hasPassingTest(requirement.id) else { return nil }
                return c.finding(.R2, "\(c.named(risk.id, risk.source)) is controlled by \(c.named(requirement.id, requirement.source)), which no passing test verifies: \(c.whyNoPassingTest(requirement.id))",
                                 subjects: [risk.id, requirement.id], at: risk.source)
            }
        }
    }

    /// R3: an unacceptable residual risk without a benefit-risk statement.
    static func r3(_ c: CheckContext) -> [Finding] {
        current(c).filter { verdict(c, $0.residual) == .unacceptable && ($0.benefitRisk ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map {
            c.finding(.R3, "\(c.named($0.id, $0.source)) is unacceptable after control (\($0.residual?.severity ?? "") / \($0.residual?.probability ?? "")) and has no benefit_risk statement",
                      subjects: [$0.id], at: $0.source)
        }
    }

    /// R4: an information-for-safety control without an IFU change naming the control or the risk.
    static func r4(_ c: CheckContext) -> [Finding] {
        current(c).flatMap { risk in
            risk.controls.filter { $0.type == .informationForSafety }.compactMap { control -> Finding? in
                let named = !c.graph.above(TraceNode(.requirement, control.requirement), .ifuChange).isEmpty
                    || !c.graph.above(TraceNode(.risk, risk.id), .ifuChange).isEmpty
                guard !named else { return nil }
                return c.finding(.R4, "\(c.named(risk.id, risk.source)) has the information-for-safety control \(control.requirement), but no IFU change names it or the risk",
                                 subjects: [risk.id, control.requirement], at: risk.source)
            }
        }
    }

    /// R5: a software item whose safety class is below what its risks' severities imply (by the policy's
    /// `safety_class_by_severity`; without it the rule has nothing to compare with).
    static func r5(_ c: CheckContext) -> [Finding] {
        guard let classes = c.release.records.riskPolicy?.safetyClassBySeverity, !classes.isEmpty else { return [] }
        return c.release.records.items.filter { $0.obsolete == nil }.compactMap { item -> Finding? in
            let risks = c.graph.above(TraceNode(.softwareItem, item.id), .risk).compactMap { c.risks[$0.id] }.filter { $0.obsolete == nil }
            let implied = risks.compactMap { risk in risk.initial.flatMap { classes[$0.severity] }.map { (risk, $0) } }
            guard let (worst, needed) = implied.max(by: { $0.1 < $1.1 }) else { return nil }
            if let actual = item.safetyClass, actual >= needed { return nil }
            return c.finding(.R5, "\(c.named(item.id, item.source)) is class \(item.safetyClass?.rawValue ?? "(not stated)"), but \(worst.id) (severity \(worst.initial?.severity ?? "")) implies class \(needed.rawValue)",
                             subjects: [item.id, worst.id], at: item.source)
        }
    }

    /// R6: a release that changed risks with no overall residual risk evaluation (ISO 14971 8) naming it, or one
    /// that judges the overall residual risk not acceptable.
    static func r6(_ c: CheckContext) -> [Finding] {
        guard let changed = changedRisks(c) else { return [] }
        let release = c.release.identification.release
        let evaluations = c.release.records.residualRiskEvaluations.filter { covers(c, $0.release) }
        guard let latest = evaluations.last else {
            return [c.finding(.R6, "\(release) changed risks (\(changed.text)) and no overall residual risk evaluation (residual_risk_evaluations) covers \(coveredName(c))",
                              subjects: [release], at: changed.location)]
        }
        guard latest.acceptable else {
            return [c.finding(.R6, "the overall residual risk evaluation of \(latest.release) (\(latest.source)) judges the overall residual risk not acceptable",
                              subjects: [release], at: latest.source)]
        }
        return []
    }

    /// R7: a release that changed risks with no risk management review (ISO 14971 9) naming it.
    static func r7(_ c: CheckContext) -> [Finding] {
        guard let changed = changedRisks(c) else { return [] }
        let release = c.release.identification.release
        guard !c.release.records.riskManagementReviews.contains(where: { covers(c, $0.release) }) else { return [] }
        return [c.finding(.R7, "\(release) changed risks (\(changed.text)) and no risk management review (risk_management_reviews) covers \(coveredName(c))",
                          subjects: [release], at: changed.location)]
    }

    /// Whether an evaluation or review naming `named` covers the release: it names the release; for the work tree,
    /// whose release has no name yet, it names a release after the previous one (in the repository's release order).
    private static func covers(_ c: CheckContext, _ named: String) -> Bool {
        let id = c.release.identification
        guard id.workTree else { return named == id.release }
        guard let previous = id.previousRelease else { return true }
        return c.order.precedes(previous, named)
    }

    /// The release an evaluation or review must name, in words.
    private static func coveredName(_ c: CheckContext) -> String {
        let id = c.release.identification
        guard id.workTree else { return id.release }
        return id.previousRelease.map { "a release after \($0)" } ?? "the release being prepared"
    }

    /// What the release's delta did to risks, in words, and where the first such risk is defined; nil when the
    /// release changed no risk.
    private static func changedRisks(_ c: CheckContext) -> (text: String, location: SourceLocation?)? {
        let delta = c.release.delta[.risk]
        guard !delta.isEmpty else { return nil }
        var parts: [String] = []
        for (ids, word) in [(delta.added, "added"), (delta.changed.map(\.id), "changed"),
                            (delta.obsoleted.map(\.id), "obsoleted"), (delta.removed, "removed")] where !ids.isEmpty {
            let shown = ids.count > 5 ? ids.prefix(5).joined(separator: ", ") + " and \(ids.count - 5) more" : ids.joined(separator: ", ")
            parts.append("\(shown) \(word)")
        }
        let first = (delta.added + delta.changed.map(\.id) + delta.obsoleted.map(\.id)).lazy.compactMap { c.risks[$0]?.source }.first
        return (parts.joined(separator: "; "), first)
    }
}
