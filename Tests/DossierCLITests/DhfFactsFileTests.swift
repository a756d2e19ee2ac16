import Foundation
import TestSupport
import Testing

/// The facts file every SUF bundle holds (`dhf-facts.json`): what the DHF keeps of the release, which a DHF over
/// attached bundles reads instead of the whole suf.json.
@Suite("dhf-facts.json: the DHF reads attached releases from their facts file")
struct DhfFactsFileTests {
    static let releases = ["v1.0.0", "v1.1.0", "v2.0.0"]

    /// Replaces the bundle attached to `release` with one where `change` (a shell command run in a folder holding
    /// the bundle's files) was done, and the manifest written again, so that the bundle is whole by its manifest:
    /// as a bundle made by another dossier would be.
    private func rewrite(_ release: String, in repo: String, _ change: String) throws {
        let script = """
            set -e
            dir=$(mktemp -d)
            git archive refs/dossier/\(release) | tar -x -C "$dir"
            (cd "$dir" && \(change))
            (cd "$dir" && rm MANIFEST.sha256 && LC_ALL=C ls | while read f; do sha256sum "$f"; done > "$dir.manifest")
            mv "$dir.manifest" "$dir/MANIFEST.sha256"
            tree=$(for f in $(cd "$dir" && LC_ALL=C ls); do printf '100644 blob %s\\t%s\\n' "$(git hash-object -w "$dir/$f")" "$f"; done | git mktree)
            commit=$(echo rewritten | git -c user.name=M -c user.email=m@example.com commit-tree "$tree" -p refs/dossier/\(release))
            git update-ref refs/dossier/\(release) "$commit"
            rm -rf "$dir"
            """
        let result = try Shell.run("sh", ["-c", script], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Which file each release's facts were read from, by the stage lines of `DOSSIER_TIMINGS=1`.
    private func sources(_ stderr: String) -> [String: String] {
        var found: [String: String] = [:]
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: "dossier: timing: facts ") else { continue }
            let words = line[range.upperBound...].split(separator: " ")
            found[String(words[0])] = String(words[2])
        }
        return found
    }

    /// The sample project with every release's bundle attached.
    private func attachedProject(_ scratch: Scratch) throws -> String {
        let repo = try SampleProjectTests.build(scratch)
        for release in Self.releases {
            #expect(try dossier(["attach", release, "--repo", "pd"], in: scratch.path).status == 0)
        }
        return repo
    }

