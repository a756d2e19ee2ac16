import Crypto
import Foundation
@testable import Signatures
@testable import Support
import TestSupport
import Testing

/// A signing time in 2024 (2024-06-01T12:00:00Z).
private let signingTime: Int64 = 1_717_243_200

/// Signs the payload with the key and checks dossier against the real ssh-keygen driven as git drives it.
private func expectAgreement(_ fixture: SSHFixture, signature: String, payload: [UInt8], allowed: String,
                             time: Int64 = signingTime, expected: VerdictLetter,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let git = try fixture.gitAnswer(signature: signature, payload: payload, allowed: allowed, time: time)
    let (dossier, verdict) = try SSHFixture.dossierAnswer(signature: signature, payload: payload, allowed: allowed, time: time)
    #expect(git.letter == expected, "ssh-keygen: \(git)", sourceLocation: sourceLocation)
    #expect(dossier == git, "dossier \(dossier) (\(verdict.reason)) vs ssh-keygen \(git)", sourceLocation: sourceLocation)
    #expect(verdict.kind == .ssh, sourceLocation: sourceLocation)
    #expect(verdict.letter == .good ? verdict.reason.isEmpty : !verdict.reason.isEmpty, sourceLocation: sourceLocation)
}

@Suite("SSH signatures")
struct SSHSignatureTests {
    static let payload = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@x> 1717243200 +0000\ncommitter A <a@x> 1717243200 +0000\n\nRelease 1.0\n".utf8)

