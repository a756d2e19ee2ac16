import Foundation
import TestSupport
import Testing

@Suite("dossier init")
struct InitCommandTests {
    @Test("in a repository with release tags: writes dossier.yml and the record files, the pattern matching the tags; check and suf read them once committed")
    func scaffolds() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("First\n", files: ["src/main.c": "int main(void) { return 0; }\n"])
        try repo.tag("v1.0.0")
        try repo.tag("nightly", annotated: false)
        try repo.commit("Second\n", files: ["src/main.c": "int main(void) { return 1; }\n"])
        try repo.tag("v1.1.0")
        let result = try dossier(["init", "--repo", "repo", "--device-name", "Pump \"Mini\""], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            wrote dossier.yml
            wrote regulatory/requirements.yml
            wrote regulatory/risks.yml
            wrote regulatory/risk-management.yml
            wrote regulatory/threats.yml
            wrote regulatory/ifu.yml
            wrote regulatory/items.yml
            wrote regulatory/soup.yml
            wrote regulatory/change-requests.yml
            wrote regulatory/problem-reports.yml
            release tags: 2 match v* (v1.0.0 … v1.1.0)
            next: fill in the records, run `dossier check --worktree`, and commit dossier.yml and regulatory/

            """)
        let config = try scratch.read("repo/dossier.yml")
        #expect(config.contains("  name: \"Pump \\\"Mini\\\"\""))
        #expect(config.contains("  tag_pattern: \"v*\"   # matches 2 tags found by dossier init, v1.0.0 to v1.1.0\n"))
        #expect(try scratch.read("repo/regulatory/risks.yml").contains("#    hazard: Missed alarm"))

        // The work tree's records parse: check reads them (its findings are about the empty records, not errors in them).
        let check = try dossier(["check", "--worktree", "--repo", "repo"], in: scratch.path)
        #expect(check.status != 2, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        try repo.commit("Add the regulatory records\n", files: [:])
        try repo.tag("v1.2.0")
        let suf = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(try scratch.read("out/v1.2.0/SUF-v1.2.0.md").hasPrefix("# Software Update File: Pump \"Mini\" v1.2.0"))
    }

    @Test("without tags the pattern is v*, said so; the device is named after the folder")
    func noTags() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch, name: "infusion-pump")
        try repo.commit("First\n", files: ["a.txt": "a\n"])
        let result = try dossier(["init", "--repo", "infusion-pump"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("release tags: none yet; releases.tag_pattern is v*\n"))
        let config = try scratch.read("infusion-pump/dossier.yml")
        #expect(config.contains("  name: \"infusion-pump\""))
        #expect(config.contains("# no release tag yet: tag releases v1.0.0, v1.1.0, … (annotated and signed)"))
    }

    @Test("refuses to overwrite: an existing record file is named, exit 2, and nothing is written; a bare repository and a folder that is no repository are refused")
    func refuses() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("First\n", files: ["regulatory/risks.yml": "risks: []\n"])
        let result = try dossier(["init", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: regulatory/risks.yml already exists in "))
        #expect(result.stderr.hasSuffix("; dossier init writes nothing over existing files (move them away, or edit them)\n"))
        #expect(!scratch.exists("repo/dossier.yml"))
        #expect(!scratch.exists("repo/regulatory/requirements.yml"))
        #expect(try scratch.read("repo/regulatory/risks.yml") == "risks: []\n")

        _ = try GitRepository(scratch, name: "bare.git", bare: true)
        let bare = try dossier(["init", "--repo", "bare.git"], in: scratch.path)
        #expect(bare.status == 2)
        #expect(bare.stderr == "dossier: error: dossier init writes into a work tree; bare.git is a bare repository\n")

        try FileManager.default.createDirectory(atPath: scratch.file("plain"), withIntermediateDirectories: true)
        let plain = try dossier(["init", "--repo", "plain"], in: scratch.path)
        #expect(plain.status == 2)
        #expect(!scratch.exists("plain/dossier.yml"))
    }
}
