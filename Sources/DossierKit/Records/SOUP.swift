/// Software of unknown provenance (IEC 62304 8.1.2): a third-party component, its version and support.
public struct SOUP: Record {
    public static let kind = RecordKind.soup
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    public var name: String
    public var version: String
    public var supplier: String?
    public var license: String?
    public var purl: String?
    public var purpose: String?
    public var items: [String]
    public var supportLevel: String?
    public var endOfSupport: String?
    public var anomaliesReviewed: String?

    static let allowed = ["id", "name", "version", "supplier", "license", "purl", "purpose", "items",
                          "support_level", "end_of_support", "anomalies_reviewed", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        name = try m.requiredText("name")
        version = try m.requiredText("version")
        supplier = try m.text("supplier")
        license = try m.text("license")
        purl = try m.text("purl")
        purpose = try m.text("purpose")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        supportLevel = try m.choice("support_level", ["maintained", "security-only", "unsupported"])
        endOfSupport = try m.text("end_of_support")
        anomaliesReviewed = try m.text("anomalies_reviewed")
        obsolete = try m.obsolescence()
    }

    public var headline: String { "\(name) \(version)" }
    public var fields: [RecordField] {
        Self.fields([("name", name), ("version", version), ("supplier", supplier), ("license", license),
                     ("purl", purl), ("purpose", purpose), ("items", items), ("support_level", supportLevel),
                     ("end_of_support", endOfSupport), ("anomalies_reviewed", anomaliesReviewed), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
