import Foundation
import TestSupport
import Testing

/// Release order and range as git gives them, on a generated branchy history: main with releases, a maintenance
/// branch tagged after later main releases, rc tags, names without a semantic version, and tags of a blob, a tree
/// and a tag of a blob.
@Suite("release order and range as git gives them")
struct ReleaseOrderTests {
    /// The tags that point at no commit, and what they point at.
    static let notCommits = ["v3-blob": "blob", "v9-tree": "tree", "vtagtag": "blob", "junio-gpg-pub": "blob"]

    /// main: v0.9 v0.99.7a v1.0rc1 v1.0 v1.9 | v1.10 v2.0.0-rc.1 v2.0.0-rc.2 v2.0.0 (merge of maint) v2.2.4 v2.2.4_xcode12;
    /// maint (from v1.9): v1.9.1 v1.9.2, tagged after v2.0.0; then the tags of things that are no commits.
    static func history(_ scratch: Scratch) throws -> GitRepository {
        var repo = try GitRepository(scratch)
        var n = 0
        func step(_ repo: inout GitRepository, _ tags: [String], file: String = "main.txt", annotated: Bool = true) throws {
            n += 1
            try repo.commit("Change \(n)\n", files: [file: "\(n)\n"])
            for tag in tags { try repo.tag(tag, annotated: annotated) }
        }
        try step(&repo, ["v0.9"], annotated: false)
        try step(&repo, ["v0.99.7a"])
        try step(&repo, [])
        try step(&repo, ["v1.0rc1"])
        try step(&repo, ["v1.0"])
        try step(&repo, ["v1.9"])
        try repo.git(["branch", "maint"])
        try step(&repo, ["v1.10"])
        try step(&repo, ["v2.0.0-rc.1"])
        try step(&repo, ["v2.0.0-rc.2"])
        try step(&repo, [])
        try step(&repo, ["v2.0.0"])
        try repo.git(["checkout", "-q", "maint"])
        try step(&repo, [], file: "maint.txt")
        try step(&repo, ["v1.9.1"], file: "maint.txt")
        try step(&repo, ["v1.9.2"], file: "maint.txt", annotated: false)
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["merge", "-q", "--no-edit", "maint"], environment: repo.identity(("Alice Example", "alice@example.com")))
        try step(&repo, ["v2.2.4"])
        try step(&repo, ["v2.2.4_xcode12"])
        let blob = try repo.git(["rev-parse", "HEAD:main.txt"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["tag", "-a", "-m", "a blob", "v3-blob", blob], environment: repo.identity(("Rita Release", "rita@example.com")))
        try repo.git(["tag", "-a", "-m", "a public key", "junio-gpg-pub", blob], environment: repo.identity(("Rita Release", "rita@example.com")))
        try repo.git(["tag", "v9-tree", "HEAD^{tree}"])
        try repo.git(["-c", "advice.nestedTag=false", "tag", "-a", "-m", "a tag of a tag", "vtagtag", "v3-blob"],
                     environment: repo.identity(("Rita Release", "rita@example.com")))
        return repo
    }

