import Crypto
import Foundation
import Support
import _CryptoExtras

/// An OpenSSH private key (unencrypted "openssh-key-v1" format, as ssh-keygen writes) that signs in SSHSIG format.
public struct SSHSigningKey: Sendable {
    /// The private half.
    private enum Secret: Sendable {
        /// The 32-byte Ed25519 seed.
        case ed25519(seed: [UInt8])
        /// An ECDSA private scalar, padded to the curve's size.
        case ecdsa(SSHCurve, scalar: [UInt8])
        /// An RSA key.
        case rsa(_RSA.Signing.PrivateKey)
    }

    /// The public half.
    public var publicKey: SSHPublicKey
    /// The private half.
    private let secret: Secret

    private static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let end = "-----END OPENSSH PRIVATE KEY-----"

    /// Reads an OpenSSH private key file's text; `file` names it in errors. Ed25519, ECDSA (P-256, P-384, P-521)
    /// and RSA keys are supported; passphrase-protected keys, FIDO keys and other types are refused with a `DossierError`.
    public init(privateKeyText: String, file: String) throws {
        let location = SourceLocation(file: file)
        func malformed(_ detail: String) -> DossierError {
            DossierError("expected an OpenSSH private key, found a malformed one: \(detail)", at: location)
        }
        guard let beginRange = privateKeyText.range(of: Self.begin),
              let endRange = privateKeyText.range(of: Self.end, range: beginRange.upperBound ..< privateKeyText.endIndex) else {
            throw DossierError("expected an OpenSSH private key (\(Self.begin)), found none; PEM and PuTTY keys are not supported (convert with ssh-keygen -p -f)", at: location)
        }
        guard let data = SSHBase64.decode(Array(privateKeyText[beginRange.upperBound ..< endRange.lowerBound].utf8)) else {
            throw malformed("the base64 does not decode")
        }
        var reader = SSHWireReader(data)
        do {
            let magic = try reader.readBytes(15, "the openssh-key-v1 magic")
            guard magic == Array("openssh-key-v1".utf8) + [0] else { throw malformed("no openssh-key-v1 magic") }
            let cipher = try reader.readCString("the cipher name")
            let kdf = try reader.readCString("the KDF name")
            _ = try reader.readString("the KDF options")
            guard cipher == "none", kdf == "none" else {
                throw DossierError("expected an unencrypted private key, found one protected by a passphrase (\(cipher)); passphrase-protected keys are not supported, and neither is ssh-agent: use an unencrypted key", at: location)
            }
            let count = try reader.readUInt32("the number of keys")
            guard count == 1 else { throw malformed("expected one key, found \(count)") }
            let publicBlob = try reader.readString("the public key")
            var secretReader = SSHWireReader(try reader.readString("the private keys"))
            let check1 = try secretReader.readUInt32("the check number")
            let check2 = try secretReader.readUInt32("the check number")
            guard check1 == check2 else { throw malformed("the check numbers differ") }
            let type = try secretReader.readCString("the key type")
            let publicKey: SSHPublicKey
            do { publicKey = try SSHPublicKey(blob: publicBlob) } catch { throw malformed("the public key: \(error.message)") }
            guard publicKey.type == type else { throw malformed("the public key is \(publicKey.type), the private key \(type)") }
            switch publicKey.material {
            case .ed25519(let expected):
                let pk = try secretReader.readString("the Ed25519 public key")
                let sk = try secretReader.readString("the Ed25519 private key")
                guard sk.count == 64, pk == expected, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: sk[0 ..< 32]),
                      Array(key.publicKey.rawRepresentation) == expected else { throw malformed("the Ed25519 key does not match its public key") }
                secret = .ed25519(seed: Array(sk[0 ..< 32]))
            case .ecdsa(let curve, let point):
                let curveName = try secretReader.readCString("the curve name")
                let q = try secretReader.readString("the EC point")
                let d = try secretReader.readPositiveMPInt("the EC private key")
                guard curveName == curve.name, q == point else { throw malformed("the ECDSA key does not match its public key") }
                func padded(_ size: Int) throws -> [UInt8] {
                    guard d.count <= size else { throw malformed("the ECDSA private key is too long") }
                    return [UInt8](repeating: 0, count: size - d.count) + d
                }
                switch curve {
                case .p256:
                    guard let key = try? P256.Signing.PrivateKey(rawRepresentation: padded(32)), Array(key.publicKey.x963Representation) == point else { throw malformed("the ECDSA key does not match its public key") }
                    secret = .ecdsa(.p256, scalar: Array(key.rawRepresentation))
                case .p384:
                    guard let key = try? P384.Signing.PrivateKey(rawRepresentation: padded(48)), Array(key.publicKey.x963Representation) == point else { throw malformed("the ECDSA key does not match its public key") }
                    secret = .ecdsa(.p384, scalar: Array(key.rawRepresentation))
                case .p521:
                    guard let key = try? P521.Signing.PrivateKey(rawRepresentation: padded(66)), Array(key.publicKey.x963Representation) == point else { throw malformed("the ECDSA key does not match its public key") }
                    secret = .ecdsa(.p521, scalar: Array(key.rawRepresentation))
                }
            case .rsa(let e, let n):
                let n2 = try secretReader.readPositiveMPInt("the RSA modulus")
                let e2 = try secretReader.readPositiveMPInt("the RSA exponent")
                let d = try secretReader.readPositiveMPInt("the RSA private exponent")
                _ = try secretReader.readPositiveMPInt("the RSA iqmp")
                let p = try secretReader.readPositiveMPInt("the RSA prime p")
                let q = try secretReader.readPositiveMPInt("the RSA prime q")
                guard n2 == n, e2 == e, let key = try? _RSA.Signing.PrivateKey(n: n, e: e, d: d, p: p, q: q) else {
                    throw malformed("the RSA key does not match its public key")
                }
                secret = .rsa(key)
            case .skEd25519, .skECDSA, .unsupported:
                throw DossierError("expected an Ed25519, ECDSA or RSA private key, found \(type), which dossier cannot sign with", at: location)
            }
            _ = try secretReader.readString("the comment")
            self.publicKey = publicKey
        } catch let error as SSHWireReader.Failure {
            throw malformed(error.message)
        }
    }

    /// Signs `message` in `namespace`; returns the armored signature, in the very format of `ssh-keygen -Y sign`
    /// (SHA-512 message hash; RSA keys sign with rsa-sha2-512).
    public func sign(_ message: some Collection<UInt8>, namespace: String) throws -> String {
        try sign(message, namespace: namespace, hashAlgorithm: "sha512")
    }

    /// Signs with a chosen SSHSIG hash (`sha512` or `sha256`) and, for RSA keys, signature algorithm
    /// (`rsa-sha2-512`, `rsa-sha2-256`; `ssh-rsa` only so that tests can show it is refused).
    func sign(_ message: some Collection<UInt8>, namespace: String, hashAlgorithm: String,
              rsaSignatureType: String = "rsa-sha2-512") throws -> String {
        let digest: [UInt8]
        switch hashAlgorithm {
        case "sha512": digest = Array(SHA512.hash(data: Array(message)))
        case "sha256": digest = Array(SHA256.hash(data: Array(message)))
        default: throw DossierError("expected hash algorithm sha512 or sha256, found \(hashAlgorithm)")
        }
        var signed = SSHWireWriter()
        signed.writeBytes(Array("SSHSIG".utf8))
        signed.writeString(namespace)
        signed.writeString([UInt8]())
        signed.writeString(hashAlgorithm)
        signed.writeString(digest)
        let data = signed.bytes

        var signature = SSHWireWriter()
        switch secret {
        case .ed25519(let seed):
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            signature.writeString("ssh-ed25519")
            signature.writeString(Array(try key.signature(for: data)))
        case .ecdsa(let curve, let scalar):
            let raw: Data = switch curve {
            case .p256: try P256.Signing.PrivateKey(rawRepresentation: scalar).signature(for: SHA256.hash(data: data)).rawRepresentation
            case .p384: try P384.Signing.PrivateKey(rawRepresentation: scalar).signature(for: SHA384.hash(data: data)).rawRepresentation
            case .p521: try P521.Signing.PrivateKey(rawRepresentation: scalar).signature(for: SHA512.hash(data: data)).rawRepresentation
            }
            signature.writeString(publicKey.type)
            signature.writeString(Self.ecdsaInner(Array(raw)))
        case .rsa(let key):
            let raw: Data
            switch rsaSignatureType {
            case "rsa-sha2-512": raw = try key.signature(for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
            case "rsa-sha2-256": raw = try key.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
            case "ssh-rsa": raw = try key.signature(for: Insecure.SHA1.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
            default: throw DossierError("expected an RSA signature type, found \(rsaSignatureType)")
            }
            signature.writeString(rsaSignatureType)
            signature.writeString(Array(raw))
        }

        var blob = SSHWireWriter()
        blob.writeBytes(Array("SSHSIG".utf8))
        blob.writeUInt32(1)
        blob.writeString(publicKey.canonicalBlob)
        blob.writeString(namespace)
        blob.writeString([UInt8]())
        blob.writeString(hashAlgorithm)
        blob.writeString(signature.bytes)
        return SSHSignature.beginLine + SSHBase64.encodeWrapped(blob.bytes) + SSHSignature.endLine + "\n"
    }

    /// `mpint r ‖ mpint s` from the fixed-size `r ‖ s`.
    private static func ecdsaInner(_ raw: [UInt8]) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.writeMPInt(unsigned: raw[0 ..< raw.count / 2])
        writer.writeMPInt(unsigned: raw[raw.count / 2 ..< raw.count])
        return writer.bytes
    }
}
