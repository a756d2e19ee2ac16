import Foundation
@testable import Model
@testable import Signatures
import TestSupport
import Testing

/// dossier against git itself: a commit signed by `git commit -S` with an SSH key, judged by `git log --format=%G?`.
@Suite("SSH signatures against git")
struct SSHGitTests {
    /// The commit's payload (the object without its gpgsig header), its signature and its committer time.
    static func split(commit: String) throws -> (payload: [UInt8], signature: String, time: Int64) {
        var payload = "", signature = "", inSignature = false, time: Int64 = 0
        var inHeaders = true
        for line in commit.split(separator: "\n", omittingEmptySubsequences: false) {
            if inHeaders, line.hasPrefix("gpgsig ") { inSignature = true; signature += line.dropFirst(7) + "\n"; continue }
            if inSignature, line.hasPrefix(" ") { signature += line.dropFirst() + "\n"; continue }
            inSignature = false
            if line.isEmpty { inHeaders = false }
            if inHeaders, line.hasPrefix("committer "), let stamp = line.split(separator: " ").dropLast().last { time = Int64(stamp) ?? 0 }
            payload += line + "\n"
        }
        return (Array(payload.dropLast().utf8), signature, time)
    }

    @Test("git log %G? %GS %GF equal dossier's verdict", arguments: ["ed25519", "ecdsa"])
    func gitAgrees(type: String) throws {
        let fixture = try SSHFixture()
        let line = try fixture.makeKey("alice", type: type)
        let other = try fixture.makeKey("bob", type: "ed25519")
        let repo = fixture.scratch.file("repo")
        var env = fixture.environment
        env["GIT_COMMITTER_DATE"] = "1717243200 +0000"
        env["GIT_AUTHOR_DATE"] = "1717243200 +0000"
        func git(_ arguments: [String]) throws -> ProcessResult {
            let result = try Shell.run("git", arguments, in: repo, environment: env)
            #expect(result.status == 0 || arguments.first == "log", "git \(arguments): \(result.stderr)")
            return result
        }
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        _ = try git(["init", "-q"])
        for (key, value) in [("user.name", "Alice"), ("user.email", "alice@example.com"), ("gpg.format", "ssh"),
                             ("user.signingkey", fixture.scratch.file("alice")),
                             ("gpg.ssh.allowedSignersFile", fixture.scratch.file("allowed"))] {
            _ = try git(["config", key, value])
        }
        _ = try git(["commit", "-q", "-S", "--allow-empty", "-m", "Release 1.0"])
        let (payload, signature, time) = try Self.split(commit: try git(["cat-file", "commit", "HEAD"]).stdout)
        #expect(time == 1_717_243_200)
        var letters: [String] = []
        for allowed in ["alice@example.com \(line)\n", "bob@example.com \(other)\n",
                        "alice@example.com valid-before=\"20240101\" \(line)\n", "alice@example.com namespaces=\"file\" \(line)\n",
                        "a@example.com,b@example.com \(line)\n"] {
            try allowed.write(toFile: fixture.scratch.file("allowed"), atomically: true, encoding: .utf8)
            let fields = try git(["log", "-1", "--format=%G?%n%GS%n%GF"]).stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let verdict = SSHVerifier.verify(armored: signature, payload: payload, time: time,
                                             allowedSigners: try AllowedSigners(text: allowed, file: "allowed"))
            letters.append(fields[0])
            #expect([verdict.letter.rawValue, verdict.signer, verdict.fingerprint] == Array(fields.prefix(3)), "\(allowed): \(verdict.reason)")
        }
        #expect(letters == ["G", "U", "U", "B", "G"])
    }
}
