import Foundation
import TestSupport
import Testing

/// Mender Artifacts given as update packages: opened natively, every checksum of the manifest checked, the artifact's
/// own signature (RSA or ECDSA P-256, as mender-artifact writes them) judged with the trusted update keys; the same
/// answers as `mender-artifact validate`.
@Suite("Mender Artifacts as update packages")
struct MenderArtifactTests {
    /// Keys made by openssl (`keys/` holds the trusted public ones, not `other`'s), a root file system image, and
    /// in `build/`: artifacts written by mender-artifact signed with each key, one unsigned, and one whose payload
    /// was changed after it was signed.
    @discardableResult
    static func setUp(_ scratch: Scratch) throws -> GitRepository {
        let repo = try DeviceFixture.make(scratch)
        for folder in ["keys", "build", "work"] {
            try FileManager.default.createDirectory(atPath: scratch.file(folder), withIntermediateDirectories: true)
        }
        func run(_ tool: String, _ arguments: [String]) throws {
            let result = try Shell.run(tool, arguments, in: scratch.path)
            guard result.status == 0 else { throw TestFailure("\(tool) \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        }
        // mender-artifact reads RSA keys in PKCS#1 form (-traditional).
        for name in ["rsa", "other"] {
            try run("openssl", ["genrsa", "-traditional", "-out", "work/\(name).key", "3072"])
            try run("openssl", ["rsa", "-in", "work/\(name).key", "-pubout", "-out", "work/\(name).pem"])
        }
        try run("openssl", ["ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "work/ec.key"])
        try run("openssl", ["ec", "-in", "work/ec.key", "-pubout", "-out", "work/ec.pem"])
        for name in ["rsa", "ec"] { try FileManager.default.copyItem(atPath: scratch.file("work/\(name).pem"), toPath: scratch.file("keys/\(name).pem")) }
        try String(repeating: "pump root file system\n", count: 200).write(toFile: scratch.file("work/rootfs.ext4"), atomically: true, encoding: .utf8)
        func write(_ artifact: String, key: String?) throws {
            try run("mender-artifact", ["write", "rootfs-image", "-t", "pump-a", "-t", "pump-b", "-n", "pump-2.0.0", "-f", "work/rootfs.ext4",
                                        "--provides", "rootfs-image.version:2.0.0", "-o", "build/\(artifact)"] + (key.map { ["-k", "work/\($0).key"] } ?? []))
        }
        try write("a-rsa.mender", key: "rsa")
        try write("b-ec.mender", key: "ec")
        try write("c-other.mender", key: "other")
        try write("d-unsigned.mender", key: nil)
        // The RSA-signed artifact with its payload's root file system changed, manifest and signature kept.
        let tamper = """
            import gzip, io, sys, tarfile
            src, dst = sys.argv[1], sys.argv[2]
            with tarfile.open(src) as outer, tarfile.open(dst, "w", format=tarfile.USTAR_FORMAT) as out:
                for member in outer.getmembers():
                    data = outer.extractfile(member).read()
                    if member.name == "data/0000.tar.gz":
                        with tarfile.open(fileobj=io.BytesIO(gzip.decompress(data))) as inner:
                            changed = io.BytesIO()
                            with tarfile.open(fileobj=changed, mode="w", format=tarfile.USTAR_FORMAT) as rewritten:
                                for item in inner.getmembers():
                                    body = inner.extractfile(item).read().replace(b"pump", b"PUMP", 1)
                                    item.size = len(body)
                                    rewritten.addfile(item, io.BytesIO(body))
                        data = gzip.compress(changed.getvalue(), mtime=0)
                        member.size = len(data)
                    out.addfile(member, io.BytesIO(data))
            """
        try tamper.write(toFile: scratch.file("work/tamper.py"), atomically: true, encoding: .utf8)
        try run("python3", ["work/tamper.py", "build/a-rsa.mender", "build/e-changed.mender"])
        return repo
    }

    @Test("trust.update_keys names the folder of update keys in the release's tree; a folder that is not there stops the command")
    func keysInTheTree() throws {
        let scratch = try Scratch()
        var repo = try Self.setUp(scratch)
        let trusted = DeviceFixture.dossierYML + "trust:\n  update_keys: regulatory/update-keys\n"
        try repo.commit("Trust the release key for update packages\n\nChange-Request: CR-1\n",
                        files: ["dossier.yml": trusted, "regulatory/update-keys/release.pem": try scratch.read("work/rsa.pem")])
        try repo.tag("v1.2.0")
        let suf = try dossier(["suf", "v1.2.0", "--repo", "repo", "--artifact", "build/a-rsa.mender", "build/c-other.mender", "--format", "json"],
                              in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.2.0/suf.json")) as? [String: Any])
        let verdicts = try #require(json["updatePackages"] as? [[String: Any]]).map { $0["signature"] as? [String: Any] }
        #expect(verdicts.map { $0?["letter"] as? String } == ["G", "B"])
        #expect(verdicts.first??["signer"] as? String == "regulatory/update-keys/release.pem")
        // The DHF judges them as the SUF does, with --update-keys too (every command that judges packages takes it).
        let dhf = try dossier(["dhf", "v1.2.0", "--repo", "repo", "--update-keys", "keys", "--out", "dhf"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        try repo.commit("Point at a folder that is not there\n\nChange-Request: CR-1\n",
                        files: ["dossier.yml": DeviceFixture.dossierYML + "trust:\n  update_keys: regulatory/nowhere\n"])
        try repo.tag("v1.3.0")
        let missing = try dossier(["suf", "v1.3.0", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(missing.status == 2 && missing.stderr.contains("names trust.update_keys 'regulatory/nowhere', but there is no such folder in the tree of v1.3.0"), "\(missing.stderr)")
        #expect(!scratch.exists("out"))
    }

    static func packages(_ scratch: Scratch) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        return try #require(json["updatePackages"] as? [[String: Any]])
    }

    @Test("each artifact's manifest checked and its signature judged with the update keys, as mender-artifact validate judges them")
    func artifacts() throws {
        let scratch = try Scratch()
        try Self.setUp(scratch)
        let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/*.mender", "--update-keys", "keys", "--format", "json,md"],
                              in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let packages = try Self.packages(scratch)
        let letters = packages.map { ($0["signature"] as? [String: Any])?["letter"] as? String }
        #expect(letters == ["G", "G", "B", "N", "B"], "\(packages)")
        // mender-artifact validate agrees: with the trusted keys, the two signed ones are valid, the others not.
        for (index, package) in packages.enumerated() {
            let name = try #require(package["name"] as? String)
            let valid = try ["rsa", "ec"].contains { key in
                try Shell.run("mender-artifact", ["validate", "-k", "keys/\(key).pem", name], in: scratch.path).status == 0
            }
            #expect(valid == (letters[index] == "G"), "\(name)")
        }
        let rsa = try #require(packages[0]["mender"] as? [String: Any])
        #expect(rsa["name"] as? String == "pump-2.0.0")
        #expect(rsa["deviceTypes"] as? [String] == ["pump-a", "pump-b"])
        #expect((rsa["provides"] as? [String])?.contains("rootfs-image.version: 2.0.0") == true)
        #expect(rsa["payloadTypes"] as? [String] == ["rootfs-image"])
        #expect(rsa["checksumsMatching"] as? Int == 3 && (rsa["problems"] as? [String])?.isEmpty == true)
        #expect(((rsa["manifestSignature"] as? [String: Any])?["signer"] as? String) == "rsa.pem")
        let changed = try #require(packages[4]["mender"] as? [String: Any])
        #expect((changed["problems"] as? [String])?.first?.hasPrefix("data/0000/rootfs.ext4 has SHA-256 ") == true, "\(changed)")
        // The changed artifact's own signature is still good: it signs the manifest, which was not changed.
        #expect(((changed["manifestSignature"] as? [String: Any])?["letter"] as? String) == "G")
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("**build/a-rsa.mender** is a Mender Artifact, opened and checked: artifact name pump-2.0.0; device types pump-a; pump-b;"))
        #expect(md.contains("**Its manifest does not match: data/0000/rootfs.ext4 has SHA-256 "))
        // Without update keys, a signed artifact cannot be checked: E, never G.
        let untrusted = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/a-rsa.mender", "--format", "json", "--out", "none"],
                                    in: scratch.path)
        #expect(untrusted.status == 0)
        let plain = try #require(try JSONSerialization.jsonObject(with: scratch.readData("none/v1.1.0/suf.json")) as? [String: Any])
        #expect(((plain["updatePackages"] as? [[String: Any]])?.first?["signature"] as? [String: Any])?["letter"] as? String == "E")
    }

    @Test("a .mender file that is not a Mender Artifact, and an update key that is no PEM public key: exit 2 naming the file")
    func badInput() throws {
        let scratch = try Scratch()
        try Self.setUp(scratch)
        try "not a tar at all\n".write(toFile: scratch.file("build/x.mender"), atomically: true, encoding: .utf8)
        let garbage = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/x.mender", "--out", "out"], in: scratch.path)
        #expect(garbage.status == 2 && garbage.stderr.contains("build/x.mender: expected a Mender Artifact (format version 3, as mender-artifact writes it): the file is not a tar archive"), "\(garbage.stderr)")
        #expect(!scratch.exists("out"))
        try "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".write(toFile: scratch.file("keys/bad.pem"), atomically: true, encoding: .utf8)
        let key = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/a-rsa.mender", "--update-keys", "keys", "--out", "out"], in: scratch.path)
        #expect(key.status == 2 && key.stderr.contains("bad.pem:1:1: expected a PEM public key"), "\(key.stderr)")
        // An artifact compressed with lzma: said plainly, not as a broken artifact.
        let lzma = try Shell.run("mender-artifact", ["write", "rootfs-image", "-t", "pump-a", "-n", "pump-2.0.0", "-f", "work/rootfs.ext4",
                                                     "--compression", "lzma", "-o", "build/xz.mender"], in: scratch.path)
        #expect(lzma.status == 0, "\(lzma.stderr)")
        let xz = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/xz.mender", "--out", "out"], in: scratch.path)
        #expect(xz.status == 2 && xz.stderr.contains("it is compressed otherwise than with gzip (header.tar.xz)"), "\(xz.stderr)")
        #expect(!scratch.exists("out"))
        // Real keys cut short or with a byte changed: refused, never a crash (swift-crypto's RSA key parser aborted).
        for name in ["rsa", "ec"] {
            let pem = try scratch.read("work/\(name).pem")
            let der = try #require(Data(base64Encoded: pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()))
            // Cut in half, its last byte gone, and its outer SEQUENCE made a SET.
            for cut in [der.prefix(der.count / 2), der.prefix(der.count - 1), Data([0x31]) + der.dropFirst()] {
                let text = "-----BEGIN PUBLIC KEY-----\n\(cut.base64EncodedString())\n-----END PUBLIC KEY-----\n"
                try text.write(toFile: scratch.file("keys/bad.pem"), atomically: true, encoding: .utf8)
                let result = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "build/a-rsa.mender", "--update-keys", "keys",
                                          "--out", "out"], in: scratch.path)
                #expect(result.status == 2 && result.stderr.contains("bad.pem:1:1: expected a PEM public key"), "\(name) \(cut.count) of \(der.count): \(result.status) \(result.stderr.prefix(300))")
            }
        }
    }

    /// Artifacts Mender refuses, made from the RSA-signed one with its manifest and signature kept: a payload holding a
    /// second file of the signed name (the first one evil), a folder in the payload, a file hidden after the zero
    /// block that ends the payload's tar; the outer entries out of order; an ECDSA signature in DER form.
    @Test("what mender-artifact validate refuses is never G: a repeated name, a folder or a hidden entry in a payload, the wrong order, a DER ECDSA signature")
    func hostileArtifacts() throws {
        let scratch = try Scratch()
        try Self.setUp(scratch)
        let rewrite = """
            import gzip, io, sys, tarfile
            src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
            def entry(name, data, kind=tarfile.REGTYPE):
                info = tarfile.TarInfo(name); info.size = len(data); info.type = kind
                return info, io.BytesIO(data)
            with tarfile.open(src) as outer:
                members = [(m, outer.extractfile(m).read()) for m in outer.getmembers()]
            out_members = []
            for member, data in members:
                if member.name == "data/0000.tar.gz" and mode in ("twice", "folder", "hidden"):
                    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(data))) as inner:
                        items = [(i, inner.extractfile(i).read()) for i in inner.getmembers()]
                    raw = io.BytesIO()
                    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as new:
                        if mode == "twice": new.addfile(*entry(items[0][0].name, b"EVIL" * 250))
                        if mode == "folder":
                            info = tarfile.TarInfo("evil"); info.type = tarfile.DIRTYPE; new.addfile(info)
                        for item, body in items: new.addfile(item, io.BytesIO(body))
                    body = raw.getvalue()
                    if mode == "hidden":
                        end = len(body) - 1024
                        while body[end - 512:end] == bytes(512): end -= 512
                        hidden = io.BytesIO()
                        with tarfile.open(fileobj=hidden, mode="w", format=tarfile.USTAR_FORMAT) as h: h.addfile(*entry("evil.sh", b"rm -rf /\\n"))
                        body = body[:end] + bytes(512) + hidden.getvalue()
                    data = gzip.compress(body, mtime=0); member.size = len(data)
                out_members.append((member, data))
            if mode == "order":
                names = [m.name for m, _ in out_members]
                out_members.insert(names.index("header.tar.gz") + 1, out_members.pop(names.index("manifest")))
            with tarfile.open(dst, "w", format=tarfile.USTAR_FORMAT) as out:
                for member, data in out_members:
                    if mode == "der" and member.name == "manifest.sig":
                        data = open(sys.argv[4], "rb").read(); member.size = len(data)
                    out.addfile(member, io.BytesIO(data))
            """
        try rewrite.write(toFile: scratch.file("work/rewrite.py"), atomically: true, encoding: .utf8)
        func run(_ tool: String, _ arguments: [String], in folder: String? = nil) throws -> ProcessResult {
            try Shell.run(tool, arguments, in: folder ?? scratch.path)
        }
        for mode in ["twice", "folder", "hidden", "order"] {
            let made = try run("python3", ["work/rewrite.py", "build/a-rsa.mender", "work/\(mode).mender", mode])
            #expect(made.status == 0, "\(made.stderr)")
        }
        // The ECDSA-signed artifact's manifest signed again by openssl, in DER.
        let unpacked = scratch.file("work/ec")
        try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
        #expect(try run("tar", ["-xf", "../../build/b-ec.mender"], in: unpacked).status == 0)
        let der = try run("sh", ["-c", "openssl dgst -sha256 -sign work/ec.key work/ec/manifest | base64 -w0 > work/der.sig"])
        #expect(der.status == 0, "\(der.stderr)")
        #expect(try run("python3", ["work/rewrite.py", "build/b-ec.mender", "work/der.mender", "der", "work/der.sig"]).status == 0)

        for mode in ["twice", "folder", "hidden", "der"] {
            #expect(try run("mender-artifact", ["validate", "-k", "keys/\(mode == "der" ? "ec" : "rsa").pem", "work/\(mode).mender"]).status != 0, "\(mode)")
            let suf = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "work/\(mode).mender", "--update-keys", "keys", "--format", "json",
                                   "--out", mode], in: scratch.path)
            #expect(suf.status == 0, "\(mode): \(suf.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("\(mode)/v1.1.0/suf.json")) as? [String: Any])
            let package = try #require((json["updatePackages"] as? [[String: Any]])?.first)
            #expect((package["signature"] as? [String: Any])?["letter"] as? String == "B", "\(mode): \(package)")
        }
        // Out of order: not the format Mender reads at all.
        #expect(try run("mender-artifact", ["validate", "-k", "keys/rsa.pem", "work/order.mender"]).status != 0)
        let order = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "work/order.mender", "--out", "order"], in: scratch.path)
        #expect(order.status == 2 && order.stderr.contains("its entries are not in the order mender-artifact writes them"), "\(order.stderr)")
        // A folder on the way to a package that is a symbolic link (a work tree may commit dist -> ~/.ssh): refused.
        try FileManager.default.createSymbolicLink(atPath: scratch.file("dist"), withDestinationPath: scratch.file("work"))
        let through = try dossier(["suf", "v1.1.0", "--repo", "repo", "--artifact", "dist/der.mender", "--out", "through"], in: scratch.path)
        #expect(through.status == 2 && through.stderr.contains("found a path through the symbolic link 'dist'"), "\(through.stderr)")
    }
}
