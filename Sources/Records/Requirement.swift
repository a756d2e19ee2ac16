import Support

/// A software requirement (IEC 62304 5.2): what the software shall do, and the tests that verify it.
public struct Requirement: Record {
    /// The record kind: requirement, with `REQ-` ids.
    public static let kind = RecordKind.requirement
    /// Its id, e.g. `REQ-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// A short name.
    public var title: String
    /// The requirement text ("The app shall …").
    public var text: String
    /// functional, safety, security, performance, usability, interface or regulatory.
    public var type: String?
    /// draft, approved or obsolete.
    public var status: Status?
    /// Software items that implement it.
    public var items: [String]
    /// Test ids or globs over `classname.name` that verify it.
    public var verifiedBy: [String]

    static let types = ["functional", "safety", "security", "performance", "usability", "interface", "regulatory"]
    static let allowed = ["id", "title", "text", "type", "status", "items", "verified_by", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        text = try m.requiredText("text")
        type = try m.choice("type", Self.types)
        status = try m.choice("status", Status.self)
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        verifiedBy = try m.texts("verified_by")
        obsolete = try m.obsolescence()
    }

    /// Its title, the name tables show.
    public var headline: String { title }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("title", title), ("text", text), ("type", type), ("status", status), ("items", items),
                     ("verified_by", verifiedBy), ("obsolete", obsolete)])
    }
    /// Its links to the software items that implement it.
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
