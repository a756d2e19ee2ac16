import Foundation
import TestSupport
import Testing

/// `dossier dhf` on the sample project: every release's SUF bundle, the attached one byte for byte, and the
/// cumulative documents over them.
@Suite("dossier dhf")
struct DhfCommandTests {
    @Test("dhf reuses the attached bundle byte for byte, builds the others, and holds the history of every record")
    func dhfOverThreeReleases() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/v1.1.0-junit.xml"
        #expect(try dossier(["attach", "v1.1.0", "--repo", "pd", "--evidence", evidence], in: scratch.path).status == 0)
        let attached = try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/v1.1.0"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let result = try dossier(["dhf", "--repo", "pd"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "DHF through v2.0.0 (3 releases; bundles: 1 attached, 2 built now) written to dist/dossier/dhf\n")

        // The attached bundle, byte for byte: every file git holds at refs/dossier/v1.1.0, and no other.
        let names = try Shell.run("git", ["-C", repo, "ls-tree", "--name-only", "refs/dossier/v1.1.0"]).stdout
            .split(separator: "\n").map(String.init)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("dist/dossier/dhf/v1.1.0")).sorted() == names)
        for name in names {
            let copy = scratch.file("blob-\(name)")
            #expect(try Shell.run("sh", ["-c", "git -C \"$0\" cat-file blob \"refs/dossier/v1.1.0:$1\" > \"$2\"", repo, name, copy]).status == 0)
            #expect(try scratch.readData("dist/dossier/dhf/v1.1.0/\(name)") == (try scratch.readData("blob-\(name)")), "\(name)")
        }
        // The others are what dossier suf writes.
        for release in ["v1.0.0", "v2.0.0"] {
            #expect(try dossier(["suf", release, "--repo", "pd", "--out", "suf"], in: scratch.path).status == 0)
            let same = try Shell.run("diff", ["-r", "suf/\(release)", "dist/dossier/dhf/\(release)"], in: scratch.path)
            #expect(same.status == 0, "\(same.stdout)")
        }
        // Every file is in the DHF's manifest, and each release folder checks on its own.
        #expect(try Shell.run("sha256sum", ["--quiet", "-c", "MANIFEST.sha256"], in: scratch.file("dist/dossier/dhf")).status == 0)
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            #expect(try Shell.run("sha256sum", ["--quiet", "-c", "MANIFEST.sha256"], in: scratch.file("dist/dossier/dhf/\(release)")).status == 0)
        }
        let manifest = try scratch.read("dist/dossier/dhf/MANIFEST.sha256")
        #expect(manifest.contains("  v1.1.0/MANIFEST.sha256\n") && manifest.contains("  DHF.md\n") && manifest.contains("  dhf.json\n"))
        #expect(try dossier(["verify", "dist/dossier/dhf"], in: scratch.path).status == 0)

        let md = try scratch.read("dist/dossier/dhf/DHF.md")
        let v110Digest = try Shell.run("sha256sum", [scratch.file("dist/dossier/dhf/v1.1.0/MANIFEST.sha256")]).stdout.prefix(64)
        #expect(md.contains("| v1.1.0 | SUF-v1.1.0 rev. 1 | v1.0.0 | v1.1.0 | `\(v110Digest)` | attached (refs/dossier/v1.1.0, commit \(attached.prefix(12))) |"))
        #expect(md.contains("| v1.0.0 | SUF-v1.0.0 rev. 1 | the root | v1.0.0 | `"))
        #expect(md.contains("| v2.0.0 | SUF-v2.0.0 rev. 1 | v1.1.0 | v2.0.0 | `") && md.contains("| built for this DHF |"))
        #expect(md.contains("| <a id=\"release-v1.0.0\"></a>v1.0.0 | 2024-03-15T10:00:00+01:00 | Priya Raman \\<priya.raman\\@rheinrenal.example\\> | G | 16 | 3 | 87% | 87% | none | [Markdown](v1.0.0/SUF-v1.0.0.md) · [HTML](v1.0.0/SUF-v1.0.0.html) |"))
        // Requirements: the baseline with each one's history; the retired one apart.
        #expect(md.contains("| <a id=\"req-4\"></a>REQ-4 | Unambiguous volume presentation | safety | approved | ITEM-3 |"))
        #expect(md.contains("| v1.0.0 introduced; v1.1.0 changed (text, verified\\_by) |"))
        #expect(md.contains("| <a id=\"req-11\"></a>REQ-11 | Import the cycler's USB log export | obsolete since v2.0.0: Superseded by the direct BLE transfer"))
        #expect(md.contains("v1.0.0 introduced; v2.0.0 obsoleted (status: approved → obsolete) |"))
        // Risks with their matrix positions and history; SOUP versions by release; IFU changes with their release.
        #expect(md.contains("v1.0.0 introduced; v1.1.0 changed (controls, residual: Serious / Remote → Serious / Improbable, items: ITEM-3 → ITEM-3, ITEM-5) |"))
        #expect(md.contains("| <a id=\"soup-1\"></a>SOUP-1 | OpenSSL | 3\\.0.11 | OpenSSL Software Foundation | v1.0.0 |  |"))
        #expect(md.contains("|  | OpenSSL | 3\\.0.13 | OpenSSL Software Foundation | v1.1.0 – v2.0.0 (2 releases) | yes |"))
        #expect(md.contains("| <a id=\"ifu-3\"></a>IFU-3 | PDRM Instructions for Use | 4\\.2 Pairing the cycler |"))
        // The change-control log names every change request with the release it went into.
        #expect(md.contains("| <a id=\"cr-6\"></a>CR-6 | Update OpenSSL to 3.0.13 | maintenance |"))
        #expect(md.contains("| letter-to-file | Priya Raman (QA/RA) 2024-04-22 | v1.1.0 | 2 |"))
        // Findings and clause coverage per release: v1.1.0's attached bundle carries its test reports, which close
        // the T1 gaps of that release only.
        #expect(md.contains("| v1.1.0 | 1 | 3 | C2 error × 1, C5 warning × 1, S5 warning × 2 |"))
        #expect(md.contains("| v1.0.0 | 43 | 10 | 62 | 0 |\n| v1.1.0 | 57 | 4 | 54 | 0 |\n| v2.0.0 | 49 | 8 | 58 | 0 |"))
        #expect(md.contains("| <a id=\"iec-62304-5.7.1\"></a>IEC 62304 5.7.1 | Test every software requirement | gap | no requirement with a linked test result | v1.0.0: gap (T1 (15)); v1.1.0: evidenced; v2.0.0: gap (T1 (29)) |"))
        #expect(md.contains("| <a id=\"iec-62304-5.2.1\"></a>IEC 62304 5.2.1 | Derive and document software requirements | evidenced | [29 requirements](#3-requirements-baseline) | v1.0.0: evidenced |"))
        for heading in ["## 1. Device description", "## 2. Release history", "## 3. Requirements baseline", "## 4. Risk management file",
                        "## 5. Threat model", "## 7. SOUP per release", "## 8. Traceability matrix, all releases",
                        "## 9. IFU and labeling change history", "## 10. Change-control log", "## 12. Findings per release",
                        "## 13. Clause coverage over time"] {
            #expect(md.contains("\n\(heading)\n"), "\(heading)")
        }

        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/dhf/dhf.json")) as? [String: Any])
        #expect(json["through"] as? String == "v2.0.0")
        let releases = try #require(json["releases"] as? [[String: Any]])
        #expect(releases.map { $0["release"] as? String } == ["v1.0.0", "v1.1.0", "v2.0.0"])
        #expect((releases[1]["suf"] as? [String: Any])?["attachedCommit"] as? String == attached)
        #expect((releases[0]["suf"] as? [String: Any])?["attachedCommit"] == nil)
        let records = try #require(json["records"] as? [[String: Any]])
        let risk3 = records.first { $0["id"] as? String == "RISK-3" }
        #expect((risk3?["events"] as? [[String: Any]])?.map { $0["change"] as? String } == ["introduced", "changed"])

        // The same repository gives a byte-identical DHF.
        #expect(try dossier(["dhf", "--repo", "pd", "--out", "again"], in: scratch.path).status == 0)
        let identical = try Shell.run("diff", ["-r", "dist/dossier/dhf", "again/dhf"], in: scratch.path)
        #expect(identical.status == 0, "\(identical.stdout)")
    }

    @Test("dhf RELEASE stops there; --html-pages parts makes one page per part, linked across pages")
    func throughAndPages() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let result = try dossier(["dhf", "v1.1.0", "--repo", "pd", "--format", "html", "--html-pages", "parts"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "DHF through v1.1.0 (2 releases; bundles: 0 attached, 2 built now) written to dist/dossier/dhf\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file("dist/dossier/dhf")).sorted()
        #expect(!files.contains("DHF.md") && !files.contains("dhf.json") && !files.contains("v2.0.0"))
        #expect(files.contains("DHF.html") && files.contains("DHF-3-requirements-baseline.html") && files.contains("v1.1.0"))

        let trace = try scratch.read("dist/dossier/dhf/DHF-8-traceability-matrix-all-releases.html")
        // The navigation bar names every part, this one current; a record link points at the page that has it.
        #expect(trace.contains("<li><a href=\"DHF.html\">1. Device description</a></li>"))
        #expect(trace.contains("<li><a href=\"DHF-8-traceability-matrix-all-releases.html\" aria-current=\"page\">8. Traceability matrix, all releases</a></li>"))
        #expect(trace.contains("<a href=\"DHF-3-requirements-baseline.html#req-4\"><span class=\"id\">REQ-4</span></a>"))
        let requirements = try scratch.read("dist/dossier/dhf/DHF-3-requirements-baseline.html")
        #expect(requirements.contains("<a id=\"req-4\"></a><span class=\"id\">REQ-4</span>"))
        #expect(!requirements.contains("Traceability matrix, all releases</h2>"))

        // One page: the same links stay within the page.
        #expect(try dossier(["dhf", "v1.1.0", "--repo", "pd", "--format", "html", "--html-pages", "one", "--out", "one"],
                            in: scratch.path).status == 0)
        let page = try scratch.read("one/dhf/DHF.html")
        #expect(page.contains("<a href=\"#req-4\"><span class=\"id\">REQ-4</span></a>") && page.contains("<a id=\"req-4\"></a><span class=\"id\">REQ-4</span>"))
        #expect(!page.contains("nav class=\"parts\""))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("one/dhf/DHF-3-requirements-baseline.html")))
    }

    @Test("a DHF from attached bundles says what one from bundles built now says, but for where each came from")
    func attachedSaysTheSame() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        #expect(try dossier(["dhf", "--repo", "pd", "--out", "built"], in: scratch.path).status == 0)
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            #expect(try dossier(["attach", release, "--repo", "pd"], in: scratch.path).status == 0)
        }
        let result = try dossier(["dhf", "--repo", "pd", "--out", "attached"], in: scratch.path)
        #expect(result.stdout == "DHF through v2.0.0 (3 releases; bundles: 3 attached, 0 built now) written to attached/dhf\n")
        let built = try scratch.read("built/dhf/DHF.md"), attached = try scratch.read("attached/dhf/DHF.md")
        #expect(built != attached)
        var expected = built
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            let commit = try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/\(release)"]).stdout.prefix(12)
            let row = built.split(separator: "\n").first { $0.hasPrefix("| \(release) | ") && $0.hasSuffix("| built for this DHF |") }
            let line = try #require(row)
            expected = expected.replacingOccurrences(
                of: line, with: line.replacingOccurrences(of: "| built for this DHF |",
                                                          with: "| attached (refs/dossier/\(release), commit \(commit)) |"))
        }
        #expect(attached == expected)
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            let same = try Shell.run("diff", ["-r", "built/dhf/\(release)", "attached/dhf/\(release)"], in: scratch.path)
            #expect(same.status == 0, "\(same.stdout)")
        }
    }

    @Test("bad input: unknown release, no release tags, bad options, bad YAML at a release, a changed attached bundle")
    func badInput() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        func refused(_ arguments: [String], _ message: String) throws {
            let result = try dossier(arguments, in: scratch.path)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch.file("dist/dossier")), "\(arguments)")
        }
        try refused(["dhf", "v9.9.9", "--repo", "pd"],
                    "'v9.9.9' is not a tag: the DHF runs through a release tag, one of the tags matching 'v*' (v1.0.0, v1.1.0, v2.0.0) or another tag named")
        try refused(["dhf", "--repo", "pd", "--html-pages", "two"], "unknown layout 'two' in --html-pages; expected auto, one or parts")
        try refused(["dhf", "--repo", "pd", "--format", "docx"], "unknown format 'docx' in --format")

        var empty = try GitRepository(scratch, name: "empty")
        try empty.commit("Start\n")
        try refused(["dhf", "--repo", "empty"], "no release tag matches 'v*' in empty")

        // A YAML error at one release stops the whole DHF, naming the release's file, line and column.
        var broken = try DeviceFixture.make(scratch, name: "broken")
        try broken.commit("Break the risks\n", files: ["regulatory/risks.yml": "risks:\n  - id: RISK-1\n    hazard: [unclosed\n"])
        try broken.tag("v1.2.0")
        try refused(["dhf", "--repo", "broken"], "regulatory/risks.yml:4:1: YAML syntax error")
        try refused(["dhf", "--repo", "broken"], "(in the tree of v1.2.0)")

        // An attached bundle whose file was changed after it was attached is refused.
        #expect(try dossier(["attach", "v1.0.0", "--repo", "pd"], in: scratch.path).status == 0)
        let tamper = """
            set -e
            git show refs/dossier/v1.0.0:SUF-v1.0.0.md > ../changed.md
            echo 'All risks are acceptable.' >> ../changed.md
            blob=$(git hash-object -w ../changed.md)
            tree=$(git ls-tree refs/dossier/v1.0.0 | sed "s/blob [0-9a-f]*\\tSUF-v1.0.0.md/blob $blob\\tSUF-v1.0.0.md/" | git mktree)
            commit=$(echo changed | git -c user.name=M -c user.email=m@example.com commit-tree "$tree" -p refs/dossier/v1.0.0)
            git update-ref refs/dossier/v1.0.0 "$commit"
            """
        let changed = try Shell.run("sh", ["-c", tamper], in: repo)
        #expect(changed.status == 0, "\(changed.stderr)")
        try refused(["dhf", "--repo", "pd"],
                    "the bundle attached to v1.0.0 (refs/dossier/v1.0.0, commit ")
        try refused(["dhf", "--repo", "pd"], "does not match its MANIFEST.sha256")
    }
}
