import Foundation
@testable import Signatures
@testable import Support
import TestSupport
import Testing

@Suite("OpenPGP algorithms and hashes libgcrypt checks, compared with gpg 2.2")
struct OpenPGPGcryptTests {
    typealias F = OpenPGPFixture

    /// Checks with dossier and with gpg at the same time and expects the same verdict (OpenPGPTests.expectSameAsGPG).
    @discardableResult
    func expectSameAsGPG(_ armored: String, payload: Data = F.payload, letter: VerdictLetter,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Verdict {
        try OpenPGPTests().expectSameAsGPG(armored, payload: payload, at: F.t0 + 2 * F.day, letter: letter, sourceLocation: sourceLocation)
    }

    @Test("DSA, brainpool and secp256k1 keys with every hash gpg 2.2 checks, SHA-224 and RIPEMD-160 included; altered content is B")
    func hashes() throws {
        let f = try F.shared()
        let cases: [(String, String, String)] = [
            ("dsa1024", "SHA1", "DSA 1024, SHA-1"),
            ("dsa1024", "SHA224", "DSA 1024, SHA-224"),
            ("dsa1024", "RIPEMD160", "DSA 1024, RIPEMD-160"),
            ("dsa1024", "SHA512", "DSA 1024, SHA-512"),
            ("rsa3072", "SHA224", "RSA 3072, SHA-224"),
            ("rsa3072", "RIPEMD160", "RSA 3072, RIPEMD-160"),
            ("bp384", "SHA384", "ECDSA brainpoolP384r1, SHA-384"),
            ("bp384", "SHA512", "ECDSA brainpoolP384r1, SHA-512"),
            ("k1", "SHA256", "ECDSA secp256k1, SHA-256"),
            ("k1", "SHA512", "ECDSA secp256k1, SHA-512"),
            ("p256", "SHA384", "ECDSA P-256, SHA-384"),
            ("ed", "SHA224", "EdDSA Ed25519, SHA-224"),
        ]
        for (name, hash, algorithm) in cases {
            let key = try #require(f.keys[name])
            let signature = try f.sign(F.payload, key: key, at: F.t0 + F.day, options: ["--digest-algo", hash])
            let verdict = try expectSameAsGPG(signature, letter: .good)
            #expect(verdict.algorithm == algorithm)
            try expectSameAsGPG(signature, payload: F.payload + Data("x".utf8), letter: .bad)
        }
    }

    /// A signature packet's body split at its signature values: everything before them, and the values as parsed.
    static func split(_ armored: String) throws -> (head: [UInt8], values: [[UInt8]]) {
        let block = try #require(try OpenPGPArmor.decode(armored).first)
        let packet = try #require(try OpenPGPPacket.parse(block.data).first)
        let body = packet.body
        let unhashedAt = 6 + (Int(body[4]) << 8 | Int(body[5]))
        let valuesAt = unhashedAt + 2 + (Int(body[unhashedAt]) << 8 | Int(body[unhashedAt + 1])) + 2
        return (Array(body[..<valuesAt]), try OpenPGPSignaturePacket.parse(body).values)
    }

    /// An armored signature packet (new format, tag 2) with `body`.
    static func signature(_ body: [UInt8]) -> String {
        let length: [UInt8]
        switch body.count {
        case ..<192: length = [UInt8(body.count)]
        case ..<8384: length = [UInt8((body.count - 192) >> 8 + 192), UInt8((body.count - 192) & 0xFF)]
        default: length = [0xFF] + .be32(body.count)
        }
        return OpenPGPTests.armor([0xC2] + length + body)
    }

    /// An MPI as written: a 2-byte bit count, then the bytes.
    static func mpi(bits: Int, _ bytes: [UInt8]) -> [UInt8] { .be16(bits) + bytes }

    /// An MPI whose bit count is the value's.
    static func mpi(_ value: [UInt8]) -> [UInt8] { mpi(bits: OpenPGPPublicKey.bits(value), value) }

    @Test("hostile DSA and ECDSA values (zero length, zero, oversize, over gpg's 16384 bits, leading zeros, swapped) get gpg's verdict, never a crash")
    func hostileValues() throws {
        let f = try F.shared()
        for name in ["dsa1024", "bp384", "k1"] {
            let signature = try f.sign(F.payload, key: try #require(f.keys[name]), at: F.t0 + F.day)
            let (head, values) = try Self.split(signature)
            let (r, s) = (values[0], values[1])
            let variants: [(String, [UInt8], VerdictLetter)] = [
                ("as made", Self.mpi(r) + Self.mpi(s), .good),
                ("r of zero length", Self.mpi(bits: 0, []) + Self.mpi(s), .bad),
                ("s of zero length", Self.mpi(r) + Self.mpi(bits: 0, []), .bad),
                ("r zero in one byte", Self.mpi(bits: 1, [0]) + Self.mpi(s), .bad),
                ("r oversize (8000 bits)", Self.mpi(bits: 8000, [UInt8](repeating: 0xFF, count: 1000)) + Self.mpi(s), .bad),
                ("s of 16384 bits, gpg's largest", Self.mpi(r) + Self.mpi(bits: 16384, [UInt8](repeating: 0xFF, count: 2048)), .bad),
                ("r with two leading zero bytes", Self.mpi(bits: OpenPGPPublicKey.bits(r) + 16, [0, 0] + r) + Self.mpi(s), .good),
                ("r and s swapped", Self.mpi(s) + Self.mpi(r), .bad),
                ("r + 1 at the last byte", Self.mpi(Array(r.dropLast()) + [r[r.count - 1] ^ 0x01]) + Self.mpi(s), .bad),
            ]
            for (what, written, expected) in variants {
                let verdict = try expectSameAsGPG(Self.signature(head + written), letter: expected)
                #expect(verdict.letter == expected, "\(name), \(what)")
            }
            // Over 16384 bits gpg drops the packet ("mpi too large"): NODATA, git's N, which dossier reports as B
            // (the object carries a signature; it is not a good one), with no signer.
            for bits in [16385, 65535] {
                let armored = Self.signature(head + Self.mpi(r) + Self.mpi(bits: bits, [UInt8](repeating: 0x7F, count: (bits + 7) / 8)))
                let verdict = OpenPGPVerifier.verify(armored: armored, payload: [UInt8](F.payload), keyring: try f.keyring(), time: F.t0 + 2 * F.day)
                #expect(try f.gpgVerdict(armored, payload: F.payload, at: F.t0 + 2 * F.day).letter == "N")
                #expect(verdict.letter == .bad && verdict.signer.isEmpty, "\(name), \(bits) bits: \(verdict.reason)")
                #expect(verdict.reason == "the signature packet is malformed: a multiprecision integer has \(bits) bits; gpg reads at most 16384")
            }
        }
    }

    @Test("a hash shorter than the key's group order is E, as gpg refuses it (brainpoolP384r1 with SHA-256)")
    func shortHash() throws {
        let f = try F.shared()
        let signature = try f.sign(F.payload, key: try #require(f.keys["bp384"]), at: F.t0 + F.day, options: ["--digest-algo", "SHA384"])
        var (head, values) = try Self.split(signature)
        #expect(head[3] == 9)
        head[3] = 8   // SHA-256: 256 bits, fewer than the curve's 384
        let verdict = try expectSameAsGPG(Self.signature(head + Self.mpi(values[0]) + Self.mpi(values[1])), letter: .cannotCheck)
        #expect(verdict.reason == "the ECDSA brainpoolP384r1 key needs a hash of at least 384 bits; the signature's has 256")
    }

    @Test("verifications on many threads at once (libgcrypt initialised once, by whichever comes first) all agree")
    func threads() throws {
        let f = try F.shared()
        let keyring = try f.keyring()
        let signatures = try ["dsa1024", "bp384", "k1"].map { try f.sign(F.payload, key: try #require(f.keys[$0]), at: F.t0 + F.day) }
        let letters = Letters()
        DispatchQueue.concurrentPerform(iterations: 48) { index in
            let verdict = OpenPGPVerifier.verify(armored: signatures[index % 3], payload: [UInt8](F.payload), keyring: keyring,
                                                 time: F.t0 + 2 * F.day)
            letters.add(verdict.letter)
        }
        #expect(letters.all == [VerdictLetter](repeating: .good, count: 48))
    }

    /// Letters collected from several threads.
    final class Letters: @unchecked Sendable {
        private let lock = NSLock()
        private var letters: [VerdictLetter] = []
        func add(_ letter: VerdictLetter) { lock.withLock { letters.append(letter) } }
        var all: [VerdictLetter] { lock.withLock { letters } }
    }
}
