/// Gives git's verdict on the signature of a commit or tag, natively: SSH signatures against the allowed
/// signers, OpenPGP signatures against the trusted keys. A value: safe to share between threads.
public struct SignatureChecker: Sendable {
    /// Who is trusted.
    public var trust: SignatureTrust
    /// When OpenPGP key and signature expiry are judged (unix seconds). git judges them now; the SUF judges
    /// them at the release's date, so that the same release always gives the same document.
    public var verificationTime: Int64

    /// Creates a checker.
    public init(trust: SignatureTrust, verificationTime: Int64) {
        self.trust = trust
        self.verificationTime = verificationTime
    }

    /// The verdict on `content` (nil: the object is unsigned). `signedAt` is the committer's or tagger's
    /// time, which git checks an SSH key's `valid-after` and `valid-before` against.
    public func verdict(_ content: SignedContent?, signedAt: Int64) -> Verdict {
        guard let content else { return .unsigned }
        switch content.kind {
        case .ssh?:
            return SSHVerifier.verify(armored: content.signature, payload: content.payload, time: signedAt,
                                      allowedSigners: trust.allowedSigners)
        case .openpgp?:
            guard let keyring = trust.openPGPKeys, !keyring.isEmpty else {
                return Verdict(.cannotCheck, kind: .openpgp, reason: "no OpenPGP keys are trusted (dossier.yml trust.openpgp_keys, or --openpgp-keys)")
            }
            return OpenPGPVerifier.verify(armored: content.signature, payload: content.payload, keyring: keyring,
                                          time: verificationTime)
        case .x509?:
            return Verdict(.cannotCheck, kind: .x509, reason: "X.509 (CMS) signatures are not supported; check it with git verify-commit and gpgsm")
        case nil:
            let first = content.signature.prefix { $0 != "\n" }.prefix(60)
            return Verdict(.cannotCheck, kind: nil, reason: "the signature's format is not recognised: it starts '\(first)'")
        }
    }
}
