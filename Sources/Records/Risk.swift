import Support

/// A severity and probability pair, placed in the acceptability matrix of the risk policy.
public struct RiskEstimate: Sendable, Codable, Hashable {
    /// A name from the policy's severity scale.
    public var severity: String
    /// A name from the policy's probability scale: the probability of harm, P1 and P2 combined.
    public var probability: String
    /// P1, the probability that the hazardous situation occurs (ISO/TR 24971 5.5), when given.
    public var p1: String?
    /// P2, the probability that the hazardous situation leads to harm, when given.
    public var p2: String?

    /// The estimate's cell of the acceptability matrix, e.g. `Critical / Remote (R: reduce as far as practicable)`.
    public func position(in policy: RiskPolicy?) -> String {
        let verdict = policy?.verdict(self).map { " (\($0.rawValue): \($0.title))" } ?? ""
        return "\(severity) / \(probability)\(verdict)"
    }

    /// P1 and P2 where given, e.g. ` (P1 Remote, P2 Occasional)`; empty when neither is.
    public var factors: String {
        let parts = [p1.map { "P1 \($0)" }, p2.map { "P2 \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }
}

/// How a risk control reduces risk, in ISO 14971 7.1's order of priority.
public enum RiskControlType: String, Sendable, Codable, CaseIterable, Hashable {
    /// Inherent safety by design and manufacture.
    case inherentSafety = "inherent_safety"
    /// Protective measures in the device itself or in manufacturing.
    case protectiveMeasure = "protective_measure"
    /// Information for safety and, where appropriate, training of users.
    case informationForSafety = "information_for_safety"
}

/// A risk control measure: a requirement that implements it, and its kind.
public struct RiskControl: Sendable, Codable, Hashable {
    /// The requirement that implements the control.
    public var requirement: String
    /// The kind of control.
    public var type: RiskControlType?
}

/// A risk (ISO 14971): hazard → hazardous situation → harm, its estimate before and after control.
public struct Risk: Record {
    /// The record kind: risk, with `RISK-` ids.
    public static let kind = RecordKind.risk
    /// Its id, e.g. `RISK-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// The hazard: the potential source of harm (ISO 14971 3.4).
    public var hazard: String
    /// The circumstance in which people are exposed to the hazard (ISO 14971 3.5).
    public var hazardousSituation: String?
    /// The harm the hazardous situation can lead to (ISO 14971 3.3).
    public var harm: String?
    /// The sequence of events from the hazard to the hazardous situation (ISO 14971 5.4).
    public var sequenceOfEvents: String?
    /// What sets the sequence off, e.g. a software failure.
    public var cause: String?
    /// The initial estimate (before controls).
    public var initial: RiskEstimate?
    /// The controls that reduce it.
    public var controls: [RiskControl]
    /// The residual estimate (after controls).
    public var residual: RiskEstimate?
    /// The benefit-risk statement for a residual risk that is not acceptable (ISO 14971 7.4).
    public var benefitRisk: String?
    /// Software items that contribute to it.
    public var items: [String]

    static let allowed = ["id", "hazard", "sequence_of_events", "hazardous_situation", "harm", "cause", "severity",
                          "probability", "p1", "p2", "controls", "residual", "benefit_risk", "items", "obsolete"]

    init(_ m: YAMLMapping, policy: RiskPolicy?) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        hazard = try m.requiredText("hazard")
        hazardousSituation = try m.text("hazardous_situation")
        harm = try m.text("harm")
        cause = try m.text("cause")
        sequenceOfEvents = try m.text("sequence_of_events")
        initial = try Self.estimate(m, policy: policy)
        controls = try (m["controls"]?.list("a list of controls") ?? []).map { value in
            let c = try value.mapping("risk control", allowed: ["requirement", "type"])
            let requirement = try c.requiredText("requirement")
            guard requirement.hasPrefix(RecordKind.requirement.prefix) else {
                throw DossierError("expected a REQ- id for the control's requirement, found \(Excerpt.quoted(requirement))", at: c["requirement"]?.location)
            }
            let type = try c.choice("type", RiskControlType.allCases.map(\.rawValue)).flatMap(RiskControlType.init(rawValue:))
            return RiskControl(requirement: requirement, type: type)
        }
        if let value = m["residual"] {
            let r = try value.mapping("residual", allowed: ["severity", "probability", "p1", "p2"])
            guard let estimate = try Self.estimate(r, policy: policy) else {
                throw DossierError("the residual risk needs both 'severity' and 'probability'", at: r.location)
            }
            residual = estimate
        }
        benefitRisk = try m.text("benefit_risk")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        obsolete = try m.obsolescence()
    }

    /// The estimate of a risk or of its residual: severity and probability from the policy's scales, and P1 and
    /// P2 as written. P1 or P2 without the probability they combine to is an error.
    private static func estimate(_ m: YAMLMapping, policy: RiskPolicy?) throws -> RiskEstimate? {
        let severity = try scaleValue(m, "severity", policy?.severity)
        let probability = try scaleValue(m, "probability", policy?.probability)
        let p1 = try m.text("p1"), p2 = try m.text("p2")
        guard let severity, let probability else {
            for key in ["p1", "p2"] where m[key] != nil {
                throw DossierError("'\(key)' is given without both 'severity' and 'probability' (the probability of harm P1 and P2 combine to)",
                                   at: m[key]?.location)
            }
            return nil
        }
        return RiskEstimate(severity: severity, probability: probability, p1: p1, p2: p2)
    }

    private static func scaleValue(_ m: YAMLMapping, _ key: String, _ scale: [String]?) throws -> String? {
        guard let scale, !scale.isEmpty else { return try m.text(key) }
        return try m.choice(key, scale)
    }

    /// The hazard, the name tables show.
    public var headline: String { hazard }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([
            ("hazard", hazard), ("sequence_of_events", sequenceOfEvents), ("hazardous_situation", hazardousSituation),
            ("harm", harm), ("cause", cause), ("severity", initial?.severity), ("probability", initial?.probability),
            ("p1", initial?.p1), ("p2", initial?.p2),
            ("controls", controls.map { "\($0.requirement)" + ($0.type.map { " (\($0.rawValue))" } ?? "") }),
            ("residual", residual.map { "\($0.severity) / \($0.probability)" + $0.factors }),
            ("benefit_risk", benefitRisk), ("items", items), ("obsolete", obsolete),
        ])
    }
    /// Its links to the requirements that control it and the items that contribute to it.
    public var links: [RecordLink] { Self.links([("controls", controls.map(\.requirement)), ("items", items)]) }
}
