import Support

/// Duplicate mapping keys, compared as Yams compared nodes with the basic resolver: a scalar by its text and explicit
/// tag, a collection by its kind, tag and children in order. No recursion: a key may be a deep collection.
extension YAMLTreeBuilder {
    /// Throws when two keys of the mapping at `mapping` are the same node, naming every key that repeats (in
    /// order) at the first place the first of them is written.
    func checkDuplicateKeys(of mapping: Int32) throws {
        let node = nodes[Int(mapping)]
        let count = Int(node.count) / 2
        guard count > 1 else { return }
        let base = Int(node.first)
        func key(_ i: Int) -> Int32 { children[base + 2 * i] }
        if count <= 8 {
            // A record's handful of fields: comparing each pair costs less than hashing them.
            var repeated = false
            outer: for i in 1 ..< count {
                for j in 0 ..< i where same(key(i), key(j)) {
                    repeated = true
                    break outer
                }
            }
            guard repeated else { return }
        }
        // Groups of equal keys, the first written first; buckets by structural hash.
        var groups: [[Int32]] = []
        var buckets: [Int: [Int]] = [:]
        for i in 0 ..< count {
            let index = key(i), hash = structuralHash(index)
            if let group = buckets[hash, default: []].first(where: { same(groups[$0][0], index) }) {
                groups[group].append(index)
            } else {
                buckets[hash, default: []].append(groups.count)
                groups.append([index])
            }
        }
        let duplicates = groups.filter { $0.count > 1 }.map { $0[0] }.sorted { ordered($0, $1, budget: Self.depthLimit) }
        guard let first = duplicates.first else { return }
        let names = duplicates.map { nodes[Int($0)].kind == .scalar ? nodes[Int($0)].text : "<uncovertable>" }
        throw DossierError("duplicate field \(names.map(Excerpt.quoted).joined(separator: ", ")) in a mapping",
                           at: SourceLocation(file: file, line: Int(nodes[Int(first)].line), column: Int(nodes[Int(first)].column)))
    }

    private func childSlice(_ node: YAMLTree.Node) -> ArraySlice<Int32> {
        children[Int(node.first) ..< Int(node.first + node.count)]
    }

    /// Whether two nodes are the same YAML value.
    private func same(_ a: Int32, _ b: Int32) -> Bool {
        var work = [(a, b)]
        while let (x, y) = work.popLast() {
            if x == y { continue }
            let p = nodes[Int(x)], q = nodes[Int(y)]
            guard p.kind == q.kind, p.tag == q.tag else { return false }
            if p.kind == .scalar {
                guard p.text == q.text else { return false }
            } else {
                guard p.count == q.count else { return false }
                work.append(contentsOf: zip(childSlice(p), childSlice(q)))
            }
        }
        return true
    }

    private func structuralHash(_ index: Int32) -> Int {
        var hasher = Hasher()
        var work = [index]
        while let next = work.popLast() {
            let node = nodes[Int(next)]
            hasher.combine(node.kind)
            hasher.combine(node.tag)
            if node.kind == .scalar { hasher.combine(node.text) } else {
                hasher.combine(node.count)
                work.append(contentsOf: childSlice(node))
            }
        }
        return hasher.finalize()
    }

    /// Yams' order of nodes, for the message: scalars by text, collections by their keys (a mapping) or items (a
    /// list) in turn, then by length; nodes of different kinds unordered. Only on the error path; `budget` bounds
    /// how deep it looks.
    private func ordered(_ a: Int32, _ b: Int32, budget: Int) -> Bool {
        let p = nodes[Int(a)], q = nodes[Int(b)]
        guard p.kind == q.kind, budget > 0 else { return false }
        if p.kind == .scalar { return p.text < q.text }
        let step = p.kind == .mapping ? 2 : 1
        let left = Array(childSlice(p)), right = Array(childSlice(q))
        for i in stride(from: 0, to: min(left.count, right.count), by: step) {
            if ordered(left[i], right[i], budget: budget - 1) { return true }
            if ordered(right[i], left[i], budget: budget - 1) { return false }
        }
        return left.count < right.count
    }
}
