import Foundation
import TestSupport
import Testing

/// `dossier attach` and `dossier show` on the sample project: the bundle travels with the tag, and plain git reads it.
@Suite("dossier attach and show")
struct AttachCommandTests {
    @Test("attach --bundle attaches the bundle as it is: SOURCE_DATE_EPOCH, which only dates a bundle attach builds, is not read")
    func attachGivenBundleIgnoresSourceDateEpoch() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v1.0.0", "--repo", "pd"], in: scratch.path).status == 0)
        let attach = try dossier(["attach", "v1.0.0", "--repo", "pd", "--bundle", "dist/dossier/v1.0.0"], in: scratch.path,
                                 environment: ["SOURCE_DATE_EPOCH": "abc"])
        #expect(attach.status == 0, "\(attach.stderr)")
        #expect(attach.stdout.hasPrefix("attached the bundle of v1.0.0 at refs/dossier/v1.0.0 (commit "))
        let missing = try dossier(["attach", "v1.0.0", "--repo", "pd", "--bundle", "nowhere"], in: scratch.path,
                                  environment: ["SOURCE_DATE_EPOCH": "abc"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no bundle folder at nowhere"), "\(missing.stderr)")
        // A bundle attach builds is dated by it, so there a bad value is an error.
        let built = try dossier(["attach", "v1.0.0", "--repo", "pd", "--force"], in: scratch.path,
                                environment: ["SOURCE_DATE_EPOCH": "abc"])
        #expect(built.status == 2)
        #expect(built.stderr.contains("SOURCE_DATE_EPOCH must be a number of seconds, found 'abc'"), "\(built.stderr)")
    }

    @Test("attach stores the bundle at refs/dossier/<tag> with a note that git reads; attaching again changes nothing")
    func attachAndRead() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v2.0.0", "--repo", "pd"], in: scratch.path).status == 0)
        let attach = try dossier(["attach", "v2.0.0", "--repo", "pd", "--bundle", "dist/dossier/v2.0.0"], in: scratch.path)
        #expect(attach.status == 0, "\(attach.stderr)")
        #expect(attach.stdout.hasPrefix("attached the bundle of v2.0.0 at refs/dossier/v2.0.0 (commit "))

        // git lists the bundle's files with the very blobs of the folder.
        let tree = try Shell.run("git", ["-C", repo, "ls-tree", "-r", "--name-only", "refs/dossier/v2.0.0"]).stdout
        // Each requirement's trace picture, and the other files.
        let traces = tree.split(separator: "\n").filter { $0.hasPrefix("trace-REQ-") }
        #expect(traces.count == 30 && traces.allSatisfy { $0.hasSuffix(".svg") }, "\(traces)")
        #expect(tree.split(separator: "\n").filter { !$0.hasPrefix("trace-REQ-") }.joined(separator: "\n") + "\n" == "MANIFEST.sha256\nSUF-v2.0.0.html\nSUF-v2.0.0.md\ndhf-facts.json\npicture-architecture.svg\npicture-risk-matrix.svg\npicture-security-architecture.svg\nsuf.json\ntrace-matrix.csv\n")
        let attachedJSON = try Shell.run("git", ["-C", repo, "show", "refs/dossier/v2.0.0:suf.json"]).stdout
        #expect(attachedJSON == (try scratch.read("dist/dossier/v2.0.0/suf.json")))
        let bundleCommit = try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/v2.0.0"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let manifestDigest = try Shell.run("sha256sum", [scratch.file("dist/dossier/v2.0.0/MANIFEST.sha256")]).stdout.prefix(64)
        for object in ["v2.0.0", "v2.0.0^{commit}"] {
            let note = try Shell.run("git", ["-C", repo, "notes", "--ref=dossier", "show", object])
            #expect(note.status == 0, "\(note.stderr)")
            #expect(note.stdout == "dossier bundle for v2.0.0\nbundle: \(bundleCommit)\nmanifest-sha256: \(manifestDigest)\n")
        }

        // Again, built now with the same inputs: byte-identical, so nothing changes.
        let notesBefore = try Shell.run("git", ["-C", repo, "rev-parse", "refs/notes/dossier"]).stdout
        let again = try dossier(["attach", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("attached already at refs/dossier/v2.0.0 (commit \(bundleCommit)): nothing changed"))
        #expect(try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/v2.0.0"]).stdout.hasPrefix(bundleCommit))
        #expect(try Shell.run("git", ["-C", repo, "rev-parse", "refs/notes/dossier"]).stdout == notesBefore)

        // show prints the Markdown SUF by default, any file by name, and extracts the whole bundle.
        let show = try dossier(["show", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(show.stdout == (try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.md")))
        let csv = try dossier(["show", "v2.0.0", "trace-matrix.csv", "--repo", "pd"], in: scratch.path)
        #expect(csv.stdout == (try scratch.read("dist/dossier/v2.0.0/trace-matrix.csv")))
        #expect(try dossier(["show", "v2.0.0", "--repo", "pd", "--extract", "x"], in: scratch.path).status == 0)
        let check = try Shell.run("sha256sum", ["-c", "MANIFEST.sha256"], in: scratch.file("x"))
        #expect(check.status == 0)
        #expect(try dossier(["verify", "x"], in: scratch.path).status == 0)

        // diff reads the attached bundle: against its own folder, no difference.
        let diff = try dossier(["diff", "v2.0.0", "dist/dossier/v2.0.0", "--repo", "pd", "--exit-code"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
    }

    @Test("a different bundle is refused without --force; with it, the old one stays in the ref's history")
    func force() throws {
        let scratch = try Scratch()
        let repo = try SampleProjectTests.build(scratch)
        #expect(try dossier(["attach", "v1.1.0", "--repo", "pd"], in: scratch.path).status == 0)
        let first = try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/v1.1.0"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = Paths.packageRoot + "/sample-project/evidence/v1.1.0-junit.xml"
        let refused = try dossier(["attach", "v1.1.0", "--repo", "pd", "--evidence", evidence], in: scratch.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("v1.1.0 already has a different bundle attached (refs/dossier/v1.1.0 at \(first.prefix(12))); attach again with --force"))
        #expect(try Shell.run("git", ["-C", repo, "rev-parse", "refs/dossier/v1.1.0"]).stdout.hasPrefix(first))

        let forced = try dossier(["attach", "v1.1.0", "--repo", "pd", "--evidence", evidence, "--force"], in: scratch.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("replaced the bundle of v1.1.0"))
        let history = try Shell.run("git", ["-C", repo, "rev-list", "refs/dossier/v1.1.0"]).stdout.split(separator: "\n")
        #expect(history.count == 2)
        #expect(history.last.map(String.init) == first)
        #expect(try dossier(["show", "v1.1.0", "--repo", "pd"], in: scratch.path).stdout.contains("v1.1.0-junit.xml"))
    }

    @Test("bad input: not a tag, a folder that is not a whole bundle, another release's bundle, nothing attached")
    func badInput() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let notTag = try dossier(["attach", "HEAD", "--repo", "pd"], in: scratch.path)
        #expect(notTag.status == 2)
        #expect(notTag.stderr.contains("'HEAD' is not a tag: a bundle is attached to a release tag"))

        #expect(try dossier(["suf", "v1.1.0", "--repo", "pd"], in: scratch.path).status == 0)
        let other = try dossier(["attach", "v2.0.0", "--repo", "pd", "--bundle", "dist/dossier/v1.1.0"], in: scratch.path)
        #expect(other.status == 2)
        #expect(other.stderr.contains("dist/dossier/v1.1.0 is the bundle of v1.1.0, not of v2.0.0"))

        try "tampered\n".write(toFile: scratch.file("dist/dossier/v1.1.0/SUF-v1.1.0.md"), atomically: true, encoding: .utf8)
        let altered = try dossier(["attach", "v1.1.0", "--repo", "pd", "--bundle", "dist/dossier/v1.1.0"], in: scratch.path)
        #expect(altered.status == 2)
        #expect(altered.stderr.contains("is not a whole bundle: SUF-v1.1.0.md altered"))
        #expect(try Shell.run("git", ["-C", scratch.file("pd"), "rev-parse", "-q", "--verify", "refs/dossier/v1.1.0"]).status != 0)

        let none = try dossier(["show", "v1.0.0", "--repo", "pd"], in: scratch.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no bundle is attached to v1.0.0"))
    }
}
