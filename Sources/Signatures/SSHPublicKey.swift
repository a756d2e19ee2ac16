import Crypto
import Foundation

/// An SSH public key, read from its wire blob (RFC 4253 §6.6) or from its one-line text form
/// (`ssh-ed25519 AAAA… comment`). Keys dossier can check signatures with are parsed and validated the way
/// OpenSSH 9.2 parses them; DSA keys and certificates are kept as opaque blobs.
public struct SSHPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The key's parts.
    enum Material: Sendable, Hashable {
        /// An Ed25519 key: the 32-byte public key.
        case ed25519(publicKey: [UInt8])
        /// An ECDSA key on a NIST curve: the curve and the uncompressed point.
        case ecdsa(curve: SSHCurve, point: [UInt8])
        /// An RSA key: exponent and modulus, big-endian without leading zeros.
        case rsa(e: [UInt8], n: [UInt8])
        /// A FIDO Ed25519 key: the public key and the FIDO application (usually `ssh:`).
        case skEd25519(publicKey: [UInt8], application: String)
        /// A FIDO ECDSA P-256 key: the point and the FIDO application.
        case skECDSA(point: [UInt8], application: String)
        /// A key of a type dossier does not check signatures with (DSA, certificates): its type name.
        case unsupported(type: String)
    }

    /// Why a key could not be read.
    struct ParseError: Error, Sendable, Equatable {
        /// What is wrong, in words.
        var message: String
    }

    /// The parts.
    let material: Material
    /// The blob as it was read.
    public let blob: [UInt8]
    /// The type name inside the blob, e.g. `ssh-ed25519`.
    public let type: String

    /// Reads a wire blob, validating it as OpenSSH's `sshkey_from_blob` does.
    init(blob: some Collection<UInt8>) throws(ParseError) {
        let bytes = Array(blob)
        var reader = SSHWireReader(bytes)
        do throws(SSHWireReader.Failure) {
            let type = try reader.readCString("the key type")
            self.type = type
            self.blob = bytes
            switch type {
            case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
                let publicKey = try reader.readString("the Ed25519 public key")
                guard publicKey.count == 32 else { throw SSHWireReader.Failure(message: "expected a 32-byte Ed25519 key, found \(publicKey.count) bytes") }
                guard (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
                    throw SSHWireReader.Failure(message: "the Ed25519 key is not valid")
                }
                if type == "ssh-ed25519" {
                    material = .ed25519(publicKey: publicKey)
                } else {
                    material = .skEd25519(publicKey: publicKey, application: try reader.readCString("the FIDO application"))
                }
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com":
                let curveName = try reader.readCString("the curve name")
                guard let curve = SSHCurve(keyType: type), curve.name == curveName else {
                    throw SSHWireReader.Failure(message: "expected curve \(SSHCurve(keyType: type)?.name ?? "?") for \(type), found \(curveName)")
                }
                let point = try reader.readString("the EC point")
                guard point.first == 0x04, curve.isValidPoint(point) else {
                    throw SSHWireReader.Failure(message: "the EC point is not a valid uncompressed point on \(curveName)")
                }
                if type.hasPrefix("sk-") {
                    material = .skECDSA(point: point, application: try reader.readCString("the FIDO application"))
                } else {
                    material = .ecdsa(curve: curve, point: point)
                }
            case "ssh-rsa":
                let e = try reader.readPositiveMPInt("the RSA exponent")
                let n = try reader.readPositiveMPInt("the RSA modulus")
                let bits = SSHPublicKey.bitLength(n)
                guard bits >= 1024, bits <= 16384 else {
                    throw SSHWireReader.Failure(message: "expected an RSA modulus of 1024 to 16384 bits, found \(bits) bits")
                }
                material = .rsa(e: e, n: n)
            case "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com",
                 "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
                 "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
                 "sk-ssh-ed25519-cert-v01@openssh.com":
                material = .unsupported(type: type)
                return
            default:
                throw SSHWireReader.Failure(message: "unknown key type \(type)")
            }
            try reader.expectEnd("the key")
        } catch {
            throw ParseError(message: error.message)
        }
    }

    /// Reads the text form `type base64 [comment]` (the type name must match the blob's, as `sshkey_read` requires).
    public init(text: String) throws {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard fields.count >= 2 else { throw ParseError(message: "expected a key type and a base64 key") }
        guard let blob = SSHBase64.decode(Array(fields[1].utf8)) else { throw ParseError(message: "the key is not valid base64") }
        try self.init(blob: blob)
        guard SSHPublicKey.textTypeMatches(String(fields[0]), blobType: type) else {
            throw ParseError(message: "the key type \(fields[0]) does not match the key's own type \(type)")
        }
    }

    /// Whether a type name written before a key (in an allowed-signers line or a `.pub` file) agrees with the
    /// type inside the blob: OpenSSH also accepts `rsa-sha2-256` and `rsa-sha2-512` for an `ssh-rsa` key and
    /// `webauthn-sk-ecdsa-sha2-nistp256@openssh.com` for an `sk-ecdsa` key.
    static func textTypeMatches(_ textType: String, blobType: String) -> Bool {
        if textType == blobType { return true }
        switch textType {
        case "rsa-sha2-256", "rsa-sha2-512": return blobType == "ssh-rsa"
        case "webauthn-sk-ecdsa-sha2-nistp256@openssh.com": return blobType == "sk-ecdsa-sha2-nistp256@openssh.com"
        default: return false
        }
    }

    /// The type names OpenSSH 9.2's `sshkey_read` accepts at the start of a key.
    static let textTypeNames: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "rsa-sha2-256", "rsa-sha2-512", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521", "sk-ecdsa-sha2-nistp256@openssh.com", "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
        "sk-ssh-ed25519@openssh.com", "ssh-dss",
        "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
        "rsa-sha2-512-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
        "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com",
    ]

    /// The blob as OpenSSH writes the key back (`sshkey_to_blob`): numbers in their shortest form. The
    /// fingerprint and key comparisons use it, as OpenSSH's do.
    var canonicalBlob: [UInt8] {
        var writer = SSHWireWriter()
        switch material {
        case .ed25519(let publicKey):
            writer.writeString(type); writer.writeString(publicKey)
        case .ecdsa(let curve, let point):
            writer.writeString(type); writer.writeString(curve.name); writer.writeString(point)
        case .rsa(let e, let n):
            writer.writeString(type); writer.writeMPInt(unsigned: e); writer.writeMPInt(unsigned: n)
        case .skEd25519(let publicKey, let application):
            writer.writeString(type); writer.writeString(publicKey); writer.writeString(application)
        case .skECDSA(let point, let application):
            writer.writeString(type); writer.writeString("nistp256"); writer.writeString(point); writer.writeString(application)
        case .unsupported:
            return blob
        }
        return writer.bytes
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the key blob, as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        let digest = Array(SHA256.hash(data: canonicalBlob))
        var text = SSHBase64.encode(digest)
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }

    /// Whether dossier can check signatures made with this key.
    var isSupported: Bool {
        if case .unsupported = material { return false }
        return true
    }

    /// Whether this is a certificate (`…-cert-v01@openssh.com`).
    var isCertificate: Bool { type.hasSuffix("-cert-v01@openssh.com") }

    /// The RSA modulus size in bits, for RSA keys.
    var rsaBits: Int? {
        if case .rsa(_, let n) = material { return SSHPublicKey.bitLength(n) }
        return nil
    }

    /// The number of significant bits in a big-endian number.
    static func bitLength(_ magnitude: [UInt8]) -> Int {
        guard let index = magnitude.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (magnitude.count - index - 1) * 8 + (8 - magnitude[index].leadingZeroBitCount)
    }

    /// The key in its text form, `type base64`.
    public var description: String { type + " " + SSHBase64.encode(canonicalBlob) }

    /// Two keys are the same when OpenSSH's `sshkey_equal` would say so: the same type and public parts.
    public static func == (lhs: SSHPublicKey, rhs: SSHPublicKey) -> Bool { lhs.canonicalBlob == rhs.canonicalBlob }

    /// Hashes the public parts.
    public func hash(into hasher: inout Hasher) { hasher.combine(canonicalBlob) }
}

/// The NIST curves OpenSSH uses for ECDSA keys.
enum SSHCurve: String, Sendable, Hashable {
    /// P-256 (`nistp256`).
    case p256 = "nistp256"
    /// P-384 (`nistp384`).
    case p384 = "nistp384"
    /// P-521 (`nistp521`).
    case p521 = "nistp521"

    /// The curve of an ECDSA key type name.
    init?(keyType: String) {
        switch keyType {
        case "ecdsa-sha2-nistp256", "sk-ecdsa-sha2-nistp256@openssh.com": self = .p256
        case "ecdsa-sha2-nistp384": self = .p384
        case "ecdsa-sha2-nistp521": self = .p521
        default: return nil
        }
    }

    /// The curve's name in the key blob.
    var name: String { rawValue }

    /// Whether the bytes are an uncompressed point on the curve.
    func isValidPoint(_ point: [UInt8]) -> Bool {
        switch self {
        case .p256: (try? P256.Signing.PublicKey(x963Representation: point)) != nil
        case .p384: (try? P384.Signing.PublicKey(x963Representation: point)) != nil
        case .p521: (try? P521.Signing.PublicKey(x963Representation: point)) != nil
        }
    }
}
