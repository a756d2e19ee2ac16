import Crypto
import Foundation
@testable import Signatures
@testable import Support
import TestSupport
import Testing

/// RFC 9580 §5.2.3.7: a critical subpacket or notation that is not understood makes a signature invalid. gpg reports
/// such a signature as BADSIG (so git shows B); dossier must say the same.
@Suite("OpenPGP critical subpackets and notations, compared with gpg 2.2")
struct OpenPGPCriticalTests {
    typealias F = OpenPGPFixture
    static let payload = OpenPGPFixture.payload

    /// dossier's verdict and gpg's on the same signature, both expected to be `letter`; dossier's reason is returned.
    @discardableResult
    func expectBoth(_ armored: String, letter: VerdictLetter, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Verdict {
        let fixture = try F.shared()
        let time = F.t0 + 2 * F.day
        let verdict = OpenPGPVerifier.verify(armored: armored, payload: [UInt8](Self.payload), keyring: try fixture.keyring(), time: time)
        let gpg = try fixture.gpgVerdict(armored, payload: Self.payload, at: time)
        #expect(verdict.letter == letter, "dossier: \(verdict.reason)", sourceLocation: sourceLocation)
        #expect(gpg.letter == letter.rawValue, "gpg: \(gpg)", sourceLocation: sourceLocation)
        #expect(verdict.signer == gpg.signer, sourceLocation: sourceLocation)
        return verdict
    }

    @Test("a critical notation gpg does not know (--sig-notation '!name=value') is B; a known one and a non-critical one are G")
    func criticalNotation() throws {
        let f = try F.shared()
        let key = try #require(f.keys["ed"])
        let critical = try f.sign(Self.payload, key: key, at: F.t0 + F.day, options: ["--sig-notation", "!review@example.com=done"])
        let verdict = try expectBoth(critical, letter: .bad)
        #expect(verdict.reason.contains("critical notation 'review@example.com'"), "\(verdict.reason)")
        #expect(verdict.signer == "Ed <ed@example.com>")

        let known = try f.sign(Self.payload, key: key, at: F.t0 + F.day, options: ["--sig-notation", "!pka-address@gnupg.org=ed@example.com"])
        try expectBoth(known, letter: .good)
        let plain = try f.sign(Self.payload, key: key, at: F.t0 + F.day, options: ["--sig-notation", "review@example.com=done"])
        try expectBoth(plain, letter: .good)
    }

    @Test("a critical notation by an RSA key is B as well")
    func criticalNotationRSA() throws {
        let f = try F.shared()
        let critical = try f.sign(Self.payload, key: try #require(f.keys["rsa3072"]), at: F.t0 + F.day,
                                  options: ["--sig-notation", "!x@example.com=1"])
        try expectBoth(critical, letter: .bad)
    }

    @Test("an unknown critical subpacket in the unhashed area is B (gpg reads both areas); the same subpacket not critical is G")
    func unknownCriticalUnhashed() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        let body = try Self.packetBody(signature)
        let critical = try expectBoth(OpenPGPTests.armor(Self.withUnhashedSubpacket(body, type: 0x80 | 100, data: [1, 2, 3])), letter: .bad)
        #expect(critical.reason.contains("critical subpacket of type 100"), "\(critical.reason)")
        try expectBoth(OpenPGPTests.armor(Self.withUnhashedSubpacket(body, type: 100, data: [1, 2, 3])), letter: .good)
    }

