import Signatures

/// One commit, copied out of git: identity, people, message, trailers, changed paths and the verdict on its signature.
public struct Commit: Sendable, Hashable {
    /// The 40-hex-digit object id.
    public var id: String
    /// The tree the commit records.
    public var tree: String
    /// Parent ids, first parent first.
    public var parents: [String]
    /// The author (`.mailmap` applied).
    public var author: Person
    /// The committer (`.mailmap` applied).
    public var committer: Person
    /// The first paragraph of the message, lines joined with spaces (git's `%s`).
    public var subject: String
    /// The message after the first paragraph and the blank lines after it, byte for byte (git's `%b`).
    public var body: String
    /// The whole message, byte for byte after conversion to UTF-8 (git's `%B`).
    public var message = ""
    /// Whether the message, author or committer held bytes that are not UTF-8 (after the conversion the commit's
    /// `encoding` header asks for), shown as U+FFFD.
    public var invalidUTF8 = false
    /// The trailers of the message's last paragraph, as `git interpret-trailers --parse` reads them.
    public var trailers: [Trailer]
    /// Paths changed against the first parent (the root commit: all its files).
    public var changedFiles: [ChangedFile]
    /// git's verdict on the `gpgsig` header's signature (N when there is none).
    public var verdict: Verdict

    /// The kind of signature the commit carries, if any.
    public var signatureKind: SignatureKind? { verdict.kind }

    /// Whether the commit has more than one parent.
    public var isMerge: Bool { parents.count > 1 }
}
