import Evidence
import Model
import Records

/// The release's traceability as one graph: requirements, risks and their controls, threats and their mitigations,
/// software items, SOUP, change requests, commits, IFU changes, problem reports and tests. It holds only links
/// someone wrote: a record's own link fields, a test's requirement property, a commit's trailers and the paths an
/// item claims; never a link made by passing through a third node. Each link is held in both directions: `down`
/// from the record that names another to the one named (a risk to its control requirement, a requirement to its
/// items and tests, a change request to the commits that name it), `up` the other way; `via` says where it is
/// written. The matrix and `dossier trace` both read it through `linked(_:_:)`.
public struct TraceGraph: Sendable {
    /// Which way a link is followed.
    public enum Direction: Sendable { case up, down }

    /// Every node of the graph, each once; a node is known by its place in this list (`index`), so a link is two
    /// integers, not two ids to hash (a release of tens of thousands of commits has hundreds of thousands of links).
    private var nodes: [TraceNode] = []
    /// Where each node is in `nodes`.
    private var index: [TraceNode: Int32] = [:]
    /// Forward links: for each node (by place), what it names, each once, in the order first linked.
    private var down: [[Int32]] = []
    /// Back links: for each node, what names it.
    private var up: [[Int32]] = []
    /// Where each link is written (the fields or trailer keys), by its two ends' places, `down` direction.
    private var via: [UInt64: [String]] = [:]
    /// The test cases by id, with their outcomes.
    public private(set) var tests: [String: [TestCase]] = [:]
    /// A record's status when a reader needs it beside its id: a change request's status, `obsolete` for a
    /// retired record.
    private var statuses: [TraceNode: String] = [:]
    /// The release's commits in history order (oldest first), the order they are listed in.
    private var commitOrder: [String: Int] = [:]

    /// Builds the graph of a release and its test evidence.
    public init(release: Release, evidence: TestEvidence) {
        let records = release.records
        for test in evidence.cases { tests[test.id, default: []].append(test) }
        let testIds = Set(tests.keys)

        // Every link field of every record, as the record writes it. An item names its parent; the graph
        // holds the parent above the child.
        for record in records.all {
            guard let kind = Self.kind(ofRecordId: record.id) else { continue }
            let node = TraceNode(kind, record.id)
            if record.obsolete != nil { statuses[node] = "obsolete" }
            for link in record.links {
                guard let target = Self.kind(ofRecordId: link.target).map({ TraceNode($0, link.target) }) else { continue }
                if kind == .softwareItem && link.field == "parent" { self.link(target, node, via: link.field) }
                else { self.link(node, target, via: link.field) }
            }
        }
        for cr in records.changeRequests where cr.obsolete == nil {
            if let status = cr.status { statuses[TraceNode(.changeRequest, cr.id)] = status.rawValue }
        }
        for requirement in records.requirements {
            let node = TraceNode(.requirement, requirement.id)
            if requirement.status == .obsolete { statuses[node] = "obsolete" }
            for entry in requirement.verifiedBy {
                for id in TestIdPattern(entry).matches(in: testIds) { link(node, TraceNode(.test, id), via: "verified_by") }
            }
        }
        for test in evidence.cases {
            for requirement in test.requirements {
                link(TraceNode(.requirement, requirement), TraceNode(.test, test.id), via: "test report")
            }
        }
        for pr in records.problemReports {
            for entry in pr.tests {
                for id in TestIdPattern(entry).matches(in: testIds) { link(TraceNode(.problemReport, pr.id), TraceNode(.test, id), via: "tests") }
            }
        }
        for (position, commit) in release.commits.enumerated() {
            commitOrder[commit.id] = commitOrder[commit.id] ?? position
            let node = place(TraceNode(.commit, commit.id))
            // The trailer keys that name each id in this commit: a commit's links are its own trailers.
            var keys: [String: [String]] = [:]
            for trailer in commit.trailers {
                for part in trailer.value.split(separator: ",") { keys[part.trimmingSpaces(), default: []].append(trailer.key) }
            }
            func via(_ id: String) -> [String] { keys[id] ?? ["trailer"] }
            for cr in commit.changeRequests { link(place(TraceNode(.changeRequest, cr)), node, via: via(cr)) }
            for reference in commit.references {
                if let kind = Self.kind(ofRecordId: reference) { link(node, place(TraceNode(kind, reference)), via: via(reference)) }
            }
            for item in commit.items { link(node, place(TraceNode(.softwareItem, item)), via: ["paths"]) }
        }
    }

