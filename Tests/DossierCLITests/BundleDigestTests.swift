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
        "v1.0.0": "c028b6e8ccc2e42f8ddb837ab7e42bbaf5bfd63d84953463cafddd86c2a84d73",
        "v1.1.0": "56d5efb335438cbc6b724a5291d1cec853bfa9ab08497a8cbe7e4f10bf422e8b",
        "v2.0.0": "76924adbda950670ba7080dc33760eab954fce44bca66025c6040ad9891113aa",
        "dhf": "fe9a9c79ccea3aef20596e25d44710784ebb38a20da3242d86f4460667b2ba4d",
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
