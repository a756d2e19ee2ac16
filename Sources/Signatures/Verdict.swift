/// git's one-letter verdict on a signature, as `git log --format=%G?` prints it.
public enum VerdictLetter: String, Sendable, Codable, Hashable, CaseIterable {
    /// A good signature by a trusted key.
    case good = "G"
    /// A bad signature: the signed content or the signature was altered, or it does not parse.
    case bad = "B"
    /// A good signature by a key that is not trusted (not in the allowed signers).
    case untrusted = "U"
    /// A good signature that has expired.
    case expiredSignature = "X"
    /// A good signature made by a key that has expired.
    case expiredKey = "Y"
    /// A good signature made by a key that has been revoked.
    case revokedKey = "R"
    /// The signature cannot be checked: the key is missing, or the format or algorithm is not supported.
    case cannotCheck = "E"
    /// No signature.
    case none = "N"

    /// The letters in the order documents list them.
    public static let documentOrder: [VerdictLetter] = [.good, .untrusted, .expiredSignature, .expiredKey, .revokedKey, .bad, .cannotCheck, .none]

    /// What the letter means, in words for a reader of the SUF.
    public var meaning: String {
        switch self {
        case .good: "good signature, trusted signer"
        case .bad: "bad signature"
        case .untrusted: "good signature, signer not trusted"
        case .expiredSignature: "good signature that has expired"
        case .expiredKey: "good signature by an expired key"
        case .revokedKey: "good signature by a revoked key"
        case .cannotCheck: "signature cannot be checked"
        case .none: "no signature"
        }
    }
}

/// The outcome of checking one commit or tag signature: git's letter, and who signed with which key.
/// `signer` and `fingerprint` are filled exactly where git fills `%GS` and `%GF`, so that
/// `dossier signatures` lines up with `git log --format='%H %G? %GS %GF'`.
public struct Verdict: Sendable, Hashable, Codable {
    /// git's letter.
    public var letter: VerdictLetter
    /// The signature's format, when the object carries one.
    public var kind: SignatureKind?
    /// The signer as git names it (`%GS`): the SSH principal from the allowed signers, or the OpenPGP key's
    /// primary user id; empty where git shows none (for example an SSH key not in the allowed signers).
    public var signer: String
    /// The fingerprint of the key that signed (`%GF`): `SHA256:…` for SSH, 40 upper-case hex digits for an
    /// OpenPGP key or subkey; empty where git shows none.
    public var fingerprint: String
    /// The OpenPGP primary key's fingerprint (`%GP`) when a subkey signed; otherwise equal to `fingerprint` or empty.
    public var primaryFingerprint: String
    /// The key and hash algorithm, e.g. `ssh-ed25519`, `EdDSA Ed25519, SHA-256`, `RSA 3072, SHA-512`.
    public var algorithm: String
    /// Why the verdict is not G, in a sentence; empty for G.
    public var reason: String

    /// The keys in sorted order, so that the synthesized `encode(to:)` writes them as canonical JSON orders them
    /// (CanonicalJSON need not put them in order again: a release has tens of thousands).
    enum CodingKeys: String, CodingKey { case algorithm, fingerprint, kind, letter, primaryFingerprint, reason, signer }

    /// Creates a verdict.
    public init(_ letter: VerdictLetter, kind: SignatureKind?, signer: String = "", fingerprint: String = "",
                primaryFingerprint: String = "", algorithm: String = "", reason: String = "") {
        self.letter = letter
        self.kind = kind
        self.signer = signer
        self.fingerprint = fingerprint
        self.primaryFingerprint = primaryFingerprint
        self.algorithm = algorithm
        self.reason = reason
    }

    /// The verdict on an object that carries no signature.
    public static let unsigned = Verdict(.none, kind: nil, reason: "no signature")
}
