/// The regulatory assessment of a change: what submission it needs, and why.
public struct RegulatoryAssessment: Sendable, Codable, Hashable {
    /// e.g. letter-to-file, new-510k, notified-body-notification, none.
    public var decision: String
    public var rationale: String?
}

/// A change request (IEC 62304 6.2.4, 8.2.1): the approved reason for commits, with its safety-impact analysis.
public struct ChangeRequest: Record {
    public static let kind = RecordKind.changeRequest
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    public var title: String
    public var type: String?
    public var status: String?
    public var description: String?
    /// The analysis of the change's effect on safety (IEC 62304 7.4).
    public var safetyImpact: String?
    /// Risk controls (requirements) the change affects.
    public var affectedControls: [String]
    public var regulatoryAssessment: RegulatoryAssessment?
    public var requirements: [String]
    public var risks: [String]
    public var threats: [String]
    public var items: [String]
    /// Problem reports it resolves.
    public var problemReports: [String]
    public var affectsLabeling: Bool?
    public var approvedBy: String?
    public var approvedOn: String?

    static let allowed = ["id", "title", "type", "status", "description", "safety_impact", "affected_controls",
                          "regulatory_assessment", "requirements", "risks", "threats", "items", "problem_reports",
                          "affects_labeling", "approved_by", "approved_on", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        type = try m.choice("type", ["feature", "fix", "security", "maintenance", "labeling"])
        status = try m.choice("status", ["open", "approved", "implemented", "closed", "rejected"])
        description = try m.text("description")
        safetyImpact = try m.text("safety_impact")
        affectedControls = try m.ids("affected_controls", prefix: RecordKind.requirement.prefix)
        if let value = m["regulatory_assessment"] {
            let r = try value.mapping("regulatory_assessment", allowed: ["decision", "rationale"])
            regulatoryAssessment = RegulatoryAssessment(decision: try r.requiredText("decision"), rationale: try r.text("rationale"))
        }
        requirements = try m.ids("requirements", prefix: RecordKind.requirement.prefix)
        risks = try m.ids("risks", prefix: RecordKind.risk.prefix)
        threats = try m.ids("threats", prefix: RecordKind.threat.prefix)
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        problemReports = try m.ids("problem_reports", prefix: RecordKind.problemReport.prefix)
        affectsLabeling = try m.bool("affects_labeling")
        approvedBy = try m.text("approved_by")
        approvedOn = try m.text("approved_on")
        obsolete = try m.obsolescence()
    }

    public var headline: String { title }
    public var fields: [RecordField] {
        Self.fields([("title", title), ("type", type), ("status", status), ("description", description),
                     ("safety_impact", safetyImpact), ("affected_controls", affectedControls),
                     ("regulatory_assessment", regulatoryAssessment.map { [$0.decision, $0.rationale].compactMap { $0 }.joined(separator: ": ") }),
                     ("requirements", requirements), ("risks", risks), ("threats", threats), ("items", items),
                     ("problem_reports", problemReports), ("affects_labeling", affectsLabeling),
                     ("approved_by", approvedBy), ("approved_on", approvedOn), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] {
        Self.links([("affected_controls", affectedControls), ("requirements", requirements), ("risks", risks),
                    ("threats", threats), ("items", items), ("problem_reports", problemReports)])
    }
}
