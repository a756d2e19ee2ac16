/// Software of unknown provenance (IEC 62304 8.1.2): a third-party component, its version and support.
public struct SOUP: Record {
    /// The record kind: SOUP item, with `SOUP-` ids.
    public static let kind = RecordKind.soup
    /// Its id, e.g. `SOUP-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// The component's name, as its supplier publishes it.
    public var name: String
    /// The exact version the release uses.
    public var version: String
    /// Who supplies or maintains the component.
    public var supplier: String?
    /// Its license, e.g. an SPDX identifier.
    public var license: String?
    /// Its package URL, to find it in SBOMs and vulnerability databases.
    public var purl: String?
    /// What the software system uses it for.
    public var purpose: String?
    /// Software items that use it.
    public var items: [String]
    /// maintained, security-only or unsupported.
    public var supportLevel: String?
    /// When its supplier stops supporting it, as written in the record.
    public var endOfSupport: String?
    /// The evaluation of its published anomaly list (IEC 62304 7.1.3), e.g. a date or a reference.
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

    /// Name and version, the name tables show.
    public var headline: String { "\(name) \(version)" }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("name", name), ("version", version), ("supplier", supplier), ("license", license),
                     ("purl", purl), ("purpose", purpose), ("items", items), ("support_level", supportLevel),
                     ("end_of_support", endOfSupport), ("anomalies_reviewed", anomaliesReviewed), ("obsolete", obsolete)])
    }
    /// Its links to the software items that use it.
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
