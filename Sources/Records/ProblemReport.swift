import Support

/// A problem report (IEC 62304 9): an anomaly found, and what became of it.
public struct ProblemReport: Record {
    /// The record kind: problem report, with `PR-` ids.
    public static let kind = RecordKind.problemReport
    /// Its id, e.g. `PR-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// A short name for the anomaly.
    public var title: String
    /// The anomaly as observed.
    public var description: String?
    /// How serious the anomaly is, on the manufacturer's own scale.
    public var severity: String?
    /// open, investigating, resolved, closed or deferred.
    public var status: Status?
    /// Software items the anomaly is in.
    public var items: [String]
    /// For an anomaly left open: why it does not contribute to an unacceptable risk (IEC 62304 5.8.3).
    public var evaluation: String?
    /// Test ids (or globs over `classname.name`) whose failure or skip this report dispositions (IEC 62304 5.7.4, 9.8).
    public var tests: [String]

    static let allowed = ["id", "title", "description", "severity", "status", "items", "evaluation", "tests", "obsolete"]

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        description = try m.text("description")
        severity = try m.text("severity")
        status = try m.choice("status", Status.self)
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        evaluation = try m.text("evaluation")
        tests = try m.texts("tests")
        obsolete = try m.obsolescence()
    }

    /// Whether the anomaly is still open in the release (a known residual anomaly).
    public var isOpen: Bool { Self.isOpen(status) }
    /// Whether a problem report of `status` is open (none stated: open).
    public static func isOpen(_ status: Status?) -> Bool { ![.resolved, .closed].contains(status ?? .open) }
    /// Whether it is a known residual anomaly of its release: open and in force. The SUF lists these (section 11) and
    /// the DHF's trends count them, with this one test.
    public var isKnownAnomaly: Bool { isOpen && obsolete == nil }

    /// Its title, the name tables show.
    public var headline: String { title }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("title", title), ("description", description), ("severity", severity), ("status", status),
                     ("items", items), ("evaluation", evaluation), ("tests", tests), ("obsolete", obsolete)])
    }
    /// Its links to the software items it concerns.
    public var links: [RecordLink] { Self.links([("items", items)]) }
}
