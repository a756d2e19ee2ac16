import Foundation
import TestSupport
import Testing

/// `dossier verify` on a signed bundle someone added to: only regular files listed once in the manifest make an
/// intact bundle, and no verdict is one that `sha256sum -c` contradicts.
@Suite("verify: what a bundle may hold")
struct VerifyHostileBundleTests {
    /// A device repository, a signing key and its allowed signers file, and v1.1.0's bundle signed with it.
    private func signedBundle() throws -> Scratch {
        let scratch = try Scratch()
        try DeviceFixture.makeWithReleaseKey(scratch)
        let suf = try dossier(["suf", "--repo", "repo", "--sign-key", "release-key"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        return scratch
    }

    private let bundle = "dist/dossier/v1.1.0"

    private func verify(_ scratch: Scratch) throws -> ProcessResult {
        try dossier(["verify", bundle, "--allowed-signers", "allowed"], in: scratch.path)
    }

    /// Signs the bundle's (edited) manifest again with the release key, as someone holding it would.
    private func resign(_ scratch: Scratch) throws {
        try FileManager.default.removeItem(atPath: scratch.file(bundle + "/MANIFEST.sha256.sig"))
        let sign = try Shell.run("ssh-keygen", ["-q", "-Y", "sign", "-n", "dossier", "-f", scratch.file("release-key"),
                                                scratch.file(bundle + "/MANIFEST.sha256")])
        #expect(sign.status == 0, "\(sign.stderr)")
    }

    @Test("a symlink SUF-v1.1.0-errata.html beside the signed files: not intact, exit 1, and it is not followed")
    func symlink() throws {
        let scratch = try signedBundle()
        try "secret\n".write(toFile: scratch.file("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.file(bundle + "/SUF-v1.1.0-errata.html"),
                                                   withDestinationPath: scratch.file("secret.txt"))
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("SYMLINK SUF-v1.1.0-errata.html\nfiles: 10 of 11 match MANIFEST.sha256\nsignature: G "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("bundle \(bundle) is NOT intact\n"))
        #expect(!result.stdout.contains("secret"))
    }

    @Test("a symlink listed in the manifest with its target's digest: sha256sum -c passes it, dossier does not")
    func listedSymlink() throws {
        let scratch = try signedBundle()
        try FileManager.default.createSymbolicLink(atPath: scratch.file(bundle + "/SUF-v1.1.0-errata.html"), withDestinationPath: "SUF-v1.1.0.html")
        let sum = try Shell.run("sha256sum", ["SUF-v1.1.0-errata.html"], in: scratch.file(bundle)).stdout
        let manifest = try scratch.read(bundle + "/MANIFEST.sha256")
        try (manifest + sum).write(toFile: scratch.file(bundle + "/MANIFEST.sha256"), atomically: true, encoding: .utf8)
        try resign(scratch)
        #expect(try Shell.run("sha256sum", ["-c", "MANIFEST.sha256"], in: scratch.file(bundle)).status == 0)
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("SYMLINK SUF-v1.1.0-errata.html\n"), "\(result.stdout)")
    }

    @Test("MANIFEST.sha256 itself a symlink to a copy outside the bundle: not read, not intact, exit 1")
    func manifestSymlink() throws {
        let scratch = try signedBundle()
        try FileManager.default.moveItem(atPath: scratch.file(bundle + "/MANIFEST.sha256"), toPath: scratch.file("manifest-copy"))
        try FileManager.default.createSymbolicLink(atPath: scratch.file(bundle + "/MANIFEST.sha256"), withDestinationPath: scratch.file("manifest-copy"))
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("SYMLINK MANIFEST.sha256\n"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("is NOT intact\n"))
    }

    @Test("a FIFO (never opened, so verify does not hang) and an empty folder: not intact, exit 1")
    func fifoAndEmptyFolder() throws {
        let scratch = try signedBundle()
        #expect(try Shell.run("mkfifo", [scratch.file(bundle + "/SUF-v1.1.0-errata.html")]).status == 0)
        try FileManager.default.createDirectory(atPath: scratch.file(bundle + "/annex/empty"), withIntermediateDirectories: true)
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("SPECIAL SUF-v1.1.0-errata.html\nEMPTY FOLDER annex/empty\nfiles: 10 of 12 match"), "\(result.stdout)")
    }

    @Test("a manifest line listed twice, or naming ../x or an absolute path, even signed: malformed, exit 1",
          arguments: ["twice", "parent", "absolute"])
    func manifestNames(_ kind: String) throws {
        let scratch = try signedBundle()
        let manifestPath = scratch.file(bundle + "/MANIFEST.sha256")
        let manifest = try scratch.read(bundle + "/MANIFEST.sha256")
        // A file outside the bundle whose digest the line gives: read from there, it would match.
        try "outside\n".write(toFile: scratch.file("dist/dossier/outside.txt"), atomically: true, encoding: .utf8)
        let outsideSum = try Shell.run("sha256sum", ["outside.txt"], in: scratch.file("dist/dossier")).stdout.prefix(64)
        let added: String, expected: String
        switch kind {
        case "twice":
            added = String(manifest.split(separator: "\n")[3]) + "\n"
            expected = "MALFORMED manifest line 11: 'picture-architecture.svg' is listed already on line 4\n"
        case "parent":
            added = "\(outsideSum)  ../outside.txt\n"
            expected = "MALFORMED manifest line 11: '../outside.txt' is a '..' component, not a file inside the bundle\n"
        default:
            added = "\(outsideSum)  \(scratch.file("dist/dossier/outside.txt"))\n"
            expected = "MALFORMED manifest line 11: '\(scratch.file("dist/dossier/outside.txt"))' is an absolute name, not a file inside the bundle\n"
        }
        try (manifest + added).write(toFile: manifestPath, atomically: true, encoding: .utf8)
        try resign(scratch)
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix(expected), "\(result.stdout)")
        #expect(result.stdout.contains("signature: G release@example.com"))
        #expect(result.stdout.hasSuffix("is NOT intact\n"))
    }

