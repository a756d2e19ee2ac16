/// A tag copied out of git: annotated (with tagger, message and maybe a signature) or lightweight.
public struct Tag: Sendable, Hashable {
    /// The short name, e.g. `v2.0.0`.
    public var name: String
    /// The commit the tag points at (after peeling).
    public var commit: String
    /// The tag object's id, for an annotated tag.
    public var objectId: String?
    /// The tagger, for an annotated tag.
    public var tagger: Person?
    /// The tag message without its signature, for an annotated tag.
    public var message: String
    /// The signature appended to the tag message and the bytes it covers, cut as git cuts them; nil when unsigned.
    public var signedContent: SignedContent?

    /// The kind of signature appended to the tag message, if any.
    public var signatureKind: SignatureKind? { signedContent?.kind }

    /// Whether the tag is an annotated tag object (not a bare reference to a commit).
    public var isAnnotated: Bool { objectId != nil }

    /// Splits a raw tag object's message into the message and the signature kind, as git does: the
    /// signature starts at the last line that begins an armor (PGP, SSH or X.509). Scans bytes, so a
    /// message with CRLF line ends is split like any other.
    static func splitSignature(_ text: String) -> (message: String, kind: SignatureKind?) {
        let bytes = Array(text.utf8)
        var found: (Int, SignatureKind)?
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if bytes[lineStart] == UInt8(ascii: "-"),
               let kind = SignatureKind.of(armor: Substring(String(decoding: bytes[lineStart..<min(lineEnd, lineStart + 40)], as: UTF8.self))) {
                found = (lineStart, kind)
            }
            lineStart = lineEnd + 1
        }
        guard let (start, kind) = found else { return (text, nil) }
        return (String(decoding: bytes[..<start], as: UTF8.self), kind)
    }
}
