import TestSupport
import Foundation
import Testing

/// The bytes of the sample project's bundles, pinned: the SUF of each release (stored evidence for v1.1.0 and
/// v2.0.0, as `make demo` keeps it) and the DHF over all three, each by the SHA-256 of its `MANIFEST.sha256`, which
/// lists every file of the bundle with its own SHA-256. A change that is not meant to change a document (a
/// refactoring, a speed-up) must leave these as they are; a change that means to, updates them and says why in its
/// commit message.
@Suite("bundle digests: the sample project's documents, byte for byte")
struct BundleDigestTests {
    /// The SHA-256 of each bundle's `MANIFEST.sha256`, by bundle folder under the output folder.
    static let pinned: [String: String] = [
        "v1.0.0": "443e80f11218e518d44c9f684da88df5f0d610e02bca73ff63bd11e6159092af",
        "v1.1.0": "f18f4c29dd4cd5618bf3bb699a3a0d8dd63ff120c1f9cf7a1cc958c64f197b83",
        "v2.0.0": "031a8571087a06f0509c819dc4123226c3a774f77c99e801e283d905b1be13f2",
        "dhf": "f29d7d106207fff9faa6289e0adef936f4770ec7ddbaba144429f58506320b63",
    ]

    @Test("every SUF and the DHF of the sample project have the pinned bytes")
    func pinnedBundles() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/"
        for release in ["v1.1.0", "v2.0.0"] {
            // The evidence commit's time is fixed, so its id (which the SUF names) is the same on every run.
            let added = try dossier(["evidence", "add", release, evidence + "\(release)-junit.xml", "--repo", "pd"], in: scratch.path,
                                    environment: ["SOURCE_DATE_EPOCH": "1737968400"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            let suf = try dossier(["suf", release, "--repo", "pd", "--out", "out"], in: scratch.path)
            #expect(suf.status == 0, "\(suf.stderr)")
        }
        let dhf = try dossier(["dhf", "--repo", "pd", "--out", "out"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        var found: [String: String] = [:]
        for folder in Self.pinned.keys {
            let manifest = try scratch.readData("out/\(folder)/MANIFEST.sha256")
            found[folder] = try Shell.run("sha256sum", [], input: manifest).stdout.prefix(64).description
        }
        #expect(found == Self.pinned, "the documents' bytes changed: if that is meant, pin these and say why in the commit")
    }
}
