import Foundation
import TestSupport
import Testing

/// Update packages (`--artifact`, `dossier evidence add --artifact`): what was delivered, recognised by SHA-256, each
/// detached signature judged with the release's trust, and the same verdicts as ssh-keygen and gpg give.
@Suite("update packages and their signatures")
struct UpdatePackageTests {
    /// Before the fixture's commits (2024-01-01 12:00): the OpenPGP key and signatures are made then.
    static let signingTime = "1704067200!"

    /// The fixture's releases, an SSH key `alice` allowed to sign files (`namespaces="file"`), an OpenPGP key of Bob
    /// exported to `keys/`, and in `build/`: packages signed each way, one changed after signing, one signed in the
    /// wrong namespace, one unsigned.
    static func setUp(_ scratch: Scratch) throws -> (repo: GitRepository, gpg: [String: String]) {
        let repo = try DeviceFixture.make(scratch)
        let build = scratch.file("build"), keys = scratch.file("keys")
        for folder in [build, keys] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "alice@example.com", "-f", scratch.file("alice")]).status == 0)
        let pub = try scratch.read("alice.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try "alice@example.com namespaces=\"file\" \(pub)\n".write(toFile: scratch.file("allowed"), atomically: true, encoding: .utf8)
        var gpg = Shell.isolatedEnvironment(home: scratch.file("home"))
        gpg["GNUPGHOME"] = scratch.file("gnupg")
        try FileManager.default.createDirectory(atPath: scratch.file("gnupg"), withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: scratch.file("gnupg"))
        let gen = try Shell.run("gpg", ["--batch", "--passphrase", "", "--faked-system-time", signingTime, "--quick-gen-key",
                                        "Bob <bob@example.com>", "ed25519", "sign", "0"], environment: gpg)
        #expect(gen.status == 0, "\(gen.stderr)")
        let exported = try Shell.run("gpg", ["--armor", "--export", "bob@example.com"], environment: gpg)
        try exported.stdout.write(toFile: keys + "/bob.asc", atomically: true, encoding: .utf8)

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: build + "/" + name))
        }
        func sshSign(_ name: String, namespace: String = "file") throws {
            let result = try Shell.run("ssh-keygen", ["-q", "-Y", "sign", "-f", scratch.file("alice"), "-n", namespace, build + "/" + name])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func gpgSign(_ name: String, armor: Bool) throws {
            let result = try Shell.run("gpg", ["--batch", "--faked-system-time", signingTime, "-u", "bob@example.com", "--detach-sign"]
                                       + (armor ? ["--armor"] : []) + [build + "/" + name], environment: gpg)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try write("a-ssh.img", "image signed with SSH\n"); try sshSign("a-ssh.img")
        try write("b-gpg.bin", "image signed with OpenPGP, binary signature\n"); try gpgSign("b-gpg.bin", armor: false)
        try write("c-asc.deb", "package signed with OpenPGP, armored\n"); try gpgSign("c-asc.deb", armor: true)
        try write("d-changed.img", "image as signed\n"); try sshSign("d-changed.img")
        try write("d-changed.img", "image changed after it was signed\n")
        try write("e-namespace.img", "image signed for git, not for files\n"); try sshSign("e-namespace.img", namespace: "git")
        try write("f-unsigned.swu", "image nobody signed\n")
        return (repo, gpg)
    }

    static let trust = ["--allowed-signers", "allowed", "--openpgp-keys", "keys"]

    static func packages(_ scratch: Scratch, _ release: String = "v1.1.0") throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/\(release)/suf.json")) as? [String: Any])
        return try #require(json["updatePackages"] as? [[String: Any]])
    }

    static func letter(_ package: [String: Any]) -> String? { (package["signature"] as? [String: Any])?["letter"] as? String }

    @Test("--artifact: each package's size and SHA-256 as sha256sum prints them, each signature judged as ssh-keygen and gpg judge it; G3 names the others")
    func givenPackages() throws {
        let scratch = try Scratch()
        let (_, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/*", "--format", "json,md,html"] + Self.trust, in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")  // the SUF is written whatever it finds (check fails on G3 errors)
        let packages = try Self.packages(scratch)
        #expect(packages.map { $0["name"] as? String } == ["build/a-ssh.img", "build/b-gpg.bin", "build/c-asc.deb", "build/d-changed.img",
                                                           "build/e-namespace.img", "build/f-unsigned.swu"])
        #expect(packages.map(Self.letter) == ["G", "G", "G", "B", "B", "N"])
        #expect(packages.map { $0["signatureFile"] as? String } == ["build/a-ssh.img.sig", "build/b-gpg.bin.sig", "build/c-asc.deb.asc",
                                                                    "build/d-changed.img.sig", "build/e-namespace.img.sig", nil])
        // The standard tools agree: sha256sum and the size of each file, ssh-keygen -Y verify and gpg --verify on each signature.
        for package in packages {
            let name = try #require(package["name"] as? String)
            let sum = try Shell.run("sha256sum", [name], in: scratch.path)
            #expect(package["sha256"] as? String == String(sum.stdout.prefix(64)))
            #expect(package["size"] as? Int == (try scratch.readData(name)).count)
            guard let signature = package["signatureFile"] as? String else { continue }
            let good: Bool
            if signature.hasPrefix("build/a-") || signature.hasPrefix("build/d-") || signature.hasPrefix("build/e-") {
                good = try Shell.run("ssh-keygen", ["-Y", "verify", "-f", "allowed", "-I", "alice@example.com", "-n", "file", "-s", signature],
                                     in: scratch.path, input: try scratch.readData(name)).status == 0
            } else {
                good = try Shell.run("gpg", ["--batch", "--verify", signature, name], in: scratch.path, environment: gpg).status == 0
            }
            #expect(good == (Self.letter(package) == "G"), "\(name)")
        }
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| build/a-ssh.img | 22 bytes | `\(try #require(packages[0]["sha256"] as? String))` | build/a-ssh.img.sig | G: good signature, trusted signer (SSH), signed by alice\\@example.com, key SHA256:"))
        #expect(md.contains("| build/f-unsigned.swu | 20 bytes |") && md.contains("| none | N: no signature |"))
        #expect(md.contains("Evidence: 6 update packages given on the command line (--artifact), not stored with the release"), "\(md.prefix(600))")

        // G3 finds the changed, the wrongly signed and the unsigned package, and no other; 5.8.8 is a gap.
        let check = try dossier(["check", "v1.1.0", "--repo", "repo", "--artifact", "build/*", "--format", "json"] + Self.trust, in: scratch.path)
        #expect(check.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let g3 = try #require(report["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "G3" }
        #expect(g3.compactMap { ($0["subjects"] as? [String])?.first } == ["build/d-changed.img", "build/e-namespace.img", "build/f-unsigned.swu"])
        #expect(g3.allSatisfy { $0["level"] as? String == "error" })
        #expect((g3.last?["message"] as? String)?.contains("no signature (none beside it as build/f-unsigned.swu.sig or .asc): N") == true)
    }

    @Test("clause 5.8.8 holds the packages only when every one is signed G; with no package it says what is missing, never evidenced")
    func deliveryClause() throws {
        let scratch = try Scratch()
        let (_, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        func clause(_ extra: [String]) throws -> [String: Any] {
            let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json"] + Self.trust + extra, in: scratch.path)
            #expect(suf.status <= 1, "\(suf.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
            return try #require((json["coverage"] as? [[String: Any]])?.first { $0["clause"] as? String == "IEC 62304 5.8.8" })
        }
        func texts(_ status: [String: Any], _ key: String) -> [String] {
            (status[key] as? [Any] ?? []).map { item in (item as? [String: Any])?["what"] as? String ?? "\(item)" }
        }
        let none = try clause([])
        #expect(none["state"] as? String != "evidenced")
        #expect(texts(none, "missing").contains("no update package (--artifact) whose every signature is good"))
        let good = try clause(["--artifact", "build/a-ssh.img", "build/c-asc.deb"])
        #expect(texts(good, "evidence").contains("2 update packages, each signed, verdict G"), "\(good)")
        #expect(!texts(good, "missing").contains("no update package (--artifact) whose every signature is good"))
        let mixed = try clause(["--artifact", "build/a-ssh.img", "build/f-unsigned.swu"])
        #expect(mixed["state"] as? String == "gap")
        #expect(!texts(mixed, "evidence").contains { $0.contains("update package") })
    }

    @Test("evidence add --artifact stores each package at packages/NAME with its signature; every command reads them with no flag and gives the same verdicts")
    func storedPackages() throws {
        let scratch = try Scratch()
        let (repo, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        let add = try dossier(["evidence", "add", "v1.1.0", "--artifact", "build/a-ssh.img", "build/d-changed.img", "--repo", "repo"], in: scratch.path,
                              environment: ["SOURCE_DATE_EPOCH": "1704200000", "HOME": scratch.file("home")])
        #expect(add.status == 0, "\(add.stderr)")
        let commit = try repo.git(["rev-parse", "refs/dossier/evidence/v1.1.0"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try repo.git(["ls-tree", "-r", "--name-only", commit])
                == "SHA256SUMS\npackages/a-ssh.img\npackages/a-ssh.img.sig\npackages/d-changed.img\npackages/d-changed.img.sig\n")
        let list = try dossier(["evidence", "list", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(list.stdout.contains("  packages/a-ssh.img.sig\n"))
        // SHA256SUMS lists them in sha256sum's binary mode, which tells them from test reports; sha256sum -c accepts it.
        let sums = try repo.git(["show", "\(commit):SHA256SUMS"])
        #expect(sums.contains(" *packages/a-ssh.img\n") && sums.contains(" *packages/a-ssh.img.sig\n"), "\(sums)")

        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json,md"] + Self.trust, in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let packages = try Self.packages(scratch)
        #expect(packages.map { $0["name"] as? String } == ["a-ssh.img", "d-changed.img"])
        #expect(packages.map(Self.letter) == ["G", "B"])
        let first = try scratch.readData("dist/dossier/v1.1.0/suf.json")
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md").contains("Evidence: 2 update packages stored with the release at refs/dossier/evidence/v1.1.0"))
        // Built again: byte for byte the same.
        let again = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json", "--out", "again"] + Self.trust, in: scratch.path)
        #expect(again.status == 0)
        #expect(try scratch.readData("again/v1.1.0/suf.json") == first)

        // A release has one set of evidence: --artifact beside stored evidence is refused, and nothing is written.
        let refused = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/c-asc.deb", "--out", "refused"] + Self.trust, in: scratch.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("so --evidence, --artifact and --provenance are refused"))
        #expect(!scratch.exists("refused"))
        // A test report is never stored where packages are.
        try FileManager.default.createDirectory(atPath: scratch.file("packages"), withIntermediateDirectories: true)
        try EvidenceCommandTests.passing.write(toFile: scratch.file("packages/r.xml"), atomically: true, encoding: .utf8)
        let report = try dossier(["evidence", "add", "v1.1.0", "packages/r.xml", "--repo", "repo"], in: scratch.path)
        #expect(report.status == 2 && report.stderr.contains("'packages/' holds the update packages"), "\(report.stderr)")
    }

    @Test("bad --artifact input: no match, a folder, two signatures beside one package, an oversized signature; exit 2 naming the file, nothing written")
    func badInput() throws {
        let scratch = try Scratch()
        let (_, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        func refused(_ artifact: [String]) throws -> String {
            let result = try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "out", "--artifact"] + artifact, in: scratch.path)
            #expect(result.status == 2, "\(artifact): \(result.stderr)")
            #expect(!scratch.exists("out"))
            return result.stderr
        }
        #expect(try refused(["build/nothing-*.img"]).contains("--artifact 'build/nothing-*.img' matches no file"))
        #expect(try refused(["build"]).contains("expected a file, found a folder (use 'build/*' for the files in it)"))
        try Data("-----BEGIN PGP SIGNATURE-----\n".utf8).write(to: URL(fileURLWithPath: scratch.file("build/a-ssh.img.asc")))
        let two = try refused(["build/a-ssh.img"])
        #expect(two.contains("build/a-ssh.img: ") && two.contains("expected at most one detached signature beside the update package, found build/a-ssh.img.sig and build/a-ssh.img.asc"), "\(two)")
        try FileManager.default.removeItem(atPath: scratch.file("build/a-ssh.img.asc"))
        try Data(repeating: 0xA0, count: 70_000).write(to: URL(fileURLWithPath: scratch.file("build/f-unsigned.swu.sig")))
        #expect(try refused(["build/f-unsigned.swu"]).contains("expected a detached signature of at most 65536 bytes, found 70000 bytes"))
    }

    @Test("a package's name and signature from the file system are text in every document: escaped in Markdown and HTML")
    func hostileNames() throws {
        let scratch = try Scratch()
        let (_, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        let name = "build/x|<img src=x onerror=alert(1)>*.img"
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: scratch.file(name)))
        // A signature file that is no signature at all: B, with the reason.
        try Data("<script>alert(1)</script>\n".utf8).write(to: URL(fileURLWithPath: scratch.file(name + ".sig")))
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", name, "--format", "json,md,html"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(try Self.packages(scratch).map(Self.letter) == ["B"])
        let html = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html")
        #expect(!html.contains("<img src=x") && !html.contains("<script>alert"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| build/x\\|\\<img src=x onerror=alert(1)\\>\\*.img |"), "\(md.components(separatedBy: "### Update packages").last?.prefix(900) ?? "")")
    }

    @Test("a symbolic link is never read as a package or a signature (a repository may commit one to a secret); a wildcard in a signature's name is no pattern")
    func linksAndOddNames() throws {
        let scratch = try Scratch()
        let (repo, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        try "SECRET_TOKEN=ghp_supersecret\n".write(toFile: scratch.file("secret"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: scratch.file("px"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("px/env.img"), withDestinationPath: scratch.file("secret"))
        let link = try dossier(["evidence", "add", "v1.1.0", "--artifact", "px/*", "--repo", "repo"], in: scratch.path)
        #expect(link.status == 2 && link.stderr.contains("px/env.img: expected a readable update package, found a symbolic link"), "\(link.stderr)")
        #expect(try repo.git(["for-each-ref", "refs/dossier/"]).isEmpty)
        // A signature beside a real package that links to a secret: refused too, though only the package was named.
        try FileManager.default.removeItem(atPath: scratch.file("px/env.img"))
        try "real image\n".write(toFile: scratch.file("px/real.img"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("px/real.img.sig"), withDestinationPath: scratch.file("secret"))
        let beside = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "px/real.img", "--out", "out"], in: scratch.path)
        #expect(beside.status == 2 && beside.stderr.contains("px/real.img.sig: expected a detached signature, found a symbolic link"), "\(beside.stderr)")
        #expect(!scratch.exists("out"))
        // fw[1].bin.sig is the signature of fw[1].bin, read as named, not as a pattern that matches fw1.bin.sig.
        try FileManager.default.createDirectory(atPath: scratch.file("w"), withIntermediateDirectories: true)
        try "odd name\n".write(toFile: scratch.file("w/fw[1].bin"), atomically: true, encoding: .utf8)
        #expect(try Shell.run("ssh-keygen", ["-q", "-Y", "sign", "-f", scratch.file("alice"), "-n", "file", scratch.file("w/fw[1].bin")]).status == 0)
        try "decoy\n".write(toFile: scratch.file("w/fw1.bin"), atomically: true, encoding: .utf8)
        let odd = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "w/fw[[]1].bin", "--format", "json"] + Self.trust, in: scratch.path)
        #expect(odd.status == 0, "\(odd.stderr)")
        let packages = try Self.packages(scratch)
        #expect(packages.map { $0["name"] as? String } == ["w/fw[1].bin"] && packages.map(Self.letter) == ["G"], "\(packages)")
        #expect(packages.first?["signatureFile"] as? String == "w/fw[1].bin.sig")
    }

    @Test("an OpenPGP signature with text above its armor is read as gpg reads it: G")
    func textAboveArmor() throws {
        let scratch = try Scratch()
        let (_, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        let armored = try scratch.read("build/c-asc.deb.asc")
        try ("Signed by Bob for the release.\n\n" + armored).write(toFile: scratch.file("build/c-asc.deb.asc"), atomically: true, encoding: .utf8)
        #expect(try Shell.run("gpg", ["--batch", "--verify", "build/c-asc.deb.asc", "build/c-asc.deb"], in: scratch.path, environment: gpg).status == 0)
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/c-asc.deb", "--format", "json"] + Self.trust, in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(try Self.packages(scratch).map(Self.letter) == ["G"])
    }

    @Test("evidence stored by an earlier dossier with a test report below packages/ (listed in text mode) still reads as a test report")
    func earlierReportsBelowPackages() throws {
        let scratch = try Scratch()
        let (repo, gpg) = try Self.setUp(scratch)
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: gpg) }
        // The commit an earlier `dossier evidence add v1.1.0 packages/app/junit.xml` made, built with git's plumbing.
        let report = EvidenceCommandTests.passing
        let blob = try Shell.run("git", ["-C", repo.path, "hash-object", "-w", "--stdin"], input: Data(report.utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let sums = "\(try EvidenceCommandTests.sha256(report))  packages/app/junit.xml\n"
        let sumsBlob = try Shell.run("git", ["-C", repo.path, "hash-object", "-w", "--stdin"], input: Data(sums.utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let app = try Shell.run("git", ["-C", repo.path, "mktree"], input: Data("100644 blob \(blob)\tjunit.xml\n".utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let packages = try Shell.run("git", ["-C", repo.path, "mktree"], input: Data("040000 tree \(app)\tapp\n".utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let root = try Shell.run("git", ["-C", repo.path, "mktree"], input: Data("100644 blob \(sumsBlob)\tSHA256SUMS\n040000 tree \(packages)\tpackages\n".utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try repo.git(["commit-tree", root, "-m", "dossier evidence for v1.1.0"], environment: repo.identity(("Q", "q@example.com")))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/evidence/v1.1.0", commit])
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--format", "json,md"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        #expect(json["updatePackages"] == nil)
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md").contains("Evidence: 1 test report (2 cases) stored with the release"))
    }
}
