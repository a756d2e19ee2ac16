import Foundation

/// Refuses bytes that are not UTF-8, naming the line and column (in characters) of the first bad byte: the YAML and
/// JSON readers go through it, so a file in another encoding is reported where it goes wrong.
package enum UTF8Check {
    /// - Throws: `DossierError` at the first byte that does not belong to a UTF-8 sequence.
    package static func validate(_ bytes: [UInt8], file: String) throws {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var position = 0, line = 1, lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; lineStart = position + 1 }
                position += scalar.count
            case .emptyInput:
                return
            case .error:
                // A byte order mark is skipped by both readers, so it is not counted as a column.
                let from = lineStart == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : lineStart
                let column = bytes[from..<position].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                throw DossierError(String(format: "expected UTF-8 text, found the byte 0x%02X that is not UTF-8", bytes[position]),
                                   at: SourceLocation(file: file, line: line, column: column))
            }
        }
    }
}

extension String {
    /// The text of `bytes` when they are UTF-8; nil otherwise. Decoded with the standard library's specialised
    /// repairing decoder and compared with the bytes (a repair changes them), which is several times cheaper than
    /// the generic `String(validating:as:)` for the many short strings of a history.
    package init?(utf8 bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        var copy = text
        let same = copy.withUTF8 { decoded in
            guard decoded.count == bytes.count else { return false }
            guard let decodedStart = decoded.baseAddress, let start = bytes.baseAddress else { return true }  // both empty
            return memcmp(decodedStart, start, bytes.count) == 0
        }
        guard same else { return nil }
        self = copy
    }
}
