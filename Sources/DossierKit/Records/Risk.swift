/// A severity and probability pair, placed in the acceptability matrix of the risk policy.
public struct RiskEstimate: Sendable, Codable, Hashable {
    /// A name from the policy's severity scale.
    public var severity: String
    /// A name from the policy's probability scale.
    public var probability: String

    /// The estimate's cell of the acceptability matrix, e.g. `Critical / Remote (R: reduce as far as practicable)`.
    public func position(in policy: RiskPolicy?) -> String {
        let verdict = policy?.verdict(self).map { " (\($0.rawValue): \($0.title))" } ?? ""
        return "\(severity) / \(probability)\(verdict)"
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
    /// The sequence of events, e.g. a software failure, that leads to the hazardous situation.
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

    static let allowed = ["id", "hazard", "hazardous_situation", "harm", "cause", "severity", "probability",
                          "controls", "residual", "benefit_risk", "items", "obsolete"]

    init(_ m: YAMLMapping, policy: RiskPolicy?) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        hazard = try m.requiredText("hazard")
        hazardousSituation = try m.text("hazardous_situation")
        harm = try m.text("harm")
        cause = try m.text("cause")
        let severity = try Self.scaleValue(m, "severity", policy?.severity)
        let probability = try Self.scaleValue(m, "probability", policy?.probability)
        initial = severity.flatMap { s in probability.map { RiskEstimate(severity: s, probability: $0) } }
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
            let r = try value.mapping("residual", allowed: ["severity", "probability"])
            guard let severity = try Self.scaleValue(r, "severity", policy?.severity),
                  let probability = try Self.scaleValue(r, "probability", policy?.probability) else {
                throw DossierError("the residual risk needs both 'severity' and 'probability'", at: r.location)
            }
            residual = RiskEstimate(severity: severity, probability: probability)
        }
        benefitRisk = try m.text("benefit_risk")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        obsolete = try m.obsolescence()
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
            ("hazard", hazard), ("hazardous_situation", hazardousSituation), ("harm", harm), ("cause", cause),
            ("severity", initial?.severity), ("probability", initial?.probability),
            ("controls", controls.map { "\($0.requirement)" + ($0.type.map { " (\($0.rawValue))" } ?? "") }),
            ("residual", residual.map { "\($0.severity) / \($0.probability)" }),
            ("benefit_risk", benefitRisk), ("items", items), ("obsolete", obsolete),
        ])
    }
    /// Its links to the requirements that control it and the items that contribute to it.
    public var links: [RecordLink] { Self.links([("controls", controls.map(\.requirement)), ("items", items)]) }
}
