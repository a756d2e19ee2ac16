import Crypto
import Foundation
import Support

/// The public keys trusted to sign update packages as mender-artifact signs them: RSA (PKCS#1 v1.5) and ECDSA P-256,
/// with SHA-256, each a PEM `PUBLIC KEY` file in the folder dossier.yml's `trust.update_keys` names (or
/// `--update-keys DIR`). Every key in the folder is trusted.
public struct UpdateKeys: Sendable {
    /// One trusted key, kept as plain bytes (Sendable, where swift-crypto's key types are not).
    struct Key: Sendable {
        enum Material: Sendable {
            /// The modulus and public exponent, big-endian: verified with libgcrypt, as OpenPGP RSA signatures are.
            /// (swift-crypto's `_RSA` aborts on a malformed key, freeing it twice in its error path.)
            case rsa(n: [UInt8], e: [UInt8])
            /// The SubjectPublicKeyInfo DER of a P-256 key, made into a swift-crypto key to verify.
            case p256(der: Data)
        }
        var file: String
        var material: Material
        /// `SHA256:` and the base64 of the SHA-256 of the key's DER (SubjectPublicKeyInfo), as OpenSSH shows keys.
        var fingerprint: String
        var algorithm: String
    }

    var keys: [Key] = []

    /// Whether no key is trusted.
    public var isEmpty: Bool { keys.isEmpty }

    /// No keys.
    public init() {}

    /// Whether a file in a keys folder holds a key: a PEM file by its usual endings.
    public static func isKeyFile(_ name: String) -> Bool {
        [".pem", ".pub"].contains { name.lowercased().hasSuffix($0) }
    }

