import Foundation
@testable import Signatures
@testable import Support
import TestSupport
import Testing

@Suite("SSH allowed signers")
struct AllowedSignersTests {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGt4mZ6vhwc2aH6xgtqfFjyPqbZCWX3ScYbSJxExfI7v"

    @Test("lines are read as ssh-keygen reads them")
    func parsing() throws {
        let text = """
        # comment
           # indented comment

        alice@example.com \(Self.ed25519) alice's laptop
        "Bob Builder,bob@example.com" Cert-Authority,namespaces="git,file",valid-after="20240101",valid-before="20250101120000Z" \(Self.ed25519)
        carol@example.com\tVALID-BEFORE="202501011200UTC"\t\(Self.ed25519)\r
        """
        let signers = try AllowedSigners(text: text, file: "allowed")
        #expect(signers.entries.count == 3)
        let (a, b, c) = (signers.entries[0], signers.entries[1], signers.entries[2])
        #expect(a.principals == "alice@example.com" && a.options == AllowedSigners.Options())
        #expect(a.location == Support.SourceLocation(file: "allowed", line: 4))
        #expect(a.key.fingerprint == (try SSHPublicKey(text: Self.ed25519)).fingerprint)
        #expect(b.principals == "Bob Builder,bob@example.com")
        #expect(throws: DossierError.self) { try AllowedSigners(text: "\"Bob Builder\",bob \(Self.ed25519)", file: "a") }
        #expect(b.options.certAuthority && b.options.namespaces == "git,file")
        #expect(b.options.validAfter == 1_704_067_200 && b.options.validBefore == 1_735_732_800)
        #expect(c.options.validBefore == 1_735_732_800 && !c.options.certAuthority)
    }

    @Test("bad lines name line and column", arguments: [
        ("alice", 1, 6, "end of the line"),
        ("alice@example.com nonsense \(ed25519)", 1, 19, "nonsense"),
        ("alice@example.com no-touch-required \(ed25519)", 1, 19, "no-touch-required"),
        ("\nalice namespaces=git \(ed25519)", 2, 18, "double-quoted"),
        ("alice namespaces=\"git \(ed25519)", 1, 7, "closing quote"),
        ("alice valid-after=\"2024\" \(ed25519)", 1, 19, "valid-after"),
        ("alice valid-after=\"20241301\" \(ed25519)", 1, 19, "valid-after"),
        ("alice valid-after=\"20250101\",valid-before=\"20240101\" \(ed25519)", 1, 7, "later"),
        ("alice namespaces=\"a\",namespaces=\"b\" \(ed25519)", 1, 22, "second"),
        ("alice cert-authority, \(ed25519)", 1, 22, "after the comma"),
        ("alice ssh-ed25519 AAAA!!!!", 1, 19, "base64"),
        ("alice ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGt4mZ6vhwc2aH6xgtqfFjyPqbZCWX3ScYbSJxExfI7", 1, 19, "base64"),
        ("alice ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGt4mZ6vhwc2aH6xgtqfFjyPqbZCWX3ScYbSJxExfI7v", 1, 15, "ssh-ed25519"),
        ("alice cert-authority", 1, 21, "key type"),
        ("\"alice \(ed25519)", 1, 1, "closing quote"),
        ("# ok\nalice ssh-foo AAAA", 2, 7, "ssh-foo"),
    ] as [(String, Int, Int, String)])
    func errors(text: String, line: Int, column: Int, mentions: String) throws {
        let error = #expect(throws: DossierError.self) { try AllowedSigners(text: text, file: "signers") }
        #expect(error?.location == Support.SourceLocation(file: "signers", line: line, column: column), "\(String(describing: error))")
        #expect(error?.description.contains(mentions) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("signers:\(line):\(column): expected") == true, "\(String(describing: error))")
    }

