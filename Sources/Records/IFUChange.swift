import Support

/// A change to the instructions for use or labeling (MDR GSPR 23, 21 CFR 801).
public struct IFUChange: Record {
    /// The record kind: IFU change, with `IFU-` ids.
    public static let kind = RecordKind.ifuChange
    /// Its id, e.g. `IFU-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// The labeling document changed.
    public var document: String
    /// The section of that document changed.
    public var section: String?
    /// What changed in it.
    public var change: String
    /// Why the labeling changed.
    public var reason: String?
    /// Requirements the labeling change follows from.
    public var requirements: [String]
    /// Risks the changed labeling addresses, e.g. as information for safety.
    public var risks: [String]
    /// Threats the changed labeling addresses, e.g. security instructions for users.
    public var threats: [String]

    static let allowed = ["id", "document", "section", "change", "reason", "requirements", "risks", "threats", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        document = try m.requiredText("document")
        section = try m.text("section")
        change = try m.requiredText("change")
        reason = try m.text("reason")
        requirements = try m.ids("requirements", prefix: RecordKind.requirement.prefix)
        risks = try m.ids("risks", prefix: RecordKind.risk.prefix)
        threats = try m.ids("threats", prefix: RecordKind.threat.prefix)
        obsolete = try m.obsolescence()
    }

    /// The document and section, for tables.
    public var headline: String { [document, section].compactMap { $0 }.joined(separator: ", ") }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("document", document), ("section", section), ("change", change), ("reason", reason),
                     ("requirements", requirements), ("risks", risks), ("threats", threats), ("obsolete", obsolete)])
    }
    /// Its links to requirements, risks and threats.
    public var links: [RecordLink] { Self.links([("requirements", requirements), ("risks", risks), ("threats", threats)]) }
}
