import Crypto
import _CryptoExtras
import Foundation

/// An SSHSIG signature (OpenSSH PROTOCOL.sshsig), as `ssh-keygen -Y sign` writes it, read the way
/// OpenSSH 9.2's `sshsig.c` reads it.
package struct SSHSignature: Sendable {
    /// The armor's first line; OpenSSH 9.2 requires it to end with a bare line feed.
    static let beginLine = "-----BEGIN SSH SIGNATURE-----\n"
    /// The armor's last line.
    package static let endLine = "-----END SSH SIGNATURE-----"

    /// Why a signature could not be read.
    struct ParseError: Error, Sendable, Equatable {
        /// What is wrong, in words.
        var message: String
    }

    /// The key that made the signature.
    var publicKey: SSHPublicKey
    /// The namespace the signer gave (`git` for commits and tags).
    var namespace: String
    /// The hash of the message, `sha512` or `sha256`.
    var hashAlgorithm: String
    /// The signature blob: `string sig-type ‖ string sig-bytes [‖ byte flags ‖ uint32 counter]`.
    var signatureBlob: [UInt8]

    /// Reads the armored text: what `sshsig_dearmor` and then `sshsig_verify_fd` accept.
    init(armored: String) throws(ParseError) {
        guard let blob = SSHSignature.dearmor(armored) else {
            throw ParseError(message: "the signature's armor is malformed")
        }
        try self.init(blob: blob)
    }

    /// Removes the armor and the base64, or returns nil where `sshsig_dearmor` fails.
    static func dearmor(_ armored: String) -> [UInt8]? {
        let text = Array(armored.utf8)
        let begin = Array(beginLine.utf8)
        guard text.count >= begin.count, Array(text[0 ..< begin.count]) == begin else { return nil }
        let body = text[begin.count...]
        let footer = Array(("\n" + endLine).utf8)
        guard let end = firstIndex(of: footer, in: body) else { return nil }
        let base64 = body[body.startIndex ..< end]
        if base64.isEmpty { return [] }
        return SSHBase64.decode(base64)
    }

    /// The index where `needle` first occurs in `haystack`.
    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index ..< index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Reads the binary signature: `"SSHSIG" ‖ uint32 version ‖ string publickey ‖ string namespace ‖
    /// string reserved ‖ string hash_algorithm ‖ string signature`, with nothing after it.
    init(blob: [UInt8]) throws(ParseError) {
        var reader = SSHWireReader(blob)
        do throws(SSHWireReader.Failure) {
            let magic = try reader.readBytes(6, "the SSHSIG magic")
            guard magic == Array("SSHSIG".utf8) else { throw SSHWireReader.Failure(message: "expected the SSHSIG magic") }
            let version = try reader.readUInt32("the version")
            // sshsig.c refuses only versions above 1.
            guard version <= 1 else { throw SSHWireReader.Failure(message: "expected version 1, found \(version)") }
            let keyBlob = try reader.readString("the public key")
            namespace = try reader.readCString("the namespace")
            _ = try reader.readString("the reserved field")
            hashAlgorithm = try reader.readCString("the hash algorithm")
            signatureBlob = try reader.readString("the signature")
            try reader.expectEnd("the signature")
            do throws(SSHPublicKey.ParseError) {
                publicKey = try SSHPublicKey(blob: keyBlob)
            } catch {
                throw SSHWireReader.Failure(message: "the public key: " + error.message)
            }
        } catch {
            throw ParseError(message: error.message)
        }
    }

    /// The signature algorithm named inside the signature blob (`ssh-ed25519`, `rsa-sha2-512`, …), if readable.
    var signatureType: String? {
        var reader = SSHWireReader(signatureBlob)
        return try? reader.readCString("the signature type")
    }

    /// The key and signature algorithm in words, e.g. `ssh-ed25519`, `rsa-sha2-512 (3072 bits)`.
    var algorithm: String {
        if let bits = publicKey.rsaBits { return "\(signatureType ?? "ssh-rsa") (\(bits) bits)" }
        return publicKey.type
    }

    /// What a cryptographic check found.
    enum Check: Sendable, Equatable {
        /// The signature is good for the payload and namespace.
        case good
        /// The signature is bad; the reason in words.
        case bad(String)
        /// dossier cannot check this kind of signature; the reason in words.
        case cannotCheck(String)
    }

    /// Checks the signature over `payload` in `namespace` as `ssh-keygen -Y check-novalidate` does
    /// (namespace, hash algorithm, RSA signature algorithm, then the signature itself).
    func check(payload: some Collection<UInt8>, namespace expected: String) -> Check {
        guard namespace == expected else {
            return .bad("the signature is for namespace \"\(namespace)\", not \"\(expected)\"")
        }
        let digest: [UInt8]
        switch hashAlgorithm {
        case "sha512": digest = Array(SHA512.hash(data: Array(payload)))
        case "sha256": digest = Array(SHA256.hash(data: Array(payload)))
        default: return .bad("the signature uses hash algorithm \"\(hashAlgorithm)\", which ssh-keygen refuses")
        }
        guard publicKey.isSupported else {
            return .cannotCheck("cannot be checked: \(publicKey.isCertificate ? "certificate" : "key") type \(publicKey.type) is not supported")
        }
        var signed = SSHWireWriter()
        signed.writeBytes(Array("SSHSIG".utf8))
        signed.writeString(expected)
        signed.writeString([UInt8]())
        signed.writeString(hashAlgorithm)
        signed.writeString(digest)
        return SSHSignature.verify(signatureBlob, of: signed.bytes, with: publicKey)
    }

    /// Verifies an SSH signature blob over `data` with `key`, as OpenSSH's `sshkey_verify` (restricted to the
    /// algorithms SSHSIG allows).
    static func verify(_ signatureBlob: [UInt8], of data: [UInt8], with key: SSHPublicKey) -> Check {
        var reader = SSHWireReader(signatureBlob)
        do throws(SSHWireReader.Failure) {
            let sigType = try reader.readCString("the signature type")
            switch key.material {
            case .ed25519(let publicKey):
                guard sigType == "ssh-ed25519" else { return .bad("signature type \(sigType) does not match key type \(key.type)") }
                let bytes = try reader.readString("the Ed25519 signature")
                try reader.expectEnd("the Ed25519 signature")
                return ed25519(bytes, data, publicKey) ? .good : mismatch
            case .skEd25519(let publicKey, let application):
                guard sigType == "sk-ssh-ed25519@openssh.com" else { return .bad("signature type \(sigType) does not match key type \(key.type)") }
                let bytes = try reader.readString("the Ed25519 signature")
                let flags = try reader.readByte("the FIDO flags")
                let counter = try reader.readUInt32("the FIDO counter")
                try reader.expectEnd("the FIDO signature")
                return ed25519(bytes, fidoMessage(application, flags, counter, Array(SHA256.hash(data: data))), publicKey) ? .good : mismatch
            case .ecdsa(let curve, let point):
                guard sigType == key.type else { return .bad("signature type \(sigType) does not match key type \(key.type)") }
                let inner = try reader.readString("the ECDSA signature")
                try reader.expectEnd("the ECDSA signature")
                return try ecdsa(inner, data, curve, point) ? .good : mismatch
            case .skECDSA(let point, let application):
                if sigType == "webauthn-sk-ecdsa-sha2-nistp256@openssh.com" {
                    return .cannotCheck("cannot be checked: webauthn signatures are not supported")
                }
                guard sigType == "sk-ecdsa-sha2-nistp256@openssh.com" else { return .bad("signature type \(sigType) does not match key type \(key.type)") }
                let inner = try reader.readString("the ECDSA signature")
                let flags = try reader.readByte("the FIDO flags")
                let counter = try reader.readUInt32("the FIDO counter")
                try reader.expectEnd("the FIDO signature")
                let message = fidoMessage(application, flags, counter, Array(SHA256.hash(data: data)))
                return try ecdsa(inner, message, .p256, point) ? .good : mismatch
            case .rsa(let e, let n):
                let bytes: [UInt8]
                switch sigType {
                case "rsa-sha2-256", "rsa-sha2-512": bytes = try reader.readString("the RSA signature")
                case "ssh-rsa": return .bad("the signature uses ssh-rsa (SHA-1), which SSHSIG refuses")
                default: return .bad("signature type \(sigType) does not match key type \(key.type)")
                }
                try reader.expectEnd("the RSA signature")
                return rsa(bytes, data, sha512: sigType == "rsa-sha2-512", e: e, n: n) ? .good : mismatch
            case .unsupported(let type):
                return .cannotCheck("cannot be checked: key type \(type) is not supported")
            }
        } catch {
            return .bad("the signature is malformed: \(error.message)")
        }
    }

    /// The verdict's words for a signature that does not verify.
    private static let mismatch = Check.bad("the signature does not match the signed content")

    /// What a FIDO authenticator signs: SHA-256(application) ‖ flags ‖ uint32 counter ‖ SHA-256(message).
    static func fidoMessage(_ application: String, _ flags: UInt8, _ counter: UInt32, _ messageHash: [UInt8]) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.writeBytes(SHA256.hash(data: Array(application.utf8)))
        writer.writeByte(flags)
        writer.writeUInt32(counter)
        writer.writeBytes(messageHash)
        return writer.bytes
    }

    /// Checks an Ed25519 signature (OpenSSH takes at most 64 bytes; a shorter one cannot verify).
    private static func ed25519(_ signature: [UInt8], _ data: [UInt8], _ publicKey: [UInt8]) -> Bool {
        guard signature.count == 64, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: data)
    }

    /// Checks an ECDSA signature given as `mpint r ‖ mpint s`, with the curve's own hash (SHA-256, -384, -512).
    private static func ecdsa(_ inner: [UInt8], _ data: [UInt8], _ curve: SSHCurve, _ point: [UInt8]) throws(SSHWireReader.Failure) -> Bool {
        var reader = SSHWireReader(inner)
        let size: Int = switch curve { case .p256: 32; case .p384: 48; case .p521: 66 }
        let r = try reader.readPositiveMPInt("ECDSA r")
        let s = try reader.readPositiveMPInt("ECDSA s")
        try reader.expectEnd("the ECDSA signature")
        guard r.count <= size, s.count <= size else { return false }
        let raw = [UInt8](repeating: 0, count: size - r.count) + r + [UInt8](repeating: 0, count: size - s.count) + s
        switch curve {
        case .p256:
            guard let key = try? P256.Signing.PublicKey(x963Representation: point),
                  let signature = try? P256.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: SHA256.hash(data: data))
        case .p384:
            guard let key = try? P384.Signing.PublicKey(x963Representation: point),
                  let signature = try? P384.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: SHA384.hash(data: data))
        case .p521:
            guard let key = try? P521.Signing.PublicKey(x963Representation: point),
                  let signature = try? P521.Signing.ECDSASignature(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: SHA512.hash(data: data))
        }
    }

    /// Checks an RSA PKCS#1 v1.5 signature; like OpenSSH, a signature shorter than the modulus is left-padded.
    private static func rsa(_ signature: [UInt8], _ data: [UInt8], sha512: Bool, e: [UInt8], n: [UInt8]) -> Bool {
        let modulusBytes = (SSHPublicKey.bitLength(n) + 7) / 8
        guard signature.count <= modulusBytes, let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { return false }
        let padded = [UInt8](repeating: 0, count: modulusBytes - signature.count) + signature
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: padded)
        if sha512 {
            return key.isValidSignature(rsaSignature, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
        }
        return key.isValidSignature(rsaSignature, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
    }
}
