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
        "v1.0.0": "bebfeda360f617656e2880b3f38d1e26b67fd229663e40ac3ea779f9b94c8dab",
        "v1.1.0": "f0b8c6872828bee5bbe4c16094a0de96a49f1c5417366cb2e7a601b2ce3fb86c",
        "v2.0.0": "a2e3c61ee7941c2fe49ca9557832c68787fa0b781b30c8b55224c5661fb1ae35",
        "dhf": "f478ed2586f3b54950e6e4ebccca2fac9190e1febeca1f811b5ffc3d216790b8",
    ]

    @Test("every SUF and the DHF of the sample project have the pinned bytes")
    func pinnedBundles() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/"
        for release in ["v1.1.0", "v2.0.0"] {
            // The evidence commit's time is fixed, so its id (which the SUF names) is the same on every run.
            // v2.0.0's update package and its build provenance are stored with it, as make demo stores them.
            let package = release == "v2.0.0" ? ["--artifact", evidence + "pdrm-hub-2.0.0.img", "--provenance", evidence + "pdrm-hub-2.0.0.provenance.json"] : []
            let added = try dossier(["evidence", "add", release, evidence + "\(release)-junit.xml", "--repo", "pd"] + package, in: scratch.path,
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
