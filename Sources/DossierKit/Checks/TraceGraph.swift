/// One thing the trace graph links: a record, a commit of the release, or a test case of the evidence.
public struct TraceNode: Sendable, Hashable, Codable, Comparable {
    /// What the node is.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case requirement, risk, threat, ifuChange, softwareItem, soup, changeRequest, problemReport, commit, test
    }
    /// What the node is.
    public var kind: Kind
    /// The record id, the commit id, or the test id (`classname.name`).
    public var id: String

    /// Creates a node.
    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// The kinds in the chain's order, made once: sorting compares nodes often.
    private static let kinds = Kind.allCases

    /// Nodes sort by kind (in the chain's order), then by id as people read ids.
    public static func < (a: TraceNode, b: TraceNode) -> Bool {
        let ka = kinds.firstIndex(of: a.kind) ?? 0, kb = kinds.firstIndex(of: b.kind) ?? 0
        if ka != kb { return ka < kb }
        // Commit ids carry no numbering worth reading: plain order is enough, and cheaper.
        return a.kind == .commit ? a.id < b.id : ReleaseJoin.idOrder(a.id, b.id)
    }
}

/// The release's traceability as one graph: requirements, risks and their controls, threats and their mitigations,
/// software items, SOUP, change requests, commits, IFU changes, problem reports and tests. Each link is held in
/// both directions: `down` from the record that names another to the one named (a risk to its control
/// requirement, a requirement to its items and tests), `up` the other way.
public struct TraceGraph: Sendable {
    /// Forward links: what each node names.
    public private(set) var down: [TraceNode: Set<TraceNode>] = [:]
    /// Back links: what names each node.
    public private(set) var up: [TraceNode: Set<TraceNode>] = [:]
    /// The test cases by id, with their outcomes.
    public private(set) var tests: [String: [TestCase]] = [:]

    /// Builds the graph of a release and its test evidence.
    public init(release: Release, evidence: TestEvidence) {
        let records = release.records
        for test in evidence.cases { tests[test.id, default: []].append(test) }
        let testIds = Set(tests.keys)

        for requirement in records.requirements {
            let node = TraceNode(.requirement, requirement.id)
            for item in requirement.items { link(node, TraceNode(.softwareItem, item)) }
            for entry in requirement.verifiedBy {
                for id in TestIdPattern(entry).matches(in: testIds) { link(node, TraceNode(.test, id)) }
            }
        }
        for test in evidence.cases {
            for requirement in test.requirements { link(TraceNode(.requirement, requirement), TraceNode(.test, test.id)) }
        }
        for risk in records.risks {
            let node = TraceNode(.risk, risk.id)
            for control in risk.controls { link(node, TraceNode(.requirement, control.requirement)) }
            for item in risk.items { link(node, TraceNode(.softwareItem, item)) }
        }
        for threat in records.threats {
            let node = TraceNode(.threat, threat.id)
            for requirement in threat.mitigations { link(node, TraceNode(.requirement, requirement)) }
            for risk in threat.risks { link(node, TraceNode(.risk, risk)) }
            for item in threat.items { link(node, TraceNode(.softwareItem, item)) }
        }
        for ifu in records.ifuChanges {
            let node = TraceNode(.ifuChange, ifu.id)
            for id in ifu.requirements { link(node, TraceNode(.requirement, id)) }
            for id in ifu.risks { link(node, TraceNode(.risk, id)) }
            for id in ifu.threats { link(node, TraceNode(.threat, id)) }
        }
        for soup in records.soup {
            for item in soup.items { link(TraceNode(.soup, soup.id), TraceNode(.softwareItem, item)) }
        }
        for item in records.items {
            if let parent = item.parent { link(TraceNode(.softwareItem, parent), TraceNode(.softwareItem, item.id)) }
        }
        for cr in records.changeRequests {
            let node = TraceNode(.changeRequest, cr.id)
            for id in cr.requirements { link(node, TraceNode(.requirement, id)) }
            for id in cr.affectedControls { link(node, TraceNode(.requirement, id)) }
            for id in cr.risks { link(node, TraceNode(.risk, id)) }
            for id in cr.threats { link(node, TraceNode(.threat, id)) }
            for id in cr.items { link(node, TraceNode(.softwareItem, id)) }
            for id in cr.problemReports { link(node, TraceNode(.problemReport, id)) }
        }
        for pr in records.problemReports {
            let node = TraceNode(.problemReport, pr.id)
            for item in pr.items { link(node, TraceNode(.softwareItem, item)) }
            for entry in pr.tests {
                for id in TestIdPattern(entry).matches(in: testIds) { link(node, TraceNode(.test, id)) }
            }
        }
        for commit in release.commits {
            let node = TraceNode(.commit, commit.id)
            for cr in commit.changeRequests { link(TraceNode(.changeRequest, cr), node) }
            for reference in commit.references {
                if let kind = Self.kind(ofRecordId: reference) { link(node, TraceNode(kind, reference)) }
            }
            for item in commit.items { link(node, TraceNode(.softwareItem, item)) }
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

    private mutating func link(_ from: TraceNode, _ to: TraceNode) {
        down[from, default: []].insert(to)
        up[to, default: []].insert(from)
    }

    /// What `node` names directly, of one kind, in reading order.
    public func below(_ node: TraceNode, _ kind: TraceNode.Kind) -> [TraceNode] {
        (down[node] ?? []).filter { $0.kind == kind }.sorted()
    }

    /// What names `node` directly, of one kind, in reading order.
    public func above(_ node: TraceNode, _ kind: TraceNode.Kind) -> [TraceNode] {
        (up[node] ?? []).filter { $0.kind == kind }.sorted()
    }

    /// The outcome of a requirement's tests taken together: `passed` when at least one test passed and none
    /// failed or erred, `failed` when any failed or erred, `skipped` when every linked test was skipped, and
    /// `no test` when no test is linked.
    public func result(ofRequirement id: String) -> String {
        let outcomes = below(TraceNode(.requirement, id), .test).flatMap { tests[$0.id] ?? [] }.map(\.outcome)
        if outcomes.isEmpty { return "no test" }
        if outcomes.contains(.failed) || outcomes.contains(.error) { return "failed" }
        if outcomes.contains(.passed) { return "passed" }
        return "skipped"
    }
}
