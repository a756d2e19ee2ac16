import Signatures

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
}

/// A tag's own object, read without peeling it to a commit: for a tag of anything (a tree, a blob), whose
/// signature git still verifies.
public struct TagObject: Sendable, Hashable {
    /// The id the tag's reference names: the tag object's for an annotated tag, else the tagged object's.
    public var target: String
    /// The tag object's id, for an annotated tag.
    public var objectId: String?
    /// The tagger, for an annotated tag.
    public var tagger: Person?
    /// The tag message without its signature, for an annotated tag.
    public var message: String
    /// The signature appended to the tag message and the bytes it covers; nil when unsigned.
    public var signedContent: SignedContent?
}