    @Test("ssh-keygen skips exactly the lines dossier refuses", arguments: [
        "alice@example.com nonsense KEY", "alice@example.com no-touch-required KEY", "alice@example.com namespaces=git KEY",
        "alice@example.com valid-after=\"20250101\",valid-before=\"20240101\" KEY",
    ])
    func sshKeygenAgrees(line: String) throws {
        let fixture = try SSHFixture()
        let key = try fixture.makeKey("alice", type: "ed25519")
        let signature = try fixture.sign(key: "alice", payload: Array("x".utf8))
        try line.replacingOccurrences(of: "KEY", with: key).write(toFile: fixture.scratch.file("allowed"), atomically: true, encoding: .utf8)
        try signature.write(toFile: fixture.scratch.file("s.sig"), atomically: true, encoding: .utf8)
        let found = try fixture.keygen(["-Y", "find-principals", "-f", fixture.scratch.file("allowed"), "-s", fixture.scratch.file("s.sig")])
        #expect(found.status != 0, "ssh-keygen accepted \(line): \(found.stdout)")
        #expect(throws: DossierError.self) { try AllowedSigners(text: line.replacingOccurrences(of: "KEY", with: key), file: "a") }
    }

    @Test("times are read as parse_absolute_time reads them (in UTC)")
    func times() {
        #expect(SSHTime.parse("20240101") == 1_704_067_200)
        #expect(SSHTime.parse("20240101Z") == 1_704_067_200)
        #expect(SSHTime.parse("20240101z") == 1_704_067_200)
        #expect(SSHTime.parse("202401010130") == 1_704_072_600)
        #expect(SSHTime.parse("20240101013005UTC") == 1_704_072_605)
        #expect(SSHTime.parse("20240231") == SSHTime.parse("20240302"))
        #expect(SSHTime.parse("19700101Z") == nil)
        #expect(SSHTime.parse("2024010") == nil)
        #expect(SSHTime.parse("2024-1-01") == nil)
        #expect(SSHTime.parse("20240100") == nil)
        #expect(SSHTime.parse("202401012400") == nil)
        #expect(SSHTime.format(1_704_072_605) == "2024-01-01T01:30:05Z")
    }

    @Test("patterns match as match_pattern_list does")
    func patterns() {
        #expect(SSHPattern.listMatches("alice@example.com", "*@example.com"))
        #expect(SSHPattern.listMatches("alice@example.com", "bob,al?ce@*"))
        #expect(!SSHPattern.listMatches("alice@example.com", "*@example.com,!alice@*"))
        #expect(!SSHPattern.listMatches("alice@example.com", "Alice@example.com"))
        #expect(SSHPattern.listMatches("git", "*"))
        #expect(!SSHPattern.listMatches("", "a"))
        #expect(SSHPattern.listMatches("a", ",a"))
        // A pathological pattern returns at once.
        let long = String(repeating: "a", count: 5000)
        #expect(!SSHPattern.matches(Array(long.utf8), pattern: Array((String(repeating: "*a", count: 400) + "b").utf8)))
        #expect(SSHPattern.matchList("a", String(repeating: "*", count: 1023)) == 0)
    }

    @Test("random lines parse or throw, never crash")
    func fuzz() {
        var generator = SeededGenerator(seed: 0xA110_5167)
        let pieces = ["alice", "\"", ",", " ", "\t", "=", "namespaces=", "valid-after=", "\"20240101\"", "cert-authority",
                      "ssh-ed25519", "AAAA", "AAAAC3NzaC1lZDI1NTE5AAAAIGt4mZ6vhwc2aH6xgtqfFjyPqbZCWX3ScYbSJxExfI7v", "#", "\\", "é", "\r", "*", "!"]
        for _ in 0 ..< 3000 {
            let count = Int.random(in: 0 ... 12, using: &generator)
            let line = (0 ..< count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            _ = try? AllowedSigners(text: line, file: "fuzz")
        }
        for _ in 0 ..< 500 {
            let bytes = (0 ..< Int.random(in: 0 ... 200, using: &generator)).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            _ = try? AllowedSigners(text: String(decoding: bytes, as: UTF8.self), file: "fuzz")
        }
    }
}
