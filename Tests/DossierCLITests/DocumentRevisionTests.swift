import Foundation
import TestSupport
import Testing

/// The SUF's document id and revision: the revision counts the different bundles attached to the release tag, and a
/// bundle built now is the attached one's revision only when it is that bundle, byte for byte.
@Suite("document id and revision")
struct DocumentRevisionTests {
    private func identity(_ scratch: Scratch, _ bundle: String) throws -> [String: Any]? {
        let json = try JSONSerialization.jsonObject(with: try scratch.readData(bundle + "/suf.json")) as! [String: Any]
        return (json["identification"] as! [String: Any])["document"] as? [String: Any]
    }

    private func sameManifest(_ repo: GitRepository, _ scratch: Scratch, _ bundle: String, release: String = "v1.1.0") throws -> Bool {
        try repo.git(["show", "refs/dossier/\(release):MANIFEST.sha256"]) == scratch.read(bundle + "/MANIFEST.sha256")
    }

    @Test("revision 1 until attached; rebuilt, the attached bundle's revision; changed, the next one, attached with --force")
    func revisions() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "a"], in: scratch.path).status == 0)
        let md = try scratch.read("a/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("Document **SUF-v1.1.0**, revision **1**.\n"))
        #expect(md.contains("| Document | SUF-v1.1.0, revision 1 (a revision is counted each time a different bundle is attached to the release tag) |"))
        let document = try identity(scratch, "a/v1.1.0")
        #expect(document?["id"] as? String == "SUF-v1.1.0")
        #expect(document?["revision"] as? Int == 1)
        // Every printed page's footer names the document and its revision (CSS-escaped in the page's style).
        #expect(try scratch.read("a/v1.1.0/SUF-v1.1.0.html").contains(#"content: "SUF\2D v1\2E 1\2E 0 rev\2E  1 \B7  Software Update File"#))

        // Attached, it is revision 1; built again, the same bytes.
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo"], in: scratch.path).status != 2)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "b"], in: scratch.path).status == 0)
        #expect(try sameManifest(repo, scratch, "b/v1.1.0"))
        // Some of its formats only: still that bundle, revision 1.
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "c", "--format", "md"], in: scratch.path).status == 0)
        #expect(try scratch.read("c/v1.1.0/SUF-v1.1.0.md") == scratch.read("b/v1.1.0/SUF-v1.1.0.md"))

        // Another date makes another bundle: revision 2, which attach takes only with --force.
        let later = ["SOURCE_DATE_EPOCH": "1800000000"]
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "d"], in: scratch.path, environment: later).status == 0)
        #expect(try identity(scratch, "d/v1.1.0")?["revision"] as? Int == 2)
        #expect(try scratch.read("d/v1.1.0/SUF-v1.1.0.md").contains("Document **SUF-v1.1.0**, revision **2**."))
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo"], in: scratch.path, environment: later).status == 2)
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo", "--force"], in: scratch.path, environment: later).status != 2)
        #expect(try repo.git(["rev-list", "--count", "refs/dossier/v1.1.0"]) == "2\n")
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "e"], in: scratch.path, environment: later).status == 0)
        #expect(try sameManifest(repo, scratch, "e/v1.1.0"))

        // The bundle built in `a` (revision 1) would now be the third attached: refused, nothing attached.
        let stale = try dossier(["attach", "v1.1.0", "--repo", "repo", "--bundle", "a/v1.1.0", "--force"], in: scratch.path)
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("a/v1.1.0 says it is revision 1 of SUF-v1.1.0, but attached it would be revision 3 (2 different bundle(s) of v1.1.0 attached so far)"))
        #expect(try repo.git(["rev-list", "--count", "refs/dossier/v1.1.0"]) == "2\n")

        // The DHF names each bundle's document and revision.
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "md"], in: scratch.path, environment: later).status == 0)
        let dhf = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(dhf.contains(" Document **DHF**, through v1.1.0.\n"))
        #expect(dhf.contains("| v1.0.0 | SUF-v1.0.0 rev. 1 | the root |"))
        #expect(dhf.contains("| v1.1.0 | SUF-v1.1.0 rev. 2 | v1.0.0 |"))
    }

    @Test("a commit that is not a tag is a draft; dossier.yml documents: names the ids")
    func draftsAndNames() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Name the documents\n", files: [
            "dossier.yml": DeviceFixture.dossierYML + "documents:\n  suf_id: \"PIC-SUF-{release}\"\n  dhf_id: PIC-DHF\n",
        ])
        try repo.tag("v1.2.0")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md").contains("Document **PIC-SUF-v1.2.0**, revision **1**."))
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "md"], in: scratch.path).status == 0)
        let dhf = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(dhf.contains(" Document **PIC-DHF**, through v1.2.0.\n"))
        // Each release's SUF is named by its own dossier.yml: v1.1.0's names none.
        #expect(dhf.contains("| v1.1.0 | SUF-v1.1.0 rev. 1 |"))
        #expect(dhf.contains("| v1.2.0 | PIC-SUF-v1.2.0 rev. 1 |"))

        let head = try repo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try dossier(["suf", head, "--repo", "repo", "--out", "draft"], in: scratch.path).status == 0)
        #expect(try scratch.read("draft/\(head)/SUF-\(head).md").contains("revision **draft**"))
    }

    @Test("dossier.yml documents: an id that is not one is an error at its line and column")
    func badNames() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        for (yaml, message) in [
            ("documents:\n  suf_id: PIC-SUF\n", "dossier.yml:3:11: expected an id that holds {release}, so that each release's SUF has its own in 'documents.suf_id', found 'PIC-SUF'"),
            ("documents:\n  suf_id: \"SUF-{version}\"\n", "dossier.yml:3:11: expected an id whose only placeholder is {release}"),
            ("documents:\n  dhf_id: \"\"\n", "dossier.yml:3:11: expected an id of 1 to 100 characters"),
            ("documents:\n  pdf_id: X\n", "dossier.yml:3:3"),
        ] {
            try repo.commit("Config\n", files: ["dossier.yml": "device: {name: X}\n" + yaml])
            let result = try dossier(["suf", "HEAD", "--repo", "repo"], in: scratch.path)
            #expect(result.status == 2, "\(yaml)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!scratch.exists("dist"))
        }
    }
}
