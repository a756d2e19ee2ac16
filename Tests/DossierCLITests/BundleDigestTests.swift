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
        "v1.0.0": "73d8f8a451a02197b1518193a1869acac334033a21797a5646310c027f049ec9",
        "v1.1.0": "5b3ab49e1b97d3379b251f1da9809cfff2871212cacaf67c6160130c2d9eb020",
        "v2.0.0": "d17f2a37fe62e31bfabd64cc2271b27023d97b7e26671cf9b692f66ee860ca15",
        "dhf": "835a69e2666329057966d65667b4f6bde8eed99588dffe6c55ee4163c1910dcd",
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
