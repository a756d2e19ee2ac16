import Foundation

/// `MANIFEST.sha256` read as `sha256sum -c` reads it, and refused where it would let a bundle say more than its
/// files: a line that is not `sha256  name`, a name outside the folder (`../x`, `/etc/x`), a name listed twice.
package struct ManifestListing {
    /// The manifest text for files with these SHA-256 digests (lowercase hex): one `sha256  name` line per file, by
    /// name, as `sha256sum` prints it.
    package static func text(hexDigests: [String: String], binary: Set<String> = []) -> String {
        hexDigests.sorted { $0.key < $1.key }.map { "\($0.value) \(binary.contains($0.key) ? "*" : " ")\($0.key)\n" }.joined()
    }

    /// The manifest text for `files`; the names in `binary` are listed in sha256sum's binary mode (`HASH *NAME`).
    package static func text(_ files: [String: Data], binary: Set<String> = []) -> String {
        text(hexDigests: files.mapValues(sha256Hex), binary: binary)
    }

    /// The digest (lowercase hex) each listed name should have, by the name's bytes (NFC and NFD are two names,
    /// as they are two files).
    package var digests: [RawName: String] = [:]
    /// The names listed in binary mode (`HASH *NAME`).
    package var binary: Set<RawName> = []
    /// What is wrong with the manifest, each with its line number.
    package var faults: [(line: Int, text: String)] = []
    /// What is wrong with the manifest, as `line N: …`.
    package var problems: [String] { faults.map { "line \($0.line): \($0.text)" } }

    /// Reads `data` as `sha256sum -c` would, noting every line it would refuse.
    package init(_ data: Data) {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var firstLine: [RawName: (name: String, line: Int)] = [:]
        for (index, line) in lines.enumerated() where !(line.isEmpty && index == lines.count - 1) {
            let number = index + 1
            // sha256sum's format: 64 hex digits, a space, a space (text) or `*` (binary), the name.
            let chars = Array(line)
            guard chars.count > 66, chars[..<64].allSatisfy(Self.isHex), chars[64] == UInt8(ascii: " "),
                  chars[65] == UInt8(ascii: " ") || chars[65] == UInt8(ascii: "*"),
                  let name = String(bytes: chars[66...], encoding: .utf8) else {
                faults.append((number, "\(BundlePath.escaped(String(decoding: line.prefix(80), as: UTF8.self)))"))
                continue
            }
            if let problem = BundlePath.problem(path: name) {
                faults.append((number, "'\(BundlePath.escaped(name))' is \(problem), not a file inside the bundle"))
                continue
            }
            let key = RawName(name.lowercased())
            if let earlier = firstLine[key] {
                faults.append((number, "'\(BundlePath.escaped(name))' is listed already on line \(earlier.line)"
                                + (earlier.name == name ? "" : " (as '\(BundlePath.escaped(earlier.name))', differing only in case)")))
                continue
            }
            firstLine[key] = (name, number)
            digests[RawName(name)] = String(decoding: chars[..<64], as: UTF8.self).lowercased()
            if chars[65] == UInt8(ascii: "*") { binary.insert(RawName(name)) }
        }
        if digests.isEmpty && faults.isEmpty { faults.append((1, "the manifest lists no file")) }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
