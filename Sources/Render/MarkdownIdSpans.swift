import CCmarkGFM
import Foundation

/// Keeps record ids whole in HTML tables: a browser may break a line after any hyphen, and a narrow column
/// then shows `REQ-` on one line and `23` on the next. Each word of a table cell that holds a hyphen between
/// two letters or digits (`REQ-23`, `CR-10`, `2025-01-27`) is put in `<span class="id">`, which the style
/// sheet keeps on one line; everything else in the cell may still wrap anywhere. The word stays a text node,
/// so cmark-gfm escapes it as any other text; the span tags are dossier's own.
enum MarkdownIdSpans {
    /// Words longer than this are left alone: they are not ids, and a long one must be able to wrap.
    static let longestId = 40

    /// Wraps the hyphenated words of every table cell under `root`. One walk of the tree: a cell is a container, so
    /// the iterator enters and leaves it, and the text nodes met in between are its words. cmark-gfm's table
    /// extension does not export its cell node type, so it is learnt from the first node named `table_cell`.
    static func wrap(in root: OpaquePointer) {
        var texts: [OpaquePointer] = []
        var cellType: cmark_node_type?
        var openCells = 0
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT {
                if openCells > 0 { texts.append(node) }
                continue
            }
            let isCell = cellType.map { $0 == type } ?? {
                guard let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 else { return false }
                cellType = type
                return true
            }()
            if isCell { openCells += event == CMARK_EVENT_ENTER ? 1 : -1 }
        }
        for node in texts { split(node) }
    }

    /// The ranges of the words in `text` to keep whole, in order.
    static func idRanges(_ text: String) -> [Range<String.Index>] {
        // An id has an inner hyphen: a text without one has none (most texts; it spares reading them by Character).
        guard text.utf8.contains(UInt8(ascii: "-")) else { return [] }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiIdRanges(text) }
        return characterIdRanges(text)
    }

    /// `idRanges`, read Character by Character (any text).
    static func characterIdRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isWhitespace else {
                index = text.index(after: index)
                continue
            }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
            var word = text[start..<index]
            // Punctuation around a word (a list's comma, brackets) is not part of the id.
            while let last = word.last, ",;:.)]".contains(last) { word = word.dropLast() }
            while let first = word.first, "([".contains(first) { word = word.dropFirst() }
            if word.count <= longestId, hasInnerHyphen(word) { ranges.append(word.startIndex..<word.endIndex) }
        }
        return ranges
    }

    /// `idRanges` of an ASCII text, read byte by byte: there each Character is one byte (a CR LF pair is one
    /// Character of whitespace, as its two bytes are), whitespace is tab to carriage return and space, and the letters
    /// and digits are A–Z, a–z and 0–9, so the words and ids are those `characterIdRanges` finds (a test compares them).
    static func asciiIdRanges(_ text: String) -> [Range<String.Index>] {
        let bytes = Array(text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var ranges: [Range<String.Index>] = []
        var index = 0
        while index < bytes.count {
            guard !isSpace(bytes[index]) else {
                index += 1
                continue
            }
            var start = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            var end = index
            // Punctuation around a word (a list's comma, brackets) is not part of the id.
            while end > start, ",;:.)]".utf8.contains(bytes[end - 1]) { end -= 1 }
            while start < end, "([".utf8.contains(bytes[start]) { start += 1 }
            guard end - start <= longestId else { continue }
            var previous: UInt8?
            var hyphenAfterAlphanumeric = false
            for byte in bytes[start..<end] {
                if byte == UInt8(ascii: "-") {
                    hyphenAfterAlphanumeric = previous.map(isAlphanumeric) ?? false
                } else if hyphenAfterAlphanumeric, isAlphanumeric(byte) {
                    let utf8 = text.utf8
                    ranges.append(utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end))
                    break
                } else {
                    hyphenAfterAlphanumeric = false
                }
                previous = byte
            }
        }
        return ranges
    }

    /// Whether a hyphen stands between two letters or digits in `word`.
    private static func hasInnerHyphen(_ word: Substring) -> Bool {
        var previous: Character?
        var hyphenAfterAlphanumeric = false
        for character in word {
            if character == "-" {
                hyphenAfterAlphanumeric = previous.map { $0.isLetter || $0.isNumber } ?? false
            } else if hyphenAfterAlphanumeric, character.isLetter || character.isNumber {
                return true
            } else {
                hyphenAfterAlphanumeric = false
            }
            previous = character
        }
        return false
    }

    /// Replaces a text node by its text before, `<span class="id">`, the id, `</span>`, and so on.
    private static func split(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let text = String(cString: literal)
        let ranges = idRanges(text)
        guard !ranges.isEmpty else { return }
        var pieces: [(String, isId: Bool)] = []
        var cursor = text.startIndex
        for range in ranges {
            if cursor < range.lowerBound { pieces.append((String(text[cursor..<range.lowerBound]), false)) }
            pieces.append((String(text[range]), true))
            cursor = range.upperBound
        }
        if cursor < text.endIndex { pieces.append((String(text[cursor...]), false)) }
        for (piece, isId) in pieces {
            if isId { insert(html: "<span class=\"id\">", before: node) }
            insert(text: piece, before: node)
            if isId { insert(html: "</span>", before: node) }
        }
        cmark_node_free(node)
    }

    private static func insert(text: String, before node: OpaquePointer) {
        let piece = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(piece, text)
        cmark_node_insert_before(node, piece)
    }

    private static func insert(html: String, before node: OpaquePointer) {
        let tag = cmark_node_new(CMARK_NODE_HTML_INLINE)!
        cmark_node_set_literal(tag, html)
        cmark_node_insert_before(node, tag)
    }
}
