/// One row of the traceability matrix: a requirement and everything linked to it.
public struct TraceRow: Sendable, Codable, Hashable {
    /// The requirement's id.
    public var requirement: String
    /// Its title.
    public var title: String
    /// Its status (draft, approved, obsolete), or empty.
    public var status: String
    /// Risks it controls.
    public var risks: [String]
    /// Threats it mitigates.
    public var threats: [String]
    /// Software items that implement it.
    public var items: [String]
    /// Change requests that name it, or whose commits name it.
    public var changeRequests: [String]
    /// Commits of the release that name it, or that implement a change request naming it.
    public var commits: [String]
    /// Tests that verify it.
    public var tests: [String]
    /// Its tests taken together: passed, failed, skipped, or no test.
    public var result: String
}

/// The traceability matrix: one row per requirement, from the trace graph.
public enum TraceMatrix {
    /// The rows, in requirement id order.
    public static func rows(release: Release, graph: TraceGraph) -> [TraceRow] {
        let order = Dictionary(release.commits.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return release.records.requirements.sorted { ReleaseJoin.idOrder($0.id, $1.id) }.map { requirement in
            let node = TraceNode(.requirement, requirement.id)
            let crs = Set(graph.above(node, .changeRequest).map(\.id))
            let direct = graph.above(node, .commit).map(\.id)
            let viaChangeRequests = crs.flatMap { graph.below(TraceNode(.changeRequest, $0), .commit).map(\.id) }
            let commits = Set(direct + viaChangeRequests)
            let commitCRs = commits.flatMap { graph.above(TraceNode(.commit, $0), .changeRequest).map(\.id) }
            return TraceRow(
                requirement: requirement.id, title: requirement.title, status: requirement.status ?? "",
                risks: graph.above(node, .risk).map(\.id), threats: graph.above(node, .threat).map(\.id),
                items: graph.below(node, .softwareItem).map(\.id),
                changeRequests: Set(crs).union(commitCRs).sorted(by: ReleaseJoin.idOrder),
                commits: commits.sorted { order[$0, default: 0] < order[$1, default: 0] },
                tests: graph.below(node, .test).map(\.id), result: graph.result(ofRequirement: requirement.id))
        }
    }

    /// The matrix as CSV (RFC 4180 quoting, a header line, `\n` line ends; lists joined with `; `; commits as
    /// 12-digit abbreviations).
    public static func csv(_ rows: [TraceRow]) -> String {
        var out = "requirement,title,status,risks,threats,items,change_requests,commits,tests,result\n"
        for row in rows {
            let fields = [row.requirement, row.title, row.status, row.risks.joined(separator: "; "), row.threats.joined(separator: "; "),
                          row.items.joined(separator: "; "), row.changeRequests.joined(separator: "; "),
                          row.commits.map { String($0.prefix(12)) }.joined(separator: "; "), row.tests.joined(separator: "; "), row.result]
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
