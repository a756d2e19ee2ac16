import Model
import Records

/// The traceability matrix: one row per requirement, each the requirement's own links in the trace graph (what
/// `dossier trace` shows one link away), nothing reached through a commit or another record.
public enum TraceMatrix {
    /// The rows, in requirement id order.
    public static func rows(release: Release, graph: TraceGraph) -> [TraceRow] {
        release.records.requirements.sorted { ReleaseJoin.idOrder($0.id, $1.id) }.map { TraceRow(requirement: $0, graph: graph) }
    }

    /// The matrix as CSV (RFC 4180 quoting, a header line, `\n` line ends; lists joined with `; `; commits as
    /// 12-digit abbreviations; each link labelled as in the SUF).
    public static func csv(_ rows: [TraceRow]) -> String {
        var out = "requirement,title,status,risks,threats,ifu_changes,items,change_requests,commits,tests,result\n"
        for row in rows {
            let fields = [row.requirement, row.title, row.status]
                + row.cells(separator: "; ") + [row.result]
            out += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A CSV field: quoted when it holds a comma, a quote or a line break, with quotes doubled; a field that a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
    static func quoted(_ field: String) -> String {
        var text = field
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension TraceRow {
    /// The row of `requirement`: its own links in `graph`, one link away.
    init(requirement: Requirement, graph: TraceGraph) {
        let node = TraceNode(.requirement, requirement.id)
        let up = graph.linked(node, .up), down = graph.linked(node, .down)
        func entries(_ links: [(node: TraceNode, entry: TraceEntry)], _ kind: TraceNode.Kind) -> [TraceEntry] {
            links.filter { $0.node.kind == kind }.map(\.entry)
        }
        self.init(requirement: requirement.id, title: requirement.title, status: requirement.status?.rawValue ?? "",
                  risks: entries(up, .risk), threats: entries(up, .threat), ifuChanges: entries(up, .ifuChange),
                  items: entries(down, .softwareItem), changeRequests: entries(up, .changeRequest),
                  commits: entries(up, .commit), tests: entries(down, .test),
                  result: graph.result(ofRequirement: requirement.id))
    }
}
