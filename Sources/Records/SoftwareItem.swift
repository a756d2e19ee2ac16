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
    /// The trust zone it runs in, for the security architecture view: items and outside elements of one zone lie
    /// inside one trust boundary. Nil when not stated.
    public var zone: String?
    /// Its interfaces to other items and to elements outside the software (IEC 62304 5.3.2).
    public var interfaces: [ItemInterface]

    static let allowed = ["id", "name", "safety_class", "description", "parent", "paths", "zone", "interfaces", "obsolete"]

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
        zone = try m.zone()
        let id = self.id
        interfaces = try m["interfaces"].map { value in
            try value.list("a list of interfaces under 'interfaces'").map {
                try ItemInterface($0.mapping("an interface", allowed: ItemInterface.allowed), item: id)
            }
        } ?? []
        obsolete = try m.obsolescence()
    }

    /// Its name, the name tables show.
    public var headline: String { name }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("name", name), ("safety_class", safetyClass?.rawValue), ("description", description),
                     ("parent", parent), ("paths", paths), ("zone", zone), ("interfaces", interfaces.map(\.text)),
                     ("obsolete", obsolete)])
    }
    /// Its link to the item it is part of. Its interfaces are not trace links (an interface to another item does not
    /// carry a requirement there); `RecordSet.resolveLinks` checks where they lead.
    public var links: [RecordLink] { Self.links([("parent", parent.map { [$0] } ?? [])]) }
}

extension SoftwareItem {
    private enum CodingKeys: String, CodingKey {
        case id, source, obsolete, name, safetyClass, description, parent, paths, zone, interfaces
    }

    /// Decodes a software item from a suf.json; one written before items had interfaces has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decode(SourceLocation.self, forKey: .source)
        obsolete = try c.decodeIfPresent(Obsolescence.self, forKey: .obsolete)
        name = try c.decode(String.self, forKey: .name)
        safetyClass = try c.decodeIfPresent(SafetyClass.self, forKey: .safetyClass)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        paths = try c.decode([String].self, forKey: .paths)
        zone = try c.decodeIfPresent(String.self, forKey: .zone)
        interfaces = try c.decodeIfPresent([ItemInterface].self, forKey: .interfaces) ?? []
    }
}
