import TestSupport
import Foundation
import Testing

/// Messages and names in suf.json as `git log` prints them, byte for byte: `%B`, `%s`, `%b`, `%an`, after the
/// conversion an `encoding` header asks for; bytes that stay not UTF-8 are replaced and the commit is marked.
@Suite("commit messages as git gives them")
struct CommitMessageTests {
    /// The release's commits in suf.json, oldest first, after `dossier suf` of the newest tag.
    private func sufCommits(_ scratch: Scratch, release: String = "v1.0.0") throws -> [[String: Any]] {
        let result = try dossier(["suf", "--repo", "repo", "--format", "json,md,html"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/\(release)/suf.json")) as? [String: Any])
        return try #require(json["commits"] as? [[String: Any]])
    }

    /// What `git log -1 --format=FORMAT` prints for the commit, as bytes, without the newline git ends each entry with.
    private func gitLog(_ repo: GitRepository, _ format: String, _ id: String) throws -> [UInt8] {
        let result = try Shell.run("sh", ["-c", "git log -1 --format='\(format)' \(id) | od -An -v -tu1"], in: repo.path,
                                   environment: repo.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { try #require(UInt8($0)) }
        #expect(bytes.last == 10)
        return Array(bytes.dropLast())
    }

    /// A text member of a commit in suf.json, as UTF-8 bytes.
    private func member(_ commit: [String: Any], _ key: String) -> [UInt8] {
        Array((commit[key] as? String ?? "<missing>").utf8)
    }

    /// Writes a commit object with `git hash-object --literally` (the bytes land as written), on top of `main`.
    /// `ident` is the author's and committer's address and date (UTF-7 needs one without `@` and `+`).
    private func rawCommit(_ repo: GitRepository, headers extra: [UInt8] = [], author: [UInt8] = Array("Alice Example".utf8),
                           ident: String = "<alice@example.com> 1704200000 +0100", message: [UInt8]) throws -> String {
        let head = try repo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try repo.git(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var object = Array("tree \(tree)\nparent \(head)\nauthor ".utf8) + author + Array(" \(ident)\n".utf8)
        object += Array("committer Alice Example \(ident)\n".utf8) + extra + [10] + message
        let written = try Shell.run("git", ["hash-object", "-t", "commit", "-w", "--stdin", "--literally"], in: repo.path,
                                    environment: repo.environment, input: Data(object))
        #expect(written.status == 0, "\(written.stderr)")
        let id = written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/heads/main", id])
        return id
    }

    @Test("message, subject and body are git's %B, %s and %b byte for byte: CRLF, trailing blanks, blank lines around, no final newline, a NUL")
    func exactBytes() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        let messages = [
            "Fix the alarm  \r\nsecond subject line\t\r\n\r\nBody line one  \r\nBody line two\r\n\r\nRefs: REQ-1\r\n",
            "\n \n  Leading blanks\n\nBody with trailing blanks   \n\t\nlast\n\n\n",
            "Subject only, no final newline",
            "Subject\n\n\n\nbody after three blank lines\nno final newline",
        ]
        for (index, message) in messages.enumerated() {
            try repo.commit(message, files: ["a": "\(index + 1)"])
        }
        _ = try rawCommit(repo, message: Array("Cut at NUL\n\nbody\u{0}hidden after the NUL\n".utf8))
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == messages.count + 1)
        for commit in commits {
            let id = try #require(commit["id"] as? String)
            #expect(member(commit, "message") == (try gitLog(repo, "%B", id)), "\(id)")
            #expect(member(commit, "subject") == (try gitLog(repo, "%s", id)), "\(id)")
            #expect(member(commit, "body") == (try gitLog(repo, "%b", id)), "\(id)")
            #expect(commit["invalidUTF8"] == nil)
        }
        #expect(commits[0]["message"] as? String == messages[0])
        #expect(commits[4]["message"] as? String == "Cut at NUL\n\nbody")
        // The document shows the subject git shows, tidied: no CR, no trailing blanks.
        let markdown = try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md")
        #expect(markdown.contains("| Fix the alarm second subject line |"))
        #expect(!markdown.contains("\r"))
    }

    @Test("a commit written with i18n.commitEncoding ISO-8859-1 or Shift_JIS reads as git log converts it: message, subject, author")
    func encodedCommits() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        // Message files and names in the commit's encoding; the names reach git through the shell as bytes.
        let cases: [(encoding: String, name: String, message: [UInt8])] = [
            ("ISO-8859-1", #"Ren\351 M\374ller"#, Array("Caf".utf8) + [0xE9, 0x20, 0x6F, 0x75, 0x76, 0x65, 0x72, 0x74]
                + Array("\n\nZ".utf8) + [0xFC] + Array("rich  \r\n".utf8)),
            ("Shift_JIS", #"\216\122\223\143\221\276\230\131"#,
             [0x95, 0x5C, 0x8E, 0xA6, 0x82, 0xCC, 0x8F, 0x43, 0x90, 0xB3] + Array("\n\n".utf8) + [0x83, 0x5C, 0x83, 0x74, 0x83, 0x67, 0x96, 0x7B, 0x95, 0xB6, 0x0A]),
        ]
        for (index, item) in cases.enumerated() {
            let file = scratch.file("message-\(index)")
            try Data(item.message).write(to: URL(fileURLWithPath: file))
            try repo.write(["a": "\(index + 1)"])
            try repo.git(["add", "-A"])
            let name = "\"$(printf '\(item.name)')\""
            let script = "GIT_AUTHOR_NAME=\(name) GIT_COMMITTER_NAME=\(name) git -c i18n.commitEncoding=\(item.encoding) commit -q --cleanup=verbatim -F \(file)"
            let result = try Shell.run("sh", ["-c", script], in: repo.path,
                                       environment: repo.environment.merging(repo.identity(("x", "alice@example.com"))) { $1 })
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try repo.git(["cat-file", "commit", "HEAD"]).contains("\nencoding \(item.encoding)\n"))
        }
        // A header git reads as UTF-8 (no conversion), and one iconv does not know (git keeps the bytes).
        _ = try rawCommit(repo, headers: Array("encoding utf8\n".utf8), author: Array("Zoë".utf8), message: Array("Déjà vu\n".utf8))
        _ = try rawCommit(repo, headers: Array("encoding no-such-charset\n".utf8), message: Array("Unknown charset, ASCII text\n".utf8))
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == 4)
        for commit in commits {
            let id = try #require(commit["id"] as? String)
            #expect(member(commit, "message") == (try gitLog(repo, "%B", id)), "\(id)")
            #expect(member(commit, "subject") == (try gitLog(repo, "%s", id)), "\(id)")
            #expect(member(commit, "body") == (try gitLog(repo, "%b", id)), "\(id)")
            let author = try #require(commit["author"] as? [String: Any]), committer = try #require(commit["committer"] as? [String: Any])
            #expect(member(author, "name") == (try gitLog(repo, "%an", id)), "\(id)")
            #expect(member(committer, "name") == (try gitLog(repo, "%cn", id)), "\(id)")
            #expect(commit["invalidUTF8"] == nil)
        }
        #expect(commits.map { $0["subject"] as? String } == ["Café ouvert", "表示の修正", "Déjà vu", "Unknown charset, ASCII text"])
        #expect(try commits.map { try #require($0["author"] as? [String: Any])["name"] as? String } == ["René Müller", "山田太郎", "Zoë", "Alice Example"])
        #expect(commits[0]["body"] as? String == "Zürich  \r\n")
        let markdown = try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md")
        #expect(markdown.contains("| 表示の修正 | 山田太郎 |"))
        #expect(!markdown.contains("invalid bytes shown") && !markdown.contains("Text that is not UTF-8"))
    }

