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
        // Signed, it is still that bundle (the signature is not in its manifest): revision 1, attached in its place
        // with --force, and revision 1 it stays.
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", scratch.file("key")]).status == 0)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "s", "--sign-key", "key"], in: scratch.path).status == 0)
        #expect(try identity(scratch, "s/v1.1.0")?["revision"] as? Int == 1)
        let signed = try dossier(["attach", "v1.1.0", "--repo", "repo", "--bundle", "s/v1.1.0", "--force"], in: scratch.path)
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo", "--force", "--sign-key", "key"], in: scratch.path).stdout.contains("nothing changed"))
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "b2"], in: scratch.path).status == 0)
        #expect(try identity(scratch, "b2/v1.1.0")?["revision"] as? Int == 1)
        // Some of its formats only is another bundle: it would be the next revision.
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "c", "--format", "md"], in: scratch.path).status == 0)
        #expect(try scratch.read("c/v1.1.0/SUF-v1.1.0.md").contains("revision **2**"))

        // Another date makes another bundle: revision 2, which attach takes only with --force.
        let later = ["SOURCE_DATE_EPOCH": "1800000000"]
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "d"], in: scratch.path, environment: later).status == 0)
        #expect(try identity(scratch, "d/v1.1.0")?["revision"] as? Int == 2)
        #expect(try scratch.read("d/v1.1.0/SUF-v1.1.0.md").contains("Document **SUF-v1.1.0**, revision **2**."))
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo"], in: scratch.path, environment: later).status == 2)
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo", "--force"], in: scratch.path, environment: later).status != 2)
        #expect(try repo.git(["rev-list", "--count", "refs/dossier/v1.1.0"]) == "3\n")
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "e"], in: scratch.path, environment: later).status == 0)
        #expect(try sameManifest(repo, scratch, "e/v1.1.0"))

        // The bundle built in `a` (revision 1) would now be the third attached: refused, nothing attached.
        let stale = try dossier(["attach", "v1.1.0", "--repo", "repo", "--bundle", "a/v1.1.0", "--force"], in: scratch.path)
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("a/v1.1.0 says it is revision 1 of SUF-v1.1.0, but attached it would be revision 3 (the bundles attached to v1.1.0 so far make 2 revision(s))"))
        #expect(try repo.git(["rev-list", "--count", "refs/dossier/v1.1.0"]) == "3\n")

        // The DHF names each bundle's document and revision.
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "md"], in: scratch.path, environment: later).status == 0)
        let dhf = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(dhf.contains(" Document **DHF**, through v1.1.0.\n"))
        #expect(dhf.contains("| v1.0.0 | SUF-v1.0.0 rev. 1 | the root |"))
        #expect(dhf.contains("| v1.1.0 | SUF-v1.1.0 rev. 2 | v1.0.0 |"))

        // A commit written by hand on the reference, holding the first bundle again: the DHF shows the revision the
        // bundle states and the one the reference's history makes it, and warns.
        let first = try repo.git(["rev-list", "--reverse", "refs/dossier/v1.1.0"]).split(separator: "\n")[0]
        let again = try repo.git(["commit-tree", "\(first)^{tree}", "-p", "refs/dossier/v1.1.0", "-m", "by hand"], environment: repo.identity(("M", "m@example.com"))).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/v1.1.0", again])
        let handMade = try dossier(["dhf", "--repo", "repo", "--format", "md", "--out", "h"], in: scratch.path, environment: later)
        #expect(handMade.status == 0)
        #expect(handMade.stderr.contains("states it is revision 1, but the history of refs/dossier/v1.1.0 makes it revision 3"))
        #expect(try scratch.read("h/dhf/DHF.md").contains("| v1.1.0 | SUF-v1.1.0 rev. 1 (as the bundle states; the history of refs/dossier/v1.1.0 makes it revision 3) |"))
    }

    @Test("a reference that holds no bundle: the next revision, or a clear error when it is no commit")
    func junkReference() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        let empty = try Shell.run("git", ["mktree"], in: repo.path, environment: repo.environment, input: Data()).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/v1.1.0", try repo.git(["commit-tree", empty, "-m", "junk"], environment: repo.identity(("M", "m@example.com"))).trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md").contains("revision **2**"))
        #expect(try dossier(["attach", "v1.1.0", "--repo", "repo", "--force", "--bundle", "dist/dossier/v1.1.0"], in: scratch.path).status == 0)
        try repo.git(["update-ref", "refs/dossier/v1.1.0", empty])
        let tree = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(tree.status == 2)
        #expect(tree.stderr.contains("the bundle attached to v1.1.0 (refs/dossier/v1.1.0) points at \(empty.prefix(12)), which is not a commit"))
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
            ("documents:\n  suf_id: \"SUF-{release}\\u202E\"\n", "dossier.yml:3:11: expected an id without control or formatting characters or line breaks"),
            ("documents:\n  suf_id: \"{release}a\(String(repeating: "\u{301}", count: 200))\"\n", "dossier.yml:3:11: expected an id of 1 to 100 characters"),
        ] {
            try repo.commit("Config\n", files: ["dossier.yml": "device: {name: X}\n" + yaml])
            let result = try dossier(["suf", "HEAD", "--repo", "repo"], in: scratch.path)
            #expect(result.status == 2, "\(yaml)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!scratch.exists("dist"))
        }
    }
}
