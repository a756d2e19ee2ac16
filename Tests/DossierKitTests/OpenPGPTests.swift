import Foundation
@testable import Git
@testable import Signatures
@testable import Support
import TestSupport
import Testing

@Suite("OpenPGP signatures, compared with gpg 2.2")
struct OpenPGPTests {
    typealias F = OpenPGPFixture
    static let payload = OpenPGPFixture.payload

    /// Checks with dossier and with gpg at the same time, expects the same letter, %GS, %GF and %GP, and returns dossier's verdict.
    @discardableResult
    func expectSameAsGPG(_ armored: String, payload: Data = Self.payload, at time: Int64, letter expected: VerdictLetter,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Verdict {
        let fixture = try F.shared()
        let verdict = OpenPGPVerifier.verify(armored: armored, payload: [UInt8](payload), keyring: try fixture.keyring(), time: time)
        let gpg = try fixture.gpgVerdict(armored, payload: payload, at: time)
        #expect(verdict.letter == expected, "dossier: \(verdict.reason)", sourceLocation: sourceLocation)
        #expect(gpg.letter == expected.rawValue, "gpg: \(gpg)", sourceLocation: sourceLocation)
        #expect(verdict.signer == gpg.signer, sourceLocation: sourceLocation)
        #expect(verdict.fingerprint == gpg.fingerprint, sourceLocation: sourceLocation)
        #expect(verdict.primaryFingerprint == gpg.primaryFingerprint, sourceLocation: sourceLocation)
        #expect(verdict.kind == .openpgp, sourceLocation: sourceLocation)
        #expect(verdict.letter == .good ? verdict.reason.isEmpty : !verdict.reason.isEmpty, sourceLocation: sourceLocation)
        return verdict
    }

    @Test("good signatures by Ed25519, RSA 3072, RSA 2048 and P-256 keys, with several hashes")
    func goodSignatures() throws {
        let f = try F.shared()
        let cases: [(String, [String], String)] = [
            ("ed", [], "EdDSA Ed25519, SHA-256"),
            ("ed", ["--digest-algo", "SHA512"], "EdDSA Ed25519, SHA-512"),
            ("rsa3072", [], "RSA 3072, SHA-512"),
            ("rsa3072", ["--digest-algo", "SHA512"], "RSA 3072, SHA-512"),
            ("rsa3072", ["--digest-algo", "SHA384"], "RSA 3072, SHA-384"),
            ("rsa3072", ["--digest-algo", "SHA1"], "RSA 3072, SHA-1"),
            ("rsa2048", [], "RSA 2048, SHA-512"),
            ("p256", [], "ECDSA P-256, SHA-256"),
            ("p256", ["--digest-algo", "SHA512"], "ECDSA P-256, SHA-512"),
        ]
        for (name, options, algorithm) in cases {
            let key = try #require(f.keys[name])
            let signature = try f.sign(Self.payload, key: key, at: F.t0 + F.day, options: options)
            let verdict = try expectSameAsGPG(signature, at: F.t0 + 2 * F.day, letter: .good)
            #expect(verdict.fingerprint == key)
            #expect(verdict.algorithm == algorithm)
        }
    }

    @Test("a signature by a signing subkey names the subkey (%GF) and the primary key (%GP)")
    func subkey() throws {
        let f = try F.shared()
        let key = try #require(f.keys["sub"])
        let signature = try f.sign(Self.payload, key: key, at: F.t0 + F.day)
        let verdict = try expectSameAsGPG(signature, at: F.t0 + 2 * F.day, letter: .good)
        #expect(verdict.fingerprint == f.subkey)
        #expect(verdict.primaryFingerprint == key)
        #expect(verdict.signer == "Sue <sue@example.com>")
    }

    @Test("altered content or an altered signature value is B, with the signer named")
    func bad() throws {
        let f = try F.shared()
        for name in ["ed", "rsa3072", "p256", "sub"] {
            let signature = try f.sign(Self.payload, key: try #require(f.keys[name]), at: F.t0 + F.day)
            var altered = Self.payload
            altered[altered.startIndex] ^= 0x20
            try expectSameAsGPG(signature, payload: altered, at: F.t0 + 2 * F.day, letter: .bad)
            try expectSameAsGPG(signature, payload: Self.payload + Data("\n".utf8), at: F.t0 + 2 * F.day, letter: .bad)
        }
        // Flip a bit in the last signature value byte (inside the MPI, before the CRC is recomputed).
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        var bytes = try #require(OpenPGPArmor.decode(signature).first).data
        bytes[bytes.count - 1] ^= 0x01
        try expectSameAsGPG(Self.armor(bytes), at: F.t0 + 2 * F.day, letter: .bad)
    }

    @Test("a key that is not in the keyring is E, with the key id in the reason")
    func unknownKey() throws {
        let f = try F.shared()
        let other = try #require(f.keys["other"])
        let signature = try f.sign(Self.payload, key: other, at: F.t0 + F.day, env: f.otherEnv)
        let verdict = try expectSameAsGPG(signature, at: F.t0 + 2 * F.day, letter: .cannotCheck)
        #expect(verdict.reason.contains(String(other.suffix(16))))
        #expect(verdict.reason.contains(other))
    }

    @Test("an expired key is Y at verification time, G before it expires")
    func expiredKey() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["exp"]), at: F.t0 + 3600)
        try expectSameAsGPG(signature, at: F.t0 + 7200, letter: .good)
        try expectSameAsGPG(signature, at: F.t0 + F.day - 1, letter: .good)
        let verdict = try expectSameAsGPG(signature, at: F.t0 + 3 * F.day, letter: .expiredKey)
        #expect(verdict.signer == "Exp <exp@example.com>")
        // The boundary: at exactly creation + expiry gpg still says GOODSIG; a second later EXPKEYSIG.
        try expectSameAsGPG(signature, at: F.t0 + F.day, letter: .good)
        try expectSameAsGPG(signature, at: F.t0 + F.day + 1, letter: .expiredKey)
    }

    @Test("an expired signature is X, G before it expires")
    func expiredSignature() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day, options: ["--default-sig-expire", "1d"])
        try expectSameAsGPG(signature, at: F.t0 + F.day + 60, letter: .good)
        try expectSameAsGPG(signature, at: F.t0 + 3 * F.day, letter: .expiredSignature)
        try expectSameAsGPG(signature, at: F.t0 + 2 * F.day - 1, letter: .good)
        try expectSameAsGPG(signature, at: F.t0 + 2 * F.day, letter: .expiredSignature)
        // Both expired: gpg names the expired signature first.
        let both = try f.sign(Self.payload, key: try #require(f.keys["exp"]), at: F.t0 + 60, options: ["--default-sig-expire", "1d"])
        try expectSameAsGPG(both, at: F.t0 + 3 * F.day, letter: .expiredSignature)
    }

    @Test("a revoked key is R")
    func revokedKey() throws {
        let f = try F.shared()
        let verdict = try expectSameAsGPG(f.revokedKeySignature, at: F.t0 + 3 * F.day, letter: .revokedKey)
        #expect(verdict.signer == "Rev <rev@example.com>")
        #expect(verdict.fingerprint == f.keys["rev"])
    }

    @Test("text-mode signatures hash line ends as CR LF, so LF and CR LF copies both check")
    func textMode() throws {
        let f = try F.shared()
        let lf = Data("line one\nline two \n\nlast line without end".utf8)
        let crlf = Data("line one\r\nline two \r\n\r\nlast line without end".utf8)
        let lone = Data("a\rb\r\r\nc \t\n\r".utf8)
        for payload in [lf, crlf, lone] {
            let signature = try f.sign(payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day, options: ["--textmode"])
            #expect(try OpenPGPSignaturePacket.parse(OpenPGPPacket.parse(OpenPGPArmor.decode(signature)[0].data)[0].body).type == 0x01)
            for other in [lf, crlf, lone] {
                let expected: VerdictLetter = OpenPGPVerifier.canonicalText(other) == OpenPGPVerifier.canonicalText(payload) ? .good : .bad
                try expectSameAsGPG(signature, payload: other, at: F.t0 + 2 * F.day, letter: expected)
            }
        }
        #expect(OpenPGPVerifier.canonicalText(Array("a\rb\r\r\nc \t\n\r".utf8)) == Array("a\rb\r\nc \t\r\n".utf8))
    }

    @Test("the signer is gpg's primary user id: the latest self-signed, unless one is flagged primary")
    func primaryUserID() throws {
        let f = try F.shared()
        let key = try #require(f.keys["multi"])
        let signature = try f.sign(Self.payload, key: key, at: F.t0 + 2 * F.day)
        let verdict = try expectSameAsGPG(signature, at: F.t0 + 3 * F.day, letter: .good)
        #expect(verdict.signer == "Mia Two <mia2@example.com>")

        // Flag the first user id as primary in a copy of the key, checked in a fresh GNUPGHOME.
        let scratch = try Scratch()
        let env = Shell.isolatedEnvironment(home: scratch.file("home"))
        try FileManager.default.createDirectory(atPath: scratch.file("home/gnupg"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: env) }
        let secret = try f.gpg(["--armor", "--export-secret-keys", key], at: F.t0)
        try f.gpg(["--import"], at: F.t0, input: Data(secret.stdout.utf8), env: env)
        try f.gpg(["--quick-set-primary-uid", key, "Mia <mia@example.com>"], at: F.t0 + 3 * F.day, env: env)
        let exported = try f.gpg(["--armor", "--export", key], at: F.t0, env: env).stdout
        let keyring = try OpenPGPKeyring(files: [(name: "mia.asc", text: exported)])
        let again = OpenPGPVerifier.verify(armored: signature, payload: [UInt8](Self.payload), keyring: keyring, time: F.t0 + 4 * F.day)
        #expect(again.letter == .good)
        #expect(again.signer == "Mia <mia@example.com>")
        try f.gpg(["--import-ownertrust"], at: F.t0, input: Data("\(key):6:\n".utf8), env: env)
        let sigFile = scratch.file("s.asc"), payloadFile = scratch.file("p")
        try Data(signature.utf8).write(to: URL(fileURLWithPath: sigFile))
        try Self.payload.write(to: URL(fileURLWithPath: payloadFile))
        let status = try Shell.run("gpg", ["--batch", "--status-fd", "1", "--faked-system-time", F.faked(F.t0 + 4 * F.day),
                                           "--verify", sigFile, payloadFile], environment: env).stdout
        #expect(status.contains("GOODSIG \(key.suffix(16)) Mia <mia@example.com>\n"))
    }

    @Test("every single-bit change at every byte of a signature gets gpg's verdict, or B/E where gpg cannot read it")
    func everyByteFlipped() throws {
        let f = try F.shared()
        for name in ["ed", "p256"] {
            let signature = try f.sign(Self.payload, key: try #require(f.keys[name]), at: F.t0 + F.day)
            let bytes = try #require(OpenPGPArmor.decode(signature).first).data
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= index % 2 == 0 ? 0x01 : 0x40
                let armored = Self.armor(changed)
                let ours = OpenPGPVerifier.verify(armored: armored, payload: [UInt8](Self.payload), keyring: try f.keyring(), time: F.t0 + 2 * F.day)
                var gpg = try f.gpgVerdict(armored, payload: Self.payload, at: F.t0 + 2 * F.day)
                // gpg itself answered E once on a machine loaded by thousands of other gpg runs (a failed check, not a
                // verdict on the bytes): where it disagrees, it is asked a second time.
                if gpg.letter != ours.letter.rawValue { gpg = try f.gpgVerdict(armored, payload: Self.payload, at: F.t0 + 2 * F.day) }
                let unreadable = (try? OpenPGPSignaturePacket.parse(OpenPGPPacket.parse(changed).first?.body ?? [])) == nil
                if gpg.letter == "N" || (unreadable && ["B", "E"].contains(gpg.letter)) {
                    // gpg cannot read it (git shows N), or gpg reads a malformed packet leniently: dossier says B or E.
                    #expect([.bad, .cannotCheck].contains(ours.letter), "\(name) byte \(index): gpg \(gpg); dossier \(ours.letter) \(ours.reason)")
                } else {
                    #expect(ours.letter.rawValue == gpg.letter, "\(name) byte \(index): gpg \(gpg), dossier \(ours.letter) \(ours.reason)")
                    #expect(ours.signer == gpg.signer, "\(name) byte \(index)")
                    #expect(ours.fingerprint == gpg.fingerprint, "\(name) byte \(index)")
                }
            }
        }
    }

    @Test("an EdDSA value of more than 32 bytes or of none cannot be checked (E), as gpg's 'Bad MPI value'; a flipped bit found it")
    func edDSAValueLengths() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        let body = try #require(OpenPGPPacket.parse(OpenPGPArmor.decode(signature)[0].data).first).body
        let hashed = Int(body[4]) << 8 | Int(body[5])
        let unhashed = Int(body[6 + hashed]) << 8 | Int(body[7 + hashed])
        let valuesStart = 8 + hashed + unhashed + 2
        let head = Array(body.prefix(valuesStart))
        var reader = OpenPGPByteReader(Array(body.suffix(from: valuesStart)), context: "signature values")
        let r = try reader.mpi(), s = try reader.mpi()
        func mpi(_ bytes: [UInt8]) -> [UInt8] {
            let bits = bytes.first.map { (bytes.count - 1) * 8 + (8 - $0.leadingZeroBitCount) } ?? 0
            return [UInt8(bits >> 8), UInt8(bits & 0xFF)] + bytes
        }
        // A new-format signature packet (tag 2) with a one-byte length.
        func packet(_ values: [UInt8]) -> String {
            let content = head + values
            return Self.armor([0xC2, UInt8(content.count)] + content)
        }
        try expectSameAsGPG(packet(mpi(r) + mpi(s)), at: F.t0 + 2 * F.day, letter: .good)
        for values in [mpi([0x01] + r) + mpi(s), mpi(r) + mpi([0x01] + s), mpi(r) + mpi([]), mpi([]) + mpi(s)] {
            let verdict = try expectSameAsGPG(packet(values), at: F.t0 + 2 * F.day, letter: .cannotCheck)
            #expect(verdict.reason.contains("Bad MPI value"), "\(verdict.reason)")
        }
    }

    @Test("truncated, garbled and random signatures are B or E, never a crash")
    func hostileSignatures() throws {
        let f = try F.shared()
        let keyring = try f.keyring()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["rsa3072"]), at: F.t0 + F.day)
        let bytes = try #require(OpenPGPArmor.decode(signature).first).data
        let check = { (armored: String) -> VerdictLetter in
            OpenPGPVerifier.verify(armored: armored, payload: [UInt8](Self.payload), keyring: keyring, time: F.t0 + 2 * F.day).letter
        }
        for length in 0..<bytes.count {
            #expect([.bad, .cannotCheck].contains(check(Self.armor(Array(bytes.prefix(length))))), "binary prefix \(length)")
        }
        for length in stride(from: 0, to: signature.count, by: 3) {
            #expect([.bad, .cannotCheck].contains(check(String(signature.prefix(length)))), "text prefix \(length)")
        }
        var generator = SeededGenerator(seed: 2024)
        for round in 0..<300 {
            var changed = bytes
            for _ in 0..<(1 + round % 4) { changed[Int.random(in: 0..<changed.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            #expect(check(Self.armor(changed)) != .good || changed == bytes || Self.onlyUnhashedChanged(bytes, changed), "round \(round), \(generator)")
            let random = (0..<Int.random(in: 0..<600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect([.bad, .cannotCheck].contains(check(Self.armor(random))), "random \(round), \(generator)")
        }
        // Hostile lengths: a 4 GB packet, a 4 GB subpacket, partial lengths, an MPI longer than its data.
        let hostile: [[UInt8]] = [
            [0xC2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x04],
            [0x89, 0xFF, 0xFF, 0xFF, 0xFF, 0x04],
            [0xC2, 0xE0, 0x04],
            [0xC2, 0xEF] + [UInt8](repeating: 4, count: 10),
            [0xC2, 0x0C, 0x04, 0x00, 0x16, 0x08, 0x00, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02],
            [0xC2, 0x0C, 0x04, 0x00, 0x16, 0x08, 0x00, 0x00, 0x00, 0x00, 0xAB, 0xCD, 0xFF, 0xFF],
            [0x8B, 0x01],
        ]
        for data in hostile { #expect([.bad, .cannotCheck].contains(check(Self.armor(data))), "\(data)") }
        #expect(check("-----BEGIN PGP SIGNATURE-----\n\nnot base64 !!!\n-----END PGP SIGNATURE-----") == .bad)
        #expect(check("") == .bad)
        // A bad CRC: gpg reads nothing (git shows N); dossier says B.
        let lines = signature.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let crcIndex = try #require(lines.firstIndex { $0.hasPrefix("=") })
        var wrong = lines
        wrong[crcIndex] = lines[crcIndex] == "=AAAA" ? "=BBBB" : "=AAAA"
        #expect(check(wrong.joined(separator: "\n")) == .bad)
        // No CRC line at all is fine.
        #expect(check(lines.enumerated().filter { $0.offset != crcIndex }.map(\.element).joined(separator: "\n")) == .good)
    }

    @Test("RSA keys under 2048 bits are E (swift-crypto refuses them), where gpg would say G")
    func smallRSA() throws {
        let f = try F.shared()
        let key = try #require(f.keys["rsa1024"])
        let signature = try f.sign(Self.payload, key: key, at: F.t0 + F.day)
        #expect(try f.gpgVerdict(signature, payload: Self.payload, at: F.t0 + 2 * F.day).letter == "G")
        let verdict = OpenPGPVerifier.verify(armored: signature, payload: [UInt8](Self.payload), keyring: try f.keyring(), time: F.t0 + 2 * F.day)
        #expect(verdict.letter == .cannotCheck)
        #expect(verdict.reason.contains("RSA 1024"))
        #expect(verdict.algorithm == "RSA 1024, SHA-512")
    }

    @Test("a PGP MESSAGE or an SSH armor is not an OpenPGP detached signature: B")
    func otherArmor() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        let message = signature.replacingOccurrences(of: "PGP SIGNATURE", with: "PGP MESSAGE")
        let verdict = OpenPGPVerifier.verify(armored: message, payload: [UInt8](Self.payload), keyring: try f.keyring(), time: F.t0 + 2 * F.day)
        #expect(verdict.letter == .bad)
    }

    @Test("two signatures in one block are E, as git gives when gpg reports two")
    func twoSignatures() throws {
        let f = try F.shared()
        let signature = try f.sign(Self.payload, key: try #require(f.keys["ed"]), at: F.t0 + F.day)
        let bytes = try #require(OpenPGPArmor.decode(signature).first).data
        try expectSameAsGPG(Self.armor(bytes + bytes), at: F.t0 + 2 * F.day, letter: .cannotCheck)
    }

    @Test("the keyring reads several keys and blocks, and rejects secret keys, garbage and empty files by name")
    func keyringFiles() throws {
        let f = try F.shared()
        let keyring = try f.keyring()
        #expect(!keyring.isEmpty)
        #expect(keyring.certificates.count == 13)
        #expect(try OpenPGPKeyring(files: []).isEmpty)
        let secret = try f.gpg(["--armor", "--export-secret-keys", try #require(f.keys["ed"])], at: F.t0).stdout
        #expect {
            try OpenPGPKeyring(files: [(name: "keys/ed.asc", text: "comment\n" + secret)])
        } throws: { error in
            let error = error as? DossierError
            return error?.location == Support.SourceLocation(file: "keys/ed.asc", line: 2) && error?.message.contains("secret key") == true
        }
        #expect(throws: DossierError.self) { try OpenPGPKeyring(files: [(name: "x.asc", text: "hello")]) }
        let good = f.keyringFiles[0].text
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] = "!!!!"
        #expect {
            try OpenPGPKeyring(files: [(name: "bad.asc", text: lines.joined(separator: "\n"))])
        } throws: { error in
            (error as? DossierError)?.location == Support.SourceLocation(file: "bad.asc", line: 4)
        }
    }

    @Test("truncated and changed key files throw or load, never crash")
    func hostileKeys() throws {
        let f = try F.shared()
        for file in f.keyringFiles.prefix(3) {
            let bytes = try #require(OpenPGPArmor.decode(file.text).first).data
            for length in 0..<bytes.count {
                _ = try? OpenPGPKeyring(files: [(name: "k", text: Self.armor(bytes.prefix(length), label: "PGP PUBLIC KEY BLOCK"))])
            }
            var generator = SeededGenerator(seed: UInt64(bytes.count))
            for _ in 0..<200 {
                var changed = bytes
                changed[Int.random(in: 0..<changed.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                if let keyring = try? OpenPGPKeyring(files: [(name: "k", text: Self.armor(changed, label: "PGP PUBLIC KEY BLOCK"))]) {
                    _ = OpenPGPVerifier.verify(armored: f.revokedKeySignature, payload: [UInt8](Self.payload), keyring: keyring, time: F.t0)
                }
            }
        }
    }

    @Test("armor: CRC-24, headers, and CR LF line ends")
    func armor() throws {
        #expect(OpenPGPArmor.crc24([]) == 0xB704CE)
        let text = "junk\r\n-----BEGIN PGP SIGNATURE-----\r\nVersion: x\r\nComment: y\r\n\r\nAQID\r\n=" +
            Data([0x4F, 0xBA, 0x38]).base64EncodedString() + "\r\n-----END PGP SIGNATURE-----\r\n"
        let crc = OpenPGPArmor.crc24([1, 2, 3])
        let right = text.replacingOccurrences(of: "=" + Data([0x4F, 0xBA, 0x38]).base64EncodedString(),
                                              with: "=" + Data([UInt8(crc >> 16), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]).base64EncodedString())
        let blocks = try OpenPGPArmor.decode(right)
        #expect(blocks.map(\.data) == [[1, 2, 3]])
        #expect(blocks.first?.line == 2)
        #expect(throws: OpenPGPFormatError.self) { try OpenPGPArmor.decode(text.replacingOccurrences(of: right == text ? "AQID" : "=", with: "=x")) }
    }

    // MARK: Helpers

    /// Armors bytes with a correct CRC.
    static func armor(_ bytes: some Collection<UInt8>, label: String = "PGP SIGNATURE") -> String {
        let data = Data(bytes)
        let crc = OpenPGPArmor.crc24([UInt8](data))
        let sum = Data([UInt8(crc >> 16), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]).base64EncodedString()
        return "-----BEGIN \(label)-----\n\n" + data.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed]) +
            "\n=\(sum)\n-----END \(label)-----\n"
    }

    /// Whether two v4 signature packets differ only in their unhashed subpackets (which a signature does not cover).
    static func onlyUnhashedChanged(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard let pa = try? OpenPGPPacket.parse(a), let pb = try? OpenPGPPacket.parse(b), pa.count == 1, pb.count == 1,
              let sa = try? OpenPGPSignaturePacket.parse(pa[0].body), let sb = try? OpenPGPSignaturePacket.parse(pb[0].body) else { return false }
        return sa.hashedPart == sb.hashedPart && sa.left16 == sb.left16 && sa.values == sb.values
    }
}
