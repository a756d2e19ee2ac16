import Crypto
import _CryptoExtras

/// A v4 OpenPGP public key or subkey packet: its fingerprint, creation time and key material.
struct OpenPGPPublicKey: Sendable {
    /// The key material, for the algorithms dossier can check.
    enum Material: Sendable {
        /// RSA (algorithms 1 and 3): modulus and public exponent, without leading zeros.
        case rsa(n: [UInt8], e: [UInt8])
        /// Ed25519, either the legacy EdDSA form (algorithm 22) or RFC 9580's native one (algorithm 27): the 32-byte point.
        case ed25519([UInt8])
        /// ECDSA (algorithm 19) on a NIST, Brainpool or secp256k1 curve: the uncompressed point 0x04‖x‖y.
        case ecdsa(OpenPGPCurve, [UInt8])
        /// DSA (algorithm 17): the prime p, the group order q, the generator g and the public value y, without leading zeros.
        case dsa(p: [UInt8], q: [UInt8], g: [UInt8], y: [UInt8])
        /// Ed448, either legacy EdDSA (algorithm 22, OID 1.3.101.113, as GnuPG 2.3 and later make it) or RFC 9580's
        /// native form (algorithm 28): the 57-byte point.
        case ed448([UInt8])
        /// Anything else: why it cannot be used for checking signatures.
        case unsupported(String)
    }

    /// The packet body, as hashed for the fingerprint and self-signatures.
    var body: [UInt8]
    /// The creation time (unix seconds).
    var created: Int64
    /// The public-key algorithm number.
    var algorithm: UInt8
    /// The key material.
    var material: Material
    /// The v4 fingerprint: SHA-1 over 0x99 ‖ 2-byte length ‖ body.
    var fingerprint: [UInt8]

    /// The key id: the fingerprint's last 8 bytes.
    var keyID: [UInt8] { Array(fingerprint.suffix(8)) }

    /// The bytes a self-signature hashes for this key: 0x99 ‖ 2-byte length ‖ body.
    var hashPrefix: [UInt8] { [0x99] + .be16(body.count) + body }

    /// Parses a public-key or public-subkey packet body. Returns nil for a key version other than 4
    /// (v3 and v5/v6 keys are not supported; such keys are left out of the keyring); throws when a v4 body is malformed.
    static func parse(_ body: [UInt8]) throws -> OpenPGPPublicKey? {
        var reader = OpenPGPByteReader(body, context: "public key packet")
        guard try reader.u8() == 4 else { return nil }
        guard body.count <= 0xFFFF else { throw OpenPGPFormatError("a public key packet is longer than 65535 bytes") }
        let created = Int64(try reader.u32())
        let algorithm = try reader.u8()
        let material: Material
        switch algorithm {
        case 1, 3:
            let n = try reader.mpi(), e = try reader.mpi()
            material = .rsa(n: n, e: e)
        case 22:
            let oid = try reader.take(Int(try reader.u8()))
            let point = try reader.mpi()
            if oid == OpenPGPCurve.ed25519LegacyOID {
                guard point.count == 33, point[0] == 0x40 else { throw OpenPGPFormatError("an Ed25519 public key is not 0x40 and 32 bytes") }
                material = .ed25519(Array(point.dropFirst()))
            } else if oid == OpenPGPCurve.ed448OID {
                guard point.count == 58, point[0] == 0x40 else { throw OpenPGPFormatError("an Ed448 public key is not 0x40 and 57 bytes") }
                material = .ed448(Array(point.dropFirst()))
            } else {
                material = .unsupported("EdDSA on the curve with OID \(OpenPGPCurve.dotted(oid))")
            }
        case 27:
            material = .ed25519(try reader.take(32))
        case 28:
            material = .ed448(try reader.take(57))
        case 17:
            let p = try reader.mpi(), q = try reader.mpi(), g = try reader.mpi(), y = try reader.mpi()
            material = .dsa(p: p, q: q, g: g, y: y)
        case 19:
            let oid = try reader.take(Int(try reader.u8()))
            let point = try reader.mpi()
            if let curve = OpenPGPCurve(oid: oid) {
                guard point.count == 1 + 2 * curve.size, point[0] == 0x04 else {
                    throw OpenPGPFormatError("an ECDSA \(curve.name) public key is not an uncompressed point")
                }
                material = .ecdsa(curve, point)
            } else {
                material = .unsupported("ECDSA on the curve with OID \(OpenPGPCurve.dotted(oid))")
            }
        default:
            material = .unsupported("public-key algorithm \(algorithm) (\(OpenPGPPublicKey.algorithmName(algorithm)))")
        }
        let fingerprint = Array(Insecure.SHA1.hash(data: [0x99] + .be16(body.count) + body))
        return OpenPGPPublicKey(body: body, created: created, algorithm: algorithm, material: material, fingerprint: fingerprint)
    }

