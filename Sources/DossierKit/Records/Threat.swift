/// A cybersecurity threat in the threat model (FDA premarket cybersecurity guidance; MDR GSPR 17.2/17.4).
public struct Threat: Record {
    /// The record kind: threat, with `THR-` ids.
    public static let kind = RecordKind.threat
    /// Its id, e.g. `THR-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// A short name for the threat.
    public var title: String
    /// The STRIDE category.
    public var stride: String?
    /// The asset the threat is against, e.g. patient data or therapy settings.
    public var asset: String?
    /// How the threat could be carried out.
    public var description: String?
    /// The CVSS vector before mitigation.
    public var cvss: String?
    /// The CVSS vector after mitigation.
    public var residualCvss: String?
    /// Requirements that mitigate it.
    public var mitigations: [String]
    /// Safety risks it can lead to.
    public var risks: [String]
    /// mitigated, accepted, transferred or not_applicable.
    public var disposition: String?
    /// Software items exposed to it.
    public var items: [String]
    /// Whether exploiting the threat could lead to harm to a patient or user (then it must link to a risk).
    public var safetyImpact: Bool?

    static let strideCategories = ["Spoofing", "Tampering", "Repudiation", "Information disclosure",
                                   "Denial of service", "Elevation of privilege"]
    static let dispositions = ["mitigated", "accepted", "transferred", "not_applicable"]
    static let allowed = ["id", "title", "stride", "asset", "description", "cvss", "residual_cvss", "mitigations",
                          "risks", "disposition", "safety_impact", "items", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        stride = try m.choice("stride", Self.strideCategories)
        asset = try m.text("asset")
        description = try m.text("description")
        cvss = try m.text("cvss")
        residualCvss = try m.text("residual_cvss")
        mitigations = try m.ids("mitigations", prefix: RecordKind.requirement.prefix)
        risks = try m.ids("risks", prefix: RecordKind.risk.prefix)
        disposition = try m.choice("disposition", Self.dispositions)
        safetyImpact = try m.bool("safety_impact")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        obsolete = try m.obsolescence()
    }

    /// Its title, the name tables show.
    public var headline: String { title }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("title", title), ("stride", stride), ("asset", asset), ("description", description),
                     ("cvss", cvss), ("residual_cvss", residualCvss), ("mitigations", mitigations), ("risks", risks),
                     ("disposition", disposition), ("safety_impact", safetyImpact), ("items", items), ("obsolete", obsolete)])
    }
    /// Its links to mitigating requirements, safety risks and software items.
    public var links: [RecordLink] { Self.links([("mitigations", mitigations), ("risks", risks), ("items", items)]) }
}
