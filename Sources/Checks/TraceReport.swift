import Foundation
import Git
import Model
import Records
import Support

/// One record's whole trace chain, both ways: what links to it (up: risks, threats, change requests, commits…)
/// and what it links to (down: items, tests…), followed link by link. Its first level is exactly what the trace
/// matrix shows for the record (both read `TraceGraph.linked`). `dossier trace ID` prints it.
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
        /// Where the link from the node one level nearer the root is written (a field, a trailer key); empty
        /// for the root.
        public var via: [String]
        /// The record's status when it has one worth showing (a change request's status, `obsolete`).
        public var status: String?
        /// The nodes one link further, already shown nodes left out.
        public var branches: [Branch]
    }

    /// The release traced (its tag, or the revision given).
    public var release: String
    /// The record asked for, with `up` and `down` as its two chains.
    public var root: Branch
    /// What links to the record, transitively.
    public var up: [Branch]
    /// What the record links to, transitively.
    public var down: [Branch]

    /// Builds the report for `id` (a record id, a commit id or prefix, or a test id).
    /// - Throws: `DossierError` when nothing in the release has that id.
    public static func make(id: String, release: Release, graph: TraceGraph) throws -> TraceReport {
        try Maker(release: release, graph: graph).report(id)
    }

    /// Makes the reports of many ids of one release, the titles of its records, commits and tests gathered once.
    public struct Maker: Sendable {
        private let release: String
        private let graph: TraceGraph
        private let titles: [TraceNode: (String, SourceLocation?)]
        private let known: Set<TraceNode>

        /// Gathers the titles of `release`'s records, commits and tests.
        public init(release: Release, graph: TraceGraph) {
            var titles: [TraceNode: (String, SourceLocation?)] = [:]
            for record in release.records.all {
                if let kind = TraceGraph.kind(ofRecordId: record.id) { titles[TraceNode(kind, record.id)] = (record.headline, record.source) }
            }
            for commit in release.commits { titles[TraceNode(.commit, commit.id)] = (commit.subject, nil) }
            for (test, cases) in graph.tests { titles[TraceNode(.test, test)] = (cases.map(\.outcome.rawValue).joined(separator: ", "), cases.first?.location) }
            self.release = release.identification.release
            self.graph = graph
            self.titles = titles
            known = Set(titles.keys).union(graph.linkedNodes)
        }

        /// The report for `id` (a record id, a commit id or prefix, or a test id).
        /// - Throws: `DossierError` when nothing in the release has that id, or more than one thing.
        public func report(_ id: String) throws -> TraceReport {
            let matches = known.filter { $0.id == id || ($0.kind == .commit && id.count >= 7 && $0.id.hasPrefix(id)) }
            guard matches.count == 1, let node = matches.first else {
                if matches.isEmpty { throw DossierError("nothing in release \(release) has the id '\(id)'") }
                throw DossierError("'\(id)' names \(matches.count) things in release \(release); give more of the id")
            }
            return report(node)
        }

        /// The report for a requirement known to be in the release (no search among the ids).
        public func report(requirement id: String) -> TraceReport {
            report(TraceNode(.requirement, id))
        }

        private func report(_ node: TraceNode) -> TraceReport {
            func title(_ node: TraceNode) -> String { titles[node]?.0 ?? "(no record with this id)" }
            // A node's direct links are claimed before any of them is followed, so each shows at its nearest level.
            func grow(_ node: TraceNode, _ direction: TraceGraph.Direction, _ seen: inout Set<TraceNode>) -> [Branch] {
                let next = graph.linked(node, direction).filter { !seen.contains($0.node) }
                seen.formUnion(next.map(\.node))
                return next.map { link in
                    Branch(kind: link.node.kind, id: link.node.id, title: title(link.node), location: titles[link.node]?.1,
                           via: link.entry.via, status: link.entry.status, branches: grow(link.node, direction, &seen))
                }
            }
            var seenUp: Set<TraceNode> = [node], seenDown: Set<TraceNode> = [node]
            return TraceReport(release: release, root: Branch(kind: node.kind, id: node.id, title: title(node), location: titles[node]?.1,
                                                              via: [], status: graph.status(of: node), branches: []),
                               up: grow(node, .up, &seenUp), down: grow(node, .down, &seenDown))
        }
    }

    /// The report as indented text: each line the id, its headline, its kind, status and place, and where the
    /// link to it is written (`via controls`, `via Refs`).
    public var text: String {
        func line(_ branch: Branch, depth: Int) -> String {
            let name = branch.kind == .commit ? "commit \(branch.id.prefix(12))" : branch.kind == .test ? "test \(branch.id)" : branch.id
            let about = [Self.kindName(branch.kind)] + [branch.status, branch.location?.description].compactMap { $0 }
            let via = branch.via.isEmpty ? "" : "  via \(branch.via.joined(separator: ", "))"
            return String(repeating: "  ", count: depth) + "\(name)  \(branch.title)  (\(about.joined(separator: ", ")))\(via)\n"
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
