import Support

/// A software item (IEC 62304 5.3) with its safety class and the paths that belong to it.
public struct SoftwareItem: Record {
    /// The record kind: software item, with `ITEM-` ids.
    public static let kind = RecordKind.softwareItem
    /// Its id, e.g. `ITEM-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// The item's name in the software architecture.
    public var name: String
    /// The item's software safety class (IEC 62304 4.3).
    public var safetyClass: SafetyClass?
    /// What the item does.
    public var description: String?
    /// The item it is part of.
    public var parent: String?
    /// Path globs: `**` any depth, `*` within a name, `!` excludes.
    public var paths: [String]

    static let allowed = ["id", "name", "safety_class", "description", "parent", "paths", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        name = try m.requiredText("name")
        safetyClass = try m.safetyClass("safety_class")
        description = try m.text("description")
        parent = try m.text("parent")
        if let parent, !parent.hasPrefix(RecordKind.softwareItem.prefix) {
            throw DossierError("expected an ITEM- id for 'parent', found \(Excerpt.quoted(parent))", at: m["parent"]?.location)
        }
        paths = try m.texts("paths")
        obsolete = try m.obsolescence()
    }

    /// Its name, the name tables show.
    public var headline: String { name }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("name", name), ("safety_class", safetyClass?.rawValue), ("description", description),
                     ("parent", parent), ("paths", paths), ("obsolete", obsolete)])
    }
    /// Its link to the item it is part of.
    public var links: [RecordLink] { Self.links([("parent", parent.map { [$0] } ?? [])]) }
}
