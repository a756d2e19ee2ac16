/// The kind of signature a commit or tag carries, read from its raw object (verification is a later stage).
public enum SignatureKind: String, Sendable, Codable, Hashable {
    /// An OpenPGP signature (`-----BEGIN PGP SIGNATURE-----`).
    case openpgp
    /// An SSH signature (`-----BEGIN SSH SIGNATURE-----`).
    case ssh
    /// An X.509 (CMS) signature, as gpgsm writes it (`-----BEGIN SIGNED MESSAGE-----`).
    case x509

    /// Recognises the armor's first line.
    static func of(armor: Substring) -> SignatureKind? {
        if armor.hasPrefix("-----BEGIN PGP SIGNATURE-----") || armor.hasPrefix("-----BEGIN PGP MESSAGE-----") { return .openpgp }
        if armor.hasPrefix("-----BEGIN SSH SIGNATURE-----") { return .ssh }
        if armor.hasPrefix("-----BEGIN SIGNED MESSAGE-----") { return .x509 }
        return nil
    }
}

/// One `Key: value` line from a commit message's trailer block.
public struct Trailer: Sendable, Codable, Hashable {
    /// The key as written, e.g. `Change-Request`.
    public var key: String
    /// The value, continuation lines unfolded.
    public var value: String

    /// Creates a trailer.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A path a commit changed against its first parent.
public struct ChangedFile: Sendable, Codable, Hashable {
    /// How the path changed, with git's status letters.
    public enum Status: String, Sendable, Codable, Hashable {
        case added = "A", modified = "M", deleted = "D", typeChanged = "T"
    }

    /// The path in the repository, `/`-separated.
    public var path: String
    /// What happened to it.
    public var status: Status

    /// Creates a changed path.
    public init(path: String, status: Status) {
        self.path = path
        self.status = status
    }
}

/// One commit, copied out of git: identity, people, message, trailers, changed paths and signature kind.
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
    /// The message after the first paragraph (git's `%b`), without trailing blank lines.
    public var body: String
    /// The trailers of the message's last paragraph, as `git interpret-trailers --parse` reads them.
    public var trailers: [Trailer]
    /// Paths changed against the first parent (the root commit: all its files).
    public var changedFiles: [ChangedFile]
    /// The signature kind in a `gpgsig` (or `gpgsig-sha256`) header, if any.
    public var signatureKind: SignatureKind?

    /// Whether the commit has more than one parent.
    public var isMerge: Bool { parents.count > 1 }
}