    @Test("a listed café.html (NFC) and an unlisted café.html (NFD, other bytes) beside it: two files, not intact, exit 1")
    func unicodeNormalization() throws {
        let scratch = try signedBundle()
        let folder = scratch.file(bundle)
        let nfc = "caf\u{E9}.html", nfd = "cafe\u{301}.html"
        #expect(Array(nfc.utf8) != Array(nfd.utf8) && nfc == nfd)  // Swift's == is canonical equivalence
        // Written by the shell, so the names on disk are exactly these bytes.
        let make = try Shell.run("sh", ["-c", "printf 'signed\\n' > \"$(printf 'caf\\303\\251.html')\" && printf 'added\\n' > \"$(printf 'cafe\\314\\201.html')\""],
                                 in: folder)
        #expect(make.status == 0, "\(make.stderr)")
        let sum = try Shell.run("sh", ["-c", "sha256sum \"$(printf 'caf\\303\\251.html')\""], in: folder).stdout
        try (try scratch.read(bundle + "/MANIFEST.sha256") + sum).write(toFile: scratch.file(bundle + "/MANIFEST.sha256"), atomically: true, encoding: .utf8)
        try resign(scratch)
        #expect(try Shell.run("ls", [], in: folder).stdout.split(separator: "\n").filter { $0.hasPrefix("caf") }.count == 2)
        let result = try verify(scratch)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(Array(result.stdout.utf8).starts(with: Array("EXTRA \(nfd)\nfiles: 11 of 12 match MANIFEST.sha256\n".utf8)), "\(result.stdout)")
        #expect(result.stdout.contains("signature: G release@example.com"))
        #expect(result.stdout.hasSuffix("is NOT intact\n"))
    }
}