    /// Reads the keys, each file a PEM `PUBLIC KEY` (RSA of 2048 bits or more, or ECDSA P-256).
    /// - Throws: `DossierError` naming the file that holds no such key.
    public init(files: [(name: String, text: String)]) throws {
        for file in files {
            let refused = DossierError("expected a PEM public key (-----BEGIN PUBLIC KEY-----) of RSA (2048 bits or more) or ECDSA P-256, which this is not",
                                       at: SourceLocation(file: file.name, line: 1, column: 1))
            guard let der = Self.pemBody(file.text) else { throw refused }
            let material: Key.Material, algorithm: String
            if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
                (material, algorithm) = (.p256(der: key.derRepresentation), "ECDSA P-256, SHA-256")
            } else if let (n, e) = Self.rsaPublicKey(der), n.count * 8 >= 2048 {
                (material, algorithm) = (.rsa(n: n, e: e), "RSA \(n.count * 8), SHA-256")
            } else {
                throw refused
            }
            let fingerprint = "SHA256:" + Data(SHA256.hash(data: der)).base64EncodedString().replacingOccurrences(of: "=", with: "")
            keys.append(Key(file: file.name, material: material, fingerprint: fingerprint, algorithm: algorithm))
        }
    }

    /// The DER between `-----BEGIN PUBLIC KEY-----` and `-----END PUBLIC KEY-----`.
    static func pemBody(_ text: String) -> Data? {
        guard let begin = text.range(of: "-----BEGIN PUBLIC KEY-----"),
              let end = text.range(of: "-----END PUBLIC KEY-----", range: begin.upperBound..<text.endIndex) else { return nil }
        return Data(base64Encoded: String(text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }))
    }

    /// The modulus and exponent of an RSA SubjectPublicKeyInfo (RFC 8017 A.1.1 inside RFC 5280 4.1), read strictly:
    /// SEQUENCE { SEQUENCE { OID rsaEncryption, NULL }, BIT STRING { SEQUENCE { INTEGER n, INTEGER e } } }.
    static func rsaPublicKey(_ der: Data) -> (n: [UInt8], e: [UInt8])? {
        var reader = DERReader(bytes: [UInt8](der))
        guard var info = reader.read(0x30), reader.isAtEnd, var algorithm = info.read(0x30),
              algorithm.read(0x06) == DERReader(bytes: [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]) else { return nil }
        if !algorithm.isAtEnd { guard let null = algorithm.read(0x05), null.isAtEnd, algorithm.isAtEnd else { return nil } }
        guard var bits = info.read(0x03), info.isAtEnd, bits.byte() == 0, var key = bits.read(0x30), bits.isAtEnd,
              let n = key.read(0x02)?.unsignedInteger, let e = key.read(0x02)?.unsignedInteger, key.isAtEnd,
              !n.isEmpty, !e.isEmpty else { return nil }
        return (n, e)
    }

    /// The verdict on a Mender Artifact's `manifest.sig` (base64, as mender-artifact writes it) over `manifest`:
    /// G when a trusted key verifies it (the signer is the key's file), E when no key is trusted, B otherwise (the
    /// manifest changed after signing, or a key that is not trusted signed it: a signature names no key).
    public func verdict(manifest: [UInt8], base64Signature: [UInt8]) -> Verdict {
        let text = String(decoding: base64Signature, as: UTF8.self).filter { !$0.isWhitespace }
        guard let signature = Data(base64Encoded: text), !signature.isEmpty else {
            return Verdict(.bad, kind: .mender, reason: "manifest.sig is not base64")
        }
        guard !keys.isEmpty else {
            return Verdict(.cannotCheck, kind: .mender, reason: "no update keys are trusted (dossier.yml trust.update_keys, or --update-keys)")
        }
        for key in keys {
            let good: Bool
            switch key.material {
            case .rsa(let n, let e):
                // A signature as long as the modulus, as Go's crypto/rsa (mender-artifact) requires; libgcrypt would
                // take one with its leading zero bytes dropped.
                let digest = [UInt8](SHA256.hash(data: manifest))
                good = signature.count == n.count
                    && OpenPGPGcrypt.verifyRSA(n: n, e: e, signature: [UInt8](signature), hashName: "sha256", hash: digest) == .valid
            case .p256(let der):
                guard let p256 = try? P256.Signing.PublicKey(derRepresentation: der) else { continue }
                // r and s, 32 bytes each, the one form mender-artifact writes and Mender reads.
                let parsed = signature.count == 64 ? try? P256.Signing.ECDSASignature(rawRepresentation: signature) : nil
                good = parsed.map { p256.isValidSignature($0, for: Data(manifest)) } ?? false
            }
            if good {
                return Verdict(.good, kind: .mender, signer: key.file, fingerprint: key.fingerprint, primaryFingerprint: key.fingerprint,
                               algorithm: key.algorithm)
            }
        }
        return Verdict(.bad, kind: .mender, reason: "no trusted update key verifies manifest.sig: the manifest was changed after it was signed, or a key that is not trusted signed it")
    }
}

/// A strict reader of DER (X.690): definite lengths in their shortest form, no more than the bytes hold.
struct DERReader: Equatable {
    var bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    /// The next element's contents when its tag is `tag`; nil otherwise (nothing is consumed then).
    mutating func read(_ tag: UInt8) -> DERReader? {
        guard offset + 2 <= bytes.count, bytes[offset] == tag else { return nil }
        var at = offset + 1
        var length = Int(bytes[at]); at += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard (1...4).contains(count), at + count <= bytes.count, bytes[at] != 0 else { return nil }
            length = bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
            guard length >= 0x80 else { return nil }
            at += count
        }
        guard length <= bytes.count - at else { return nil }
        offset = at + length
        return DERReader(bytes: Array(bytes[at..<at + length]))
    }

    /// The next single byte.
    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// An INTEGER's contents as an unsigned big-endian number (its sign byte dropped); nil when it is negative.
    var unsignedInteger: [UInt8]? {
        guard let first = bytes.first, first & 0x80 == 0 else { return nil }
        return Array(bytes.drop { $0 == 0 })
    }

    static func == (a: DERReader, b: DERReader) -> Bool { a.bytes[a.offset...] == b.bytes[b.offset...] }
}
