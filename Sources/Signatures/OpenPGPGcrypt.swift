import CGcrypt

/// The OpenPGP checks swift-crypto cannot make, made with libgcrypt (the library gpg itself verifies with):
/// DSA, ECDSA on the Brainpool curves and secp256k1, EdDSA on Ed448, and the SHA-224 and RIPEMD-160 hashes.
/// Every value is handed over with the length dossier parsed it with, so a hostile length cannot reach past it;
/// libgcrypt answers a value that is out of range (zero, larger than the group order) with a bad signature.
enum OpenPGPGcrypt {
    /// Whether libgcrypt is initialised: done once, before any other call, by whichever thread gets here first
    /// (a static's initialiser runs exactly once, and the others wait for it).
    private static let ready: Bool = dossier_gcry_initialize() == 1

    /// Turns a libgcrypt verification result into dossier's: a mismatch is a bad signature (gpg's BADSIG);
    /// any other error means the key or the signature could not be used (gpg's ERRSIG).
    private static func outcome(_ error: gcry_error_t) -> OpenPGPPublicKey.Check {
        if error == 0 { return .valid }
        if gcry_err_code(error) == GPG_ERR_BAD_SIGNATURE { return .invalid }
        return .unsupported("libgcrypt cannot check the signature: \(String(cString: gcry_strerror(error)))")
    }

    /// The check when libgcrypt could not be initialised.
    private static let unavailable = OpenPGPPublicKey.Check.unsupported("libgcrypt 1.8 or later is needed to check this signature")

    /// An MPI's bytes for libgcrypt: a zero-length value is passed as a single zero byte, so every S-expression
    /// token is non-empty.
    private static func value(_ bytes: [UInt8]) -> [UInt8] { bytes.isEmpty ? [0] : bytes }

    /// DSA over `hash` (already truncated as gpg truncates it).
    static func verifyDSA(p: [UInt8], q: [UInt8], g: [UInt8], y: [UInt8], r: [UInt8], s: [UInt8], hash: [UInt8]) -> OpenPGPPublicKey.Check {
        guard ready else { return unavailable }
        let (p, q, g, y, r, s) = (value(p), value(q), value(g), value(y), value(r), value(s))
        return outcome(dossier_gcry_verify_dsa(p, Int32(p.count), q, Int32(q.count), g, Int32(g.count), y, Int32(y.count),
                                               r, Int32(r.count), s, Int32(s.count), hash, Int32(hash.count)))
    }

    /// ECDSA on a libgcrypt-named curve over `hash` (already truncated as gpg truncates it).
    static func verifyECDSA(curve: String, point: [UInt8], r: [UInt8], s: [UInt8], hash: [UInt8]) -> OpenPGPPublicKey.Check {
        guard ready else { return unavailable }
        let (r, s) = (value(r), value(s))
        return outcome(dossier_gcry_verify_ecdsa(curve, point, Int32(point.count), r, Int32(r.count), s, Int32(s.count),
                                                 hash, Int32(hash.count)))
    }

    /// PureEdDSA on a libgcrypt-named curve (`Ed25519`, `Ed448`): R and S at the curve's size; the message is the digest.
    static func verifyEdDSA(curve: String, point: [UInt8], r: [UInt8], s: [UInt8], message: [UInt8]) -> OpenPGPPublicKey.Check {
        guard ready else { return unavailable }
        return outcome(dossier_gcry_verify_eddsa(curve, point, Int32(point.count), r, Int32(r.count), s, Int32(s.count),
                                                 message, Int32(message.count)))
    }

    /// RSA PKCS#1 v1.5 for a hash swift-crypto cannot name in the padding.
    static func verifyRSA(n: [UInt8], e: [UInt8], signature: [UInt8], hashName: String, hash: [UInt8]) -> OpenPGPPublicKey.Check {
        guard ready else { return unavailable }
        let (n, e, signature) = (value(n), value(e), value(signature))
        return outcome(dossier_gcry_verify_rsa(n, Int32(n.count), e, Int32(e.count), signature, Int32(signature.count),
                                               hashName, hash, Int32(hash.count)))
    }

    /// libgcrypt's name and number for an OpenPGP hash algorithm gpg 2.2 checks (RFC 9580 §9.5; MD5 is refused).
    static func hash(_ algorithm: UInt8) -> (name: String, number: Int32)? {
        switch algorithm {
        case 2: ("sha1", Int32(GCRY_MD_SHA1.rawValue))
        case 3: ("rmd160", Int32(GCRY_MD_RMD160.rawValue))
        case 8: ("sha256", Int32(GCRY_MD_SHA256.rawValue))
        case 9: ("sha384", Int32(GCRY_MD_SHA384.rawValue))
        case 10: ("sha512", Int32(GCRY_MD_SHA512.rawValue))
        case 11: ("sha224", Int32(GCRY_MD_SHA224.rawValue))
        default: nil
        }
    }

    /// The digest of `parts` with a hash `hash(_:)` names; nil for any other algorithm. Used for the hashes
    /// swift-crypto lacks (RIPEMD-160, SHA-224); the others are hashed with swift-crypto.
    static func digest(_ algorithm: UInt8, _ parts: [[UInt8]]) -> [UInt8]? {
        guard ready, let number = hash(algorithm)?.number else { return nil }
        var handle: gcry_md_hd_t?
        guard gcry_md_open(&handle, number, 0) == 0, let handle else { return nil }
        defer { gcry_md_close(handle) }
        for part in parts { gcry_md_write(handle, part, part.count) }
        let length = Int(gcry_md_get_algo_dlen(number))
        guard let result = gcry_md_read(handle, number) else { return nil }
        return Array(UnsafeBufferPointer(start: result, count: length))
    }
}
