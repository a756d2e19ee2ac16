import Foundation
import TestSupport
import Testing

/// dossier.yml's `not_software:` globs: paths outside the software system are listed apart, not reported by C5.
@Suite("not_software: changed paths outside the software system")
struct NotSoftwareTests {
    @Test("a changed path that not_software names is listed apart in the SUF and not reported by C5; another still is")
    func listedApart() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Notes and a script\n\nChange-Request: CR-1\n", files: [
            "dossier.yml": DeviceFixture.dossierYML + "not_software: [\"docs/**\", dossier.yml]\n",
            "docs/release-notes.md": "Notes\n", "scripts/build.sh": "echo\n",
        ])
        try repo.tag("v1.2.0")
        let check = try dossier(["check", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(check.stdout.contains("C5  scripts/build.sh changed in the release"))
        #expect(!check.stdout.contains("docs/release-notes.md"))
        #expect(!check.stdout.contains("C5  dossier.yml"))
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path).status == 0)
        let md = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md")
        #expect(md.contains("Changed paths that no software item claims:\n- scripts/build.sh\n"))
        #expect(md.contains("Changed paths outside the software system (dossier.yml `not_software`):\n- docs/release-notes.md\n- dossier.yml\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.2.0/suf.json")) as? [String: Any])
        #expect(json["notSoftwarePaths"] as? [String] == ["docs/release-notes.md", "dossier.yml"])
    }

    @Test("not_software that is not a list of globs is an error at its line and column")
    func badValue() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Bad config\n", files: ["dossier.yml": DeviceFixture.dossierYML + "not_software: {docs: yes}\n"])
        try repo.tag("v1.2.0")
        let result = try dossier(["check", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("dossier.yml:13:15"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("dist")))
    }
}