    @Test("bytes that are not UTF-8 and that no encoding header converts become U+FFFD, the commit is marked in suf.json and noted in the documents")
    func invalidUTF8() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        try repo.commit("Valid UTF-8: Zoë\n", files: ["a": "1"])
        // Latin-1 bytes with no encoding header; a header naming ISO-8859-1 over bytes that do not convert from
        // Shift_JIS is the same case: git keeps the bytes, and prints them as they are.
        let latin1 = try rawCommit(repo, author: Array("Ren".utf8) + [0xE9], message: Array("Caf".utf8) + [0xE9] + Array(" ferm\n\nbody ".utf8) + [0xFF, 0x0A])
        let badShiftJIS = try rawCommit(repo, headers: Array("encoding Shift_JIS\n".utf8), message: Array("Half a character ".utf8) + [0x81])
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == 3)
        #expect(commits.map { $0["invalidUTF8"] as? Bool } == [nil, true, true])
        #expect(commits[1]["subject"] as? String == "Caf\u{FFFD} ferm")
        #expect(commits[1]["message"] as? String == "Caf\u{FFFD} ferm\n\nbody \u{FFFD}\n")
        #expect(try #require(commits[1]["author"] as? [String: Any])["name"] as? String == "Ren\u{FFFD}")
        #expect(commits[2]["message"] as? String == "Half a character \u{FFFD}")
        // git prints the bytes it was given; read as UTF-8, they give the same replacement characters.
        for commit in commits {
            let id = try #require(commit["id"] as? String)
            #expect(commit["message"] as? String == String(decoding: try gitLog(repo, "%B", id), as: UTF8.self))
        }
        let raw = try scratch.read("dist/dossier/v1.0.0/suf.json")
        #expect(raw.components(separatedBy: "\"invalidUTF8\": true").count == 3)
        #expect(!raw.contains("\"invalidUTF8\": false"))
        for file in ["SUF-v1.0.0.md", "SUF-v1.0.0.html"] {
            let text = try scratch.read("dist/dossier/v1.0.0/\(file)")
            #expect(text.contains("Text that is not UTF-8"), "\(file)")
            #expect(text.contains(String(latin1.prefix(12))) && text.contains(String(badShiftJIS.prefix(12))), "\(file)")
            #expect(text.contains("Caf\u{FFFD} ferm (invalid bytes shown as \u{FFFD}: see section 3)"), "\(file)")
            #expect(!text.contains("Zoë (invalid bytes"), "\(file)")
        }
        // The DHF's copy of the release's SUF is made by the same renderer.
        let dhf = try dossier(["dhf", "--repo", "repo", "--format", "md"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        #expect(try scratch.read("dist/dossier/dhf/v1.0.0/SUF-v1.0.0.md").contains("Text that is not UTF-8"))
    }

    /// Each commit's message, subject, body, author, committer and trailers in suf.json against git log's.
    private func expectAsGitLog(_ repo: GitRepository, _ commits: [[String: Any]]) throws {
        for (index, commit) in commits.enumerated() {
            let id = try #require(commit["id"] as? String), label = "commit \(index): \(id)"
            #expect(member(commit, "message") == (try gitLog(repo, "%B", id)), "\(label)")
            #expect(member(commit, "subject") == (try gitLog(repo, "%s", id)), "\(label)")
            #expect(member(commit, "body") == (try gitLog(repo, "%b", id)), "\(label)")
            let author = try #require(commit["author"] as? [String: Any]), committer = try #require(commit["committer"] as? [String: Any])
            #expect(member(author, "name") == (try gitLog(repo, "%an", id)), "\(label)")
            #expect(member(author, "email") == (try gitLog(repo, "%ae", id)), "\(label)")
            #expect(member(committer, "name") == (try gitLog(repo, "%cn", id)), "\(label)")
            let trailers = try (commit["trailers"] as? [[String: Any]] ?? []).map { "\(try #require($0["key"] as? String)): \(try #require($0["value"] as? String))\n" }
            #expect(Array(trailers.joined().utf8) == (try gitLog(repo, "%(trailers:unfold,only)", id)), "\(label)")
        }
    }

    @Test("a NUL byte in a header ends that line, as in git's header parse: the message, subject and trailers stay; a NUL from the conversion cuts there")
    func nulInHeaders() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        let message = Array("Fix pump dose rounding\n\nBody.\n\nChange-Request: CR-7\nSigned-off-by: A <a@e>\n".utf8)
        // No encoding header: the NUL ends the header line; git's %B then starts at that line's newline.
        _ = try rawCommit(repo, headers: Array("x-note \u{0}\n".utf8), message: message)
        // Two NULs: git's %B is the text after the second, but it finds no subject, body or trailers.
        _ = try rawCommit(repo, headers: Array("x-note a\u{0}\u{0}hidden\n".utf8), message: message)
        // A NUL inside the author: git's %an and %ae are empty; the last author line is the one git reads.
        _ = try rawCommit(repo, author: Array("Mallory\u{0}x".utf8), message: message)
        _ = try rawCommit(repo, headers: Array("author Second Author <second@example.com> 1704200000 +0100\n".utf8), message: message)
        // UTF-7's +AAA- converts to a NUL: in the message git cuts there; in the author it ends the line.
        let utf7 = Array("encoding UTF-7\n".utf8), utf7Ident = "<alice.example.com> 1704200000 -0100"
        _ = try rawCommit(repo, headers: utf7, ident: utf7Ident, message: Array("visible +AAA- hidden subject\n\nhidden body\n".utf8))
        _ = try rawCommit(repo, headers: utf7, author: Array("T+AAA-x".utf8), ident: utf7Ident, message: Array("Subject\n".utf8))
        // A converted NUL in a header after the encoding line (git drops that line in place), and before it.
        let utf7Message = Array("Fix pump dose rounding\n\nBody.\n\nChange-Request: CR-7\n".utf8)
        _ = try rawCommit(repo, headers: utf7 + Array("x-note +AAA-\n".utf8), ident: utf7Ident, message: utf7Message)
        _ = try rawCommit(repo, headers: Array("x-note +AAA-\n".utf8) + utf7, ident: utf7Ident, message: utf7Message)
        // An encoding header git reads as UTF-8 before a NUL: git copies the object up to the NUL, its header parse
        // then reads past the copy's end and %B prints whatever memory follows; dossier shows no message.
        _ = try rawCommit(repo, headers: Array("encoding utf8\nx-note a\u{0}b\n".utf8), message: message)
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == 9)
        try expectAsGitLog(repo, Array(commits.dropLast()))
        #expect(commits[8]["message"] as? String == "" && commits[8]["subject"] as? String == "")
        #expect(try #require(commits[8]["author"] as? [String: Any])["name"] as? String == "Alice Example")
        #expect(commits[0]["subject"] as? String == "Fix pump dose rounding")
        #expect((commits[0]["trailers"] as? [[String: Any]])?.first?["value"] as? String == "CR-7")
        #expect(commits[4]["message"] as? String == "visible ")
        #expect(try #require(commits[5]["author"] as? [String: Any])["name"] as? String == "")
    }

    @Test("odd author lines split as git's split_ident_line splits them: the name to the first '<', the address to the first '>', the date after the last")
    func oddIdents() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        for author in ["Mallory <mallory@evil.example> Alice", "Tab\t", "Carriage\r", "<bare@example.com>", "Two >> Brackets"] {
            _ = try rawCommit(repo, author: Array(author.utf8), message: Array("Subject\n".utf8))
        }
        // Tabs around the date, and a date with a sign: git skips any blank and reads digits only.
        _ = try rawCommit(repo, ident: "<tab@example.com>\t1600000000\t+0100", message: Array("Tabs\n".utf8))
        _ = try rawCommit(repo, ident: "<sign@example.com> +1600000000 +0100", message: Array("Sign\n".utf8))
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == 7)
        try expectAsGitLog(repo, commits)
        for commit in commits.prefix(6) {
            let time = try #require(commit["author"] as? [String: Any])["time"] as? Int
            #expect(time.map { Array(String($0).utf8) } == (try gitLog(repo, "%at", try #require(commit["id"] as? String))))
        }
        #expect((try gitLog(repo, "%at", try #require(commits[6]["id"] as? String))).isEmpty)  // git shows no date: dossier's is 0
        #expect(try #require(commits[6]["author"] as? [String: Any])["time"] as? Int == 0)
        #expect(try #require(commits[0]["author"] as? [String: Any])["email"] as? String == "mallory@evil.example")
    }

    @Test("an encoding header with a continuation line converts with its first line, as git's get_header reads it")
    func encodingContinuation() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        _ = try rawCommit(repo, headers: Array("encoding ISO-8859-1\n continued\n".utf8), author: Array("Ren".utf8) + [0xE9],
                          message: Array("Caf".utf8) + [0xE9] + Array("\n\nRefs: REQ-1\n".utf8))
        try repo.tag("v1.0.0")
        let commits = try sufCommits(scratch)
        #expect(commits.count == 1)
        try expectAsGitLog(repo, commits)
        #expect(commits[0]["subject"] as? String == "Café")
        #expect(try #require(commits[0]["author"] as? [String: Any])["name"] as? String == "René")
        #expect(commits[0]["invalidUTF8"] == nil)
    }

    @Test("a suf.json written before commits carried their message and mark still reads, for diff")
    func olderSufJSON() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Root\n", files: ["a": "0"])
        try repo.tag("v0.1.0")
        try repo.commit("Second\r\n\r\nBody\r\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        _ = try sufCommits(scratch)
        // Format 2 as the dossier before this one wrote it: no message, no invalidUTF8.
        let file = scratch.file("dist/dossier/v1.0.0/suf.json")
        var json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        #expect(json["formatVersion"] as? Int == 2)
        json["commits"] = try #require(json["commits"] as? [[String: Any]]).map { commit in
            var commit = commit
            commit.removeValue(forKey: "message")
            commit.removeValue(forKey: "invalidUTF8")
            return commit
        }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: scratch.file("old.json")))
        let diff = try dossier(["diff", "old.json", file, "--format", "md"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
    }
}
