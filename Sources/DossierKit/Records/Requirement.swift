/// A software requirement (IEC 62304 5.2): what the software shall do, and the tests that verify it.
public struct Requirement: Record {
    public static let kind = RecordKind.requirement
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    /// A short name.
    public var title: String
    /// The requirement text ("The app shall …").
    public var text: String
    /// functional, safety, security, performance, usability, interface or regulatory.
    public var type: String?
    /// draft, approved or obsolete.
    public var status: String?
    /// Software items that implement it.
    public var items: [String]
    /// Test ids or globs over `classname.name` that verify it.
    public var verifiedBy: [String]

    static let types = ["functional", "safety", "security", "performance", "usability", "interface", "regulatory"]
    static let statuses = ["draft", "approved", "obsolete"]
    static let allowed = ["id", "title", "text", "type", "status", "items", "verified_by", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        text = try m.requiredText("text")
        type = try m.choice("type", Self.types)
        status = try m.choice("status", Self.statuses)
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        verifiedBy = try m.texts("verified_by")
        obsolete = try m.obsolescence()
    }

    public var headline: String { title }
    public var fields: [RecordField] {
        Self.fields([("title", title), ("text", text), ("type", type), ("status", status), ("items", items),
                     ("verified_by", verifiedBy), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
