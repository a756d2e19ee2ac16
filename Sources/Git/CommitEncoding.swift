import Glibc

/// A commit's `encoding` header as `git log` honours it (git's `logmsg_reencode`): the whole commit, names and
/// message, is converted to UTF-8 with iconv, the library git converts with; a header that names UTF-8 in any of
/// git's spellings (`UTF-8`, `utf8`, `Utf-8`) means no conversion; when iconv does not know the encoding or the
/// bytes do not convert, git keeps the bytes as they are, and so does dossier.
enum CommitEncoding {
    /// Whether git reads `name` as UTF-8 (its `is_encoding_utf8`: `utf` with an optional `-`, then `8`, any case).
    static func isUTF8(_ name: String) -> Bool {
        var rest = Substring(name)
        guard rest.count >= 3, rest.prefix(3).lowercased() == "utf" else { return false }
        rest = rest.dropFirst(3)
        if rest.first == "-" { rest = rest.dropFirst() }
        return rest == "8"
    }

    /// `bytes` converted from `encoding` to UTF-8, or nil when git would keep them as they are.
    static func utf8(_ bytes: UnsafeRawBufferPointer, from encoding: String) -> [UInt8]? {
        var converter = iconv_open("UTF-8", encoding)
        if converter == iconv_t(bitPattern: -1), let fallback = fallback(encoding) {
            converter = iconv_open("UTF-8", fallback)
        }
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // As git: one call converts everything, growing the output when it runs out; any other error gives up.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 32)
        var written = 0
        var inputLeft = bytes.count
        var input = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: CChar.self))
        while true {
            let result = output.withUnsafeMutableBytes { buffer -> Int in
                var outputLeft = buffer.count - written
                var next = buffer.baseAddress.map { $0.advanced(by: written).assumingMemoryBound(to: CChar.self) }
                let converted = iconv(converter, &input, &inputLeft, &next, &outputLeft)
                written = buffer.count - outputLeft
                return converted
            }
            if result != -1 { break }
            guard errno == E2BIG else { return nil }
            output += [UInt8](repeating: 0, count: inputLeft * 2 + 32)
        }
        output.removeSubrange(written...)
        return output
    }

    /// git's second try when iconv does not know a name: `latin-1` as ISO-8859-1 (git's `fallback_encoding`).
    private static func fallback(_ encoding: String) -> String? {
        encoding.lowercased() == "latin-1" ? "ISO-8859-1" : nil
    }
}
