import Glibc

/// The author, committer and message of a commit as `git log` shows them (`%an`, `%cn`, `%B`…), read the way git
/// 2.39's pretty.c reads them: from the commit converted to UTF-8 (`CommitEncoding`, `logmsg_reencode`), then
/// `parse_commit_header`, where a NUL byte in a header ends its line like a newline and the last `author` and
/// `committer` lines count, and `%B`, read as a C string, ends at a NUL byte. Bytes that are still not UTF-8 become
/// U+FFFD, and `isUTF8` says so. A commit without an encoding header, nearly every commit, is read in place with
/// one pass over its headers and one scan of its message for a NUL.
struct CommitText {
    /// The last `author` line's value, up to its newline or NUL byte.
    var author: String?
    /// The last `committer` line's value, up to its newline or NUL byte.
    var committer: String?
    /// Everything after the line that ends the headers, up to a NUL byte: `git log --format=%B`.
    var message: String
    /// The text git finds `%s`, `%b` and the trailers in: the message, or nothing when the headers ended at a NUL
    /// byte (git's `%B` then shows what follows that byte, but its subject and body are empty).
    var parsedMessage: String
    /// Whether the author, committer and message were UTF-8 (after conversion), so nothing was replaced.
    var isUTF8: Bool

    /// The text of a raw commit object whose headers, read from the same bytes, are `headers`.
    init(commit bytes: UnsafeRawBufferPointer, headers: ObjectHeaders) {
        // git looks for the header in the same lines ObjectHeaders names, or fewer: without one, nothing converts.
        if headers.headers.contains(where: { $0.name == "encoding" }), let shown = Self.reencoded(bytes) {
            self = shown.withUnsafeBytes { CommitText(shown: $0) }
        } else {
            self.init(shown: bytes)
        }
    }

    /// git's `parse_commit_header`, `%an`/`%cn` and `%B` on the text it shows.
    private init(shown text: UnsafeRawBufferPointer) {
        let count = text.count
        var author: Range<Int>?, committer: Range<Int>?
        var line = 0
        while line < count, text[line] != 0 {
            let end = Self.lineEnd(text, from: line)
            if end == line { break }  // the blank line
            let bytes = UnsafeRawBufferPointer(rebasing: text[line..<end])
            if bytes.starts(with: "author ".utf8) {
                author = (line + 7)..<end
            } else if bytes.starts(with: "committer ".utf8) {
                committer = (line + 10)..<end
            }
            line = end + 1  // past the newline or NUL; git reads on after a NUL
        }
        // git leaves `line` at the newline before the message, or at a NUL when the headers ended there; `%B` is
        // the C string after it. Past the object's end git reads memory it does not own: nothing is shown here.
        var message = ""
        var isUTF8 = true
        if line + 1 < count {
            let start = line + 1
            message = Self.string(text[start..<Self.firstNUL(text, from: start)], isUTF8: &isUTF8)
        }
        self.message = message
        parsedMessage = line < count && text[line] == UInt8(ascii: "\n") ? message : ""
        self.author = author.map { Self.string(text[$0], isUTF8: &isUTF8) }
        self.committer = committer.map { Self.string(text[$0], isUTF8: &isUTF8) }
        self.isUTF8 = isUTF8
    }

    /// The index of the newline or NUL byte that ends the line starting at `start`, or the end of `text`.
    private static func lineEnd(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        var end = start
        while end < text.count, text[end] != UInt8(ascii: "\n"), text[end] != 0 { end += 1 }
        return end
    }

    /// The index of the first NUL byte at or after `start`, or the end of `text`: one `memchr`.
    private static func firstNUL(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = text.baseAddress, start < text.count, let nul = memchr(base + start, 0, text.count - start) else {
            return text.count
        }
        return base.distance(to: UnsafeRawPointer(nul))
    }

    /// The bytes as text; a sequence that is not UTF-8 becomes U+FFFD and clears `isUTF8`.
    private static func string(_ bytes: Slice<UnsafeRawBufferPointer>, isUTF8: inout Bool) -> String {
        let bytes = UnsafeRawBufferPointer(rebasing: bytes)
        if let text = String(utf8: bytes) { return text }
        isUTF8 = false
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text git shows for a commit with an encoding header (`logmsg_reencode`), or nil when git shows the object
    /// as it is: no encoding header before the first NUL byte, or one iconv does not convert. git reads the object
    /// as a C string here: only the bytes before its first NUL are read, converted and shown.
    private static func reencoded(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let object = UnsafeRawBufferPointer(rebasing: bytes[..<firstNUL(bytes, from: 0)])
        guard let encoding = header("encoding", in: object) else { return nil }
        // A header naming UTF-8: git copies the object up to the NUL and drops the header, which changes nothing shown.
        if CommitEncoding.isUTF8(encoding) { return Array(object) }
        guard var text = CommitEncoding.utf8(object, from: encoding) else { return nil }
        dropEncodingHeader(&text)
        return text
    }

    /// The first line of the first header named `key` (git's `find_header_mem`, read by `get_header`): continuation
    /// lines are not part of it, and a line with no space after the name is not that header.
    private static func header(_ key: String, in object: UnsafeRawBufferPointer) -> String? {
        let prefix = Array(key.utf8) + [UInt8(ascii: " ")]
        var line = 0
        while line < object.count {
            var end = line
            while end < object.count, object[end] != UInt8(ascii: "\n") { end += 1 }
            if end == line { return nil }  // the blank line
            if object[line..<end].starts(with: prefix) {
                return String(decoding: object[(line + prefix.count)..<end], as: UTF8.self)
            }
            line = end + 1
        }
        return nil
    }

    /// git's `replace_encoding_header` on the converted text: it looks for the `encoding` line from the start, lines
    /// ending at a newline, and gives up at a NUL byte or the blank line. It removes the line from a buffer it takes
    /// to end at the first NUL: what lies after that NUL stays where it was, behind a NUL at the shortened end, and
    /// git's header parse reads on into it.
    private static func dropEncodingHeader(_ text: inout [UInt8]) {
        let newline = UInt8(ascii: "\n")
        var line = 0
        while !text[line...].starts(with: "encoding ".utf8) {
            guard let end = text[line...].firstIndex(where: { $0 == newline || $0 == 0 }), text[end] == newline,
                  end + 1 < text.count, text[end + 1] != newline else { return }
            line = end + 1
        }
        guard let end = text[line...].firstIndex(where: { $0 == newline || $0 == 0 }), text[end] == newline else { return }
        let length = end + 1 - line
        let stringEnd = text[line...].firstIndex(of: 0) ?? text.count
        text.replaceSubrange(line..<(stringEnd - length), with: text[(line + length)..<stringEnd])
        if stringEnd < text.count {
            text[stringEnd - length] = 0
        } else {
            text.removeSubrange((stringEnd - length)...)
        }
    }
}
