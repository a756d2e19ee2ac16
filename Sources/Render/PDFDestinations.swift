import Foundation

/// The page each named destination of a PDF lies on, read from the PDF Chromium printed: every element id of the
/// page is a named destination (the catalog's `/Dests`, or its `/Names` tree), an array whose first element is the
/// page object. Only what that needs is read — the cross-reference table, the catalog, the page tree and the
/// destinations — through the table's offsets, never by searching the bytes, so that text in the document cannot
/// pose as an object. Anything else (a stream cross-reference, a missing object) gives no pages: the contents are
/// then printed without page numbers.
enum PDFDestinations {
    /// Page numbers (from 1) by destination name; empty when the PDF is not one this reader follows.
    static func pages(in pdf: Data) -> [String: Int] {
        let bytes = [UInt8](pdf)
        guard let table = crossReference(bytes), case .dictionary(let trailerEntries)? = table.trailer,
              case .reference(let rootNumber)? = trailerEntries["Root"],
              case .dictionary(let catalog)? = object(rootNumber, in: bytes, table: table) else { return [:] }
        var pageNumbers: [Int: Int] = [:]
        if case .reference(let pagesNumber)? = catalog["Pages"] {
            var visited: Set<Int> = []
            collectPages(pagesNumber, depth: 0, bytes: bytes, table: table, into: &pageNumbers, visited: &visited)
        }
        var result: [String: Int] = [:]
        func add(_ name: String, _ destination: Value?) {
            var destination = destination
            if case .reference(let number)? = destination { destination = object(number, in: bytes, table: table) }
            if case .dictionary(let entries)? = destination { destination = entries["D"] }
            guard case .array(let items)? = destination, case .reference(let page)? = items.first,
                  let index = pageNumbers[page] else { return }
            result[name] = index
        }
        var dests = catalog["Dests"]
        if case .reference(let number)? = dests { dests = object(number, in: bytes, table: table) }
        if case .dictionary(let entries)? = dests {
            for (name, value) in entries { add(name, value) }
        }
        if case .reference(let namesNumber)? = catalog["Names"] ?? .null,
           case .dictionary(let names)? = object(namesNumber, in: bytes, table: table),
           case .reference(let treeNumber)? = names["Dests"] {
            var visited: Set<Int> = []
            collectNameTree(treeNumber, depth: 0, bytes: bytes, table: table, visited: &visited) { add($0, $1) }
        }
        return result
    }

    /// A PDF value, as far as destinations need one.
    indirect enum Value: Equatable {
        case null, number, name(String), string(String), reference(Int), array([Value]), dictionary([String: Value])
    }

    /// The objects' byte offsets (classic `xref` table) and the trailer dictionary.
    struct Table {
        var offsets: [Int: Int]
        var trailer: Value?
    }

    /// Reads the cross-reference table `startxref` names; nil when there is none this reader follows.
    static func crossReference(_ bytes: [UInt8]) -> Table? {
        let marker = Array("startxref".utf8)
        guard let at = ByteSearch.offsets(of: "startxref", in: Array(bytes.suffix(1024))).last else { return nil }
        var parser = Parser(bytes: bytes, position: bytes.count - min(1024, bytes.count) + at + marker.count)
        guard let start = parser.integer(), start >= 0, start < bytes.count else { return nil }
        parser.position = start
        guard parser.keyword("xref") else { return nil }
        var offsets: [Int: Int] = [:]
        while let first = parser.integer(), let count = parser.integer() {
            guard (0...10_000_000).contains(first), (0...10_000_000).contains(count) else { return nil }
            for index in 0..<count {
                guard let offset = parser.integer(), parser.integer() != nil, let kind = parser.word() else { return nil }
                if kind == "n" { offsets[first + index] = offset }
            }
        }
        guard parser.keyword("trailer") else { return nil }
        return Table(offsets: offsets, trailer: parser.value(depth: 0))
    }

    /// Object `number` read at its offset: `N 0 obj VALUE`.
    static func object(_ number: Int, in bytes: [UInt8], table: Table) -> Value? {
        guard let offset = table.offsets[number], offset >= 0, offset < bytes.count else { return nil }
        var parser = Parser(bytes: bytes, position: offset)
        guard parser.integer() == number, parser.integer() != nil, parser.keyword("obj") else { return nil }
        return parser.value(depth: 0)
    }

    /// How deep a page tree or name tree is followed: Chromium's are two or three levels deep.
    static let maximumTreeDepth = 64

    /// The leaves of the page tree below `number`, numbered in order.
    private static func collectPages(_ number: Int, depth: Int, bytes: [UInt8], table: Table, into pages: inout [Int: Int],
                                     visited: inout Set<Int>) {
        guard depth < maximumTreeDepth, visited.insert(number).inserted,
              case .dictionary(let node)? = object(number, in: bytes, table: table) else { return }
        if case .array(let kids)? = node["Kids"] {
            for case .reference(let kid) in kids {
                collectPages(kid, depth: depth + 1, bytes: bytes, table: table, into: &pages, visited: &visited)
            }
        } else {
            pages[number] = pages.count + 1
        }
    }

