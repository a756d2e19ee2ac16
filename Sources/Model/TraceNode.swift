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