    /// The key's algorithm as dossier names it: `RSA 3072`, `EdDSA Ed25519`, `ECDSA P-256`, `DSA 2048`,
    /// `ECDSA brainpoolP256r1`, `EdDSA Ed448`.
    var algorithmDescription: String {
        switch material {
        case let .rsa(n, _): return "RSA \(Self.bits(n))"
        case .ed25519: return "EdDSA Ed25519"
        case .ed448: return "EdDSA Ed448"
        case let .ecdsa(curve, _): return "ECDSA \(curve.name)"
        case let .dsa(p, _, _, _): return "DSA \(Self.bits(p))"
        case .unsupported: return OpenPGPPublicKey.algorithmName(algorithm)
        }
    }

    /// The bit length of an unsigned big-endian value without leading zero bytes.
    static func bits(_ value: [UInt8]) -> Int { value.isEmpty ? 0 : value.count * 8 - value[0].leadingZeroBitCount }

    /// A public-key algorithm's name (RFC 9580 §9.1).
    static func algorithmName(_ algorithm: UInt8) -> String {
        switch algorithm {
        case 1, 2, 3: "RSA"
        case 16: "Elgamal"
        case 17: "DSA"
        case 18: "ECDH"
        case 19: "ECDSA"
        case 22: "EdDSA"
        case 25: "X25519"
        case 26: "X448"
        case 27: "Ed25519"
        case 28: "Ed448"
        default: "algorithm \(algorithm)"
        }
    }

    /// The outcome of checking a signature's cryptography.
    enum Check: Sendable, Equatable {
        /// The signature matches.
        case valid
        /// The signature does not match.
        case invalid
        /// The key or the signature's form cannot be checked; why.
        case unsupported(String)
    }

    /// Why signatures by this key cannot be checked, or nil when they can.
    var unsupportedReason: String? {
        switch material {
        case let .unsupported(why): return why
        case let .rsa(n, e):
            if algorithm == 2 { return "the key is an encrypt-only RSA key" }
            // swift-crypto's init(n:e:) takes 1024-bit keys; dossier refuses anything under 2048 bits (gpg would check them).
            if n.count * 8 - (n.first?.leadingZeroBitCount ?? 8) < 2048 || (try? _RSA.Signing.PublicKey(n: n, e: e)) == nil {
                return "\(algorithmDescription) keys are not supported (RSA keys need at least 2048 bits)"
            }
            return nil
        case .ed25519, .ed448, .ecdsa, .dsa: return nil
        }
    }

    /// The digest DSA and ECDSA sign, as gpg 2.2 makes it (`encode_md_value` in g10/seskey.c): the group order's
    /// size in bits, qbits (DSA: q's; ECDSA: the curve's, at most 512), must be a multiple of 8 and at least 160,
    /// the digest at least qbits/8 bytes long, and it is cut to its first qbits/8 bytes. Otherwise gpg reports an
    /// error (ERRSIG, git's E): the reason is returned. Other algorithms take the digest as it is.
    func signedHash(_ digest: [UInt8]) -> Result<[UInt8], UnusableHash> {
        let qbits: Int
        switch material {
        case let .dsa(_, q, _, _): qbits = Self.bits(q)
        case let .ecdsa(curve, _): qbits = min(curve.size * 8, 512)
        default: return .success(digest)
        }
        guard qbits % 8 == 0, qbits >= 160 else {
            return .failure(UnusableHash(reason: "the \(algorithmDescription) key's group order has \(qbits) bits; gpg needs a multiple of 8, at least 160"))
        }
        guard digest.count >= qbits / 8 else {
            return .failure(UnusableHash(reason: "the \(algorithmDescription) key needs a hash of at least \(qbits) bits; the signature's has \(digest.count * 8)"))
        }
        return .success(Array(digest.prefix(qbits / 8)))
    }

    /// Why a digest cannot be signed with a key (see `signedHash`).
    struct UnusableHash: Error, Sendable {
        /// The reason, for the verdict.
        var reason: String
    }

