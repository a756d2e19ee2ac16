import Model
import Records

/// X1, X2, X3, X5: the threat model — mitigated or dispositioned, mitigations tested, transfers labelled,
/// safety impacts tied to risks. (X6, the CVSS vectors, is in CVSSRule.swift.)
enum ThreatRules {
    private static func current(_ c: CheckContext) -> [Threat] { c.release.records.threats.filter { $0.obsolete == nil } }

    /// X1: a threat without mitigation whose disposition is not accepted, transferred or not applicable.
    static func x1(_ c: CheckContext) -> [Finding] {
        current(c).filter { $0.mitigations.isEmpty && ![.accepted, .transferred, .notApplicable].contains($0.disposition) }.map {
            c.finding(.X1, "\(c.named($0.id, $0.source)) has no mitigation and its disposition is \($0.disposition?.rawValue ?? "not stated")",
                      subjects: [$0.id], at: $0.source)
        }
    }

    /// X2: a requirement that mitigates a threat without a passing test.
    static func x2(_ c: CheckContext) -> [Finding] {
        current(c).flatMap { threat in
            threat.mitigations.compactMap { id -> Finding? in
                guard let requirement = c.requirements[id], !c.hasPassingTest(id) else { return nil }
                return c.finding(.X2, "\(c.named(threat.id, threat.source)) is mitigated by \(c.named(id, requirement.source)), which no passing test verifies: \(c.whyNoPassingTest(id))",
                                 subjects: [threat.id, id], at: threat.source)
            }
        }
    }

    /// X3: a transferred threat (to the user or operator) without an IFU entry naming it.
    static func x3(_ c: CheckContext) -> [Finding] {
        current(c).filter { $0.disposition == .transferred && c.graph.above(TraceNode(.threat, $0.id), .ifuChange).isEmpty }.map {
            c.finding(.X3, "\(c.named($0.id, $0.source)) is transferred, but no IFU change names it", subjects: [$0.id], at: $0.source)
        }
    }

    /// X5: a threat with a safety impact not linked to a risk.
    static func x5(_ c: CheckContext) -> [Finding] {
        current(c).filter { $0.safetyImpact == true && $0.risks.isEmpty }.map {
            c.finding(.X5, "\(c.named($0.id, $0.source)) has a safety impact but links to no risk", subjects: [$0.id], at: $0.source)
        }
    }
}
