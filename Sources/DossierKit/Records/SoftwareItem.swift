/// A software item (IEC 62304 5.3) with its safety class and the paths that belong to it.
public struct SoftwareItem: Record {
    public static let kind = RecordKind.softwareItem
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    public var name: String
    public var safetyClass: SafetyClass?
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
            throw DossierError("expected an ITEM- id for 'parent', found '\(parent)'", at: m["parent"]?.location)
        }
        paths = try m.texts("paths")
        obsolete = try m.obsolescence()
    }

    public var headline: String { name }
    public var fields: [RecordField] {
        Self.fields([("name", name), ("safety_class", safetyClass?.rawValue), ("description", description),
                     ("parent", parent), ("paths", paths), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("parent", parent.map { [$0] } ?? [])]) }
}
