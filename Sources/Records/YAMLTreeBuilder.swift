import CYAML
import Foundation
import Support

/// Reads a YAML file through libyaml's event API (`yaml_parser_parse`) into a `YAMLTree`, one event at a time, with
/// no recursion: a collection's children wait on one stack until it ends. Keeps the rules dossier always had:
/// one document, every scalar text, duplicate keys refused (compared as the basic resolver compared them: text and
/// explicit tag), an alias the node its anchor named before it, and every error with its line and column.
/// libyaml's parser and events are freed on every path; no C pointer leaves this file.
///
/// Aliases are bounded in the same pass. An alias stands for the whole node its anchor names, and anchors can name
/// nodes made of aliases: ten levels of nine aliases each stand for 9¹⁰ nodes in a few hundred bytes. The tree
/// shares such nodes, but whatever walks them (the duplicate-key check hashes keys; the trace graph matches test ids
/// in text) pays for every node and byte they stand for. So each node's size, aliases expanded, is kept as it is
/// built (a scalar counts one node and one more per `bytesPerNode` of its text), and a file whose aliases stand for
/// more than `aliasLimit` nodes in all is refused at the alias that crosses the bound.
struct YAMLTreeBuilder {
    /// How deep lists and mappings may nest (the bound libyaml's copy in Yams had): a hostile file of a million
    /// `[` is refused at the one past it.
    static let depthLimit = 1000
    /// The most nodes the aliases of one file may stand for, in all.
    static let aliasLimit = 100_000
    /// The bytes of scalar text that count as one more node.
    static let bytesPerNode = 64

    let file: String
    private(set) var nodes: [YAMLTree.Node] = []
    private(set) var children: [Int32] = []
    /// The children of the open collections, innermost last.
    private var pending: [Int32] = []
    private var open: [(index: Int32, pendingStart: Int, anchor: String?)] = []
    private var anchors: [String: Int32] = [:]
    private var root: Int32?
    /// Each node's size in nodes, aliases expanded (by index, beside `nodes`), and what the aliases so far stand for.
    private var sizes: [Int] = []
    private var expanded = 0

    /// The tree of `text`, nil for a file with no document.
    /// - Throws: `DossierError` with the file, line and column for YAML syntax errors, characters YAML does not
    ///   allow, a second document, an undefined alias, a duplicate key, or nesting past `depthLimit`.
    static func build(_ text: String, file: String) throws -> YAMLTree? {
        if let tree = try text.utf8.withContiguousStorageIfAvailable({ try build(bytes: $0, text: text, file: file) }) {
            return tree
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try build(bytes: $0, text: text, file: file) }
    }

