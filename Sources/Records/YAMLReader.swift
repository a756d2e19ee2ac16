import Foundation
import Git
import Support

/// One YAML node with the file it came from, read strictly: every accessor names what it expected and
/// what it found, with the file, line and column.
struct YAMLValue {
    let ref: YAMLNodeRef
    let file: String

    init(node: YAMLNodeRef, file: String) {
        self.ref = node
        self.file = file
    }

    /// Parses a whole file.
    /// - Throws: `DossierError` for bytes that are not UTF-8, characters YAML does not allow, aliases past
    ///   `YAMLTreeBuilder.aliasLimit`, YAML syntax errors, duplicate keys or nesting too deep, with the position.
    static func parse(_ data: Data, file: String) throws -> YAMLValue? {
        guard let text = String(data: data, encoding: .utf8) else {
            try UTF8Check.validate([UInt8](data), file: file)
            throw DossierError("expected UTF-8 text, found bytes that are not UTF-8", at: SourceLocation(file: file))
        }
        // Every scalar is kept as text (no resolver guesses numbers or dates): fields are typed by dossier.
        guard let tree = try YAMLTreeBuilder.build(text, file: file) else { return nil }
        return YAMLValue(node: YAMLNodeRef(tree: tree, index: tree.root), file: file)
    }

    /// What the node holds.
    var node: YAMLNode {
        let tree = ref.tree, index = Int(ref.index)
        switch tree.nodes[index].kind {
        case .scalar: return .scalar(YAMLScalar(string: tree.nodes[index].text, plain: tree.nodes[index].plain))
        case .mapping: return .mapping(YAMLPairs(tree: tree, slots: tree.children(of: ref.index)))
        case .sequence: return .sequence(YAMLItems(tree: tree, slots: tree.children(of: ref.index)))
        }
    }

    private var kind: YAMLTree.Node.Kind { ref.tree.nodes[Int(ref.index)].kind }

    var location: SourceLocation {
        let node = ref.tree.nodes[Int(ref.index)]
        return SourceLocation(file: file, line: Int(node.line), column: Int(node.column))
    }

    var isNull: Bool {
        let node = ref.tree.nodes[Int(ref.index)]
        guard node.kind == .scalar, node.plain else { return false }
        switch node.text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    var foundDescription: String {
        switch kind {
        case .scalar: return "the text \(Excerpt.quoted(ref.tree.nodes[Int(ref.index)].text))"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    func fail(_ expected: String) -> DossierError {
        DossierError("expected \(expected), found \(foundDescription)", at: location)
    }

    /// A scalar as text (numbers and dates as written). `expected` is made only for the error.
    func text(_ expected: @autoclosure () -> String = "text") throws -> String {
        guard kind == .scalar else { throw fail(expected()) }
        return ref.tree.nodes[Int(ref.index)].text
    }

    /// A list of values. `expected` is made only for the error.
    func list(_ expected: @autoclosure () -> String = "a list") throws -> [YAMLValue] {
        guard kind == .sequence else { throw fail(expected()) }
        return ref.tree.children(of: ref.index).map { YAMLValue(node: YAMLNodeRef(tree: ref.tree, index: $0), file: file) }
    }

    /// A mapping whose keys must all be in `allowed`.
    func mapping(_ what: String, allowed: [String]) throws -> YAMLMapping {
        guard case .mapping(let pairs) = node else { throw fail("\(what) (a mapping)") }
        var entries: [(String, YAMLValue)] = []
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            let keyValue = YAMLValue(node: key, file: file)
            let name = try keyValue.text("a field name")
            guard allowed.contains(name) else {
                throw DossierError("unknown field \(Excerpt.quoted(name)) in \(what); expected one of: \(allowed.joined(separator: ", "))",
                                   at: keyValue.location)
            }
            entries.append((name, YAMLValue(node: value, file: file)))
        }
        return YAMLMapping(what: what, value: self, entries: entries)
    }
}

/// A YAML mapping whose keys were checked against the allowed fields.
struct YAMLMapping {
    let what: String
    let value: YAMLValue
    let entries: [(String, YAMLValue)]

    init(what: String, value: YAMLValue, entries: [(String, YAMLValue)]) {
        self.what = what
        self.value = value
        self.entries = entries
    }

    var location: SourceLocation { value.location }

    /// The value of `key` (the last one when a key repeats), nil when absent or null. A record has a handful of
    /// fields: a scan costs less than hashing them into an index.
    subscript(key: String) -> YAMLValue? {
        guard let entry = entries.last(where: { $0.0 == key }) else { return nil }
        return entry.1.isNull ? nil : entry.1
    }

    /// Optional text.
    func text(_ key: String) throws -> String? {
        try self[key]?.text("text for '\(key)'")
    }

    /// Required text.
    func requiredText(_ key: String) throws -> String {
        guard let value = try text(key), !value.isEmpty else {
            throw DossierError("\(what) is missing the required field '\(key)'", at: location)
        }
        return value
    }

    /// Optional text that must be one of `choices`.
    func choice(_ key: String, _ choices: [String]) throws -> String? {
        guard let value = self[key] else { return nil }
        let text = try value.text("one of \(choices.joined(separator: ", ")) for '\(key)'")
        guard choices.contains(text) else {
            throw DossierError("expected one of \(choices.joined(separator: ", ")) for '\(key)', found \(Excerpt.quoted(text))", at: value.location)
        }
        return text
    }

    /// A list of text (an absent field is an empty list).
    func texts(_ key: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        return try value.list("a list for '\(key)', e.g. [A, B]").map { try $0.text("text in '\(key)'") }
    }

    /// A list of record ids that must carry `prefix` (e.g. `REQ-`).
    func ids(_ key: String, prefix: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        return try value.list("a list of \(prefix) ids for '\(key)', e.g. [\(prefix)1]").map { item in
            let id = try item.text("a \(prefix) id in '\(key)'")
            guard id.hasPrefix(prefix) else {
                throw DossierError("expected a \(prefix) id in '\(key)', found \(Excerpt.quoted(id))", at: item.location)
            }
            return id
        }
    }

    /// An optional yes/no value.
    func bool(_ key: String) throws -> Bool? {
        guard let value = self[key] else { return nil }
        switch try value.text("true or false for '\(key)'").lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw value.fail("true or false for '\(key)'")
        }
    }
}