    /// Every name and destination of the name tree below `number`.
    private static func collectNameTree(_ number: Int, depth: Int, bytes: [UInt8], table: Table, visited: inout Set<Int>,
                                        _ body: (String, Value) -> Void) {
        guard depth < maximumTreeDepth, visited.insert(number).inserted,
              case .dictionary(let node)? = object(number, in: bytes, table: table) else { return }
        if case .array(let pairs)? = node["Names"] {
            for pair in stride(from: 0, to: pairs.count - 1, by: 2) {
                if case .string(let name) = pairs[pair] { body(name, pairs[pair + 1]) }
            }
        }
        if case .array(let kids)? = node["Kids"] {
            for case .reference(let kid) in kids {
                collectNameTree(kid, depth: depth + 1, bytes: bytes, table: table, visited: &visited, body)
            }
        }
    }

    /// Reads PDF tokens and values (ISO 32000-1, 7.2–7.3), bounded in depth.
    struct Parser {
        let bytes: [UInt8]
        var position: Int

        private static func isWhite(_ byte: UInt8) -> Bool { [0, 9, 10, 12, 13, 32].contains(byte) }
        private static func isDelimiter(_ byte: UInt8) -> Bool { Array("()<>[]{}/%".utf8).contains(byte) }

        mutating func skipWhite() {
            while position < bytes.count {
                if Self.isWhite(bytes[position]) { position += 1; continue }
                if bytes[position] == UInt8(ascii: "%") {
                    while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
                    continue
                }
                return
            }
        }

        /// The next regular word (a keyword or a number).
        mutating func word() -> String? {
            skipWhite()
            let start = position
            while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
        }

        mutating func keyword(_ expected: String) -> Bool {
            let saved = position
            if word() == expected { return true }
            position = saved
            return false
        }

        mutating func integer() -> Int? {
            let saved = position
            if let text = word(), let value = Int(text) { return value }
            position = saved
            return nil
        }

        /// One value; nil at the end or past 32 levels of nesting.
        mutating func value(depth: Int) -> Value? {
            guard depth < 32 else { return nil }
            skipWhite()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "/"):
                position += 1
                let start = position
                while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
                return .name(Self.decodeName(bytes[start..<position]))
            case UInt8(ascii: "["):
                position += 1
                var items: [Value] = []
                while true {
                    skipWhite()
                    guard position < bytes.count else { return nil }
                    if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
            case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<"):
                position += 2
                var entries: [String: Value] = [:]
                while true {
                    skipWhite()
                    guard position < bytes.count else { return nil }
                    if bytes[position] == UInt8(ascii: ">") { position += 2; return .dictionary(entries) }
                    guard case .name(let key)? = value(depth: depth + 1), let item = value(depth: depth + 1) else { return nil }
                    entries[key] = item
                }
            case UInt8(ascii: "<"):
                position += 1
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                let hex = bytes[start..<min(position, bytes.count)].filter { !Self.isWhite($0) }
                position += 1
                return .string(Self.decodeHex(hex))
            case UInt8(ascii: "("):
                return literalString()
            default:
                guard let text = word() else { position += 1; return .null }
                if let number = Int(text) {
                    // `N G R` is a reference.
                    let saved = position
                    if integer() != nil, keyword("R") { return .reference(number) }
                    position = saved
                    return .number
                }
                return Double(text) != nil ? .number : .null
            }
        }

        /// A literal string `( … )`, with nested parentheses and escapes; its bytes as text.
        private mutating func literalString() -> Value? {
            position += 1
            var out: [UInt8] = []
            var level = 1
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\\"), position < bytes.count {
                    let next = bytes[position]
                    position += 1
                    switch next {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "0")...UInt8(ascii: "7"):
                        var value = Int(next - 48)
                        for _ in 0..<2 where position < bytes.count && (48...55).contains(bytes[position]) {
                            value = value * 8 + Int(bytes[position] - 48)
                            position += 1
                        }
                        out.append(UInt8(value & 0xFF))
                    case 10, 13: break
                    default: out.append(next)
                    }
                    continue
                }
                if byte == UInt8(ascii: "(") { level += 1 }
                if byte == UInt8(ascii: ")") {
                    level -= 1
                    if level == 0 { return .string(Self.text(out)) }
                }
                out.append(byte)
            }
            return nil
        }

        /// A name's bytes with `#xx` escapes decoded.
        static func decodeName(_ raw: ArraySlice<UInt8>) -> String {
            var out: [UInt8] = []
            var index = raw.startIndex
            while index < raw.endIndex {
                if raw[index] == UInt8(ascii: "#"), index + 2 < raw.endIndex,
                   let value = UInt8(String(decoding: raw[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    out.append(value)
                    index += 3
                } else {
                    out.append(raw[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        static func decodeHex(_ hex: [UInt8]) -> String {
            var out: [UInt8] = []
            var index = 0
            while index < hex.count {
                let pair = String(decoding: hex[index..<min(index + 2, hex.count)], as: UTF8.self)
                out.append(UInt8(pair.count == 1 ? pair + "0" : pair, radix: 16) ?? 0)
                index += 2
            }
            return text(out)
        }

        /// A string's bytes as text: UTF-16BE after a byte order mark, else as UTF-8 (destination names are ASCII).
        static func text(_ bytes: [UInt8]) -> String {
            guard bytes.starts(with: [0xFE, 0xFF]) else { return String(decoding: bytes, as: UTF8.self) }
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
