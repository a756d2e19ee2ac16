import Foundation
import TestSupport
import Testing

@Suite("dossier suf, end to end")
struct SufCommandTests {
    @Test("writes the four bundle files for the newest release, with the delta against the previous release")
    func newestRelease() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SUF for v1.1.0 (2 commits since v1.0.0) written to dist/dossier/v1.1.0"))
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file("dist/dossier/v1.1.0")).sorted()
        #expect(files == ["MANIFEST.sha256", "SUF-v1.1.0.html", "SUF-v1.1.0.md", "dhf-facts.json", "picture-architecture.svg", "picture-risk-matrix.svg", "suf.json", "trace-REQ-1.svg", "trace-REQ-2.svg", "trace-REQ-3.svg", "trace-matrix.csv"])

        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| Device | Infusion Pump Controller |"))
        #expect(md.contains("| Previous release | v1.0.0 ("))
        // Requirements delta: REQ-1 changed (text), REQ-2 obsoleted, REQ-3 added.
        #expect(md.contains("| added | [REQ-3](#req-3) | Start screen |"))
        #expect(md.contains("| changed | [REQ-1](#req-1) | Dose limit | text: The pump shall refuse a dose above the programmed limit. → The pump shall refuse a dose above the programmed limit and show why. |"))
        #expect(md.contains("| [REQ-2](#req-2) | requirement | Beep on start | v1.1.0 | Replaced by the start screen (REQ-3) |"))
        // Version history: CR-1 with its commit and the software item it touched; the commit with no CR listed.
        #expect(md.contains("### CR-1: Explain refused doses"))
        #expect(md.contains("| Explain refused doses | Bob Builder |"))
        #expect(md.contains("| ITEM-1 | N |"))
        #expect(md.contains("### Commits naming no change request"))
        #expect(md.contains("| Tidy the build script |"))
        #expect(md.contains("| [ITEM-1](#item-1) | Dose engine | C | 1 | 1 |"))
        #expect(md.contains("- Makefile\n"))
        #expect(md.contains("| letter-to-file | No new intended use |"))
        // Every section is present, each naming its clause.
        for section in ["## 1. Identification", "## 2. Release summary", "## 3. Version history", "## 4. Affected software items",
                        "## 5. Requirements delta", "## 6. Risk management file", "## 7. Cybersecurity delta", "## 8. SOUP delta",
                        "## 9. Verification evidence", "## 10. Problem reports resolved", "## 11. Known residual anomalies",
                        "## 12. Labeling and IFU delta", "## 13. Deprecations", "## 14. Build and update integrity", "## 15. Gap report"] {
            #expect(md.contains(section), "missing \(section)")
        }
        #expect(md.contains("*IEC 62304 5.8.4*"))
        // A section with nothing to report says so.
        #expect(md.contains("No known anomaly remains open in this release."))
        // Each risk shows its cell of the matrix before and after control.
        // The HTML page: self-contained, a table of contents, an anchor per record and per section.
        let html = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<a href=\"#5-requirements-delta\">5. Requirements delta</a>"))
        #expect(html.contains("<h2><a id=\"5-requirements-delta\"></a>5. Requirements delta</h2>"))
        #expect(html.contains("<td><a href=\"#req-3\"><span class=\"id\">REQ-3</span></a></td>"))
        #expect(md.contains("| <a id=\"req-3\"></a>REQ-3 | Start screen |  | approved | ITEM-2 |  |"))
        #expect(html.contains("<td><a id=\"req-3\"></a><span class=\"id\">REQ-3</span></td>"))
        // Every link in the page has its anchor, and no anchor is there twice.
        let anchors = html.matches(of: /<a id="([^"]+)"><\/a>/).map { String($0.1) }
        #expect(Set(anchors).count == anchors.count)
        for link in html.matches(of: /href="#([^"]+)"/).map({ String($0.1) }) {
            #expect(anchors.contains(link), "no anchor for #\(link)")
        }
        #expect(html.contains("@media print"))
        #expect(!html.contains("<link") && !html.contains("src="))
        #expect(md.contains("| Risk before control | U: unacceptable |\n| Control REQ-1 (protective measure) | Dose limit; verification: "))
        #expect(md.contains("| Risk after control | R: reduce as far as practicable |"))
    }

    @Test("the manifest lists every other file and sha256sum -c accepts it")
    func manifestChecks() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        let manifest = try scratch.read("dist/dossier/v1.1.0/MANIFEST.sha256")
        #expect(try manifest.split(separator: "\n").map { try #require($0.split(separator: " ").last) } == ["SUF-v1.1.0.html", "SUF-v1.1.0.md", "dhf-facts.json", "picture-architecture.svg", "picture-risk-matrix.svg", "suf.json", "trace-REQ-1.svg", "trace-REQ-2.svg", "trace-REQ-3.svg", "trace-matrix.csv"])
        let check = try Shell.run("sha256sum", ["-c", "MANIFEST.sha256"], in: scratch.file("dist/dossier/v1.1.0"))
        #expect(check.status == 0)
        #expect(check.stdout.contains("suf.json: OK"))
    }

    @Test("two runs give byte-identical bundles; the date is the tag's, or SOURCE_DATE_EPOCH")
    func deterministic() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo", "--out", "a"], in: scratch.path).status == 0)
        #expect(try dossier(["suf", "--repo", "repo", "--out", "b"], in: scratch.path).status == 0)
        for file in ["MANIFEST.sha256", "SUF-v1.1.0.html", "SUF-v1.1.0.md", "suf.json"] {
            #expect(try scratch.readData("a/v1.1.0/\(file)") == scratch.readData("b/v1.1.0/\(file)"), "\(file) differs")
        }
        let tagDate = try Shell.run("git", ["-C", "repo", "for-each-ref", "--format=%(taggerdate:iso-strict)", "refs/tags/v1.1.0"],
                                    in: scratch.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try scratch.read("a/v1.1.0/SUF-v1.1.0.md").contains("| Document date | \(tagDate) |"))
        #expect(try dossier(["suf", "--repo", "repo", "--out", "c"], in: scratch.path, environment: ["SOURCE_DATE_EPOCH": "1767225600"]).status == 0)
        #expect(try scratch.read("c/v1.1.0/SUF-v1.1.0.md").contains("| Document date | 2026-01-01T00:00:00Z |"))
    }

    @Test("no absolute path from the machine gets into a bundle")
    func noAbsolutePaths() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try DeviceFixture.dossierYML.write(toFile: scratch.file("external.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: true)
        let result = try dossier(["suf", "--repo", scratch.file("repo"), "--config", scratch.file("external.yml"), "--out", scratch.file("out")],
                                 in: scratch.file("elsewhere"))
        #expect(result.status == 0, "\(result.stderr)")
        for file in try FileManager.default.contentsOfDirectory(atPath: scratch.file("out/v1.1.0")) {
            #expect(!(try scratch.read("out/v1.1.0/\(file)")).contains(scratch.path), "\(file) names a path of this machine")
        }
    }

    @Test("the first release covers history from the root; --since picks the start")
    func firstReleaseAndSince() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        let first = try dossier(["suf", "v1.0.0", "--repo", "repo"], in: scratch.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("(1 commits since the root)"))
        let md = try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md")
        #expect(md.contains("none: this release covers history from the root"))
        // Every record is new in a first release.
        #expect(md.contains("| added | [REQ-1](#req-1) |"))

        let root = try repo.git(["rev-list", "--max-parents=0", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let since = try dossier(["suf", "v1.1.0", "--since", root, "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(since.status == 0, "\(since.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        #expect(try #require(json["commits"] as? [Any]).count == 2)
        #expect(!scratch.exists("dist/dossier/v1.1.0/SUF-v1.1.0.md"))
    }

    @Test("suf.json holds the Release value with sorted keys")
    func json() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo"], in: scratch.path).status == 0)
        let data = try scratch.readData("dist/dossier/v1.1.0/suf.json")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Array(json.keys).sorted() == ["changeRequests", "commits", "commitsWithoutChangeRequest", "coverage", "delta", "evidence",
                                              "findings", "formatVersion", "identification", "itemsTouched", "notSoftwarePaths", "records", "rulesOff",
                                              "statistics", "traceMatrix", "unclaimedPaths"])
        let identification = try #require(json["identification"] as? [String: Any])
        #expect(identification["commit"] as? String == (try repo.git(["rev-parse", "v1.1.0^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(commits.map { $0["subject"] as? String } == ["Explain refused doses", "Tidy the build script"])
        #expect(commits[0]["changeRequests"] as? [String] == ["CR-1"])
        #expect(commits[0]["references"] as? [String] == ["REQ-1"])
        #expect(commits[0]["body"] as? String == "Show the reason on screen.\n\nChange-Request: CR-1\nRefs: REQ-1\n")  // git's %b
        #expect(commits[0]["message"] as? String == "Explain refused doses\n\nShow the reason on screen.\n\nChange-Request: CR-1\nRefs: REQ-1\n")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"changeRequests\": [\n    {\n      \"commits\": [\n        \""))
    }

    @Test("a repository without dossier.yml is documented from its history alone; bare repositories work")
    func historyAloneAndBare() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("First\n", files: ["a.txt": "1\n"])
        try repo.tag("v0.1.0", annotated: false)
        try Shell.run("git", ["clone", "-q", "--bare", "repo", "bare.git"], in: scratch.path)
        for path in ["repo", "bare.git"] {
            let result = try dossier(["suf", "--repo", path, "--out", "out-\(path)"], in: scratch.path)
            #expect(result.status == 0, "\(result.stderr)")
            let md = try scratch.read("out-\(path)/v0.1.0/SUF-v0.1.0.md")
            #expect(md.contains("not described (no dossier.yml: documented from history alone)"))
            #expect(md.contains("| Release tag | v0.1.0 (lightweight) |"))
            // A lightweight tag has no date of its own: the document date is the commit's.
            let commitDate = try repo.git(["log", "-1", "--format=%cI"]).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(md.contains("| Document date | \(commitDate) |"))
        }
    }

    @Test("--config takes a dossier.yml from outside the repository")
    func externalConfig() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try DeviceFixture.dossierYML.replacingOccurrences(of: "Infusion Pump Controller", with: "Renamed Pump")
            .write(toFile: scratch.file("other.yml"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo", "--config", "other.yml"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| Device | Renamed Pump |"))
        #expect(md.contains("| Configuration | other.yml (given with --config) |"))
    }

    @Test("a release name with a slash makes one folder, not two")
    func slashInTagName() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("More\n", files: ["a": "1"])
        try repo.tag("release/2.0")
        let result = try dossier(["suf", "release/2.0", "--repo", "repo", "--format", "md"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(1 commits since v1.1.0) written to dist/dossier/release-2.0"))
        #expect(scratch.exists("dist/dossier/release-2.0/SUF-release-2.0.md"))
    }

    @Test("commits.trailers in dossier.yml chooses which trailers name records")
    func configuredTrailerKeys() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Use our own trailer\n", files: ["dossier.yml": DeviceFixture.dossierYML + "commits: {trailers: [Ticket]}\n"])
        try repo.commit("Named by a ticket\n\nticket: CR-1, REQ-1\nChange-Request: CR-9\n", files: ["Sources/Dose/Limit.swift": "let limit = 11\n"])
        try repo.tag("v1.2.0")
        #expect(try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path).status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.2.0/suf.json")) as? [String: Any])
        let last = try #require((json["commits"] as? [[String: Any]])?.last)
        #expect(last["changeRequests"] as? [String] == ["CR-1"])
        #expect(last["references"] as? [String] == ["REQ-1"])
        #expect(try #require(json["changeRequests"] as? [[String: Any]]).map { try #require($0["id"] as? String) } == ["CR-1"])
    }

    @Test("--format limits the documents written; the manifest and the trace matrix are always there")
    func formats() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo", "--format", "md"], in: scratch.path).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file("dist/dossier/v1.1.0")).sorted()
        #expect(files == ["MANIFEST.sha256", "SUF-v1.1.0.md", "picture-architecture.svg", "picture-risk-matrix.svg", "trace-REQ-1.svg", "trace-REQ-2.svg", "trace-REQ-3.svg", "trace-matrix.csv"])
    }
}