    private static func build(bytes: UnsafeBufferPointer<UInt8>, text: String, file: String) throws -> YAMLTree? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw DossierError("YAML error: Memory error", at: SourceLocation(file: file)) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var builder = YAMLTreeBuilder(file: file)
        var event = yaml_event_t()
        var done = false
        while !done {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw describe(parser, text: text, file: file) }
            defer { yaml_event_delete(&event) }
            done = try builder.take(event)
        }
        guard let root = builder.root else { return nil }
        return YAMLTree(nodes: builder.nodes, children: builder.children, root: root)
    }

    private init(file: String) {
        self.file = file
    }

    /// Adds what one event says to the tree; true at the end of the stream.
    private mutating func take(_ event: yaml_event_t) throws -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            if root != nil {
                throw DossierError("YAML syntax error: expected a single document in the stream but found another document",
                                   at: location(event.start_mark))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? nil : Self.tag(scalar.tag, other: "tag:yaml.org,2002:str")
            let index = append(.scalar, event.start_mark, text: text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, tag: tag,
                               size: 1 + scalar.length / Self.bytesPerNode)
            if let anchor = Self.name(scalar.anchor) { anchors[anchor] = index }
            attach(index)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try begin(.sequence, event.start_mark, anchor: Self.name(start.anchor),
                      tag: start.implicit != 0 ? nil : Self.tag(start.tag, other: "tag:yaml.org,2002:seq"))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try begin(.mapping, event.start_mark, anchor: Self.name(start.anchor),
                      tag: start.implicit != 0 ? nil : Self.tag(start.tag, other: "tag:yaml.org,2002:map"))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try end()
        case YAML_ALIAS_EVENT:
            guard let name = Self.name(event.data.alias.anchor), let index = anchors[name] else {
                throw DossierError("YAML syntax error: found undefined alias", at: location(event.start_mark))
            }
            expanded += sizes[Int(index)]
            guard expanded <= Self.aliasLimit else {
                throw DossierError("expected YAML whose aliases stand for at most \(Self.aliasLimit) nodes in all (a text counts one node per \(Self.bytesPerNode) bytes), found an alias that takes this file past it (anchors that nest aliases multiply)",
                                   at: location(event.start_mark))
            }
            attach(index)
        default:
            break
        }
        return false
    }

    private mutating func append(_ kind: YAMLTree.Node.Kind, _ mark: yaml_mark_t, text: String = "", plain: Bool = false,
                                 tag: String?, size: Int = 1) -> Int32 {
        sizes.append(size)
        nodes.append(YAMLTree.Node(kind: kind, plain: plain, line: Int32(clamping: mark.line + 1),
                                   column: Int32(clamping: mark.column + 1), text: text, tag: tag, first: 0, count: 0))
        return Int32(nodes.count - 1)
    }

    /// A complete node goes into the collection that is open, or is the document.
    private mutating func attach(_ index: Int32) {
        if open.isEmpty { root = index } else { pending.append(index) }
    }

    private mutating func begin(_ kind: YAMLTree.Node.Kind, _ mark: yaml_mark_t, anchor: String?, tag: String?) throws {
        guard open.count < Self.depthLimit else {
            throw DossierError("expected lists and mappings nested at most \(Self.depthLimit) deep, found one nested deeper",
                               at: location(mark))
        }
        open.append((append(kind, mark, tag: tag), pending.count, anchor))
    }

    /// The innermost collection ends: its children move to `children`, a mapping's keys are checked, its anchor
    /// names it from now on (not inside itself, as Yams composed).
    private mutating func end() throws {
        guard let collection = open.popLast() else { return }
        let index = Int(collection.index)
        nodes[index].first = Int32(children.count)
        nodes[index].count = Int32(pending.count - collection.pendingStart)
        sizes[index] = pending[collection.pendingStart...].reduce(1) { $0 + sizes[Int($1)] }
        children.append(contentsOf: pending[collection.pendingStart...])
        pending.removeSubrange(collection.pendingStart...)
        if nodes[index].kind == .mapping { try checkDuplicateKeys(of: collection.index) }
        if let anchor = collection.anchor { anchors[anchor] = collection.index }
        attach(collection.index)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// An explicit tag, nil when there is none or it is `other` (the tag the node has anyway).
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, other: String) -> String? {
        guard let tag = name(pointer), tag != other else { return nil }
        return tag
    }

    /// libyaml's error as dossier says it, at the line and column libyaml gives (from 0; an editor counts from 1).
    private static func describe(_ parser: yaml_parser_t, text: String, file: String) -> DossierError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // A character YAML does not allow (a control character, say), named by its code, never the text around
            // it; libyaml gives its offset in bytes.
            let character = parser.problem_value >= 0 ? String(format: " U+%04X", parser.problem_value) : ""
            return DossierError("expected YAML text, found a character YAML does not allow\(character) (\(problem))",
                                at: position(ofByte: parser.problem_offset, in: text, file: file))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let detail = parser.context.map { "\(String(cString: $0)) " } ?? ""
            return DossierError("YAML syntax error: \(detail)\(problem)",
                                at: SourceLocation(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1))
        default:
            return DossierError("YAML error: Memory error", at: SourceLocation(file: file))
        }
    }

    /// The line and column (in Unicode scalars) of the character that starts at byte `offset`; none when the byte
    /// is not where a character starts.
    private static func position(ofByte offset: Int, in text: String, file: String) -> SourceLocation {
        guard let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset, limitedBy: text.utf8.endIndex)?
            .samePosition(in: text) else { return SourceLocation(file: file) }
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
