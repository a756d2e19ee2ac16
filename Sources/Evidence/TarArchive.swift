import Foundation
import Support

/// The entries of a tar archive as mender-artifact (Go's archive/tar) and GNU tar write them: POSIX ustar or GNU
/// headers, each checked (magic, checksum, octal fields), read strictly as Go reads them — the archive ends with two
/// zero blocks and nothing but zeros after them.
enum TarArchive {
    /// One entry's header.
    struct Entry: Sendable {
        var name: String
        /// The entry's tar type: `0` (or NUL) a file, `5` a folder; anything else (links, devices, extended headers).
        var type: UInt8
        var isFile: Bool { type == UInt8(ascii: "0") || type == 0 }
    }

    /// The most entries read.
    static let maximumEntries = 10_000

    /// Calls `body` with each entry and its bytes (valid during the call only), in archive order.
    /// - Throws: `DossierError` (message only; the caller names the archive) for a header that is not ustar or GNU
    ///   or whose checksum is wrong, an entry cut short, a zero block followed by anything but zeros, or too many
    ///   entries; whatever `body` throws.
    static func forEachEntry(_ data: Data, _ body: (Entry, UnsafeRawBufferPointer) throws -> Void) throws {
        try data.withUnsafeBytes { bytes in
            var offset = 0, entries = 0
            while offset + 512 <= bytes.count {
                let header = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 512])
                if header.allSatisfy({ $0 == 0 }) {
                    // The end: a second zero block, then only zeros (Go refuses a zero block followed by a header).
                    guard bytes[offset...].allSatisfy({ $0 == 0 }) else {
                        throw DossierError("it holds a tar entry after the zero block that ends the archive")
                    }
                    return
                }
                entries += 1
                guard entries <= maximumEntries else { throw DossierError("it holds more than \(maximumEntries) entries") }
                let magic = Array(header[257..<265])
                let posix = magic == Array("ustar\u{0}00".utf8), gnu = magic == Array("ustar  \u{0}".utf8)
                guard posix || gnu else { throw DossierError("its entry at byte \(offset) has no ustar or GNU tar header") }
                guard let size = octal(header, 124, 12), let checksum = octal(header, 148, 8) else {
                    throw DossierError("its entry at byte \(offset) has a tar header whose size or checksum is not octal")
                }
                // The checksum: the header's bytes summed, its own field counted as spaces.
                let sum = header.indices.reduce(0) { total, index in total + ((148..<156).contains(index) ? 32 : Int(header[index])) }
                guard sum == checksum else { throw DossierError("its entry at byte \(offset) has a tar header whose checksum is wrong") }
                // The prefix field is a name's first part in POSIX ustar only; GNU keeps other fields there.
                let name = text(header, 0, 100), prefix = posix ? text(header, 345, 155) : ""
                let path = prefix.isEmpty ? name : prefix + "/" + name
                let start = offset + 512
                guard size <= bytes.count - start else { throw DossierError("its entry \(Excerpt.quoted(path)) is cut short") }
                try body(Entry(name: path, type: header[156]), UnsafeRawBufferPointer(rebasing: bytes[start..<start + size]))
                offset = start + (size + 511) / 512 * 512
            }
            // Go's reader takes the end of the bytes at a block's edge as the end too.
            guard offset == bytes.count else { throw DossierError("it ends inside a tar header") }
        }
    }

    /// The regular files of `data` with their bytes, in archive order; folders are skipped, any other entry refused.
    static func files(_ data: Data) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = []
        try forEachEntry(data) { entry, bytes in
            if entry.isFile {
                files.append((entry.name, Data(bytes)))
            } else if entry.type != UInt8(ascii: "5") {
                throw DossierError("its entry \(Excerpt.quoted(entry.name)) is of tar type '\(String(UnicodeScalar(entry.type)))', not a file or folder")
            }
        }
        return files
    }

    private static func octal(_ header: UnsafeRawBufferPointer, _ at: Int, _ length: Int) -> Int? {
        let field = header[at..<at + length]
        let digits = field.drop { $0 == 32 }.prefix { $0 != 0 && $0 != 32 }
        guard !digits.isEmpty else { return field.allSatisfy { $0 == 0 || $0 == 32 } ? 0 : nil }
        guard digits.count <= 11, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func text(_ header: UnsafeRawBufferPointer, _ at: Int, _ length: Int) -> String {
        String(decoding: header[at..<at + length].prefix { $0 != 0 }, as: UTF8.self)
    }
}
