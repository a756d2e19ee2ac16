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
        case .mender?:
            return Verdict(.cannotCheck, kind: .mender, reason: "a Mender Artifact's signature signs no commit or tag")
        case nil:
            let first = content.signature.prefix { $0 != "\n" }.prefix(60)
            return Verdict(.cannotCheck, kind: nil, reason: "the signature's format is not recognised: it starts '\(first)'")
        }
    }

    /// The SSH namespace a file's signature is made in (`ssh-keygen -Y sign -n file`): the one the allowed signers
    /// must permit for the key.
    public static let fileNamespace = "file"

    /// The verdict on a detached signature of a file (an update package's `.sig` or `.asc`), with git's letters:
    /// an SSH signature (`ssh-keygen -Y sign -n file`) against the allowed signers, in namespace `file`, at
    /// `signedAt`; an OpenPGP signature, armored or not (`gpg --detach-sign [--armor]`), against the trusted keys at
    /// the checker's verification time. Anything else is B: the file beside the package is no signature dossier reads.
    public func verdict(detachedSignature signature: [UInt8], over payload: some Collection<UInt8>, signedAt: Int64) -> Verdict {
        // The armor may follow other text, as gpg allows ("Signed by …" above it): it starts at its first line.
        let begin = Array("-----BEGIN ".utf8)
        let start = signature.indices.first { index in
            (index == 0 || signature[index - 1] == UInt8(ascii: "\n")) && signature[index...].starts(with: begin)
        }
        let armored = start.map { String(decoding: signature[$0...], as: UTF8.self) } ?? ""
        switch start == nil ? nil : SignatureKind.of(armor: Substring(armored)) {
        case .ssh?:
            return SSHVerifier.verify(armored: armored, payload: payload, time: signedAt,
                                      allowedSigners: trust.allowedSigners, namespace: Self.fileNamespace)
        case .openpgp?:
            guard let keyring = trust.openPGPKeys, !keyring.isEmpty else { return noOpenPGPKeys }
            return OpenPGPVerifier.verify(armored: armored, payload: payload, keyring: keyring, time: verificationTime)
        case .x509?:
            return Verdict(.cannotCheck, kind: .x509, reason: "X.509 (CMS) signatures are not supported; check it with gpgsm --verify")
        case .mender?:
            return Verdict(.bad, kind: .mender, reason: "the file is not a signature dossier reads beside a package")
        case nil:
            // An OpenPGP packet starts with a byte whose top bit is set (RFC 9580, 4.2).
            guard let first = signature.first, first & 0x80 != 0 else {
                return Verdict(.bad, kind: nil, reason: "the file is not a signature dossier reads (an SSH signature, or an OpenPGP signature armored or not)")
            }
            guard let keyring = trust.openPGPKeys, !keyring.isEmpty else { return noOpenPGPKeys }
            return OpenPGPVerifier.verify(binary: signature, payload: payload, keyring: keyring, time: verificationTime)
        }
    }

    private var noOpenPGPKeys: Verdict {
        Verdict(.cannotCheck, kind: .openpgp, reason: "no OpenPGP keys are trusted (dossier.yml trust.openpgp_keys, or --openpgp-keys)")
    }

    /// The verdict on a Mender Artifact's `manifest.sig` over its `manifest`, judged with the trusted update keys.
    public func verdict(menderManifest manifest: [UInt8], signature: [UInt8]) -> Verdict {
        trust.updateKeys.verdict(manifest: manifest, base64Signature: signature)
    }
}
