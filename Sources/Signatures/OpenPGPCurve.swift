import Crypto

/// The curves dossier checks ECDSA signatures on: the NIST curves (with swift-crypto), the Brainpool curves and
/// secp256k1 (with libgcrypt, as gpg does; RFC 6637 and GnuPG's curve table).
enum OpenPGPCurve: Sendable, CaseIterable {
    /// NIST P-256.
    case p256
    /// NIST P-384.
    case p384
    /// NIST P-521.
    case p521
    /// brainpoolP256r1 (RFC 5639).
    case brainpoolP256r1
    /// brainpoolP384r1 (RFC 5639).
    case brainpoolP384r1
    /// brainpoolP512r1 (RFC 5639).
    case brainpoolP512r1
    /// secp256k1 (SEC 2).
    case secp256k1

    /// The OID of legacy EdDSA's Ed25519 (1.3.6.1.4.1.11591.15.1), as encoded in a key packet.
    static let ed25519LegacyOID: [UInt8] = [0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01]
    /// The OID of Ed448 (1.3.101.113), as GnuPG 2.3 and later encode it in a legacy EdDSA (algorithm 22) key packet.
    static let ed448OID: [UInt8] = [0x2B, 0x65, 0x71]

    /// The curve's OID as encoded in a key packet.
    var oid: [UInt8] {
        switch self {
        case .p256: [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
        case .p384: [0x2B, 0x81, 0x04, 0x00, 0x22]
        case .p521: [0x2B, 0x81, 0x04, 0x00, 0x23]
        case .brainpoolP256r1: [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07]
        case .brainpoolP384r1: [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0B]
        case .brainpoolP512r1: [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0D]
        case .secp256k1: [0x2B, 0x81, 0x04, 0x00, 0x0A]
        }
    }

    /// Recognises a curve OID as encoded in a key packet.
    init?(oid: [UInt8]) {
        guard let curve = Self.allCases.first(where: { $0.oid == oid }) else { return nil }
        self = curve
    }

    /// The size of a coordinate (and of r and s) in bytes.
    var size: Int {
        switch self {
        case .p256, .brainpoolP256r1, .secp256k1: 32
        case .p384, .brainpoolP384r1: 48
        case .brainpoolP512r1: 64
        case .p521: 66
        }
    }

    /// The curve's name as dossier reports it: `P-256`, `brainpoolP256r1`, `secp256k1`.
    var name: String {
        switch self {
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        case .brainpoolP256r1: "brainpoolP256r1"
        case .brainpoolP384r1: "brainpoolP384r1"
        case .brainpoolP512r1: "brainpoolP512r1"
        case .secp256k1: "secp256k1"
        }
    }

    /// Whether swift-crypto checks signatures on this curve (the NIST curves); libgcrypt checks the others.
    var isNIST: Bool {
        switch self {
        case .p256, .p384, .p521: true
        case .brainpoolP256r1, .brainpoolP384r1, .brainpoolP512r1, .secp256k1: false
        }
    }

    /// The curve's name in libgcrypt.
    var gcryptName: String { isNIST ? "NIST \(name)" : name }

    /// Checks a raw r‖s ECDSA signature over `digest` with the uncompressed point `point` with swift-crypto;
    /// false for a curve that is not `isNIST`.
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
        case .brainpoolP256r1, .brainpoolP384r1, .brainpoolP512r1, .secp256k1:
            return false
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
