import Foundation
import TestSupport
import Testing

@Suite("signing and verifying bundles")
struct BundleSigningTests {
    /// A device repository, an ed25519 key made by ssh-keygen, and an allowed signers file naming it.
    private func setUp() throws -> Scratch {
        let scratch = try Scratch()
        try DeviceFixture.makeWithReleaseKey(scratch)
        return scratch
    }

    @Test("--sign-key writes MANIFEST.sha256.sig that the real ssh-keygen -Y verify accepts")
    func signatureVerifiesWithSSHKeygen() throws {
        let scratch = try setUp()
        let result = try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let bundle = scratch.file("dist/dossier/v1.1.0")
        let files = try FileManager.default.contentsOfDirectory(atPath: bundle).sorted()
        #expect(files == ["MANIFEST.sha256", "MANIFEST.sha256.sig", "SUF-v1.1.0.html", "SUF-v1.1.0.md", "dhf-facts.json", "picture-architecture.svg", "picture-risk-matrix.svg", "suf.json", "trace-REQ-1.svg", "trace-REQ-2.svg", "trace-REQ-3.svg", "trace-matrix.csv"])
        let manifest = try Data(contentsOf: URL(fileURLWithPath: bundle + "/MANIFEST.sha256"))
        let check = try Shell.run("ssh-keygen", ["-Y", "verify", "-n", "dossier", "-f", scratch.file("allowed"), "-I", "release@example.com",
                                                 "-s", bundle + "/MANIFEST.sha256.sig"], input: manifest)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("Good \"dossier\" signature for release@example.com with ED25519 key SHA256:"))
        // The manifest itself is not listed in the manifest, and neither is its signature.
        #expect(!String(decoding: manifest, as: UTF8.self).contains("MANIFEST"))
        let sums = try Shell.run("sha256sum", ["-c", "MANIFEST.sha256"], in: bundle)
        #expect(sums.status == 0, "\(sums.stdout)\(sums.stderr)")

        // Ed25519 signatures are deterministic: a second run gives the same bytes.
        let first = try Data(contentsOf: URL(fileURLWithPath: bundle + "/MANIFEST.sha256.sig"))
        #expect(try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bundle + "/MANIFEST.sha256.sig")) == first)
    }

    @Test("dhf --sign-key signs the DHF's manifest and those of the bundles built now; a bad key writes nothing")
    func signedDHF() throws {
        let scratch = try setUp()
        let result = try dossier(["dhf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        for folder in ["dist/dossier/dhf", "dist/dossier/dhf/v1.0.0", "dist/dossier/dhf/v1.1.0"] {
            let verify = try dossier(["verify", folder, "--allowed-signers", "allowed"], in: scratch.path)
            #expect(verify.status == 0, "\(folder): \(verify.stdout)\(verify.stderr)")
        }
        try "not a key\n".write(toFile: scratch.file("bad-key"), atomically: true, encoding: .utf8)
        let bad = try dossier(["dhf", "--repo", "repo", "--sign-key", "bad-key", "--out", "other"], in: scratch.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad-key"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("other")))
    }

    @Test("dossier verify: intact and signed by an allowed signer is exit 0")
    func verifyIntact() throws {
        let scratch = try setUp()
        #expect(try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path).status == 0)
        let result = try dossier(["verify", "dist/dossier/v1.1.0", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "files: 10 of 10 match MANIFEST.sha256")
        #expect(lines[1].hasPrefix("signature: G release@example.com SHA256:"))
        #expect(lines[2] == "bundle dist/dossier/v1.1.0 is intact")
    }

    @Test("dossier verify reports altered, missing and extra files and exits 1")
    func verifyTampered() throws {
        let scratch = try setUp()
        #expect(try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path).status == 0)
        let bundle = scratch.file("dist/dossier/v1.1.0")
        try "edited\n".write(toFile: bundle + "/SUF-v1.1.0.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: bundle + "/suf.json")
        try "x".write(toFile: bundle + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try dossier(["verify", "dist/dossier/v1.1.0", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
            ALTERED SUF-v1.1.0.md
            EXTRA notes.txt
            MISSING suf.json
            files: 8 of 11 match MANIFEST.sha256
            signature: G release@example.com SHA256:
            """))
        #expect(result.stdout.hasSuffix("bundle dist/dossier/v1.1.0 is NOT intact\n"))
    }

    @Test("an edited manifest breaks the signature; a signer not allowed, or no signature, fails with --allowed-signers")
    func verifySignatureProblems() throws {
        let scratch = try setUp()
        #expect(try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path).status == 0)
        let bundle = scratch.file("dist/dossier/v1.1.0")
        // Re-point the manifest at an edited document: the files match again, the signature does not.
        try "edited\n".write(toFile: bundle + "/SUF-v1.1.0.md", atomically: true, encoding: .utf8)
        let sums = try Shell.run("sha256sum", ["SUF-v1.1.0.html", "SUF-v1.1.0.md", "dhf-facts.json", "picture-architecture.svg", "picture-risk-matrix.svg", "suf.json", "trace-REQ-1.svg", "trace-REQ-2.svg", "trace-REQ-3.svg", "trace-matrix.csv"], in: bundle).stdout
        try sums.write(toFile: bundle + "/MANIFEST.sha256", atomically: true, encoding: .utf8)
        var result = try dossier(["verify", "dist/dossier/v1.1.0", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("files: 10 of 10 match MANIFEST.sha256\nsignature: B"), "\(result.stdout)")

        // Signed by another key: good signature, but not an allowed signer.
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", scratch.file("other-key")]).status == 0)
        #expect(try dossier(["suf", "--repo", "repo", "--sign-key", "other-key"], in: scratch.path).status == 0)
        result = try dossier(["verify", "dist/dossier/v1.1.0", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("signature: U SHA256:"), "\(result.stdout)")
        // Without --allowed-signers the same bundle passes, and the output says the signer was not checked.
        result = try dossier(["verify", "dist/dossier/v1.1.0"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("pass --allowed-signers to check who signed"))

        // Not signed at all.
        #expect(try dossier(["suf", "--repo", "repo"], in: scratch.path).status == 0)
        result = try dossier(["verify", "dist/dossier/v1.1.0", "--allowed-signers", "allowed"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("signature: none (no MANIFEST.sha256.sig)"))
    }

    @Test("a bad signing key or bundle path is exit 2, and no bundle is written")
    func badInput() throws {
        let scratch = try setUp()
        try "not a key\n".write(toFile: scratch.file("junk-key"), atomically: true, encoding: .utf8)
        var result = try dossier(["suf", "--repo", "repo", "--sign-key", "junk-key"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: junk-key"), "\(result.stderr)")
        #expect(!scratch.exists("dist"))

        result = try dossier(["suf", "--repo", "repo", "--sign-key", "no-such-key"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: cannot read the signing key no-such-key\n")

        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret", "-f", scratch.file("locked-key")]).status == 0)
        result = try dossier(["suf", "--repo", "repo", "--sign-key", "locked-key"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("passphrase"), "\(result.stderr)")
        #expect(!scratch.exists("dist"))

        result = try dossier(["verify", "no-such-bundle"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: no bundle folder at no-such-bundle\n")
        result = try dossier(["verify", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: repo holds no MANIFEST.sha256: it is not a dossier bundle\n")
    }
}
