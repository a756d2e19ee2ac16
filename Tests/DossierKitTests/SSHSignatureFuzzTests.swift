import Foundation
@testable import Signatures
@testable import Support
import TestSupport
import Testing

@Suite("SSH signature fuzzing")
struct SSHSignatureFuzzTests {
    static let payload = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nfuzz\n".utf8)

    /// Checks that a mangled signature is B or E, never good.
    private func expectNotGood(_ armored: String, _ signers: AllowedSigners?, _ generator: SeededGenerator? = nil,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let verdict = SSHVerifier.verify(armored: armored, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers)
        #expect(verdict.letter == .bad || verdict.letter == .cannotCheck, "\(verdict)\(generator.map { ", \($0)" } ?? "")", sourceLocation: sourceLocation)
    }

    @Test("random bytes, truncations and flipped bytes are B or E", arguments: ["ed25519", "ecdsa", "rsa"])
    func mangled(type: String) throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("k", type: type, bits: type == "rsa" ? 2048 : nil)
        let good = try fixture.sign(key: "k", payload: Self.payload)
        let signers = try AllowedSigners(text: "k@example.com \(line)\n", file: "a")
        #expect(SSHVerifier.verify(armored: good, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers).letter == .good)
        var generator = SeededGenerator(seed: 0x55_4516)
        // Random bytes, armored and raw.
        for _ in 0 ..< 300 {
            let bytes = (0 ..< Int.random(in: 0 ... 600, using: &generator)).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            expectNotGood(SSHSignature.beginLine + SSHBase64.encodeWrapped(bytes) + SSHSignature.endLine + "\n", signers, generator)
            expectNotGood(SSHSignature.beginLine + SSHBase64.encodeWrapped(Array("SSHSIG".utf8) + bytes) + SSHSignature.endLine + "\n", signers, generator)
            expectNotGood(String(decoding: bytes, as: UTF8.self), nil, generator)
        }
        // Every truncation of the binary signature, and of the text.
        let blob = try #require(SSHSignature.dearmor(good))
        for length in 0 ..< blob.count {
            expectNotGood(SSHSignature.beginLine + SSHBase64.encodeWrapped(blob[0 ..< length]) + SSHSignature.endLine + "\n", signers)
        }
        for length in stride(from: 0, to: good.utf8.count - 1, by: 1) {
            let text = String(decoding: Array(good.utf8)[0 ..< length], as: UTF8.self)
            let verdict = SSHVerifier.verify(armored: text, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers)
            // Only the final newline may go.
            if length < good.utf8.count - 1 { #expect(verdict.letter == .bad, "truncated to \(length)") }
        }
        // Every single byte of the binary signature changed. The version field (bytes 6–9) is not signed and
        // OpenSSH accepts any version up to 1, so a change there to 0 still verifies: ask ssh-keygen then.
        for index in 0 ..< blob.count {
            var changed = blob
            changed[index] ^= UInt8.random(in: 1 ... 255, using: &generator)
            let text = SSHSignature.beginLine + SSHBase64.encodeWrapped(changed) + SSHSignature.endLine + "\n"
            let verdict = SSHVerifier.verify(armored: text, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers)
            if verdict.letter == .bad || verdict.letter == .cannotCheck { continue }
            let git = try fixture.gitAnswer(signature: text, payload: Self.payload, allowed: "k@example.com \(line)\n", time: 1_717_243_200)
            #expect(index >= 6 && index < 10, "byte \(index) changed and still \(verdict), \(generator)")
            #expect(verdict.letter == git.letter, "dossier \(verdict), ssh-keygen \(git), \(generator)")
        }
        // The version field set to 0 by hand: accepted by both, deterministically.
        var versionZero = blob
        versionZero[9] = 0
        let zeroText = SSHSignature.beginLine + SSHBase64.encodeWrapped(versionZero) + SSHSignature.endLine + "\n"
        let zeroGit = try fixture.gitAnswer(signature: zeroText, payload: Self.payload, allowed: "k@example.com \(line)\n", time: 1_717_243_200)
        #expect(SSHVerifier.verify(armored: zeroText, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers).letter == zeroGit.letter)
        // Lengths that claim 4 GB.
        var huge = blob
        for index in stride(from: 10, to: min(blob.count - 4, 60), by: 1) {
            huge = blob
            huge.replaceSubrange(index ..< index + 4, with: [0xff, 0xff, 0xff, 0xff])
            expectNotGood(SSHSignature.beginLine + SSHBase64.encodeWrapped(huge) + SSHSignature.endLine + "\n", signers)
        }
        // Random characters of the base64 replaced by other base64 characters.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let text = Array(good.utf8)
        let bodyRange = SSHSignature.beginLine.utf8.count ..< (text.count - SSHSignature.endLine.utf8.count - 2)
        for _ in 0 ..< 400 {
            var changed = text
            let index = Int.random(in: bodyRange, using: &generator)
            guard changed[index] != UInt8(ascii: "\n"), changed[index] != UInt8(ascii: "=") else { continue }
            let original = changed[index]
            repeat { changed[index] = alphabet.randomElement(using: &generator) ?? 0 } while changed[index] == original
            let changedText = String(decoding: changed, as: UTF8.self)
            // The character before the padding carries unused bits: changing only those decodes to the same bytes,
            // which is still the good signature (ssh-keygen agrees). Only a change of the bytes must fail.
            if SSHSignature.dearmor(changedText) == blob { continue }
            let verdict = SSHVerifier.verify(armored: changedText, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers)
            if verdict.letter == .bad || verdict.letter == .cannotCheck { continue }
            // A few changed bytes still verify (an RSA key blob's encoding has slack that OpenSSH accepts too);
            // then the real ssh-keygen must give the same answer, or dossier accepted what git would not.
            let git = try fixture.gitAnswer(signature: changedText, payload: Self.payload, allowed: "k@example.com \(line)\n", time: 1_717_243_200)
            #expect(verdict.letter == git.letter, "dossier \(verdict), ssh-keygen \(git) for \(changedText.debugDescription), \(generator)")
        }
    }

    @Test("the armor is read as sshsig_dearmor reads it")
    func armor() throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("k", type: "ed25519")
        let good = try fixture.sign(key: "k", payload: Self.payload)
        let signers = try AllowedSigners(text: "k \(line)\n", file: "a")
        func letter(_ text: String) -> VerdictLetter {
            SSHVerifier.verify(armored: text, payload: Self.payload, time: 1_717_243_200, allowedSigners: signers).letter
        }
        // What ssh-keygen 9.2 says about the same variants.
        func sshLetter(_ text: String) throws -> VerdictLetter {
            try fixture.gitAnswer(signature: text, payload: Self.payload, allowed: "k \(line)\n", time: 1_717_243_200).letter
        }
        let variants = [
            good,
            String(good.dropLast()),
            good + "trailing text\n",
            good.replacingOccurrences(of: "\n", with: "\r\n"),
            good.replacingOccurrences(of: "-----\n", with: "-----\r\n", options: .anchored),
            "\n" + good,
            good.replacingOccurrences(of: "\n", with: "\n  ").replacingOccurrences(of: "  -----END", with: "-----END"),
            good.replacingOccurrences(of: "=\n", with: "\n"),
        ]
        for variant in variants {
            #expect(letter(variant) == (try sshLetter(variant)), "\(variant.debugDescription)")
        }
    }
}
