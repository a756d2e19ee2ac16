/// R1–R5: risk control, verification of controls, residual risk, information for safety, safety classes.
enum RiskRules {
    private static func current(_ c: CheckContext) -> [Risk] { c.release.records.risks.filter { $0.obsolete == nil } }

    private static func verdict(_ c: CheckContext, _ estimate: RiskEstimate?) -> Acceptability? {
        guard let estimate, let policy = c.release.records.riskPolicy else { return nil }
        return policy.verdict(estimate)
    }

    /// R1: an unacceptable initial risk with no control.
    static func r1(_ c: CheckContext) -> [Finding] {
        current(c).filter { verdict(c, $0.initial) == .unacceptable && $0.controls.isEmpty }.map {
            c.finding("R1", "\(c.named($0.id, $0.source)) is unacceptable before control (\($0.initial?.severity ?? "") / \($0.initial?.probability ?? "")) and names no control",
                      subjects: [$0.id], at: $0.source)
        }
    }

    /// R2: a risk control that is not a requirement verified by a passing test.
    static func r2(_ c: CheckContext) -> [Finding] {
        current(c).flatMap { risk in
            risk.controls.compactMap { control -> Finding? in
                guard let requirement = c.requirements[control.requirement] else {
                    return c.finding("R2", "\(c.named(risk.id, risk.source)) names control \(control.requirement), which is not a requirement",
                                     subjects: [risk.id, control.requirement], at: risk.source)
                }
                guard !c.hasPassingTest(requirement.id) else { return nil }
                return c.finding("R2", "\(c.named(risk.id, risk.source)) is controlled by \(c.named(requirement.id, requirement.source)), which no passing test verifies: \(c.whyNoPassingTest(requirement.id))",
                                 subjects: [risk.id, requirement.id], at: risk.source)
            }
        }
    }

    /// R3: an unacceptable residual risk without a benefit-risk statement.
    static func r3(_ c: CheckContext) -> [Finding] {
        current(c).filter { verdict(c, $0.residual) == .unacceptable && ($0.benefitRisk ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.map {
            c.finding("R3", "\(c.named($0.id, $0.source)) is unacceptable after control (\($0.residual?.severity ?? "") / \($0.residual?.probability ?? "")) and has no benefit_risk statement",
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
                return c.finding("R4", "\(c.named(risk.id, risk.source)) has the information-for-safety control \(control.requirement), but no IFU change names it or the risk",
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
            return c.finding("R5", "\(c.named(item.id, item.source)) is class \(item.safetyClass?.rawValue ?? "(not stated)"), but \(worst.id) (severity \(worst.initial?.severity ?? "")) implies class \(needed.rawValue)",
                             subjects: [item.id, worst.id], at: item.source)
        }
    }
}
