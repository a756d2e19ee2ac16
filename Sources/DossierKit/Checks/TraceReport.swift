import Foundation

/// One record's whole trace chain, both ways: what links to it (up: risks, threats, change requests, commits…)
/// and what it links to (down: items, tests…), followed link by link. `dossier trace ID` prints it.
public struct TraceReport: Sendable, Codable {
    /// One node of a chain, with the nodes reached from it.
    public struct Branch: Sendable, Codable, Hashable {
        /// What the node is.
        public var kind: TraceNode.Kind
        /// Its id.
        public var id: String
        /// Its headline: a record's title, a commit's subject, a test's outcome.
        public var title: String
        /// Where a record is defined.
        public var location: SourceLocation?
        /// The nodes one link further, already shown nodes left out.
        public var branches: [Branch]
    }

    /// The record asked for, with `up` and `down` as its two chains.
    public var root: Branch
    /// What links to the record, transitively.
    public var up: [Branch]
    /// What the record links to, transitively.
    public var down: [Branch]

    /// Builds the report for `id` (a record id, a commit id or prefix, or a test id).
    /// - Throws: `DossierError` when nothing in the release has that id.
    public static func make(id: String, release: Release, graph: TraceGraph) throws -> TraceReport {
        var titles: [TraceNode: (String, SourceLocation?)] = [:]
        for record in release.records.all {
            if let kind = TraceGraph.kind(ofRecordId: record.id) { titles[TraceNode(kind, record.id)] = (record.headline, record.source) }
        }
        for commit in release.commits { titles[TraceNode(.commit, commit.id)] = (commit.subject, nil) }
        for (test, cases) in graph.tests { titles[TraceNode(.test, test)] = (cases.map(\.outcome.rawValue).joined(separator: ", "), cases.first?.location) }

        let known = Set(titles.keys).union(graph.down.keys).union(graph.up.keys)
        let matches = known.filter { $0.id == id || ($0.kind == .commit && id.count >= 7 && $0.id.hasPrefix(id)) }
        guard matches.count == 1, let node = matches.first else {
            if matches.isEmpty { throw DossierError("nothing in release \(release.identification.release) has the id '\(id)'") }
            throw DossierError("'\(id)' names \(matches.count) things in release \(release.identification.release); give more of the id")
        }
        func title(_ node: TraceNode) -> String { titles[node]?.0 ?? "(no record with this id)" }
        // A node's direct links are claimed before any of them is followed, so each shows at its nearest level.
        func grow(_ node: TraceNode, _ links: [TraceNode: Set<TraceNode>], _ seen: inout Set<TraceNode>) -> [Branch] {
            let next = (links[node] ?? []).sorted().filter { !seen.contains($0) }
            seen.formUnion(next)
            return next.map { Branch(kind: $0.kind, id: $0.id, title: title($0), location: titles[$0]?.1,
                                     branches: grow($0, links, &seen)) }
        }
        var seenUp: Set<TraceNode> = [node], seenDown: Set<TraceNode> = [node]
        return TraceReport(root: Branch(kind: node.kind, id: node.id, title: title(node), location: titles[node]?.1, branches: []),
                           up: grow(node, graph.up, &seenUp), down: grow(node, graph.down, &seenDown))
    }

    /// The report as indented text.
    public var text: String {
        func line(_ branch: Branch, depth: Int) -> String {
            let name = branch.kind == .commit ? "commit \(branch.id.prefix(12))" : branch.kind == .test ? "test \(branch.id)" : branch.id
            let place = branch.location.map { ", \($0)" } ?? ""
            return String(repeating: "  ", count: depth) + "\(name)  \(branch.title)  (\(Self.kindName(branch.kind))\(place))\n"
                + branch.branches.map { line($0, depth: depth + 1) }.joined()
        }
        var out = line(root, depth: 0)
        out += "up (what links to it):\n" + (up.isEmpty ? "  nothing\n" : up.map { line($0, depth: 1) }.joined())
        out += "down (what it links to):\n" + (down.isEmpty ? "  nothing\n" : down.map { line($0, depth: 1) }.joined())
        return out
    }

    /// The kind in words.
    static func kindName(_ kind: TraceNode.Kind) -> String {
        switch kind {
        case .requirement: "requirement"
        case .risk: "risk"
        case .threat: "threat"
        case .ifuChange: "IFU change"
        case .softwareItem: "software item"
        case .soup: "SOUP"
        case .changeRequest: "change request"
        case .problemReport: "problem report"
        case .commit: "commit"
        case .test: "test"
        }
    }
}
