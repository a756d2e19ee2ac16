import Foundation
import TestSupport
import Testing

@Suite("history read from git")
struct HistoryTests {
    @Test("signatures of commits and the tag are found in the raw objects and judged without trust: SSH U, OpenPGP E")
    func signatureKinds() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        let home = scratch.file("home")
        // A throwaway SSH key and OpenPGP key, made by the real tools.
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice@example.com", "-f", scratch.file("alice")]).status == 0)
        let gpgEnv = Shell.isolatedEnvironment(home: home)
        try FileManager.default.createDirectory(atPath: try #require(gpgEnv["GNUPGHOME"]), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: try #require(gpgEnv["GNUPGHOME"]))
        let gen = try Shell.run("gpg", ["--batch", "--passphrase", "", "--quick-gen-key", "Bob <bob@example.com>", "ed25519", "sign", "0"], environment: gpgEnv)
        #expect(gen.status == 0, "\(gen.stderr)")
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpgEnv) }

        try repo.commit("Unsigned\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        repo.environment["GIT_CONFIG_PARAMETERS"] = "'gpg.format'='ssh' 'user.signingkey'='\(scratch.file("alice"))'"
        try repo.commit("Signed with SSH\n", files: ["a": "2"], options: ["-S"])
        repo.environment.removeValue(forKey: "GIT_CONFIG_PARAMETERS")
        try repo.commit("Signed with OpenPGP\n", files: ["a": "3"], author: ("Bob", "bob@example.com"), options: ["-Sbob@example.com"])
        try repo.git(["-c", "gpg.format=ssh", "-c", "user.signingKey=\(scratch.file("alice"))", "tag", "-s", "-m", "Release 1.1.0", "v1.1.0"],
                     environment: repo.identity(("Alice Example", "alice@example.com")))

        let result = try dossier(["suf", "--repo", "repo", "--format", "json,md"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(try commits.map { try #require($0["subject"] as? String) } == ["Signed with SSH", "Signed with OpenPGP"])
        let verdicts = try commits.map { try #require($0["signature"] as? [String: Any]) }
        #expect(verdicts.map { $0["kind"] as? String } == ["ssh", "openpgp"])
        // No dossier.yml, so no trust: a good SSH signature is U, an OpenPGP one E (no key to check it with).
        #expect(verdicts.map { $0["letter"] as? String } == ["U", "E"])
        let tag = try #require((json["identification"] as? [String: Any])?["tag"] as? [String: Any])
        let tagVerdict = try #require(tag["signature"] as? [String: Any])
        #expect(tagVerdict["kind"] as? String == "ssh")
        #expect(tagVerdict["letter"] as? String == "U")
        #expect(tag["annotated"] as? Bool == true)
        #expect(tag["message"] as? String == "Release 1.1.0\n")
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| Tag signature | U: good signature, signer not trusted (SSH), key SHA256:"))
        #expect(md.contains("2 of 2 commits carry a signature (100%); 0 carry a good signature by a trusted signer"))
    }

    @Test("trailers are read the way git interpret-trailers reads them")
    func trailersAgreeWithGit() throws {
        let messages = [
            "Subject\n\nBody text.\n\nChange-Request: CR-1\nRefs: REQ-1, REQ-2\n",
            "Subject\n\nHeading\n-------\nText.\n\n--- \nChange-Request: CR-2\n",
            "Subject only, Change-Request: CR-3\n",
            "Subject\n\nChange-Request: CR-4\nnot a trailer line\n",
            "Subject\n\nSome words here\nmore words\nSigned-off-by: A <a@example.com>\nChange-Request: CR-5\n",
            "Subject\n\nChange-Request: CR-6\n  continued value\nRefs : REQ-9\n",
            "Subject\n\nFirst paragraph.\n\nChange-Request: CR-7\n\n# a comment\n",
            "Cherry-picked fix\n\nChange-Request: CR-8\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n",
            "Subject\n\n  indented\nChange-Request: CR-9\n",
            "Subject\n\nword\nword\nword\nSigned-off-by: A <a@example.com>\n",
            "  Leading blanks in the subject\n\nChange-Request: CR-10\n",
        ]
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        for message in messages {
            try repo.commit(message, files: ["f": message])
        }
        try repo.tag("v1.0.0")
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        let commits = try #require(json["commits"] as? [[String: Any]])
        for (index, commit) in commits.enumerated() {
            let ours = try #require(commit["trailers"] as? [[String: String]]).map { "\(try #require($0["key"])): \(try #require($0["value"]))" }
            let message = try repo.git(["log", "-1", "--format=%B", try #require(commit["id"] as? String)])
            let theirs = try Shell.run("git", ["interpret-trailers", "--parse", "--no-divider"], in: repo.path,
                                       environment: repo.environment, input: Data(message.utf8))
                .stdout.split(separator: "\n").map(String.init)
            #expect(ours == theirs, "message \(index): \(messages[index].debugDescription)")
            let subject = try repo.git(["log", "-1", "--format=%s", try #require(commit["id"] as? String)]).dropLast()
            #expect(commit["subject"] as? String == String(subject))
        }
        #expect((commits[0]["references"] as? [String]) == ["REQ-1", "REQ-2"])
    }

    @Test(".mailmap at the release's tree is applied to authors")
    func mailmap() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Old address\n", files: ["a": "1"], author: ("alice", "alice@old.example.com"))
        try repo.commit("Add mailmap\n", files: [".mailmap": "Alice Example <alice@example.com> <alice@old.example.com>\n"])
        try repo.tag("v1.0.0")
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        let authors = try #require(json["commits"] as? [[String: Any]]).map { try #require(($0["author"] as? [String: Any])?["email"] as? String) }
        #expect(authors == ["alice@example.com", "alice@example.com"])
        let committers = try #require(json["commits"] as? [[String: Any]]).map { try #require(($0["committer"] as? [String: Any])?["email"] as? String) }
        #expect(committers == ["alice@example.com", "alice@example.com"])
        let names = try #require(json["commits"] as? [[String: Any]]).map { try #require(($0["author"] as? [String: Any])?["name"] as? String) }
        #expect(names == ["Alice Example", "Alice Example"])
    }

    @Test("release tags are ordered as git orders versions; a final release follows the previous final release")
    func releaseOrder() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        for version in ["v1.9.0", "v1.10.0-rc.1", "v1.10.0"] {
            try repo.commit("Work for \(version)\n", files: ["f": version])
            try repo.tag(version)
        }
        let newest = try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(newest.stdout.contains("SUF for v1.10.0 (2 commits since v1.9.0)"), "\(newest.stdout)\(newest.stderr)")
        let rc = try dossier(["suf", "v1.10.0-rc.1", "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(rc.stdout.contains("SUF for v1.10.0-rc.1 (1 commits since v1.9.0)"))
    }

    @Test("a merge's changed paths are against its first parent; root commits list all their files")
    func changedPaths() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "1", "dir/b": "2"])
        try repo.git(["checkout", "-q", "-b", "topic"])
        try repo.commit("Topic\n", files: ["dir/c": "3"])
        try repo.git(["checkout", "-q", "main"])
        try repo.commit("Main\n", files: ["a": "changed"])
        try repo.git(["merge", "-q", "--no-ff", "-m", "Merge topic", "topic"], environment: repo.identity(("Alice Example", "alice@example.com")))
        try repo.git(["rm", "-q", "dir/b"])
        try repo.commit("Remove b\n")
        try repo.tag("v1.0.0")
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        var paths: [String: [String]] = [:]
        for commit in try #require(json["commits"] as? [[String: Any]]) {
            paths[try #require(commit["subject"] as? String)] = try #require(commit["changedFiles"] as? [[String: String]]).map { "\(try #require($0["status"])) \(try #require($0["path"]))" }
        }
        #expect(paths["Root"] == ["A a", "A dir/b"])
        #expect(paths["Merge topic"] == ["A dir/c"])
        #expect(paths["Remove b"] == ["D dir/b"])
        let merge = try #require((json["commits"] as? [[String: Any]])?.first { $0["subject"] as? String == "Merge topic" })
        #expect(merge["merge"] as? Bool == true)
        #expect(try #require(merge["parents"] as? [String]).count == 2)
        // Merges are not counted among commits that name no change request.
        #expect(try #require(json["commitsWithoutChangeRequest"] as? [String]).count == 4)
    }

    @Test("type changes (file, symlink, submodule) and the executable bit agree with git diff-tree")
    func typeChanges() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "1", "b": "2", "c": "3", "d": "4"])
        try FileManager.default.removeItem(atPath: repo.path + "/a")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/a", withDestinationPath: "b")
        try Shell.run("chmod", ["+x", repo.path + "/c"])
        try repo.git(["rm", "-q", "--cached", "d"])
        try FileManager.default.removeItem(atPath: repo.path + "/d")
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,d"])
        try repo.git(["add", "a", "c"])
        // Committed without `git add -A`, which would stage the submodule's missing folder as a deletion.
        try repo.git(["commit", "-q", "-m", "Types"], environment: repo.identity(("Alice Example", "alice@example.com")))
        try repo.tag("v1.0.0")
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        let last = try #require((json["commits"] as? [[String: Any]])?.last)
        let ours = try #require(last["changedFiles"] as? [[String: String]]).map { "\(try #require($0["status"]))\t\(try #require($0["path"]))" }
        let theirs = try repo.git(["diff-tree", "-r", "--no-renames", "--name-status", "HEAD^", "HEAD"]).split(separator: "\n").map(String.init)
        #expect(ours == theirs)
        #expect(ours == ["T\ta", "M\tc", "T\td"])
    }

    @Test("a tag message with CRLF line ends still has its signature found")
    func crlfTagMessage() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "a", "-f", scratch.file("key")]).status == 0)
        try repo.commit("One\n", files: ["a": "1"])
        try "Release 1.0\r\n\r\nWith CRLF.\r\n".write(toFile: scratch.file("msg"), atomically: true, encoding: .utf8)
        try repo.git(["-c", "gpg.format=ssh", "-c", "user.signingKey=\(scratch.file("key"))", "tag", "-s", "--cleanup=verbatim",
                      "-F", scratch.file("msg"), "v1.0.0"], environment: repo.identity(("Alice Example", "alice@example.com")))
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        let tag = try #require((json["identification"] as? [String: Any])?["tag"] as? [String: Any])
        let verdict = try #require(tag["signature"] as? [String: Any])
        #expect(verdict["kind"] as? String == "ssh")
        #expect(verdict["letter"] as? String == "U", "the signature covers the CRLF message exactly: \(verdict)")
        #expect(tag["message"] as? String == "Release 1.0\r\n\r\nWith CRLF.\r\n")
    }

    @Test("a crafted date beyond year 9999 is shown as invalid, not a crash")
    func dateOutOfRange() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("One\n", files: ["a": "1"])
        let tree = try repo.git(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let raw = "tree \(tree)\nauthor A <a@example.com> 9223372036854775807 +9959\ncommitter A <a@example.com> 1704110400 +0000\n\nFar future\n"
        let id = try Shell.run("git", ["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], in: repo.path,
                               environment: repo.environment, input: Data(raw.utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["tag", "v1.0.0", id])
        let result = try dossier(["suf", "--repo", "repo", "--format", "md"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md").contains("invalid-date(9223372036854775807)"))
    }

    @Test("a shallow clone is refused with a clear message, exit 2")
    func shallowClone() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try Shell.run("git", ["clone", "-q", "--depth", "1", "file://" + scratch.file("repo"), "shallow"], in: scratch.path)
        let result = try dossier(["suf", "v1.1.0", "--repo", "shallow"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a shallow clone"))
        #expect(!scratch.exists("dist"))
    }

    @Test("a repository with a missing object fails with exit 2 and libgit2's reason")
    func missingObject() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        let tree = try repo.git(["rev-parse", "v1.1.0~1^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: repo.path + "/.git/objects/" + tree.prefix(2) + "/" + tree.dropFirst(2))
        let result = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: "))
        #expect(!scratch.exists("dist"))
    }

    @Test("naming a release does not read HEAD's dossier.yml")
    func namedReleaseIgnoresHead() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Work in progress\n", files: ["dossier.yml": "device: {name: P, colour: red}\n"])
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        let newest = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(newest.status == 2)
        #expect(newest.stderr.contains("dossier.yml:1:19: unknown field 'colour' in device"))
    }
}