    @Test("fingerprints equal ssh-keygen -l", arguments: [("ed25519", nil), ("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 3072)] as [(String, Int?)])
    func fingerprint(type: String, bits: Int?) throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("k", type: type, bits: bits)
        let listed = try fixture.keygen(["-l", "-f", fixture.scratch.file("k.pub")]).stdout.split(separator: " ")
        let key = try SSHPublicKey(text: line)
        #expect(key.fingerprint == String(listed[1]))
        #expect(key.description == line.split(separator: " ").prefix(2).joined(separator: " "))
    }

    @Test("every git verdict agrees with ssh-keygen", arguments: [("ed25519", nil), ("ecdsa", 256), ("ecdsa", 384), ("rsa", 3072)] as [(String, Int?)])
    func agreement(type: String, bits: Int?) throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("alice", type: type, bits: bits)
        let other = try fixture.makeKey("bob", type: "ed25519")
        let payload = Self.payload
        let good = try fixture.sign(key: "alice", payload: payload)
        let allowed = "alice@example.com \(line)\n"

        try expectAgreement(fixture, signature: good, payload: payload, allowed: allowed, expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "bob@example.com \(other)\n", expected: .untrusted)
        var tampered = payload; tampered[10] ^= 1
        try expectAgreement(fixture, signature: good, payload: tampered, allowed: allowed, expected: .bad)
        try expectAgreement(fixture, signature: good, payload: tampered, allowed: "bob@example.com \(other)\n", expected: .bad)
        // A flipped bit deep inside the signature bytes (the last base64 characters before the padding).
        var text = Array(good.utf8)
        let end = try #require(good.range(of: "\n-----END")).lowerBound.utf16Offset(in: good)
        var index = end - 1
        while text[index] == UInt8(ascii: "=") || text[index] == UInt8(ascii: "\n") { index -= 1 }
        index -= 4
        text[index] = text[index] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        try expectAgreement(fixture, signature: String(decoding: text, as: UTF8.self), payload: payload, allowed: allowed, expected: .bad)
        // Signed in another namespace.
        let file = try fixture.sign(key: "alice", payload: payload, namespace: "file")
        try expectAgreement(fixture, signature: file, payload: payload, allowed: allowed, expected: .bad)
        try expectAgreement(fixture, signature: file, payload: payload, allowed: "bob@example.com \(other)\n", expected: .bad)
        // The allowed signers restrict the key to another namespace.
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com namespaces=\"file\" \(line)\n", expected: .bad)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com namespaces=\"file,g*\" \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com namespaces=\"*,!git\" \(line)\n", expected: .bad)
        // A namespace-restricted line first, the same principal allowed on a later line: verify -I finds the later one.
        try expectAgreement(fixture, signature: good, payload: payload,
                            allowed: "alice@example.com namespaces=\"file\" \(line)\nalice@example.com \(line)\n", expected: .good)
        // …but a later line for another principal does not help: find-principals stops at the first line.
        try expectAgreement(fixture, signature: good, payload: payload,
                            allowed: "alice@example.com namespaces=\"file\" \(line)\ncarol@example.com \(line)\n", expected: .bad)
        // Validity windows relative to the signing time.
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-after=\"20250101\" \(line)\n", expected: .untrusted)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-before=\"20240101Z\" \(line)\n", expected: .untrusted)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-after=\"20240101\",valid-before=\"20250101\" \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-after=\"202406011200Z\" \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-after=\"20240601120001\" \(line)\n", expected: .untrusted)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-before=\"20240601120000\" \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com valid-before=\"20240601115959\" \(line)\n", expected: .untrusted)
        // An expired line, then a valid one.
        try expectAgreement(fixture, signature: good, payload: payload,
                            allowed: "old@example.com valid-before=\"20200101\" \(line)\nnew@example.com \(line)\n", expected: .good)
        // Only as a certificate authority.
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "*@example.com cert-authority \(line)\n", expected: .untrusted)
        // Several principals, patterns, quotes, comments and options in upper case.
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "# team\n\n  alice@example.com,al@example.org \(line) a comment\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "*@example.com \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "\"Alice Smith\" NAMESPACES=\"git\" \(line)\n", expected: .good)
        // find-principals prints "!alice@example.com" as a principal, and verify -I matches it against "*@example.com".
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "!alice@example.com,*@example.com \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "*@example.com,!alice@example.com \(line)\n", expected: .good)
        try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com,!* \(line)\n", expected: .bad)
        // The same key under another type name (rsa-sha2-512 for ssh-rsa) is accepted by ssh-keygen.
        if type == "rsa" {
            let renamed = line.replacingOccurrences(of: "ssh-rsa ", with: "rsa-sha2-512 ")
            try expectAgreement(fixture, signature: good, payload: payload, allowed: "alice@example.com \(renamed)\n", expected: .good)
        }
        // SHA-256 message hash.
        let sha256 = try fixture.sign(key: "alice", payload: payload, options: ["hashalg=sha256"])
        try expectAgreement(fixture, signature: sha256, payload: payload, allowed: allowed, expected: .good)
        // The verdict's details.
        let verdict = SSHVerifier.verify(armored: good, payload: payload, time: signingTime, allowedSigners: try AllowedSigners(text: allowed, file: "a"))
        #expect(verdict.signer == "alice@example.com")
        #expect(verdict.fingerprint == (try SSHPublicKey(text: line)).fingerprint)
        if type == "rsa" { #expect(verdict.algorithm == "rsa-sha2-512 (3072 bits)") } else { #expect(verdict.algorithm == line.split(separator: " ")[0].description) }
        let untrusted = SSHVerifier.verify(armored: good, payload: payload, time: signingTime, allowedSigners: nil)
        #expect(untrusted.letter == .untrusted && untrusted.fingerprint == verdict.fingerprint && untrusted.signer.isEmpty)
    }

    @Test("reasons name what is wrong")
    func reasons() throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("alice", type: "ed25519")
        let good = try fixture.sign(key: "alice", payload: Self.payload)
        let fingerprint = try SSHPublicKey(text: line).fingerprint
        func reason(_ allowed: String, payload: [UInt8] = Self.payload) throws -> String {
            SSHVerifier.verify(armored: good, payload: payload, time: signingTime, allowedSigners: try AllowedSigners(text: allowed, file: "a")).reason
        }
        #expect(try reason("") == "key \(fingerprint) is not in the allowed signers")
        #expect(try reason("a valid-after=\"20250101\" \(line)").contains("only from 2025-01-01T00:00:00Z"))
        #expect(try reason("a valid-before=\"20240101\" \(line)").contains("only until 2024-01-01T00:00:00Z"))
        #expect(try reason("a cert-authority \(line)").contains("only as a certificate authority"))
        #expect(try reason("a \(line)", payload: Self.payload + [10]) == "the signature does not match the signed content")
        #expect(try reason("a namespaces=\"file\" \(line)").contains("namespace \"git\""))
    }

    @Test("RSA: rsa-sha2-256 is accepted, ssh-rsa (SHA-1) refused, by ssh-keygen and dossier alike")
    func rsaSignatureTypes() throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("alice", type: "rsa", bits: 3072)
        let key = try SSHSigningKey(privateKeyText: try fixture.scratch.read("alice"), file: "alice")
        let allowed = "alice@example.com \(line)\n"
        let sha256 = try key.sign(Self.payload, namespace: "git", hashAlgorithm: "sha256", rsaSignatureType: "rsa-sha2-256")
        try expectAgreement(fixture, signature: sha256, payload: Self.payload, allowed: allowed, expected: .good)
        let mixed = try key.sign(Self.payload, namespace: "git", hashAlgorithm: "sha512", rsaSignatureType: "rsa-sha2-256")
        try expectAgreement(fixture, signature: mixed, payload: Self.payload, allowed: allowed, expected: .good)
        let sha1 = try key.sign(Self.payload, namespace: "git", hashAlgorithm: "sha512", rsaSignatureType: "ssh-rsa")
        try expectAgreement(fixture, signature: sha1, payload: Self.payload, allowed: allowed, expected: .bad)
        #expect(SSHVerifier.verify(armored: sha1, payload: Self.payload, time: signingTime, allowedSigners: nil).reason.contains("SHA-1"))
    }

    @Test("SSHSigningKey signs what ssh-keygen verifies", arguments: [("ed25519", nil), ("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 3072)] as [(String, Int?)])
    func signing(type: String, bits: Int?) throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("alice", type: type, bits: bits)
        let key = try SSHSigningKey(privateKeyText: try fixture.scratch.read("alice"), file: "alice")
        #expect(key.publicKey == (try SSHPublicKey(text: line)))
        let message = Array("release 1.0 of the device software\n".utf8)
        let signature = try key.sign(message, namespace: "dossier")
        try signature.write(toFile: fixture.scratch.file("s.sig"), atomically: true, encoding: .utf8)
        try "alice \(line)\n".write(toFile: fixture.scratch.file("allowed"), atomically: true, encoding: .utf8)
        let verified = try fixture.keygen(["-Y", "verify", "-n", "dossier", "-f", fixture.scratch.file("allowed"), "-I", "alice", "-s", fixture.scratch.file("s.sig")], input: Data(message))
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(verified.stdout.hasPrefix("Good \"dossier\" signature for alice"))
        let wrong = try fixture.keygen(["-Y", "verify", "-n", "dossier", "-f", fixture.scratch.file("allowed"), "-I", "alice", "-s", fixture.scratch.file("s.sig")], input: Data(message + [0]))
        #expect(wrong.status != 0)
        // The same format as ssh-keygen's: 70-column lines, trailing newline; Ed25519 is deterministic, so byte-identical.
        let theirs = try fixture.sign(key: "alice", payload: message, namespace: "dossier")
        if type == "ed25519" || type == "rsa" { #expect(signature == theirs) }
        #expect(signature.hasSuffix("-----END SSH SIGNATURE-----\n"))
        #expect(signature.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 70 })
    }

    @Test("private keys that cannot be used are refused with a clear error")
    func privateKeyErrors() throws {
        let fixture = try SSHFixture()
        _ = try fixture.keygen(["-q", "-t", "ed25519", "-N", "secret", "-f", fixture.scratch.file("locked")])
        let error = #expect(throws: DossierError.self) { try SSHSigningKey(privateKeyText: try fixture.scratch.read("locked"), file: "locked") }
        #expect(error?.message.contains("passphrase") == true)
        #expect(error?.location?.file == "locked")
        #expect(throws: DossierError.self) { try SSHSigningKey(privateKeyText: "not a key", file: "x") }
        #expect(throws: DossierError.self) {
            try SSHSigningKey(privateKeyText: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n", file: "x")
        }
        // Every truncation of a real key is refused, never a crash.
        _ = try fixture.makeKey("plain", type: "ed25519")
        let text = try fixture.scratch.read("plain")
        let body = text.split(separator: "\n").dropFirst().dropLast().joined()
        for length in stride(from: 0, to: body.count, by: 4) {
            let truncated = "-----BEGIN OPENSSH PRIVATE KEY-----\n\(body.prefix(length))\n-----END OPENSSH PRIVATE KEY-----\n"
            #expect(throws: DossierError.self) { try SSHSigningKey(privateKeyText: truncated, file: "x") }
        }
    }
}
