import Foundation
import Support

/// One JSON value (RFC 8259) with the line and column where it starts in its file, so that what is read from an
/// SBOM, a threat-model export or a tracker export can be named precisely in findings and errors.
package struct JSONValue: Sendable {
    /// What the value is.
    package enum Kind: Sendable {
        case object([(key: String, value: JSONValue)])
        case array([JSONValue])
        case string(String)
        /// A number as written, e.g. `9.8`.
        case number(String)
        case bool(Bool)
        case null
    }

    package let kind: Kind
    package let location: SourceLocation

    /// Parses a whole file.
    /// - Throws: `DossierError` for bytes that are not UTF-8 or text that is not JSON, with line and column.
    package static func parse(_ data: Data, file: String) throws -> JSONValue {
        let bytes = [UInt8](data)
        try UTF8Check.validate(bytes, file: file)
        var parser = JSONParser(bytes: bytes, file: file)
        return try parser.document()
    }

    /// How an error names this value: `the text 'x'`, `a number (9.8)`, `an object`.
    var foundDescription: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string(let text): "the text \(Excerpt.quoted(text))"
        case .number(let text): "the number \(Excerpt.of(text))"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    /// An error saying what was expected here and what was found.
    package func fail(_ expected: String) -> DossierError {
        DossierError("expected \(expected), found \(foundDescription)", at: location)
    }

    /// The value as an object.
    /// - Throws: `DossierError` when it is not one.
    package func object(_ what: String) throws -> JSONObject {
        guard case .object(let members) = kind else { throw fail("\(what) (an object)") }
        return JSONObject(what: what, value: self, members: members)
    }

    /// The value as an array.
    /// - Throws: `DossierError` when it is not one.
    func array(_ what: String) throws -> [JSONValue] {
        guard case .array(let items) = kind else { throw fail("\(what) (an array)") }
        return items
    }

    /// The value as text; numbers and booleans are given as written, since exports are not always strict about types.
    /// - Throws: `DossierError` for objects, arrays and null.
    package func text(_ what: String) throws -> String {
        switch kind {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: throw fail(what)
        }
    }
}

/// A JSON object read leniently: formats such as CycloneDX have many fields dossier does not need, so unknown
/// keys are ignored, but a key dossier reads must have the type it expects.
package struct JSONObject: Sendable {
    let what: String
    let value: JSONValue
    package let members: [(key: String, value: JSONValue)]

    package var location: SourceLocation { value.location }

    /// The value at `key` (the last one, should a key repeat), `nil` when absent or null.
    package subscript(key: String) -> JSONValue? {
        guard let found = members.last(where: { $0.key == key })?.value else { return nil }
        if case .null = found.kind { return nil }
        return found
    }

    /// Optional text; empty text counts as absent.
    package func text(_ key: String) throws -> String? {
        guard let value = self[key] else { return nil }
        let text = try value.text("text for '\(key)' in \(what)")
        return text.isEmpty ? nil : text
    }

    /// Required text.
    package func requiredText(_ key: String) throws -> String {
        guard let text = try text(key) else { throw DossierError("\(what) has no '\(key)'", at: location) }
        return text
    }

    /// An optional array (absent is empty).
    func array(_ key: String) throws -> [JSONValue] {
        guard let value = self[key] else { return [] }
        return try value.array("'\(key)' in \(what)")
    }

    /// An optional array of objects (absent is empty).
    package func objects(_ key: String, each: String) throws -> [JSONObject] {
        try array(key).map { try $0.object(each) }
    }

    /// An optional nested object.
    package func object(_ key: String) throws -> JSONObject? {
        try self[key]?.object("'\(key)' in \(what)")
    }

    /// An optional array of text (absent is empty).
    package func texts(_ key: String) throws -> [String] {
        try array(key).map { try $0.text("text in '\(key)' of \(what)") }
    }
}

