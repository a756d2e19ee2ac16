import Foundation
import TestSupport
import Testing

/// Build provenance (`--provenance`, `dossier evidence add --provenance`): how the release was built, as an in-toto
/// statement of SLSA provenance v1 says it, matched with the release commit and the update packages.
@Suite("build provenance")
struct BuildProvenanceTests {
    /// An in-toto statement of SLSA provenance v1 built by `builder` from `commit`, about `subjects` (name, SHA-256).
    static func statement(commit: String, subjects: [(String, String)], builder: String = "https://ci.example/runner") -> String {
        let subjectList = subjects.map { "{\"name\": \"\($0.0)\", \"digest\": {\"sha256\": \"\($0.1)\"}}" }.joined(separator: ", ")
        return """
            {"_type": "https://in-toto.io/Statement/v1", "subject": [\(subjectList)],
             "predicateType": "https://slsa.dev/provenance/v1",
             "predicate": {"buildDefinition": {"buildType": "https://ci.example/make/v1",
                "externalParameters": {"ref": "refs/tags/v1.1.0", "target": {"board": "pump-a", "debug": false}},
                "internalParameters": {"image": "builder:12"},
                "resolvedDependencies": [{"uri": "git+https://git.example/pump.git@refs/tags/v1.1.0", "digest": {"gitCommit": "\(commit)"}}]},
              "runDetails": {"builder": {"id": "\(builder)"}, "metadata": {"invocationId": "run-42", "startedOn": "2024-01-02T10:00:00Z"}}}}
            """
    }

    /// A DSSE envelope around `statement`, with a signature dossier does not check.
    static func envelope(_ statement: String) -> String {
        let compact = statement.replacingOccurrences(of: "\n", with: " ")
        return "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"\(Data(compact.utf8).base64EncodedString())\", \"signatures\": [{\"keyid\": \"\", \"sig\": \"AAAA\"}]}"
    }

