import Support

/// The regulatory assessment of a change: what submission it needs, and why.
public struct RegulatoryAssessment: Sendable, Codable, Hashable {
    /// e.g. letter-to-file, new-510k, notified-body-notification, none.
    public var decision: String
    /// Why the change needs that submission, or none.
    public var rationale: String?
}

/// A change request (IEC 62304 6.2.4, 8.2.1): the approved reason for commits, with its safety-impact analysis.
public struct ChangeRequest: Record {
    /// The record kind: change request, with `CR-` ids.
    public static let kind = RecordKind.changeRequest
    /// Its id, e.g. `CR-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// A short name for the change.
    public var title: String
    /// feature, fix, security, maintenance or labeling.
    public var type: String?
    /// open, approved, implemented, closed or rejected.
    public var status: Status?
    /// What is to change, and why.
    public var description: String?
    /// The analysis of the change's effect on safety (IEC 62304 7.4).
    public var safetyImpact: String?
    /// Risk controls (requirements) the change affects.
    public var affectedControls: [String]
    /// Whether the record states its affected controls at all: `affected_controls: []` says the analysis found
    /// none, which is different from not saying.
    public var statesAffectedControls: Bool
    /// What submission or notification the change needs, and why.
    public var regulatoryAssessment: RegulatoryAssessment?
    /// Requirements the change adds, modifies or retires.
    public var requirements: [String]
    /// Risks whose analysis the change affects.
    public var risks: [String]
    /// Threats whose analysis the change affects.
    public var threats: [String]
    /// Software items the change modifies.
    public var items: [String]
    /// Problem reports it resolves.
    public var problemReports: [String]
    /// Whether the change needs a labeling or IFU update.
    public var affectsLabeling: Bool?
    /// Who approved the change for implementation.
    public var approvedBy: String?
    /// When the change was approved, as written in the record.
    public var approvedOn: String?
    /// Where it was imported from, e.g. `GitHub issue #12` or `Jira PDRM-12`; `nil` for a YAML record.
    public var origin: String?
    /// The release the tracker plans it for (GitHub milestone, Jira fix versions).
    public var targetRelease: String?
    /// The tracker's links to other issues, in words, e.g. `blocks PDRM-7`.
    public var relatedIssues: [String]?

    static let allowed = ["id", "title", "type", "status", "description", "safety_impact", "affected_controls",
                          "regulatory_assessment", "requirements", "risks", "threats", "items", "problem_reports",
                          "affects_labeling", "approved_by", "approved_on", "obsolete"]

    /// A change request imported from an issue tracker: only what the tracker says is set.
    init(imported id: String, title: String, origin: String, at location: SourceLocation) {
        self.id = id
        source = location
        self.title = title
        self.origin = origin
        affectedControls = []
        statesAffectedControls = false
        requirements = []
        risks = []
        threats = []
        items = []
        problemReports = []
    }

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        type = try m.choice("type", ["feature", "fix", "security", "maintenance", "labeling"])
        status = try m.choice("status", Status.self)
        description = try m.text("description")
        safetyImpact = try m.text("safety_impact")
        affectedControls = try m.ids("affected_controls", prefix: RecordKind.requirement.prefix)
        statesAffectedControls = m["affected_controls"] != nil
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

    /// Its title, the name tables show.
    public var headline: String { title }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("title", title), ("type", type), ("status", status), ("description", description),
                     ("safety_impact", safetyImpact), ("affected_controls", affectedControls),
                     ("regulatory_assessment", regulatoryAssessment.map { [$0.decision, $0.rationale].compactMap { $0 }.joined(separator: ": ") }),
                     ("requirements", requirements), ("risks", risks), ("threats", threats), ("items", items),
                     ("problem_reports", problemReports), ("affects_labeling", affectsLabeling),
                     ("approved_by", approvedBy), ("approved_on", approvedOn), ("origin", origin),
                     ("target_release", targetRelease), ("related_issues", relatedIssues ?? []), ("obsolete", obsolete)])
    }
    /// Its links to requirements, controls, risks, threats, items and problem reports.
    public var links: [RecordLink] {
        Self.links([("affected_controls", affectedControls), ("requirements", requirements), ("risks", risks),
                    ("threats", threats), ("items", items), ("problem_reports", problemReports)])
    }
}
