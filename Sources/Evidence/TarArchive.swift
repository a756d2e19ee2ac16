import Foundation
import Support

/// The regular files of a tar archive (POSIX ustar, as mender-artifact and GNU tar write them), in archive order.
/// Folders are skipped; links, devices and other entries are refused, and so are archives with too many entries.
enum TarArchive {
    /// One file of the archive.
    struct File: Sendable {
        var name: String
        var data: Data
    }

    /// The most entries read.
    static let maximumEntries = 10_000

    /// The files of `data`.
    /// - Throws: `DossierError` (message only; the caller names the archive) for a header that is not ustar or
    ///   whose checksum is wrong, a file cut short, an entry that is not a file or folder, or too many entries.
    static func files(_ data: Data) throws -> [File] {
        let bytes = [UInt8](data)
        var files: [File] = []
        var offset = 0, entries = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { return files }  // the end: two zero blocks
            entries += 1
            guard entries <= maximumEntries else { throw DossierError("it holds more than \(maximumEntries) entries") }
            guard let size = octal(header, 124, 12), let checksum = octal(header, 148, 8) else {
                throw DossierError("its entry at byte \(offset) has no tar header (size or checksum not octal)")
            }
            // The checksum: the header's bytes summed, its own field counted as spaces.
            let sum = header.enumerated().reduce(0) { total, item in total + ((148..<156).contains(item.offset) ? 32 : Int(item.element)) }
            guard sum == checksum else { throw DossierError("its entry at byte \(offset) has a tar header whose checksum is wrong") }
            let name = text(header, 0, 100), prefix = text(header, 345, 155)
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let type = header[header.startIndex + 156]
            let start = offset + 512
            guard size <= bytes.count - start else { throw DossierError("its entry \(Excerpt.quoted(path)) is cut short") }
            switch type {
            case UInt8(ascii: "0"), 0: files.append(File(name: path, data: Data(bytes[start..<start + size])))
            case UInt8(ascii: "5"): break
            default:
                throw DossierError("its entry \(Excerpt.quoted(path)) is of tar type '\(String(UnicodeScalar(type)))', not a file or folder")
            }
            offset = start + (size + 511) / 512 * 512
        }
        guard offset == bytes.count || bytes[offset...].allSatisfy({ $0 == 0 }) else { throw DossierError("it ends inside a tar header") }
        return files
    }

    private static func octal(_ header: ArraySlice<UInt8>, _ at: Int, _ length: Int) -> Int? {
        let field = header[(header.startIndex + at)..<(header.startIndex + at + length)]
        let digits = field.drop { $0 == 32 }.prefix { $0 != 0 && $0 != 32 }
        guard !digits.isEmpty, digits.count <= 11, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }) else {
            return field.allSatisfy { $0 == 0 || $0 == 32 } ? 0 : nil
        }
        return digits.reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func text(_ header: ArraySlice<UInt8>, _ at: Int, _ length: Int) -> String {
        let field = header[(header.startIndex + at)..<(header.startIndex + at + length)]
        return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }
}
