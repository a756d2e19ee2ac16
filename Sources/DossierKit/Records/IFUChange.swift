/// A change to the instructions for use or labeling (MDR GSPR 23, 21 CFR 801).
public struct IFUChange: Record {
    public static let kind = RecordKind.ifuChange
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    /// The labeling document changed.
    public var document: String
    public var section: String?
    /// What changed in it.
    public var change: String
    public var reason: String?
    public var requirements: [String]
    public var risks: [String]
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

    public var headline: String { [document, section].compactMap { $0 }.joined(separator: ", ") }
    public var fields: [RecordField] {
        Self.fields([("document", document), ("section", section), ("change", change), ("reason", reason),
                     ("requirements", requirements), ("risks", risks), ("threats", threats), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("requirements", requirements), ("risks", risks), ("threats", threats)]) }
}
