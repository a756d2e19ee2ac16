import Crypto
import Foundation
@testable import Git
@testable import Signatures
@testable import Support
import TestSupport
import Testing

/// FIDO (security key) signatures, made here with swift-crypto the way an authenticator makes them, and
/// judged by both the real ssh-keygen and dossier.
@Suite("SSH security-key signatures")
struct SSHSecurityKeyTests {
    static let payload = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nsigned with a security key\n".utf8)
    static let time: Int64 = 1_717_243_200

    /// The SSHSIG signed data for the payload in namespace git.
    static func signedData(_ payload: [UInt8], namespace: String = "git") -> [UInt8] {
        var writer = SSHWireWriter()
        writer.writeBytes(Array("SSHSIG".utf8))
        writer.writeString(namespace)
        writer.writeString([UInt8]())
        writer.writeString("sha512")
        writer.writeString(Array(SHA512.hash(data: payload)))
        return writer.bytes
    }

    /// Armors an SSHSIG blob.
    static func armor(key: [UInt8], signature: [UInt8], namespace: String = "git") -> String {
        var blob = SSHWireWriter()
        blob.writeBytes(Array("SSHSIG".utf8))
        blob.writeUInt32(1)
        blob.writeString(key)
        blob.writeString(namespace)
        blob.writeString([UInt8]())
        blob.writeString("sha512")
        blob.writeString(signature)
        return SSHSignature.beginLine + SSHBase64.encodeWrapped(blob.bytes) + SSHSignature.endLine + "\n"
    }

    /// What the authenticator signs.
    static func authenticatorMessage(application: String, flags: UInt8, counter: UInt32, data: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: Array(application.utf8))) + [flags] + [UInt8(counter >> 24 & 0xff), UInt8(counter >> 16 & 0xff), UInt8(counter >> 8 & 0xff), UInt8(counter & 0xff)]
            + Array(SHA256.hash(data: data))
    }

    /// A signature made with flags and counter, then possibly presented with other ones.
    struct Made {
        var key: [UInt8]
        var armored: (_ signedFlags: UInt8, _ signedCounter: UInt32, _ shownFlags: UInt8, _ shownCounter: UInt32) throws -> String
    }

    static func ed25519() throws -> Made {
        let secret = Curve25519.Signing.PrivateKey()
        var key = SSHWireWriter()
        key.writeString("sk-ssh-ed25519@openssh.com"); key.writeString(Array(secret.publicKey.rawRepresentation)); key.writeString("ssh:")
        let keyBlob = key.bytes
        return Made(key: keyBlob) { signedFlags, signedCounter, shownFlags, shownCounter in
            let message = authenticatorMessage(application: "ssh:", flags: signedFlags, counter: signedCounter, data: signedData(payload))
            var sig = SSHWireWriter()
            sig.writeString("sk-ssh-ed25519@openssh.com"); sig.writeString(Array(try secret.signature(for: message)))
            sig.writeByte(shownFlags); sig.writeUInt32(shownCounter)
            return armor(key: keyBlob, signature: sig.bytes)
        }
    }

    static func ecdsa() throws -> Made {
        let secret = P256.Signing.PrivateKey()
        var key = SSHWireWriter()
        key.writeString("sk-ecdsa-sha2-nistp256@openssh.com"); key.writeString("nistp256")
        key.writeString(Array(secret.publicKey.x963Representation)); key.writeString("ssh:")
        let keyBlob = key.bytes
        return Made(key: keyBlob) { signedFlags, signedCounter, shownFlags, shownCounter in
            let message = authenticatorMessage(application: "ssh:", flags: signedFlags, counter: signedCounter, data: signedData(payload))
            let raw = Array(try secret.signature(for: SHA256.hash(data: message)).rawRepresentation)
            var inner = SSHWireWriter()
            inner.writeMPInt(unsigned: raw[0 ..< 32]); inner.writeMPInt(unsigned: raw[32 ..< 64])
            var sig = SSHWireWriter()
            sig.writeString("sk-ecdsa-sha2-nistp256@openssh.com"); sig.writeString(inner.bytes)
            sig.writeByte(shownFlags); sig.writeUInt32(shownCounter)
            return armor(key: keyBlob, signature: sig.bytes)
        }
    }

    @Test("security-key signatures: ssh-keygen and dossier agree", arguments: ["ed25519", "ecdsa"])
    func agreement(kind: String) throws {
        let fixture = try SSHFixture()
        let made = kind == "ed25519" ? try Self.ed25519() : try Self.ecdsa()
        let publicKey = try SSHPublicKey(blob: made.key)
        let allowed = "fido@example.com \(publicKey.description)\n"
        let payload = Self.payload
        func check(_ armored: String, _ expected: VerdictLetter, allowed: String = allowed, payload: [UInt8] = payload,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let git = try fixture.gitAnswer(signature: armored, payload: payload, allowed: allowed, time: Self.time)
            let (dossier, verdict) = try SSHFixture.dossierAnswer(signature: armored, payload: payload, allowed: allowed, time: Self.time)
            #expect(git.letter == expected, "ssh-keygen \(git)", sourceLocation: sourceLocation)
            #expect(dossier == git, "dossier \(dossier) (\(verdict.reason)) vs ssh-keygen \(git)", sourceLocation: sourceLocation)
        }
        // Touched (user presence 0x01), counter 7.
        try check(try made.armored(0x01, 7, 0x01, 7), .good)
        #expect(SSHVerifier.verify(armored: try made.armored(0x01, 7, 0x01, 7), payload: payload, time: Self.time, allowedSigners: try AllowedSigners(text: allowed, file: "a")).algorithm == publicKey.type)
        try check(try made.armored(0x01, 7, 0x01, 7), .untrusted, allowed: "")
        try check(try made.armored(0x01, 7, 0x01, 7), .bad, payload: payload + [0])
        // Flags or counter changed after signing.
        try check(try made.armored(0x01, 7, 0x05, 7), .bad)
        try check(try made.armored(0x01, 7, 0x00, 7), .bad)
        try check(try made.armored(0x01, 7, 0x01, 8), .bad)
        // Signed without user presence: ssh-keygen 9.2's SSHSIG check does not require it.
        try check(try made.armored(0x00, 7, 0x00, 7), .good)
        // The application is part of the key: the same point with another application is another key.
        try check(try made.armored(0x01, 7, 0x01, 7), .untrusted,
                  allowed: "fido@example.com \(publicKey.description.replacingOccurrences(of: SSHBase64.encode(made.key), with: SSHBase64.encode(Array(made.key.dropLast(4)) + Array("ssx:".utf8))))\n")
    }
}
