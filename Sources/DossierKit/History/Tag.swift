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
    /// The kind of signature appended to the tag message, if any.
    public var signatureKind: SignatureKind?

    /// Whether the tag is an annotated tag object (not a bare reference to a commit).
    public var isAnnotated: Bool { objectId != nil }

    /// Splits a raw tag object's message into the message and the signature kind, as git does: the
    /// signature starts at the last line that begins an armor (PGP, SSH or X.509).
    static func splitSignature(_ text: String) -> (message: String, kind: SignatureKind?) {
        let message = Substring(text)
        var lineStart = message.startIndex
        var found: (Substring.Index, SignatureKind)?
        while lineStart < message.endIndex {
            let lineEnd = message[lineStart...].firstIndex(of: "\n") ?? message.endIndex
            if let kind = SignatureKind.of(armor: message[lineStart..<lineEnd]) { found = (lineStart, kind) }
            lineStart = lineEnd == message.endIndex ? lineEnd : message.index(after: lineEnd)
        }
        guard let (start, kind) = found else { return (String(message), nil) }
        return (String(message[..<start]), kind)
    }
}