    /// The record kind an id's prefix names (`REQ-3` → requirement).
    static func kind(ofRecordId id: String) -> TraceNode.Kind? {
        switch RecordKind.allCases.first(where: { id.hasPrefix($0.prefix) }) {
        case .requirement?: .requirement
        case .risk?: .risk
        case .threat?: .threat
        case .ifuChange?: .ifuChange
        case .softwareItem?: .softwareItem
        case .soup?: .soup
        case .changeRequest?: .changeRequest
        case .problemReport?: .problemReport
        case nil: nil
        }
    }

    /// The place of `node` in `nodes`, given it on first sight.
    private mutating func place(_ node: TraceNode) -> Int32 {
        if let known = index[node] { return known }
        let place = Int32(nodes.count)
        nodes.append(node)
        index[node] = place
        down.append([])
        up.append([])
        return place
    }

    private mutating func link(_ from: TraceNode, _ to: TraceNode, via field: String) {
        link(place(from), place(to), via: [field])
    }

    /// Links `from` to `to`, written in `fields`; a link made again adds the fields it is written in.
    private mutating func link(_ from: Int32, _ to: Int32, via fields: [String]) {
        let edge = UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to))
        if var known = via[edge] {
            for field in fields where !known.contains(field) { known.append(field) }
            via[edge] = known
            return
        }
        var unique: [String] = []
        for field in fields where !unique.contains(field) { unique.append(field) }
        via[edge] = unique
        down[Int(from)].append(to)
        up[Int(to)].append(from)
    }

    /// The nodes at either end of a link.
    public var linkedNodes: [TraceNode] {
        nodes.indices.filter { !down[$0].isEmpty || !up[$0].isEmpty }.map { nodes[$0] }
    }

    /// What is one link away from `node` in one direction, each with where the link is written and the other
    /// end's status, in reading order (commits in history order). The matrix's rows and `dossier trace` read
    /// the graph only through this.
    public func linked(_ node: TraceNode, _ direction: Direction) -> [(node: TraceNode, entry: TraceEntry)] {
        guard let place = index[node] else { return [] }
        let others = (direction == .down ? down : up)[Int(place)]
        return others.sorted { order(nodes[Int($0)], nodes[Int($1)]) }.map { other in
            let (from, to) = direction == .down ? (place, other) : (other, place)
            let edge = UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to))
            let node = nodes[Int(other)]
            return (node, TraceEntry(id: node.id, via: (via[edge] ?? []).sorted(), status: statuses[node]))
        }
    }

    /// Reading order: by kind in the chain's order, then by id, commits in the release's history order.
    private func order(_ a: TraceNode, _ b: TraceNode) -> Bool {
        if a.kind == .commit && b.kind == .commit {
            let oa = commitOrder[a.id] ?? Int.max, ob = commitOrder[b.id] ?? Int.max
            return oa != ob ? oa < ob : a.id < b.id
        }
        return a < b
    }

    /// The status shown beside a record's id, when it has one worth showing.
    public func status(of node: TraceNode) -> String? { statuses[node] }

    /// What `node` names directly, of one kind, in reading order.
    public func below(_ node: TraceNode, _ kind: TraceNode.Kind) -> [TraceNode] {
        guard let place = index[node] else { return [] }
        return down[Int(place)].map { nodes[Int($0)] }.filter { $0.kind == kind }.sorted()
    }

    /// What names `node` directly, of one kind, in reading order.
    public func above(_ node: TraceNode, _ kind: TraceNode.Kind) -> [TraceNode] {
        guard let place = index[node] else { return [] }
        return up[Int(place)].map { nodes[Int($0)] }.filter { $0.kind == kind }.sorted()
    }

    /// The outcome of a requirement's tests taken together: `obsolete` for a retired requirement (it needs no
    /// test), `passed` when at least one test passed and none failed or erred, `failed` when any failed or
    /// erred, `skipped` when every linked test was skipped, and `no test` when no test is linked.
    public func result(ofRequirement id: String) -> String {
        if statuses[TraceNode(.requirement, id)] == "obsolete" { return "obsolete" }
        let outcomes = below(TraceNode(.requirement, id), .test).flatMap { tests[$0.id] ?? [] }.map(\.outcome)
        if outcomes.isEmpty { return "no test" }
        if outcomes.contains(.failed) || outcomes.contains(.error) { return "failed" }
        if outcomes.contains(.passed) { return "passed" }
        return "skipped"
    }
}