    static func setUp(_ scratch: Scratch) throws -> (repo: GitRepository, commit: String, packages: [(String, String)]) {
        let repo = try DeviceFixture.make(scratch)
        let commit = try repo.git(["rev-parse", "v1.1.0^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.createDirectory(atPath: scratch.file("build"), withIntermediateDirectories: true)
        var packages: [(String, String)] = []
        for name in ["pump-a.img", "pump-b.img"] {
            try "image \(name)\n".write(toFile: scratch.file("build/\(name)"), atomically: true, encoding: .utf8)
            packages.append((name, String(try Shell.run("sha256sum", ["build/\(name)"], in: scratch.path).stdout.prefix(64))))
        }
        return (repo, commit, packages)
    }

    static func json(_ scratch: Scratch, _ folder: String = "dist/dossier") throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: scratch.readData("\(folder)/v1.1.0/suf.json")) as? [String: Any])
    }

    static func clause(_ json: [String: Any], _ reference: String) throws -> [String: Any] {
        try #require((json["coverage"] as? [[String: Any]])?.first { $0["clause"] as? String == reference })
    }

    static func findings(_ json: [String: Any], _ rule: String) -> [[String: Any]] {
        (json["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == rule }
    }

    @Test("a statement of the release commit naming every package: shown in section 14, in suf.json, and 5.8.5 holds it; no G4 or G5")
    func provenanceOfTheRelease() throws {
        let scratch = try Scratch()
        let (_, commit, packages) = try Self.setUp(scratch)
        try Self.statement(commit: commit, subjects: packages).write(toFile: scratch.file("build/provenance.json"), atomically: true, encoding: .utf8)
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/*.img", "--provenance", "build/provenance.json",
                               "--format", "json,md"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try Self.json(scratch)
        let provenance = try #require((json["buildProvenance"] as? [[String: Any]])?.first)
        #expect(provenance["builder"] as? String == "https://ci.example/runner")
        #expect(provenance["enveloped"] as? Bool == false)
        #expect((provenance["sources"] as? [[String: Any]])?.first?["commit"] as? String == commit)
        #expect((provenance["parameters"] as? [[String: Any]])?.map { "\($0["kind"]!) \($0["name"]!)=\($0["value"]!)" }
                == ["external ref=\"refs/tags/v1.1.0\"", "external target={\"board\":\"pump-a\",\"debug\":false}", "internal image=\"builder:12\""])
        #expect(Self.findings(json, "G4").isEmpty && Self.findings(json, "G5").isEmpty)
        let holds = try Self.clause(json, "IEC 62304 5.8.5")["evidence"] as? [[String: Any]]
        #expect(holds?.map { $0["what"] as? String } == ["build provenance of commit \(commit.prefix(12)) by https://ci.example/runner, naming 2 update packages"])
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| Source | git+https\\://git.example/pump.git\\@refs/tags/v1.1.0 at commit `\(commit)` (the release commit) |"), "\(md.components(separatedBy: "### How the release was built").last?.prefix(1200) ?? "")")
        #expect(md.contains("| pump-a.img | `\(packages[0].1)` | build/pump-a.img |"))
        #expect(md.contains("**provenance.json**") || md.contains("**build/provenance.json**"))
        #expect(md.contains("a bare in-toto statement, unsigned"))
    }

    @Test("another commit is G4, a package the statements do not name is G5, and 5.8.5 is then a gap; without provenance 5.8.5 says what is missing")
    func findingsAndGaps() throws {
        let scratch = try Scratch()
        let (repo, _, packages) = try Self.setUp(scratch)
        let older = try repo.git(["rev-parse", "v1.0.0^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.statement(commit: older, subjects: [packages[0]]).write(toFile: scratch.file("build/old.json"), atomically: true, encoding: .utf8)
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/*.img", "--provenance", "build/old.json", "--format", "json"],
                              in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try Self.json(scratch)
        let g4 = Self.findings(json, "G4")
        #expect(g4.count == 1 && (g4.first?["message"] as? String)?.contains("names \(older.prefix(12)), not the release commit") == true, "\(g4)")
        #expect(Self.findings(json, "G5").compactMap { ($0["subjects"] as? [String])?.first } == ["build/pump-b.img"])
        #expect(try Self.clause(json, "IEC 62304 5.8.5")["state"] as? String == "gap")

        let none = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json", "--out", "none"], in: scratch.path)
        #expect(none.status == 0)
        let bare = try Self.json(scratch, "none")
        #expect(bare["buildProvenance"] == nil)
        let missing = try Self.clause(bare, "IEC 62304 5.8.5")["missing"] as? [String]
        #expect(missing == ["no build provenance (--provenance) of the release commit naming every update package"])
        #expect(Self.findings(bare, "G4").isEmpty && Self.findings(bare, "G5").isEmpty)
    }

    @Test("a DSSE envelope and a .jsonl file of envelopes are read; the documents say the envelope's signatures are not checked; stored at provenance/NAME")
    func envelopesAndStorage() throws {
        let scratch = try Scratch()
        let (repo, commit, packages) = try Self.setUp(scratch)
        let lines = [Self.envelope(Self.statement(commit: commit, subjects: [packages[0]])),
                     Self.envelope(Self.statement(commit: commit, subjects: [packages[1]], builder: "https://ci.example/other"))]
        try (lines.joined(separator: "\n") + "\n").write(toFile: scratch.file("build/build.intoto.jsonl"), atomically: true, encoding: .utf8)
        let add = try dossier(["evidence", "add", "v1.1.0", "--artifact", "build/*.img", "--provenance", "build/build.intoto.jsonl", "--repo", "repo"],
                              in: scratch.path, environment: ["HOME": scratch.file("home")])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try repo.git(["ls-tree", "-r", "--name-only", "refs/dossier/evidence/v1.1.0"])
                == "SHA256SUMS\npackages/pump-a.img\npackages/pump-b.img\nprovenance/build.intoto.jsonl\n")
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json,md"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try Self.json(scratch)
        let statements = try #require(json["buildProvenance"] as? [[String: Any]])
        #expect(statements.map { $0["builder"] as? String } == ["https://ci.example/runner", "https://ci.example/other"])
        #expect(statements.allSatisfy { $0["enveloped"] as? Bool == true && $0["file"] as? String == "build.intoto.jsonl" })
        #expect(Self.findings(json, "G5").isEmpty)
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("in a DSSE envelope, whose signatures dossier does not check"))
        #expect(md.contains("Evidence: 2 update packages and 2 build provenance statements stored with the release"), "\(md.prefix(700))")
    }

    @Test("bad provenance: the file, line and column of what is not an in-toto statement of SLSA provenance v1; exit 2, nothing written")
    func badInput() throws {
        let scratch = try Scratch()
        let (_, commit, packages) = try Self.setUp(scratch)
        func refused(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: scratch.file(name), atomically: true, encoding: .utf8)
            let result = try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "out", "--provenance", name], in: scratch.path)
            #expect(result.status == 2, "\(name): \(result.stderr)")
            #expect(!scratch.exists("out"))
            return result.stderr
        }
        let good = Self.statement(commit: commit, subjects: packages)
        let v02 = good.replacingOccurrences(of: "https://slsa.dev/provenance/v1", with: "https://slsa.dev/provenance/v0.2")
        #expect(try refused("v02.json", v02).contains("v02.json:2:19: expected \"predicateType\": \"https://slsa.dev/provenance/v1\" (SLSA provenance v1), found the text"))
        let badDigest = good.replacingOccurrences(of: packages[0].1, with: "not-a-digest")
        #expect(try refused("digest.json", badDigest).contains("digest.json:1:") && (try refused("digest.json", badDigest)).contains("expected a SHA-256 (64 hex digits), found the text"))
        #expect(try refused("commit.json", Self.statement(commit: "HEAD", subjects: [])).contains("expected a git commit id (40 or 64 hex digits), found the text"))
        let wrongType = Self.envelope(good).replacingOccurrences(of: "application/vnd.in-toto+json", with: "text/plain")
        #expect(try refused("type.json", wrongType).contains("type.json:1:17: expected \"payloadType\": \"application/vnd.in-toto+json\""))
        // An error inside an envelope's payload is reported at the payload, with where in the decoded payload it is.
        let wrongStatement = Self.envelope(good.replacingOccurrences(of: "https://in-toto.io/Statement/v1", with: "https://example.com/other"))
        let inside = try refused("inside.json", wrongStatement)
        #expect(inside.contains("inside.json:1:60: in the envelope's payload (line 1, column 11 of the decoded payload: expected \"_type\""), "\(inside)")
        let lines = Self.envelope(good) + "\n{\"payloadType\": 1}\n"
        #expect(try refused("two.jsonl", lines).contains("two.jsonl:2:"))
        #expect(try refused("text.json", "not json").contains("text.json:1:1:"))
    }
}