    @Test("a critical subpacket dossier and gpg understand (an issuer key id) leaves the signature G")
    func knownCriticalSubpacket() throws {
        let f = try F.shared()
        let key = try #require(f.keys["ed"])
        let signature = try f.sign(Self.payload, key: key, at: F.t0 + F.day)
        let body = try Self.packetBody(signature)
        let keyID = Array(try #require(f.fingerprints(key).first).hexBytes.suffix(8))
        try expectBoth(OpenPGPTests.armor(Self.withUnhashedSubpacket(body, type: 0x80 | 16, data: keyID)), letter: .good)
    }

    @Test("an unknown critical subpacket in the hashed area (a signature made here with the key gpg made) is B; without the critical bit, G")
    func unknownCriticalHashed() throws {
        let f = try F.shared()
        let key = try #require(f.keys["ed"])
        let signer = try Self.edSigner(f, fingerprint: key)
        // The control: the same signer without the extra subpacket makes a signature gpg calls good.
        try expectBoth(signer(Self.payload, []), letter: .good)
        let critical = try expectBoth(signer(Self.payload, [0x80 | 100, 1, 2, 3]), letter: .bad)
        #expect(critical.reason.contains("critical subpacket of type 100"), "\(critical.reason)")
        try expectBoth(signer(Self.payload, [100, 1, 2, 3]), letter: .good)
    }

    /// Critical subpackets on which dossier and gpg disagreed before: gpg's `can_handle_critical` (g10/parse-packet.c)
    /// does not accept 23 (key server preferences), 28 (signer's user id) or 31 (signature target), so those are B;
    /// it accepts 24 (preferred key server), 29 (reason for revocation) and 38 (key block) when its first byte is 0.
    static let criticalCases: [(type: UInt8, data: [UInt8], letter: VerdictLetter)] = [
        (23, [0x80], .bad),
        (28, Array("ed@example.com".utf8), .bad),
        (31, [22, 8] + [UInt8](repeating: 0xAB, count: 32), .bad),
        (24, Array("hkps://keys.example.com".utf8), .good),
        (29, [0] + Array("no reason".utf8), .good),
        (38, [0] + [UInt8](repeating: 0x99, count: 60), .good),
        (38, [1] + [UInt8](repeating: 0x99, count: 60), .bad),
    ]

    @Test("a critical subpacket in the unhashed area: dossier's verdict is gpg's", arguments: 0..<7)
    func criticalSubpacketUnhashed(_ index: Int) throws {
        let (type, data, letter) = Self.criticalCases[index]
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        let verdict = try expectBoth(OpenPGPTests.armor(Self.withUnhashedSubpacket(try Self.packetBody(signature), type: 0x80 | type, data: data)),
                                     letter: letter)
        if letter == .bad { #expect(verdict.reason.contains("critical subpacket of type \(type)"), "\(verdict.reason)") }
    }

    @Test("a critical subpacket in the hashed area: dossier's verdict is gpg's", arguments: 0..<7)
    func criticalSubpacketHashed(_ index: Int) throws {
        let (type, data, letter) = Self.criticalCases[index]
        let f = try F.shared()
        let signer = try Self.edSigner(f, fingerprint: try #require(f.keys["ed"]))
        let verdict = try expectBoth(signer(Self.payload, [0x80 | type] + data), letter: letter)
        if letter == .bad { #expect(verdict.reason.contains("critical subpacket of type \(type)"), "\(verdict.reason)") }
    }

    /// Signs v4 EdDSA detached signatures with the fixture's Ed25519 key `fingerprint` (its secret exported from gpg),
    /// with the creation time and issuer fingerprint gpg writes plus `extra` (one subpacket: type byte and data) in
    /// the hashed area: a signer that writes what gpg will not.
    static func edSigner(_ f: OpenPGPFixture, fingerprint: String) throws -> (Data, [UInt8]) throws -> String {
        let exported = try f.gpg(["--armor", "--export-secret-keys", fingerprint], at: F.t0).stdout
        var reader = OpenPGPByteReader(try packetBody(exported), context: "secret key")
        _ = try reader.take(6)  // version, creation time, algorithm (22)
        _ = try reader.take(Int(try reader.take(1)[0]))  // curve OID
        _ = try reader.mpi()  // public point
        #expect(try reader.take(1) == [0])  // not protected
        let seed = try reader.mpi()
        let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 32 - seed.count) + seed)
        let issuer = fingerprint.hexBytes
        func subpacket(_ content: [UInt8]) -> [UInt8] { [UInt8(content.count)] + content }
        func mpi(_ bytes: some Collection<UInt8>) -> [UInt8] {
            let value = Array(bytes.drop { $0 == 0 })
            let bits = value.isEmpty ? 0 : (value.count - 1) * 8 + (8 - value[0].leadingZeroBitCount)
            return [UInt8(bits >> 8), UInt8(bits & 0xFF)] + value
        }
        return { payload, extra in
            let created = UInt32(F.t0 + F.day)
            var hashed = subpacket([33, 4] + issuer)
            hashed += subpacket([2, UInt8(created >> 24), UInt8(created >> 16 & 0xFF), UInt8(created >> 8 & 0xFF), UInt8(created & 0xFF)])
            if !extra.isEmpty { hashed += subpacket(extra) }
            let hashedPart: [UInt8] = [4, 0x00, 22, 8, UInt8(hashed.count >> 8), UInt8(hashed.count & 0xFF)] + hashed
            let count = UInt32(hashedPart.count)
            let trailer: [UInt8] = [4, 0xFF, UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
            let digest = Array(SHA256.hash(data: [UInt8](payload) + hashedPart + trailer))
            let signature = Array(try privateKey.signature(for: digest))
            let unhashed = subpacket([16] + issuer.suffix(8))
            let body = hashedPart + [0, UInt8(unhashed.count)] + unhashed + digest.prefix(2) + mpi(signature.prefix(32)) + mpi(signature.suffix(32))
            return OpenPGPTests.armor([0xC2, UInt8(body.count)] + body)
        }
    }

    /// The body of the one packet an armored signature holds.
    static func packetBody(_ armored: String) throws -> [UInt8] {
        let block = try #require(try OpenPGPArmor.decode(armored).first)
        return try #require(try OpenPGPPacket.parse(block.data).first).body
    }

    /// A v4 signature packet (with its new-format header) whose unhashed area has one more subpacket at its end.
    static func withUnhashedSubpacket(_ body: [UInt8], type: UInt8, data: [UInt8]) -> [UInt8] {
        let hashedLength = Int(body[4]) << 8 | Int(body[5])
        let unhashedAt = 6 + hashedLength
        let unhashedLength = Int(body[unhashedAt]) << 8 | Int(body[unhashedAt + 1])
        let subpacket = [UInt8(data.count + 1), type] + data
        let newLength = unhashedLength + subpacket.count
        var newBody = Array(body[..<unhashedAt]) + [UInt8(newLength >> 8), UInt8(newLength & 0xFF)]
        newBody += body[(unhashedAt + 2)..<(unhashedAt + 2 + unhashedLength)]
        newBody += subpacket
        newBody += body[(unhashedAt + 2 + unhashedLength)...]
        let header: [UInt8] = newBody.count < 192 ? [0xC2, UInt8(newBody.count)]
            : [0xC2, UInt8((newBody.count - 192) >> 8 + 192), UInt8((newBody.count - 192) & 0xFF)]
        return header + newBody
    }
}

private extension String {
    /// The bytes of a hexadecimal string.
    var hexBytes: [UInt8] {
        var bytes: [UInt8] = [], chars = Array(self)
        while chars.count >= 2 {
            bytes.append(UInt8(String(chars[0...1]), radix: 16) ?? 0)
            chars.removeFirst(2)
        }
        return bytes
    }
}
