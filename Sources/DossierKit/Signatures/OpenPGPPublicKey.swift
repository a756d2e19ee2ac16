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
        /// ECDSA (algorithm 19) on a NIST curve: the uncompressed point 0x04‖x‖y.
        case ecdsa(OpenPGPCurve, [UInt8])
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
            } else {
                material = .unsupported("EdDSA on the curve with OID \(OpenPGPCurve.dotted(oid))")
            }
        case 27:
            material = .ed25519(try reader.take(32))
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

    /// The key's algorithm as dossier names it: `RSA 3072`, `EdDSA Ed25519`, `ECDSA P-256`.
    var algorithmDescription: String {
        switch material {
        case let .rsa(n, _):
            let bits = n.isEmpty ? 0 : n.count * 8 - n[0].leadingZeroBitCount
            return "RSA \(bits)"
        case .ed25519: return "EdDSA Ed25519"
        case let .ecdsa(curve, _): return "ECDSA \(curve.name)"
        case .unsupported: return OpenPGPPublicKey.algorithmName(algorithm)
        }
    }

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
        case .ed25519, .ecdsa: return nil
        }
    }

    /// Checks signature values `mpis` over `digest` (already computed with the signature's hash algorithm).
    /// `digest` is a swift-crypto digest, so RSA can name the hash in its PKCS#1 v1.5 encoding.
    func check<D: Digest>(_ mpis: [[UInt8]], digest: D) -> Check {
        switch material {
        case let .unsupported(why):
            return .unsupported(why)
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
                guard mpis.count == 2, let r = mpis[0].leftPadded(to: 32), let s = mpis[1].leftPadded(to: 32) else { return .invalid }
                raw = r + s
            }
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: point) else { return .invalid }
            return key.isValidSignature(raw, for: Array(digest)) ? .valid : .invalid
        case let .ecdsa(curve, point):
            guard mpis.count == 2, let r = mpis[0].leftPadded(to: curve.size), let s = mpis[1].leftPadded(to: curve.size) else {
                return .invalid
            }
            return curve.isValid(r + s, point: point, digest: digest) ? .valid : .invalid
        }
    }
}

/// The NIST curves dossier checks ECDSA signatures on.
enum OpenPGPCurve: Sendable {
    /// NIST P-256.
    case p256
    /// NIST P-384.
    case p384
    /// NIST P-521.
    case p521

    /// The OID of legacy EdDSA's Ed25519 (1.3.6.1.4.1.11591.15.1), as encoded in a key packet.
    static let ed25519LegacyOID: [UInt8] = [0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01]

    /// Recognises a curve OID as encoded in a key packet.
    init?(oid: [UInt8]) {
        switch oid {
        case [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]: self = .p256
        case [0x2B, 0x81, 0x04, 0x00, 0x22]: self = .p384
        case [0x2B, 0x81, 0x04, 0x00, 0x23]: self = .p521
        default: return nil
        }
    }

    /// The size of a coordinate (and of r and s) in bytes.
    var size: Int {
        switch self {
        case .p256: 32
        case .p384: 48
        case .p521: 66
        }
    }

    /// The curve's name: `P-256`, `P-384`, `P-521`.
    var name: String {
        switch self {
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        }
    }

    /// Checks a raw r‖s ECDSA signature over `digest` with the uncompressed point `point`.
    func isValid<D: Digest>(_ raw: [UInt8], point: [UInt8], digest: D) -> Bool {
        switch self {
        case .p256:
            guard let key = try? P256.Signing.PublicKey(x963Representation: point),
                  let signature = try? P256.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: digest)
        case .p384:
            guard let key = try? P384.Signing.PublicKey(x963Representation: point),
                  let signature = try? P384.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: digest)
        case .p521:
            guard let key = try? P521.Signing.PublicKey(x963Representation: point),
                  let signature = try? P521.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: digest)
        }
    }

    /// An OID in dotted form, for messages.
    static func dotted(_ oid: [UInt8]) -> String {
        guard let first = oid.first else { return "(empty)" }
        var parts = ["\(first / 40)", "\(first % 40)"]
        var value: UInt64 = 0
        for byte in oid.dropFirst() {
            value = (value << 7) | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                parts.append("\(value)")
                value = 0
            }
            if value > UInt64(1) << 50 { return "(malformed)" }
        }
        return parts.joined(separator: ".")
    }
}