    @Test("a SUF bundle holds dhf-facts.json, listed in its manifest: the release's facts, records by headline only")
    func bundleHoldsFacts() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let suf = try dossier(["suf", "v2.0.0", "--repo", "pd", "--out", "out"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let manifest = try scratch.read("out/v2.0.0/MANIFEST.sha256")
        let sum = try Shell.run("sha256sum", ["dhf-facts.json"], in: scratch.file("out/v2.0.0")).stdout
        #expect(manifest.contains(sum), "\(manifest)")
        let text = try scratch.read("out/v2.0.0/dhf-facts.json")
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(facts.keys.sorted() == ["changeRequests", "coverage", "delta", "factsVersion", "findings", "headlines",
                                        "identification", "openAnomalies", "soup", "statistics", "traceMatrix"])
        #expect(facts["factsVersion"] as? Int == 1)
        #expect((facts["identification"] as? [String: Any])?["release"] as? String == "v2.0.0")
        #expect((facts["headlines"] as? [String: String])?["REQ-1"] != nil, "\(facts["headlines"] ?? "")")
        // Canonical JSON: the same release gives the same bytes.
        #expect(try dossier(["suf", "v2.0.0", "--repo", "pd", "--out", "again"], in: scratch.path).status == 0)
        #expect(try scratch.read("again/v2.0.0/dhf-facts.json") == text)
    }

    @Test("the DHF over attached bundles reads each release's facts file; from a bundle made before facts files, suf.json, with the same DHF")
    func readsFactsFileElseSUF() throws {
        let scratch = try Scratch()
        let repo = try attachedProject(scratch)
        let timings = ["DOSSIER_TIMINGS": "1"]
        let withFacts = try dossier(["dhf", "--repo", "pd", "--out", "facts"], in: scratch.path, environment: timings)
        #expect(withFacts.status == 0, "\(withFacts.stderr)")
        #expect(sources(withFacts.stderr) == ["v1.0.0": "dhf-facts.json", "v1.1.0": "dhf-facts.json", "v2.0.0": "dhf-facts.json"])

        // The bundles as an older dossier made them: no facts file.
        var before: [String: (digest: String, commit: String)] = [:]
        for release in Self.releases {
            before[release] = (try Shell.run("git", ["show", "refs/dossier/\(release):MANIFEST.sha256"], in: repo).stdout,
                               try Shell.run("git", ["rev-parse", "refs/dossier/\(release)"], in: repo).stdout.prefix(12).description)
            try rewrite(release, in: repo, "rm dhf-facts.json")
        }
        let old = try dossier(["dhf", "--repo", "pd", "--out", "old"], in: scratch.path, environment: timings)
        #expect(old.status == 0, "\(old.stderr)")
        #expect(sources(old.stderr) == ["v1.0.0": "suf.json", "v1.1.0": "suf.json", "v2.0.0": "suf.json"])
        #expect(!FileManager.default.fileExists(atPath: scratch.file("old/dhf/v1.0.0/dhf-facts.json")))
        // The same DHF but for each bundle's manifest digest and commit.
        var expected = try scratch.read("facts/dhf/DHF.md")
        for release in Self.releases {
            let newDigest = try Shell.run("sha256sum", ["old/dhf/\(release)/MANIFEST.sha256"], in: scratch.path).stdout.prefix(64)
            let oldDigest = try Shell.run("sha256sum", [], input: Data(before[release]!.digest.utf8)).stdout.prefix(64)
            let commit = try Shell.run("git", ["rev-parse", "refs/dossier/\(release)"], in: repo).stdout.prefix(12)
            expected = expected.replacingOccurrences(of: String(oldDigest), with: String(newDigest))
                .replacingOccurrences(of: before[release]!.commit, with: String(commit))
                // The rewrite is a second bundle on the reference, which the bundle (revision 1) does not know.
                .replacingOccurrences(of: "SUF-\(release) rev. 1 |",
                                      with: "SUF-\(release) rev. 1 (as the bundle states; the history of refs/dossier/\(release) makes it revision 2) |")
        }
        #expect(try scratch.read("old/dhf/DHF.md") == expected)
    }

    @Test("a facts file made before open anomalies were recorded: the DHF's trends say n/a for that release, not zero")
    func openAnomaliesNotRecorded() throws {
        let scratch = try Scratch()
        let repo = try attachedProject(scratch)
        let drop = #"python3 -c 'import json; d = json.load(open("dhf-facts.json")); del d["openAnomalies"]; json.dump(d, open("dhf-facts.json", "w"))'"#
        try rewrite("v2.0.0", in: repo, drop)
        let result = try dossier(["dhf", "--repo", "pd", "--out", "out"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try scratch.read("out/dhf/picture-trends.svg")
        #expect(svg.contains("<title>v1.0.0: 1 open anomalies</title>") && svg.contains("<title>v1.1.0: 0 open anomalies</title>"), "\(svg)")
        #expect(!svg.contains("v2.0.0: 2 open anomalies") && svg.contains(">n/a</text>"))
        let json = try #require(JSONSerialization.jsonObject(with: scratch.readData("out/dhf/dhf.json")) as? [String: Any])
        let releases = try #require(json["releases"] as? [[String: Any]])
        #expect(releases.map { $0["openAnomalies"] as? Int } == [1, 0, nil])
    }

    @Test("a facts file of a newer format is not read: the DHF reads that bundle's suf.json")
    func newerFormatFallsBack() throws {
        let scratch = try Scratch()
        let repo = try attachedProject(scratch)
        try rewrite("v1.1.0", in: repo, "sed -i 's/\"factsVersion\": 1,/\"factsVersion\": 2,/' dhf-facts.json && grep -q '\"factsVersion\": 2' dhf-facts.json")
        let result = try dossier(["dhf", "--repo", "pd", "--out", "out"], in: scratch.path, environment: ["DOSSIER_TIMINGS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sources(result.stderr) == ["v1.0.0": "dhf-facts.json", "v1.1.0": "suf.json", "v2.0.0": "dhf-facts.json"])
    }

    @Test("a malformed facts file in a bundle that matches its manifest: exit 2 naming the ref, file, line and column; nothing written",
          arguments: [
              ("{\n  \"factsVersion\": 1,\n  \"identification\": 3\n}\n", ":dhf-facts.json:3:"),
              ("{\"factsVersion\": 1, \"identification\"", ":dhf-facts.json:1:"),
              ("[]\n", ":dhf-facts.json:1:1:"),
              ("{\n  \"factsVersion\": 0\n}\n", ":dhf-facts.json:2:"),
          ])
    func malformed(content: String, location: String) throws {
        let scratch = try Scratch()
        let repo = try attachedProject(scratch)
        let file = scratch.file("facts.json")
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        try rewrite("v1.0.0", in: repo, "cp '\(file)' dhf-facts.json")
        let result = try dossier(["dhf", "--repo", "pd", "--out", "out"], in: scratch.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("refs/dossier/v1.0.0\(location)"), "\(result.stderr)")
        #expect(result.stderr.contains("not a facts file of dossier (dhf-facts.json, format 1)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out")))
    }

    @Test("a facts file with a member that is not one of its own is refused")
    func unknownMember() throws {
        let scratch = try Scratch()
        let repo = try attachedProject(scratch)
        try rewrite("v1.0.0", in: repo, "sed -i 's/^{$/{\\n  \"extra\": true,/' dhf-facts.json && grep -q extra dhf-facts.json")
        let result = try dossier(["dhf", "--repo", "pd", "--out", "out"], in: scratch.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("refs/dossier/v1.0.0:dhf-facts.json:1:1"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown member 'extra'"), "\(result.stderr)")
    }
}