    /// Checks signature values `mpis` over `digest` (already computed with the signature's hash algorithm,
    /// `hashAlgorithm`). `digest` is a swift-crypto digest, so RSA can name the hash in its PKCS#1 v1.5 encoding.
    /// swift-crypto checks RSA, Ed25519 and the NIST curves; libgcrypt the rest (`checkWithGcrypt`).
    func check<D: Digest>(_ mpis: [[UInt8]], digest: D, hashAlgorithm: UInt8) -> Check {
        switch material {
        case let .unsupported(why):
            return .unsupported(why)
        case .dsa, .ed448:
            return checkWithGcrypt(mpis, digest: Array(digest), hashAlgorithm: hashAlgorithm)
        case let .ecdsa(curve, _) where !curve.isNIST:
            return checkWithGcrypt(mpis, digest: Array(digest), hashAlgorithm: hashAlgorithm)
        case let .rsa(n, e):
            guard algorithm != 2 else { return .unsupported("the key is an encrypt-only RSA key") }
            guard mpis.count == 1, let signature = mpis[0].leftPadded(to: n.count) else { return .invalid }
            if let why = unsupportedReason { return .unsupported(why) }
            guard let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { return .unsupported("the RSA key is not usable") }
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: digest,
                                        padding: .insecurePKCS1v1_5) ? .valid : .invalid
        case let .ed25519(point):
            let raw: [UInt8]
            if algorithm == 27 {
                guard mpis.count == 1, mpis[0].count == 64 else { return .invalid }
                raw = mpis[0]
            } else {
                if let problem = Self.legacyEdDSAProblem(mpis, size: 32) { return problem }
                guard let r = mpis[0].leftPadded(to: 32), let s = mpis[1].leftPadded(to: 32) else { return .invalid }
                raw = r + s
            }
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: point) else { return .invalid }
            return key.isValidSignature(raw, for: Array(digest)) ? .valid : .invalid
        case let .ecdsa(curve, point):
            // gpg's hash length rule applies; the digest is then given whole, as swift-crypto cuts it to the curve's
            // order itself, which is gpg's cut for P-256 and P-384 (P-521's 521 bits exceed SHA-512's 512: no cut).
            if case let .failure(problem) = signedHash(Array(digest)) { return .unsupported(problem.reason) }
            guard mpis.count == 2, let r = mpis[0].leftPadded(to: curve.size), let s = mpis[1].leftPadded(to: curve.size) else {
                return .invalid
            }
            return curve.isValid(r + s, point: point, digest: digest) ? .valid : .invalid
        }
    }

    /// Checks signature values `mpis` over the digest bytes with libgcrypt: every key type, for the algorithms
    /// swift-crypto lacks and for the hashes it lacks (SHA-224, RIPEMD-160).
    func checkWithGcrypt(_ mpis: [[UInt8]], digest: [UInt8], hashAlgorithm: UInt8) -> Check {
        let hash: [UInt8]
        switch signedHash(digest) {
        case let .failure(problem): return .unsupported(problem.reason)
        case let .success(value): hash = value
        }
        switch material {
        case let .unsupported(why):
            return .unsupported(why)
        case let .rsa(n, e):
            guard algorithm != 2 else { return .unsupported("the key is an encrypt-only RSA key") }
            guard mpis.count == 1, mpis[0].count <= n.count else { return .invalid }
            guard let name = OpenPGPGcrypt.hash(hashAlgorithm)?.name else {
                return .unsupported("\(OpenPGPSignaturePacket.hashName(hashAlgorithm)) signatures are not supported")
            }
            return OpenPGPGcrypt.verifyRSA(n: n, e: e, signature: mpis[0], hashName: name, hash: hash)
        case let .ed25519(point):
            return checkEdDSA(mpis, curve: "Ed25519", point: point, size: 32, native: 27, message: hash)
        case let .ed448(point):
            return checkEdDSA(mpis, curve: "Ed448", point: point, size: 57, native: 28, message: hash)
        case let .ecdsa(curve, point):
            guard mpis.count == 2 else { return .invalid }
            return OpenPGPGcrypt.verifyECDSA(curve: curve.gcryptName, point: point, r: mpis[0], s: mpis[1], hash: hash)
        case let .dsa(p, q, g, y):
            guard mpis.count == 2 else { return .invalid }
            return OpenPGPGcrypt.verifyDSA(p: p, q: q, g: g, y: y, r: mpis[0], s: mpis[1], hash: hash)
        }
    }

    /// EdDSA: the native form's single value R‖S (algorithm `native`), or the legacy form's two MPIs R and S,
    /// each at most `size` bytes (left-padded, as gpg reads them).
    private func checkEdDSA(_ mpis: [[UInt8]], curve: String, point: [UInt8], size: Int, native: UInt8, message: [UInt8]) -> Check {
        let r: [UInt8], s: [UInt8]
        if algorithm == native {
            guard mpis.count == 1, mpis[0].count == 2 * size else { return .invalid }
            (r, s) = (Array(mpis[0].prefix(size)), Array(mpis[0].suffix(size)))
        } else {
            if let problem = Self.legacyEdDSAProblem(mpis, size: size) { return problem }
            guard let left = mpis[0].leftPadded(to: size), let right = mpis[1].leftPadded(to: size) else { return .invalid }
            (r, s) = (left, right)
        }
        return OpenPGPGcrypt.verifyEdDSA(curve: curve, point: point, r: r, s: s, message: message)
    }

    /// Why the legacy EdDSA form's two values R and S cannot be checked, or nil when each is 1 to `size` bytes (the
    /// caller left-pads them). As gpg (pk_verify in g10/pkglue.c), a value of no bits or of more than `size` bytes
    /// cannot be checked ("Bad MPI value", ERRSIG: git's E); another count of values is a bad signature.
    private static func legacyEdDSAProblem(_ mpis: [[UInt8]], size: Int) -> Check? {
        guard mpis.count == 2 else { return .invalid }
        guard mpis.allSatisfy({ (1...size).contains($0.count) }) else {
            let lengths = mpis.map { "\($0.count)" }.joined(separator: " and ")
            return .unsupported("the EdDSA signature's R and S values have \(lengths) bytes; gpg reads 1 to \(size) each (Bad MPI value)")
        }
        return nil
    }
}
