import CYAML
import Git
import Support

/// The bound on YAML aliases, checked on libyaml's events before `YAMLTreeBuilder` builds any node.
///
/// An alias stands for the whole node its anchor names, and anchors can name nodes made of aliases: ten levels of
/// nine aliases each stand for 9¹⁰ nodes in a few hundred bytes. The tree shares such nodes, but hashing and comparing
/// them (it checks mapping keys for duplicates) walks every node they stand for, so a key made of nested aliases
/// took exponential time. Counting what each alias stands for, level by level, costs one pass over the events;
/// a file whose aliases stand for more than `limit` nodes in all is refused at the alias that crosses the bound.
/// A scalar counts one node and one more per `bytesPerNode` of its text: whatever reads the text an alias stands
/// for (a duplicate-key check, the trace graph matching test ids) pays for its length, so an alias of a megabyte
/// of text written 20,000 times is 20 GB to read, not 20,000 nodes.
enum YAMLAliasBound {
    /// The most nodes the aliases of one file may stand for, in all.
    static let limit = 100_000
    /// The bytes of scalar text that count as one more node.
    static let bytesPerNode = 64

    /// Throws at the first alias that takes the file past `limit`. Text without both `&` and `*` has no alias to
    /// count and is not parsed here; text libyaml cannot parse is left to `YAMLTreeBuilder`, which reports the error.
    /// - Throws: `DossierError` naming the file, line and column of the alias.
    static func check(_ text: String, file: String) throws {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "&")), utf8.contains(UInt8(ascii: "*")) else { return }
        let bytes = Array(utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var counter = Counter()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try counter.count(event, file: file)
            }
        }
    }

    /// Sizes, in nodes with aliases expanded, of the collections being read and of every anchored node.
    private struct Counter {
        var open: [(anchor: String?, size: Int)] = []
        var anchored: [String: Int] = [:]
        var expanded = 0

        mutating func count(_ event: yaml_event_t, file: String) throws {
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(anchor: name(event.data.scalar.anchor), size: 1 + event.data.scalar.length / YAMLAliasBound.bytesPerNode)
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return }
                close(anchor: collection.anchor, size: collection.size)
            case YAML_ALIAS_EVENT:
                // An undefined alias is `YAMLTreeBuilder`'s to report.
                let size = name(event.data.alias.anchor).flatMap { anchored[$0] } ?? 1
                expanded += size
                guard expanded <= limit else {
                    throw DossierError("expected YAML whose aliases stand for at most \(limit) nodes in all (a text counts one node per \(bytesPerNode) bytes), found an alias that takes this file past it (anchors that nest aliases multiply)",
                                       at: SourceLocation(file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1))
                }
                close(anchor: nil, size: size)
            default:
                // A new document starts afresh: its anchors are its own.
                if event.type == YAML_DOCUMENT_START_EVENT { anchored = [:] }
            }
        }

        /// A node of `size` nodes is complete: it adds to the collection it is in, and to its anchor.
        private mutating func close(anchor: String?, size: Int) {
            if let anchor { anchored[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        private func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }
}
