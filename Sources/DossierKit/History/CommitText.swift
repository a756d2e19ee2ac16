import Glibc

/// The author, committer and message of a commit as `git log` shows them (`%an`, `%cn`, `%B`…): git formats them
/// from the commit converted to UTF-8 (`CommitEncoding`) and read as a C string, so nothing after a NUL byte is
/// shown. Bytes that are still not UTF-8 become U+FFFD, and `isUTF8` says so. A commit in UTF-8 without a NUL,
/// nearly every commit, costs one scan for a NUL beyond the headers already read.
struct CommitText {
    /// The `author` header's value.
    var author: String?
    /// The `committer` header's value.
    var committer: String?
    /// Everything after the headers' blank line, up to a NUL byte: `git log --format=%B`.
    var message: String
    /// Whether the author, committer and message were UTF-8 (after conversion), so nothing was replaced.
    var isUTF8: Bool

    /// The text of a raw commit object whose headers, read from the same bytes, are `headers`.
    init(commit bytes: UnsafeRawBufferPointer, headers: ObjectHeaders) {
        var end = bytes.count
        if let start = bytes.baseAddress, let nul = memchr(start, 0, bytes.count) { end = start.distance(to: UnsafeRawPointer(nul)) }
        let shown = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        if let encoding = headers.first("encoding"), !CommitEncoding.isUTF8(encoding),
           let converted = CommitEncoding.utf8(shown, from: encoding) {
            self.init(converted.withUnsafeBytes { ObjectHeaders(bytes: $0) })
        } else if end < bytes.count {
            self.init(ObjectHeaders(bytes: shown))
        } else {
            self.init(headers)
        }
    }

    private init(_ headers: ObjectHeaders) {
        let author = headers.headers.first { $0.name == "author" }
        let committer = headers.headers.first { $0.name == "committer" }
        self.author = author?.value
        self.committer = committer?.value
        message = headers.message
        isUTF8 = headers.messageIsUTF8 && author?.isUTF8 != false && committer?.isUTF8 != false
    }
}
