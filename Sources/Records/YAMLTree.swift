/// The nodes of one YAML document, stored flat: one array of nodes and one of child indexes, so a file costs a few
/// allocations (and one per long scalar) instead of one per node. An alias is the index of the node its anchor
/// names, shared, never copied. Built by `YAMLTreeBuilder` from libyaml's events; immutable once built.
final class YAMLTree: Sendable {
    /// One node: a scalar's text, or a collection's children (a mapping's as key, value, key, value …).
    struct Node: Sendable {
        enum Kind: UInt8, Sendable { case scalar, mapping, sequence }
        var kind: Kind
        /// A plain (unquoted) scalar: only those can be null.
        var plain: Bool
        /// Where the node starts, from 1 as an editor counts (columns in Unicode scalars).
        var line: Int32
        var column: Int32
        /// A scalar's text ("" for a collection).
        var text: String
        /// An explicit tag other than the kind's own (`!!int 5`): nil for `str`, `map`, `seq` and no tag. Every
        /// scalar is text to dossier; the tag only tells mapping keys apart, as the basic resolver did.
        var tag: String?
        /// A collection's children: `count` indexes in `children` from `first`.
        var first: Int32
        var count: Int32
    }

    let nodes: [Node]
    let children: [Int32]
    let root: Int32

    init(nodes: [Node], children: [Int32], root: Int32) {
        self.nodes = nodes
        self.children = children
        self.root = root
    }

    /// The children of the collection at `index`.
    func children(of index: Int32) -> ArraySlice<Int32> {
        let node = nodes[Int(index)]
        return children[Int(node.first) ..< Int(node.first + node.count)]
    }
}

/// A node of a parsed YAML file: its tree and its index in it.
struct YAMLNodeRef {
    let tree: YAMLTree
    let index: Int32

    var node: YAMLTree.Node { tree.nodes[Int(index)] }
}

/// What a node holds, to switch over: `case .mapping(let pairs) = value.node`.
enum YAMLNode {
    case scalar(YAMLScalar)
    case mapping(YAMLPairs)
    case sequence(YAMLItems)
}

/// A scalar: its text, and whether it was written plain (unquoted).
struct YAMLScalar {
    let string: String
    let plain: Bool
}

/// A mapping's key/value pairs, in the order written.
struct YAMLPairs: RandomAccessCollection {
    let tree: YAMLTree
    let slots: ArraySlice<Int32>

    var startIndex: Int { 0 }
    var endIndex: Int { slots.count / 2 }

    subscript(position: Int) -> (YAMLNodeRef, YAMLNodeRef) {
        let at = slots.startIndex + 2 * position
        return (YAMLNodeRef(tree: tree, index: slots[at]), YAMLNodeRef(tree: tree, index: slots[at + 1]))
    }
}

/// A sequence's items, in the order written.
struct YAMLItems: RandomAccessCollection {
    let tree: YAMLTree
    let slots: ArraySlice<Int32>

    var startIndex: Int { 0 }
    var endIndex: Int { slots.count }

    subscript(position: Int) -> YAMLNodeRef {
        YAMLNodeRef(tree: tree, index: slots[slots.startIndex + position])
    }
}
