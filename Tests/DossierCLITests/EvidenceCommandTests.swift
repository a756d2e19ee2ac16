import Foundation
import TestSupport
import Testing

/// `dossier evidence add` and `list`, and every command reading the evidence stored with a release.
@Suite("evidence stored with the release")
struct EvidenceCommandTests {
    static func report(_ cases: [(name: String, requirement: String, failed: Bool)]) -> String {
        "<testsuites>\n<testsuite name=\"PumpTests\">\n" + cases.map { item in
            "<testcase classname=\"PumpTests\" name=\"\(item.name)\"><properties><property name=\"requirement\" value=\"\(item.requirement)\"/></properties>"
                + (item.failed ? "<failure message=\"boom\"/>" : "") + "</testcase>\n"
        }.joined() + "</testsuite>\n</testsuites>\n"
    }

    static let passing = report([("testDoseLimit", "REQ-1", false), ("testStartScreen", "REQ-3", false)])

    static func sha256(_ text: String) throws -> String {
        String(try Shell.run("sha256sum", [], input: Data(text.utf8)).stdout.prefix(64))
    }

    /// The fixture's two releases and a passing report in reports/a.xml beside the repository.
    static func setUp(_ scratch: Scratch) throws -> GitRepository {
        let repo = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("reports"), withIntermediateDirectories: true)
        try passing.write(toFile: scratch.file("reports/a.xml"), atomically: true, encoding: .utf8)
        return repo
    }

    func reference(_ repo: GitRepository, _ tag: String = "v1.1.0") throws -> String? {
        let result = try Shell.run("git", ["-C", repo.path, "rev-parse", "-q", "--verify", "refs/dossier/evidence/\(tag)"])
        return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    @Test("add stores each file at its path and SHA256SUMS in a commit that sha256sum -c accepts; list prints them; suf reads them with no flag")
    func addListAndUse() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        let digest = try Self.sha256(Self.passing)
        let add = try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path,
                              environment: ["SOURCE_DATE_EPOCH": "1700000000", "HOME": scratch.file("home")])
        #expect(add.status == 0, "\(add.stderr)")
        let commit = try #require(try reference(repo))
        #expect(add.stdout == "stored reports/a.xml (SHA-256 \(digest))\nevidence of v1.1.0 at refs/dossier/evidence/v1.1.0 (commit \(commit)); push it with git push origin 'refs/dossier/evidence/v1.1.0'\n")
        #expect(try repo.git(["ls-tree", "-r", "--name-only", commit]) == "SHA256SUMS\nreports/a.xml\n")
        #expect(try repo.git(["show", "\(commit):SHA256SUMS"]) == "\(digest)  reports/a.xml\n")
        #expect(try repo.git(["log", "-1", "--format=%an <%ae> %at %P", commit]) == "dossier <dossier@localhost> 1700000000 \n")
        // The standard tools check it: git archive, then sha256sum -c.
        try FileManager.default.createDirectory(atPath: scratch.file("out"), withIntermediateDirectories: true)
        let tar = try Shell.run("sh", ["-c", "git -C ../repo archive \(commit) | tar -x && sha256sum -c SHA256SUMS"], in: scratch.file("out"))
        #expect(tar.status == 0 && tar.stdout == "reports/a.xml: OK\n", "\(tar.stdout)\(tar.stderr)")

        let list = try dossier(["evidence", "list", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(list.status == 0)
        #expect(list.stdout == "evidence of v1.1.0 at refs/dossier/evidence/v1.1.0 (commit \(commit)):\n\(digest)  reports/a.xml\n")

        // git's user.name and user.email make the commit when they are set.
        try repo.git(["config", "user.name", "Quinn QA"])
        try repo.git(["config", "user.email", "quinn@example.com"])
        try "<testsuite name=\"More\"><testcase name=\"x\"/></testsuite>\n".write(toFile: scratch.file("b.xml"), atomically: true, encoding: .utf8)
        let second = try dossier(["evidence", "add", "v1.1.0", "b.xml", "--repo", "repo"], in: scratch.path,
                                 environment: ["HOME": scratch.file("home")])
        #expect(second.status == 0, "\(second.stderr)")
        let later = try #require(try reference(repo))
        #expect(try repo.git(["log", "-1", "--format=%an <%ae> %P", later]) == "Quinn QA <quinn@example.com> \(commit)\n")

        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("\nEvidence: 2 test reports (3 cases) stored with the release at refs/dossier/evidence/v1.1.0 (commit \(later.prefix(12))…).\n"), "\(md.prefix(800))")
        #expect(md.contains("| reports/a.xml | `\(digest)` |"))
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        let origin = try #require((json["identification"] as? [String: Any])?["evidence"] as? [String: Any])
        #expect(origin["kind"] as? String == "stored" && origin["commit"] as? String == later && origin["cases"] as? Int == 3)
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html").contains("Evidence: 2 test reports (3 cases) stored with the release"))
    }

    @Test("adding a file stored already changes nothing; a name stored with other bytes is refused, naming it, and nothing is written")
    func sameAndConflictingNames() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        #expect(try dossier(["evidence", "add", "v1.1.0", "reports/*.xml", "--repo", "repo"], in: scratch.path).status == 0)
        let first = try #require(try reference(repo))
        let again = try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path)
        #expect(again.status == 0)
        #expect(again.stdout == "reports/a.xml is stored with v1.1.0 already, with the same bytes\nnothing changed: refs/dossier/evidence/v1.1.0 stays at commit \(first)\n")

        try Self.report([("testDoseLimit", "REQ-1", true)]).write(toFile: scratch.file("reports/a.xml"), atomically: true, encoding: .utf8)
        let changed = try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path)
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("the evidence stored with v1.1.0 (refs/dossier/evidence/v1.1.0, commit \(first.prefix(12))) holds 'reports/a.xml' already, with other bytes"), "\(changed.stderr)")
        #expect(try reference(repo) == first)
    }

    @Test("a release that is not a tag, a tag named like the evidence's references, a file the readers refuse: exit 2, nothing written")
    func refusedAdditions() throws {
        let scratch = try Scratch()
        var repo = try Self.setUp(scratch)
        let branch = try dossier(["evidence", "add", "main", "reports/a.xml", "--repo", "repo"], in: scratch.path)
        #expect(branch.status == 2)
        #expect(branch.stderr == "dossier: error: 'main' is not a tag: evidence is stored with a release tag (git tag -s main first)\n")
        #expect(try dossier(["evidence", "list", "main", "--repo", "repo"], in: scratch.path).status == 2)

        try repo.tag("evidence/v1")
        let collide = try dossier(["evidence", "add", "evidence/v1", "reports/a.xml", "--repo", "repo"], in: scratch.path)
        #expect(collide.status == 2)
        #expect(collide.stderr.contains("cannot store evidence with the tag 'evidence/v1': dossier keeps a release's bundle at refs/dossier/<tag>"), "\(collide.stderr)")
        try repo.git(["tag", "-d", "evidence/v1"])
        try repo.tag("evidence")
        let attach = try dossier(["attach", "evidence", "--repo", "repo"], in: scratch.path)
        #expect(attach.status == 2)
        #expect(attach.stderr.contains("cannot attach a bundle to the tag 'evidence'"), "\(attach.stderr)")

        try "<testsuites>\n<testsuite name=\"a\">\n<testcase name=\"x\">\n</testsuite>\n".write(toFile: scratch.file("reports/broken.xml"), atomically: true, encoding: .utf8)
        let broken = try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "reports/broken.xml", "--repo", "repo"], in: scratch.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("dossier: error: reports/broken.xml:4:"), "\(broken.stderr)")
        #expect(try repo.git(["for-each-ref", "refs/dossier/"]).isEmpty)
    }

    /// Writes, with git plumbing, a new evidence commit whose `file` blob holds `bytes` and whose SHA256SUMS is `sums`.
    func tamper(_ repo: GitRepository, scratch: Scratch, file: String?, sums: String?) throws {
        let old = try #require(try reference(repo))
        func blob(_ text: String) throws -> String {
            try #require(try Shell.run("git", ["-C", repo.path, "hash-object", "-w", "--stdin"], input: Data(text.utf8)).stdout
                .split(separator: "\n").first.map(String.init))
        }
        let fileBlob = try file.map(blob) ?? repo.git(["rev-parse", "\(old):a.xml"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let sumsBlob = try sums.map(blob) ?? repo.git(["rev-parse", "\(old):SHA256SUMS"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try Shell.run("git", ["-C", repo.path, "mktree"],
                                 input: Data("100644 blob \(sumsBlob)\tSHA256SUMS\n100644 blob \(fileBlob)\ta.xml\n".utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try repo.git(["commit-tree", tree, "-p", old, "-m", "tampered"], environment: repo.identity(("Mallory", "m@example.com")))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/evidence/v1.1.0", commit])
    }

    @Test("stored evidence whose file or SHA256SUMS was changed after it was stored is refused by every command, naming the file and the reference")
    func tamperedEvidence() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        try Self.passing.write(toFile: scratch.file("a.xml"), atomically: true, encoding: .utf8)
        #expect(try dossier(["evidence", "add", "v1.1.0", "a.xml", "--repo", "repo"], in: scratch.path).status == 0)
        let failing = Self.report([("testDoseLimit", "REQ-1", true)])
        try tamper(repo, scratch: scratch, file: failing, sums: nil)
        let expected = "refs/dossier/evidence/v1.1.0, commit "
        let changedText = "holds a.xml whose SHA-256 is \(try Self.sha256(failing)), but SHA256SUMS lists \(try Self.sha256(Self.passing)): it was changed after it was stored"
        for command in [["suf", "v1.1.0"], ["check", "v1.1.0"], ["trace", "REQ-1", "--release", "v1.1.0"], ["dhf"], ["diff", "v1.0.0", "v1.1.0"],
                        ["attach", "v1.1.0"], ["evidence", "list", "v1.1.0"]] {
            let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains(expected) && result.stderr.contains(changedText),
                    "\(command): \(result.stderr)")
        }
        #expect(!scratch.exists("dist"))
        // The digest list changed to match other bytes: the file no longer matches it.
        try tamper(repo, scratch: scratch, file: Self.passing, sums: "\(String(repeating: "0", count: 64))  a.xml\n")
        let sums = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(sums.status == 2)
        let sumsText = "holds a.xml whose SHA-256 is \(try Self.sha256(Self.passing)), but SHA256SUMS lists 0000"
        #expect(sums.stderr.contains(sumsText), "\(sums.stderr)")
        try tamper(repo, scratch: scratch, file: nil, sums: "not a digest line\n")
        let malformed = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(malformed.stderr.contains("refs/dossier/evidence/v1.1.0:SHA256SUMS:1:1: expected one line 'SHA-256  NAME' per stored file, which this is not: "), "\(malformed.stderr)")
    }

    @Test("--evidence for a release with stored evidence is refused, naming the reference; for one without it still works, and says so")
    func givenEvidence() throws {
        let scratch = try Scratch()
        _ = try Self.setUp(scratch)
        let trial = try dossier(["suf", "v1.1.0", "--repo", "repo", "--evidence", "reports/a.xml"], in: scratch.path)
        #expect(trial.status == 0, "\(trial.stderr)")
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md").contains("\nEvidence: 1 test report (2 cases) given on the command line (--evidence), not stored with the release: a document built without the same files differs.\n"))

        #expect(try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path).status == 0)
        for command in [["suf", "v1.1.0"], ["check", "v1.1.0"], ["trace", "REQ-1", "--release", "v1.1.0"], ["attach", "v1.1.0"]] {
            let out = command[0] == "suf" ? ["--out", "other"] : []
            let result = try dossier(command + out + ["--repo", "repo", "--evidence", "reports/a.xml"], in: scratch.path)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("v1.1.0 has evidence stored with it (refs/dossier/evidence/v1.1.0, commit ")
                    && result.stderr.contains("so --evidence, --artifact and --provenance are refused: a release has one set of evidence, which every document of it uses; add files to it with dossier evidence add v1.1.0 FILE… (update packages with --artifact FILE…, build provenance with --provenance FILE…)"),
                    "\(command): \(result.stderr)")
        }
        #expect(!scratch.exists("other"))
    }

    @Test("a release with no evidence says so at the top of its SUF and in the DHF's release table, never a silent 'no test'")
    func noEvidence() throws {
        let scratch = try Scratch()
        _ = try Self.setUp(scratch)
        #expect(try dossier(["suf", "v1.0.0", "--repo", "repo"], in: scratch.path).status == 0)
        let md = try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md")
        #expect(md.contains("`MANIFEST.sha256`.\n\nNo test evidence is stored with this release: no requirement shows a test result.\n\n## 1. Identification"))
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        #expect(try #require((json["identification"] as? [String: Any])?["evidence"] as? [String: Any])["kind"] as? String == "none")

        #expect(try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path).status == 0)
        let dhf = try dossier(["dhf", "--repo", "repo"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let table = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(table.contains("| Good (G) | Evidence | SUF |"))
        #expect(table.contains("| none | [Markdown](v1.0.0/SUF-v1.0.0.md)"))
        #expect(table.contains("| stored: 1 test report (2 cases) (refs/dossier/evidence/v1.1.0, commit "), "\(table)")
    }

    @Test("an attached bundle built before evidence was stored stays as attached, and the DHF says so on stderr and in its table")
    func bundleBeforeEvidence() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        let bundle = try repo.git(["rev-parse", "refs/dossier/v1.1.0"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try dossier(["dhf", "--repo", "repo", "--out", "before"], in: scratch.path)
        #expect(before.status == 0 && before.stderr.isEmpty, "\(before.stderr)")

        #expect(try dossier(["evidence", "add", "v1.1.0", "reports/a.xml", "--repo", "repo"], in: scratch.path).status == 0)
        let evidence = try #require(try reference(repo))
        let dhf = try dossier(["dhf", "--repo", "repo"], in: scratch.path)
        #expect(dhf.status == 0)
        #expect(dhf.stderr == "dossier: warning: the bundle attached to v1.1.0 (refs/dossier/v1.1.0, commit \(bundle.prefix(12))) was built with no evidence, but evidence stored since is at refs/dossier/evidence/v1.1.0 (commit \(evidence.prefix(12))): the attached bundle is used as it is; attach one built with the stored evidence with dossier attach v1.1.0 --force\n")
        // The diff takes the attached bundle too, and says so alike (it stayed silent before).
        let diff = try dossier(["diff", "v1.0.0", "v1.1.0", "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(diff.status == 0)
        #expect(diff.stderr == "dossier: warning: the bundle attached to v1.1.0 (refs/dossier/v1.1.0) was built with no evidence, but evidence stored since is at refs/dossier/evidence/v1.1.0 (commit \(evidence.prefix(12))): the attached bundle is used as it is; attach one built with the stored evidence with dossier attach v1.1.0 --force\n", "\(diff.stderr)")
        #expect(try scratch.read("dist/dossier/dhf/DHF.md").contains("| none; evidence stored since (commit \(evidence.prefix(12))) is not in this attached bundle |"))
        // The copy is the attached bundle, byte for byte.
        #expect(try scratch.readData("dist/dossier/dhf/v1.1.0/suf.json") == (try scratch.readData("before/dhf/v1.1.0/suf.json")))

        #expect(try dossier(["attach", "v1.1.0", "--force", "--repo", "repo"], in: scratch.path).status == 0)
        let after = try dossier(["dhf", "--repo", "repo", "--out", "after"], in: scratch.path)
        #expect(after.status == 0 && after.stderr.isEmpty, "\(after.stderr)")
    }

    @Test("a stored tree without SHA256SUMS, with a file it does not list or lacking one it lists, with a '.git' folder or folders 33 deep is refused, naming it")
    func hostileTrees() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        func run(_ text: String, input: String = "") throws -> String {
            try Shell.run("git", ["-C", repo.path] + text.split(separator: " ").map(String.init), input: Data(input.utf8)).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let report = try run("hash-object -w --stdin", input: Self.passing)
        let sums = try run("hash-object -w --stdin", input: "\(try Self.sha256(Self.passing))  a.xml\n")
        func store(_ tree: String) throws -> ProcessResult {
            let commit = try run("commit-tree \(tree) -m hostile")
            _ = try run("update-ref refs/dossier/evidence/v1.1.0 \(commit)")
            return try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        }
        let at = "the evidence stored with v1.1.0 (refs/dossier/evidence/v1.1.0, commit "
        let noSums = try store(try run("mktree", input: "100644 blob \(report)\ta.xml\n"))
        #expect(noSums.status == 2 && noSums.stderr.contains(at) && noSums.stderr.contains("has no SHA256SUMS"), "\(noSums.stderr)")
        let unlisted = try store(try run("mktree", input: "100644 blob \(sums)\tSHA256SUMS\n100644 blob \(report)\ta.xml\n100644 blob \(report)\tb.xml\n"))
        #expect(unlisted.stderr.contains("holds b.xml, which SHA256SUMS does not list"), "\(unlisted.stderr)")
        let missing = try store(try run("mktree", input: "100644 blob \(sums)\tSHA256SUMS\n"))
        #expect(missing.stderr.contains("lacks a.xml, which SHA256SUMS lists"), "\(missing.stderr)")
        let inner = try run("mktree", input: "100644 blob \(report)\tconfig\n")
        let dotGit = try store(try run("mktree", input: "100644 blob \(sums)\tSHA256SUMS\n040000 tree \(inner)\t.GIT\n"))
        #expect(dotGit.stderr.contains("holds the entry '.GIT', a '.git' component: stored evidence holds files with plain names only"), "\(dotGit.stderr)")
        var deep = inner
        for _ in 0..<33 { deep = try run("mktree", input: "040000 tree \(deep)\td\n") }
        let tooDeep = try store(try run("mktree", input: "100644 blob \(sums)\tSHA256SUMS\n040000 tree \(deep)\td\n"))
        #expect(tooDeep.stderr.contains("a folder more than 32 deep"), "\(tooDeep.stderr)")
        // Folders repeated within folders, 30 deep and 4 wide: 31 objects, 4^30 paths, no file. It was walked without
        // end (killed after 30 s); every entry now counts toward the bound.
        var bomb = try run("mktree", input: "")
        for _ in 0..<30 { bomb = try run("mktree", input: ["a", "b", "c", "d"].map { "040000 tree \(bomb)\t\($0)\n" }.joined()) }
        let started = Date()
        let folders = try store(try run("mktree", input: "100644 blob \(sums)\tSHA256SUMS\n100644 blob \(report)\ta.xml\n040000 tree \(bomb)\tbomb\n"))
        #expect(folders.status == 2 && folders.stderr.contains("more than 100000 files and folders"), "\(folders.stderr)")
        #expect(Date().timeIntervalSince(started) < 20, "a generous bound on a case that never ended before")
        // SHA256SUMS naming a file twice, the first digest wrong: sha256sum -c fails it, and so does dossier (the
        // last line won before).
        let twice = try run("hash-object -w --stdin", input: "\(String(repeating: "0", count: 64))  a.xml\n\(try Self.sha256(Self.passing))  a.xml\n")
        let listedTwice = try store(try run("mktree", input: "100644 blob \(twice)\tSHA256SUMS\n100644 blob \(report)\ta.xml\n"))
        #expect(listedTwice.status == 2 && listedTwice.stderr.contains("SHA256SUMS:2:1: expected one line 'SHA-256  NAME' per stored file, which this is not: 'a.xml' is listed already on line 1; dossier uses none of the files"),
                "\(listedTwice.stderr)")
        // A ref that points at something other than a commit: named, not a libgit2 message.
        _ = try run("update-ref refs/dossier/evidence/v1.1.0 \(report)")
        let notCommit = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(notCommit.status == 2 && notCommit.stderr.contains("(refs/dossier/evidence/v1.1.0) points at \(report.prefix(12)), which is not a commit"),
                "\(notCommit.stderr)")
        #expect(!scratch.exists("dist"))
    }

    @Test("evidence add refuses, before writing anything, a file larger than any command would read back")
    func addRefusesWhatCannotBeRead() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        // 256 MiB and one byte, sparse on disk: stored before, after which every read of the release failed for good.
        let big = scratch.file("reports/big.xml")
        _ = FileManager.default.createFile(atPath: big, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: (256 << 20) + 1)
        try handle.close()
        let add = try dossier(["evidence", "add", "v1.1.0", "reports/big.xml", "--repo", "repo"], in: scratch.path)
        #expect(add.status == 2)
        #expect(add.stderr.contains("cannot store 'reports/big.xml' (268435457 bytes) with v1.1.0: evidence holds at most 268435456 bytes (256 MiB) per file"), "\(add.stderr)")
        #expect(try reference(repo) == nil)
    }

    @Test("a file that would be stored as SHA256SUMS, or two files outside the directory with one base name and other bytes, are refused")
    func refusedNames() throws {
        let scratch = try Scratch()
        let repo = try Self.setUp(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("work"), withIntermediateDirectories: true)
        try Self.passing.write(toFile: scratch.file("work/SHA256SUMS"), atomically: true, encoding: .utf8)
        let sums = try dossier(["evidence", "add", "v1.1.0", "SHA256SUMS", "--repo", "../repo"], in: scratch.file("work"))
        #expect(sums.status == 2)
        #expect(sums.stderr.contains("cannot store SHA256SUMS as 'SHA256SUMS': that is the name of the evidence's own digest list"), "\(sums.stderr)")
        try FileManager.default.createDirectory(atPath: scratch.file("other"), withIntermediateDirectories: true)
        try Self.report([("x", "REQ-1", true)]).write(toFile: scratch.file("other/a.xml"), atomically: true, encoding: .utf8)
        let twice = try dossier(["evidence", "add", "v1.1.0", "../reports/a.xml", "../other/a.xml", "--repo", "../repo"], in: scratch.file("work"))
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("../reports/a.xml and ../other/a.xml would both be stored as 'a.xml' with other bytes"), "\(twice.stderr)")
        #expect(try repo.git(["for-each-ref", "refs/dossier/"]).isEmpty)
        // Outside the current directory, a file is stored at its base name.
        let outside = try dossier(["evidence", "add", "v1.1.0", "../reports/a.xml", "--repo", "../repo"], in: scratch.file("work"))
        #expect(outside.status == 0 && outside.stdout.hasPrefix("stored a.xml (SHA-256 "), "\(outside.stdout)\(outside.stderr)")
    }
}
