import Foundation
import TestSupport
import Testing

/// The proof that evidence stays with the release: on the sample project, with its test reports stored as `make demo`
/// stores them, every document of a release says the same, and a fresh clone rebuilds the same SUF.
@Suite("evidence stays with the release: the sample project")
struct EvidenceProofTests {
    static let releases = ["v1.0.0", "v1.1.0", "v2.0.0"]

    /// The files of a bundle folder, by name.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// A JSON document's findings as (rule, level, message), in order.
    static func findings(_ json: [String: Any]) throws -> [String] {
        try #require(json["findings"] as? [[String: Any]]).map { "\(try #require($0["rule"])) \(try #require($0["level"])) \(try #require($0["message"]))" }
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("for every release the SUF, the DHF's copy, check and the diff report the same findings, and a fresh clone with refs/dossier/* rebuilds the same SUF")
    func everyDocumentAgrees() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("sample-project"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.packageRoot + "/sample-project/evidence", toPath: scratch.file("sample-project/evidence"))
        // As make demo does it: the reports stored with both releases, v1.1.0's bundle attached, no --evidence after.
        for release in ["v1.1.0", "v2.0.0"] {
            let add = try dossier(["evidence", "add", release, "sample-project/evidence/\(release)-junit.xml", "--repo", repo], in: scratch.path)
            #expect(add.status == 0, "\(add.stderr)")
        }
        #expect(try dossier(["attach", "v1.1.0", "--repo", repo], in: scratch.path).status == 0)
        let dhf = try dossier(["dhf", "--repo", repo, "--out", "dhf-out"], in: scratch.path)
        #expect(dhf.status == 0 && dhf.stderr.isEmpty, "\(dhf.stderr)")

        var sufFindings: [String: [String]] = [:]
        for release in Self.releases {
            let suf = try dossier(["suf", release, "--repo", repo, "--out", "sufs"], in: scratch.path)
            #expect(suf.status == 0, "\(suf.stderr)")
            let bundle = try Self.files(scratch.file("sufs/\(release)"))
            // The DHF's copy of the release is its SUF: every file byte-identical (v1.1.0's is the attached bundle).
            #expect(try Self.files(scratch.file("dhf-out/dhf/\(release)")) == bundle, "\(release)")
            let json = try Self.json(try #require(bundle["suf.json"]))
            sufFindings[release] = try Self.findings(json)
            let origin = try #require((json["identification"] as? [String: Any])?["evidence"] as? [String: Any])
            #expect(origin["kind"] as? String == (release == "v1.0.0" ? "none" : "stored"), "\(release)")
            // check reads the same evidence and finds the same.
            let check = try dossier(["check", release, "--repo", repo, "--format", "json"], in: scratch.path)
            #expect(try Self.findings(Self.json(Data(check.stdout.utf8))) == sufFindings[release], "\(release)")

            // A fresh clone, with the refs fetched as README says, rebuilds the same bundle byte for byte.
            let clone = scratch.file("clone-\(release)")
            #expect(try Shell.run("git", ["clone", "-q", repo, clone]).status == 0)
            #expect(try Shell.run("git", ["-C", clone, "fetch", "-q", "origin", "+refs/dossier/*:refs/dossier/*"]).status == 0)
            let rebuilt = try dossier(["suf", release, "--repo", clone, "--out", "rebuilt"], in: scratch.path)
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
            #expect(try Self.files(scratch.file("rebuilt/\(release)")) == bundle, "\(release)")
        }
        let md = try scratch.read("sufs/v2.0.0/SUF-v2.0.0.md")
        #expect(md.contains("\nEvidence: 1 test report (40 cases) stored with the release at refs/dossier/evidence/v2.0.0 (commit "))
        #expect(!md.contains("No test evidence was given"))

        // The diff's counts are the SUFs' counts, both sides.
        for (old, new) in [("v1.0.0", "v1.1.0"), ("v1.1.0", "v2.0.0")] {
            let diff = try dossier(["diff", old, new, "--repo", repo, "--format", "json"], in: scratch.path)
            #expect(diff.status == 0, "\(diff.stderr)")
            let counts = try #require(try Self.json(Data(diff.stdout.utf8))["findings"] as? [String: Any])
            func count(_ release: String, _ level: String) throws -> Int { try #require(sufFindings[release]).count { $0.split(separator: " ")[1] == level } }
            #expect(counts["errors"] as? [String: Int] == ["old": try count(old, "error"), "new": try count(new, "error")], "\(old)..\(new)")
            #expect(counts["warnings"] as? [String: Int] == ["old": try count(old, "warning"), "new": try count(new, "warning")], "\(old)..\(new)")
        }
    }
}