/// A strict RFC 8259 parser over bytes that knows the line and column of every value.
private struct JSONParser {
    let bytes: [UInt8]
    let file: String
    var offset = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte order mark is allowed before the text (RFC 8259 8.1 lets parsers ignore it).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
    }

    /// The column counts characters, not bytes: continuation bytes are skipped. Values are located in order, so
    /// the count goes on from where the last one stopped: one pass over a line however many values it holds.
    private var columnOffset = 0
    private var columnCount = 1

    private mutating func location(at position: Int) -> SourceLocation {
        let position = min(position, bytes.count)
        if columnOffset < lineStart || columnOffset > position { (columnOffset, columnCount) = (lineStart, 1) }
        var index = columnOffset, column = columnCount
        while index < position {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        (columnOffset, columnCount) = (position, column)
        return SourceLocation(file: file, line: line, column: column)
    }

    private mutating func here() -> SourceLocation { location(at: offset) }

    private mutating func error(_ message: String) -> DossierError { DossierError(message, at: here()) }

    /// What the next bytes are, for messages.
    private var found: String {
        guard offset < bytes.count else { return "the end of the file (is it truncated?)" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return String(format: "the byte 0x%02X", byte)
    }

    mutating func document() throws -> JSONValue {
        skipSpace()
        guard offset < bytes.count else { throw error("expected a JSON value, found an empty file") }
        let value = try parseValue()
        skipSpace()
        guard offset == bytes.count else { throw error("expected the end of the JSON text, found \(found)") }
        return value
    }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A: offset += 1; line += 1; lineStart = offset
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        let start = here()
        guard offset < bytes.count else { throw error("expected a JSON value, found \(found)") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return JSONValue(kind: try parseObject(), location: start)
        case UInt8(ascii: "["): return JSONValue(kind: try parseArray(), location: start)
        case UInt8(ascii: "\""): return JSONValue(kind: .string(try parseString()), location: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONValue(kind: .bool(true), location: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONValue(kind: .bool(false), location: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONValue(kind: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONValue(kind: .number(try parseNumber()), location: start)
        default: throw error("expected a JSON value, found \(found)")
        }
    }

    private mutating func nest() throws {
        depth += 1
        guard depth <= 512 else { throw error("expected JSON nested at most 512 levels deep, found deeper nesting") }
    }

    private mutating func parseObject() throws -> JSONValue.Kind {
        try nest()
        offset += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") { offset += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes in an object, found \(found)")
            }
            let key = try parseString()
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw error("expected ':' after the key \(Excerpt.quoted(key)), found \(found)") }
            offset += 1
            skipSpace()
            members.append((key, try parseValue()))
            skipSpace()
            guard offset < bytes.count else { throw error("expected ',' or '}' in an object, found \(found)") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; depth -= 1; return .object(members) }
            throw error("expected ',' or '}' in an object, found \(found)")
        }
    }

    private mutating func parseArray() throws -> JSONValue.Kind {
        try nest()
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") { offset += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try parseValue())
            skipSpace()
            guard offset < bytes.count else { throw error("expected ',' or ']' in an array, found \(found)") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; depth -= 1; return .array(items) }
            throw error("expected ',' or ']' in an array, found \(found)")
        }
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw error("expected \(word), found \(found)")
        }
        offset += expected.count
    }

    private mutating func parseNumber() throws -> String {
        let start = offset
        func digits() -> Int {
            let from = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integer = offset
        guard digits() > 0 else { throw error("expected a digit in a number, found \(found)") }
        if bytes[integer] == UInt8(ascii: "0") && offset - integer > 1 {
            throw DossierError("expected a number without leading zeros, found one", at: location(at: integer))
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point, found \(found)") }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) { offset += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A string's text: runs without escapes are copied as they are, escapes decoded into the same buffer, so
    /// the time is linear in the string's length whatever it holds.
    private mutating func parseString() throws -> String {
        offset += 1
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"), bytes[offset] >= 0x20 {
            offset += 1
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            offset += 1
            return String(decoding: bytes[start..<offset - 1], as: UTF8.self)
        }
        var text: [UInt8] = []
        text.reserveCapacity(offset - start + 16)
        text.append(contentsOf: bytes[start..<offset])
        while true {
            guard offset < bytes.count else { throw error("expected '\"' to end a string, found \(found)") }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                let scalar = try parseEscape()
                text.append(contentsOf: UTF8.encode(scalar)!)
            case 0x00..<0x20:
                throw error(String(format: "expected a character in a string, found the control character 0x%02X (write it as an escape)", byte))
            default:
                text.append(byte)
                offset += 1
            }
        }
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard offset < bytes.count else { throw error("expected an escape after '\\', found \(found)") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                // A surrogate pair: the low half must follow as its own escape.
                guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("expected the low half of a surrogate pair (\\uDC00–\\uDFFF) after \\u\(String(first, radix: 16)), found \(found)")
                }
                offset += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error("expected the low half of a surrogate pair (\\uDC00–\\uDFFF), found \\u\(String(second, radix: 16))")
                }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(first) else {
                throw error("expected a character escape, found the lone surrogate \\u\(String(first, radix: 16))")
            }
            return scalar
        default:
            offset -= 1
            throw error("expected an escape such as \\n, \\\" or \\u00E9 after '\\', found \(found)")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = Self.hexDigit(bytes[offset]) else {
                throw error("expected four hexadecimal digits after \\u, found \(found)")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

extension JSONValue {
    /// The value as compact JSON text (keys in the order written), cut at `limit` characters with `…`: for showing
    /// a value from an untrusted file, whose size is not the document's to carry.
    func compactText(limit: Int = 200) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        func write(_ value: JSONValue) -> String {
            switch value.kind {
            case .object(let members): return "{" + members.map { "\(quoted($0.key)):\(write($0.value))" }.joined(separator: ",") + "}"
            case .array(let items): return "[" + items.map(write).joined(separator: ",") + "]"
            case .string(let text): return quoted(text)
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .null: return "null"
            }
        }
        let text = write(self)
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
