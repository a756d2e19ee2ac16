/// A cybersecurity threat in the threat model (FDA premarket cybersecurity guidance; MDR GSPR 17.2/17.4).
public struct Threat: Record {
    public static let kind = RecordKind.threat
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    public var title: String
    /// The STRIDE category.
    public var stride: String?
    public var asset: String?
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
    public var items: [String]

    static let strideCategories = ["Spoofing", "Tampering", "Repudiation", "Information disclosure",
                                   "Denial of service", "Elevation of privilege"]
    static let dispositions = ["mitigated", "accepted", "transferred", "not_applicable"]
    static let allowed = ["id", "title", "stride", "asset", "description", "cvss", "residual_cvss", "mitigations",
                          "risks", "disposition", "items", "obsolete"]

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
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        obsolete = try m.obsolescence()
    }

    public var headline: String { title }
    public var fields: [RecordField] {
        Self.fields([("title", title), ("stride", stride), ("asset", asset), ("description", description),
                     ("cvss", cvss), ("residual_cvss", residualCvss), ("mitigations", mitigations), ("risks", risks),
                     ("disposition", disposition), ("items", items), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("mitigations", mitigations), ("risks", risks), ("items", items)]) }
}
