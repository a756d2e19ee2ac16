/// A problem report (IEC 62304 9): an anomaly found, and what became of it.
public struct ProblemReport: Record {
    public static let kind = RecordKind.problemReport
    public var id: String
    public var source: SourceLocation
    public var obsolete: Obsolescence?
    public var title: String
    public var description: String?
    public var severity: String?
    /// open, investigating, resolved, closed or deferred.
    public var status: String?
    public var items: [String]
    /// For an anomaly left open: why it does not contribute to an unacceptable risk (IEC 62304 5.8.3).
    public var evaluation: String?

    static let allowed = ["id", "title", "description", "severity", "status", "items", "evaluation", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        description = try m.text("description")
        severity = try m.text("severity")
        status = try m.choice("status", ["open", "investigating", "resolved", "closed", "deferred"])
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        evaluation = try m.text("evaluation")
        obsolete = try m.obsolescence()
    }

    /// Whether the anomaly is still open in the release (a known residual anomaly).
    public var isOpen: Bool { !["resolved", "closed"].contains(status ?? "open") }

    public var headline: String { title }
    public var fields: [RecordField] {
        Self.fields([("title", title), ("description", description), ("severity", severity), ("status", status),
                     ("items", items), ("evaluation", evaluation), ("obsolete", obsolete)])
    }
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