    /// git's answer: the commit tags matching v*, in `version:refname` order (with `-c` options, or the repository's
    /// configuration), each with the release before it by the rule (newest earlier tag that `git merge-base
    /// --is-ancestor` accepts; a final release skips tags holding a suffix after their first digit) and `git
    /// rev-list --count PREV..TAG`.
    static func expected(_ repo: GitRepository, options: [String], suffixes: [String]) throws -> [(String, String?, Int)] {
        let names = try repo.git(options + ["tag", "--sort=version:refname", "-l", "v*"]).split(separator: "\n").map(String.init)
            .filter { try repo.git(["cat-file", "-t", "\($0)^{}"]) == "commit\n" }
        func isPrerelease(_ name: String) -> Bool {
            guard let digit = name.firstIndex(where: \.isNumber) else { return false }
            return suffixes.contains { name[name.index(after: digit)...].contains($0) }
        }
        return try names.enumerated().map { index, name in
            let previous = try names[..<index].reversed().first { candidate in
                guard isPrerelease(name) || !isPrerelease(candidate) else { return false }
                return try Shell.run("git", ["merge-base", "--is-ancestor", candidate, name], in: repo.path).status == 0
            }
            let count = try repo.git(["rev-list", "--count", previous.map { "\($0)..\(name)" } ?? name])
            return (name, previous, try #require(Int(count.trimmingCharacters(in: .whitespacesAndNewlines))))
        }
    }

    /// The DHF's releases: name, previous release, commits.
    static func dhfReleases(_ scratch: Scratch, out: String) throws -> [(String, String?, Int)] {
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("\(out)/dhf/dhf.json")) as? [String: Any])
        return try #require(json["releases"] as? [[String: Any]]).map {
            (try #require($0["release"] as? String), $0["previousRelease"] as? String, try #require($0["commits"] as? Int))
        }
    }

    static func same(_ a: [(String, String?, Int)], _ b: [(String, String?, Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }
    }

    @Test("the DHF lists releases in git's version:refname order (suffix '-'), each with its own branch's range, and notes the tags of a blob and a tree")
    func dhfOrderAndRanges() throws {
        let scratch = try Scratch()
        let repo = try Self.history(scratch)
        let want = try Self.expected(repo, options: ["-c", "versionsort.suffix=-"], suffixes: ["-"])
        #expect(want.map(\.0) == ["v0.9", "v0.99.7a", "v1.0", "v1.0rc1", "v1.9", "v1.9.1", "v1.9.2", "v1.10", "v2.0.0-rc.1",
                                  "v2.0.0-rc.2", "v2.0.0", "v2.2.4", "v2.2.4_xcode12"])
        let result = try dossier(["dhf", "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let got = try Self.dhfReleases(scratch, out: "dist")
        #expect(Self.same(got, want), "dossier \(got)\ngit \(want)")
        // The maintenance release follows its own branch's release, not v2.0.0 tagged before it.
        #expect(got.first { $0.0 == "v1.9.2" }?.1 == "v1.9.1")
        #expect(got.first { $0.0 == "v2.0.0" }?.1 == "v1.10")
        for (name, kind) in Self.notCommits where name.hasPrefix("v") {
            #expect(result.stderr.contains("dossier: note: tag \(name) points at a \(kind) ("), "\(result.stderr)")
        }
        #expect(!result.stderr.contains("junio-gpg-pub"), "a tag outside the pattern is no release: no note")
        #expect(result.stderr.components(separatedBy: "v3-blob").count == 2, "each note once: \(result.stderr)")
    }

    @Test("versionsort.suffix (a list) and versionsort.prereleaseSuffix from the repository's configuration order the releases as git does")
    func configuredSuffixes() throws {
        let scratch = try Scratch()
        let repo = try Self.history(scratch)
        for suffix in ["-rc", "rc", "_"] { try repo.git(["config", "--add", "versionsort.suffix", suffix]) }
        let want = try Self.expected(repo, options: [], suffixes: ["-rc", "rc", "_"])
        #expect(want.map(\.0) == ["v0.9", "v0.99.7a", "v1.0rc1", "v1.0", "v1.9", "v1.9.1", "v1.9.2", "v1.10", "v2.0.0-rc.1",
                                  "v2.0.0-rc.2", "v2.0.0", "v2.2.4_xcode12", "v2.2.4"])
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "json", "--out", "a"], in: scratch.path).status == 0)
        let got = try Self.dhfReleases(scratch, out: "a")
        #expect(Self.same(got, want), "dossier \(got)\ngit \(want)")
        // A final release skips the pre-releases the suffixes make: v1.0 follows v0.99.7a, not v1.0rc1.
        #expect(got.first { $0.0 == "v1.0" }?.1 == "v0.99.7a")

        try repo.git(["config", "--unset-all", "versionsort.suffix"])
        try repo.git(["config", "--add", "versionsort.prereleaseSuffix", "rc"])
        let older = try Self.expected(repo, options: [], suffixes: ["rc"])
        #expect(older.map(\.0).prefix(4) == ["v0.9", "v0.99.7a", "v1.0rc1", "v1.0"])
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "json", "--out", "b"], in: scratch.path).status == 0)
        let gotOlder = try Self.dhfReleases(scratch, out: "b")
        #expect(Self.same(gotOlder, older), "dossier \(gotOlder)\ngit \(older)")
    }

    @Test("dossier suf counts what git rev-list --count PREV..TAG counts, the newest release is git's last, and init's pattern spans git's order")
    func sufRanges() throws {
        let scratch = try Scratch()
        let repo = try Self.history(scratch)
        let want = try Self.expected(repo, options: ["-c", "versionsort.suffix=-"], suffixes: ["-"])
        for name in ["v1.9.2", "v1.10", "v2.0.0", "v1.0rc1", "v2.2.4"] {
            let (_, previous, count) = try #require(want.first { $0.0 == name })
            let result = try dossier(["suf", name, "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("SUF for \(name) (\(count) commits since \(previous ?? "the root"))"), "\(result.stdout)")
        }
        // v1.10 follows v1.9, its ancestor, not the maintenance release v1.9.2 that sorts between them.
        #expect(want.first { $0.0 == "v1.10" }?.1 == "v1.9")
        let newest = try dossier(["suf", "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
        #expect(newest.status == 0, "\(newest.stderr)")
        #expect(newest.stdout.contains("SUF for v2.2.4_xcode12 (1 commits since v2.2.4)"), "\(newest.stdout)")
        #expect(newest.stderr.contains("dossier: note: tag v9-tree points at a tree"), "\(newest.stderr)")

        // check and diff build releases too: they go on past the skipped tags, with each note once.
        let check = try dossier(["check", "v1.10", "--repo", "repo"], in: scratch.path)
        #expect(check.stdout.contains("dossier check v1.10 (1 commits since v1.9)"), "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("dossier: note: tag v3-blob points at a blob"), "\(check.stderr)")
        let diff = try dossier(["diff", "v1.9.2", "v2.0.0", "--repo", "repo"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stderr.components(separatedBy: "note: tag v9-tree points at a tree").count == 2, "\(diff.stderr)")

        let initialised = try dossier(["init", "--repo", "repo"], in: scratch.path)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(initialised.stdout.contains("release tags: 13 match v* (v0.9 … v2.2.4_xcode12)"), "\(initialised.stdout)")
        #expect(initialised.stderr.contains("dossier: note: tag junio-gpg-pub points at a blob"), "\(initialised.stderr)")
    }

    @Test("naming a tag of a blob or a tree as a release is an error saying what it points at; nothing is written")
    func namedNonCommitTag() throws {
        let scratch = try Scratch()
        _ = try Self.history(scratch)
        let blob = try dossier(["suf", "junio-gpg-pub", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(blob.status == 2)
        #expect(blob.stderr.contains("'junio-gpg-pub' points at a blob ("), "\(blob.stderr)")
        #expect(blob.stderr.contains("not at a commit"), "\(blob.stderr)")
        #expect(!scratch.exists("dist"))
        let tree = try dossier(["dhf", "v9-tree", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(tree.status == 2)
        #expect(tree.stderr.contains("'v9-tree' points at a tree ("), "\(tree.stderr)")
        try "<testsuite name=\"t\"><testcase name=\"x\"/></testsuite>\n".write(toFile: scratch.file("t.xml"), atomically: true, encoding: .utf8)
        let evidence = try dossier(["evidence", "add", "vtagtag", "t.xml", "--repo", "repo"], in: scratch.path)
        #expect(evidence.status == 2)
        #expect(evidence.stderr.contains("'vtagtag' points at a blob ("), "\(evidence.stderr)")
        #expect(try Shell.run("git", ["show-ref"], in: scratch.file("repo")).stdout.contains("refs/dossier") == false)
    }

    @Test("signatures --tags lists every tag (a tag of a blob with the verdict git verify-tag gives), notes the tags of no commit, exit 0")
    func signaturesOfTags() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice@example.com", "-f", scratch.file("alice")]).status == 0)
        let publicKey = try scratch.read("alice.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try "alice@example.com \(publicKey)\n".write(toFile: scratch.file("allowed"), atomically: true, encoding: .utf8)
        try repo.commit("One\n", files: ["key.asc": "a public key\n"])
        try repo.tag("v1.0.0")
        let blob = try repo.git(["rev-parse", "HEAD:key.asc"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["-c", "gpg.format=ssh", "-c", "user.signingKey=\(scratch.file("alice"))", "tag", "-s", "-m", "key", "junio-gpg-pub", blob],
                     environment: repo.identity(("Alice Example", "alice@example.com")))
        try repo.git(["tag", "v1.0.0-tree", "HEAD^{tree}"])
        try repo.commit("Two\n", files: ["a": "2"])
        try repo.tag("v1.1.0")
        // git verifies the tag of the blob as any tag.
        let git = try Shell.run("git", ["-c", "gpg.ssh.allowedSignersFile=\(scratch.file("allowed"))", "verify-tag", "junio-gpg-pub"], in: repo.path)
        #expect(git.status == 0 && git.stderr.contains("Good \"git\" signature for alice@example.com"), "\(git.stderr)")

        let result = try dossier(["signatures", "--tags", "--repo", "repo", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(lines == ["junio-gpg-pub G", "v1.0.0 N", "v1.0.0-tree N", "v1.1.0 N"], "\(result.stdout)")
        #expect(result.stderr.contains("dossier: note: tag junio-gpg-pub points at a blob (\(blob.prefix(12))), not at a commit"), "\(result.stderr)")
        #expect(result.stderr.contains("dossier: note: tag v1.0.0-tree points at a tree ("), "\(result.stderr)")
        // The JSON holds the listing alone; the notes go to stderr.
        let json = try dossier(["signatures", "--tags", "--json", "--repo", "repo", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(json.status == 0 && !json.stdout.contains("note"), "\(json.stdout)")
    }
}
