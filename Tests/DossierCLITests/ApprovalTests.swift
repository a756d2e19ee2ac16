import Foundation
import TestSupport
import Testing

/// `dossier approve`, and the approvals as check, verify and the DHF show them, on real repositories with keys made
/// by ssh-keygen; every verdict is compared with `git verify-commit`.
@Suite("approvals in git")
struct ApprovalTests {
    /// A repository whose dossier.yml trusts Jane (QA) and Omar (RA) for commits and requires both roles' approval;
    /// `mallory` is a key nobody trusts, `dossier-only` one trusted for the namespace "dossier" alone. Two releases.
    private func setUp(required: Bool = true) throws -> (Scratch, GitRepository) {
        let scratch = try Scratch()
        var keys: [String: String] = [:]
        for name in ["jane", "omar", "mallory", "dossier-only"] {
            let made = try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", scratch.file(name)])
            #expect(made.status == 0, "\(made.stderr)")
            keys[name] = try scratch.read(name + ".pub").split(separator: " ").prefix(2).joined(separator: " ")
        }
        let allowed = """
            jane@example.com namespaces="git" \(keys["jane"]!)
            omar@example.com \(keys["omar"]!)
            dora@example.com namespaces="dossier" \(keys["dossier-only"]!)

            """
        var config = DeviceFixture.dossierYML + "trust:\n  allowed_signers: regulatory/allowed_signers\n"
        if required { config += "approvals:\n  required:\n    Quality Assurance: approved\n    Regulatory Affairs: approved\n" }
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Trust the approvers\n", files: ["dossier.yml": config, "regulatory/allowed_signers": allowed])
        try repo.tag("v1.2.0")
        try allowed.write(toFile: scratch.file("allowed"), atomically: true, encoding: .utf8)
        return (scratch, repo)
    }

    private func approve(_ scratch: Scratch, _ key: String, role: String, meaning: String = "approved", name: String = "Jane Doe",
                         release: String = "v1.2.0") throws -> ProcessResult {
        try dossier(["approve", release, "--repo", "repo", "--role", role, "--meaning", meaning, "--sign-key", key, "--name", name],
                    in: scratch.path)
    }

    /// git's own letter on each approval commit, with the allowed signers given.
    private func gitLetters(_ repo: GitRepository, _ scratch: Scratch, release: String = "v1.2.0") throws -> [String] {
        try repo.git(["-c", "gpg.ssh.allowedSignersFile=\(scratch.file("allowed"))", "log", "--reverse", "--format=%G?",
                      "refs/dossier/approvals/\(release)"]).split(separator: "\n").map(String.init)
    }

    @Test("approve writes a signed commit git verify-commit accepts; check counts it and names the role still missing")
    func approveAndCheck() throws {
        let (scratch, repo) = try setUp()
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        // The SUF names the approvals its release requires, and where they will be; it cannot hold them.
        let suf = try dossier(["show", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(suf.stdout.contains("| Approvals required | Quality Assurance (approved), Regulatory Affairs (approved): electronic signatures over this bundle's `MANIFEST.sha256`, recorded after it at `refs/dossier/approvals/v1.2.0` (`dossier approve`);"))
        let result = try approve(scratch, "jane", role: "Quality Assurance")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("approved v1.2.0: Jane Doe <jane@example.com> as Quality Assurance, meaning approved, "))
        let manifest = try repo.git(["show", "refs/dossier/v1.2.0:MANIFEST.sha256"])
        let digest = try Shell.run("sha256sum", [], input: Data(manifest.utf8)).stdout.prefix(64)
        #expect(result.stdout.contains("MANIFEST.sha256 has SHA-256 \(digest)"))

        // git itself checks the signature, and reads the approval as a person would.
        let verify = try Shell.run("git", ["-c", "gpg.ssh.allowedSignersFile=\(scratch.file("allowed"))", "verify-commit",
                                           "refs/dossier/approvals/v1.2.0"], in: repo.path)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("Good \"git\" signature for jane@example.com"))
        #expect(try gitLetters(repo, scratch) == ["G"])
        let body = try repo.git(["log", "-1", "--format=%an <%ae>%n%B", "refs/dossier/approvals/v1.2.0"])
        #expect(body.hasPrefix("Jane Doe <jane@example.com>\nApproval of v1.2.0: approved as Quality Assurance\n"))
        #expect(body.contains("\nRelease: v1.2.0\nRole: Quality Assurance\nMeaning: approved\nManifest-SHA256: \(digest)\n"))
        // The approval's tree is the manifest it signs.
        #expect(try repo.git(["show", "refs/dossier/approvals/v1.2.0:MANIFEST.sha256"]) == manifest)

        // The same approval again changes nothing.
        let again = try approve(scratch, "jane", role: "Quality Assurance")
        #expect(again.status == 0)
        #expect(again.stdout.contains("is approved already"))
        #expect(try gitLetters(repo, scratch).count == 1)

        let check = try dossier(["check", "v1.2.0", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("  counts  G  Jane Doe <jane@example.com>  Quality Assurance, approved, "))
        #expect(check.stdout.contains("  missing (dossier.yml approvals.required): Regulatory Affairs (approved)"))
        #expect(check.stdout.contains("The attached bundle is not approved (--approved): required approvals are missing."))

        // Omar's key is trusted for every namespace; with both, the gate passes.
        let omar = try approve(scratch, "omar", role: "Regulatory Affairs", name: "Omar Haddad")
        #expect(omar.status == 0, "\(omar.stderr)")
        #expect(try gitLetters(repo, scratch) == ["G", "G"])
        let passed = try dossier(["check", "v1.2.0", "--repo", "repo", "--approved", "--format", "json"], in: scratch.path)
        let json = try JSONSerialization.jsonObject(with: Data(passed.stdout.utf8)) as! [String: Any]
        #expect(json["approved"] as? Bool == true)
        #expect((json["approvals"] as? [String: Any])?["missing"] as? [Any] != nil)
        #expect(((json["approvals"] as? [String: Any])?["missing"] as? [Any])?.isEmpty == true)
        let text = try dossier(["check", "v1.2.0", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(text.stdout.contains("The attached bundle is approved (--approved)."))
        #expect(!text.stdout.contains("missing ("))
    }

    @Test("the DHF lists each approval with its verdict against the bundle it holds; a bundle attached later is not covered")
    func dhfAndReattach() throws {
        let (scratch, _) = try setUp()
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        #expect(try approve(scratch, "jane", role: "Quality Assurance").status == 0)
        let dhf = try dossier(["dhf", "--repo", "repo", "--format", "md,json"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let md = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(md.contains("| v1.2.0 | Quality Assurance | approved | Jane Doe \\<jane\\@example.com\\> | "))
        #expect(md.contains("| G: good signature, trusted signer (SSH), signed by jane\\@example.com, key SHA256:"))
        #expect(md.contains(" | yes |"))
        #expect(md.contains("Required by the release's dossier.yml (`approvals.required`) and not given for the bundle above:\n\n- v1.2.0: Regulatory Affairs (approved)\n"))
        let history = try JSONSerialization.jsonObject(with: try scratch.readData("dist/dossier/dhf/dhf.json")) as! [String: Any]
        let releases = history["releases"] as! [[String: Any]]
        // Releases before v1.2.0 require nothing and have no approval: they carry none.
        #expect(releases[0]["approvals"] == nil)
        let approvals = releases.last!["approvals"] as! [String: Any]
        #expect((approvals["approvals"] as! [[String: Any]]).map { $0["role"] as? String } == ["Quality Assurance"])

        // A different bundle attached later: the approval signs the earlier one only.
        let replaced = try dossier(["attach", "v1.2.0", "--repo", "repo", "--force"], in: scratch.path,
                                   environment: ["SOURCE_DATE_EPOCH": "1800000000"])
        #expect(replaced.status != 2, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("replaced the bundle"))
        let check = try dossier(["check", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(check.stdout.contains("  does not count  G  Jane Doe <jane@example.com>  Quality Assurance, approved, "))
        #expect(check.stdout.contains(": it signs another bundle of the release (MANIFEST.sha256 SHA-256 "))
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "md", "--out", "again"], in: scratch.path).status == 0)
        #expect(try scratch.read("again/dhf/DHF.md").contains(" | no: it signs another bundle of the release, not this one |"))
    }

    @Test("verify --repo lists the approvals of the very bundle given; --approved fails until every required role signed")
    func verifyBundle() throws {
        let (scratch, _) = try setUp()
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        #expect(try approve(scratch, "jane", role: "Quality Assurance").status == 0)
        #expect(try dossier(["show", "v1.2.0", "--repo", "repo", "--extract", "bundle"], in: scratch.path).status == 0)
        let one = try dossier(["verify", "bundle", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(one.status == 1)
        #expect(one.stdout.contains("Approvals of v1.2.0 (refs/dossier/approvals/v1.2.0), judged against this bundle"))
        #expect(one.stdout.hasSuffix("bundle bundle is intact\nbundle bundle is NOT approved\n"))
        #expect(try approve(scratch, "omar", role: "Regulatory Affairs", name: "Omar Haddad").status == 0)
        let two = try dossier(["verify", "bundle", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(two.status == 0, "\(two.stdout)")
        #expect(two.stdout.hasSuffix("bundle bundle is approved\n"))
        // A file changed after the approvals: the bundle is neither intact nor approved.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("bundle/SUF-v1.2.0.md")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nApproved by everyone.\n".utf8))
        try handle.close()
        let tampered = try dossier(["verify", "bundle", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(tampered.status == 1)
        #expect(tampered.stdout.hasSuffix("bundle bundle is NOT intact\nbundle bundle is NOT approved\n"))
        // Another bundle (v1.1.0's, built now) has none.
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "other"], in: scratch.path).status != 2)
        let other = try dossier(["verify", "other/v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(other.status == 0)
        #expect(other.stdout.contains("Approvals of v1.1.0 (refs/dossier/approvals/v1.1.0), judged against this bundle (MANIFEST.sha256 SHA-256 "))
        #expect(other.stdout.contains("):\n  none recorded\n"))
        let usage = try dossier(["verify", "bundle", "--approved"], in: scratch.path)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--approved looks up approvals in a repository: give --repo"))
    }

    @Test("approve refuses what would count for nothing, and writes nothing")
    func refusals() throws {
        let (scratch, repo) = try setUp()
        func refused(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try dossier(["approve"] + arguments + ["--repo", "repo"], in: scratch.path)
            #expect(result.status == 2, "\(result.stdout)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(throws: (any Error).self, sourceLocation: sourceLocation) {
                try repo.git(["rev-parse", "--verify", "-q", "refs/dossier/approvals/v1.2.0"])
            }
        }
        let base = ["v1.2.0", "--role", "Quality Assurance", "--meaning", "approved", "--name", "Jane Doe"]
        try refused(base + ["--sign-key", "jane"], "v1.2.0 has no attached bundle: an approval signs the bundle attached to the release; attach it first")
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        try refused(base + ["--sign-key", "mallory"], "is not trusted to sign commits by regulatory/allowed_signers at v1.2.0")
        try refused(base + ["--sign-key", "dossier-only"], "no principal lists it for namespace \"git\"")
        try refused(["v1.2.0", "--role", "QA\u{1B}[2J", "--meaning", "approved", "--sign-key", "jane"], "a role has no control or formatting characters or line breaks")
        try refused(["v1.2.0", "--role", "QA", "--meaning", "signed", "--sign-key", "jane"], "unknown meaning 'signed' in --meaning; expected authored, reviewed or approved")
        try refused(["v1.2.0", "--role", "QA", "--meaning", "approved", "--sign-key", "jane", "--name", "Eve <eve@example.com>"],
                    "a printed name holds no '<', '>', control or formatting characters or line breaks")
        try refused(["v1.2.0", "--role", "QA", "--meaning", "approved", "--sign-key", "jane", "--name", "Jane \u{202E}eoD"],
                    "a printed name holds no '<', '>', control or formatting characters or line breaks")
        // The bundle reviewed is named: the attached one must be it.
        try refused(base + ["--sign-key", "jane", "--manifest-sha256", String(repeating: "ab", count: 32)],
                    "the bundle attached to v1.2.0 now has a MANIFEST.sha256 with SHA-256 ")
        try refused(["v9.9.9", "--role", "QA", "--meaning", "approved", "--sign-key", "jane"], "'v9.9.9' is not a tag")
        try refused(base + ["--sign-key", "no-such-key"], "cannot read the signing key no-such-key")
        // A role dossier.yml does not require is recorded, with a warning.
        let extra = try approve(scratch, "jane", role: "Software Lead", meaning: "reviewed")
        #expect(extra.status == 0)
        #expect(extra.stderr.contains("requires approvals from 'Quality Assurance', 'Regulatory Affairs'; 'Software Lead' is not among them"))
    }

    @Test("approvals forged, moved or written by hand count for nothing, each as git verify-commit judges its signature")
    func hostileApprovals() throws {
        let (scratch, repo) = try setUp()
        var repo2 = repo
        try repo2.commit("Next\n", files: ["Makefile": "all: next\n"])
        try repo2.tag("v1.3.0")
        for release in ["v1.2.0", "v1.3.0"] {
            #expect(try dossier(["attach", release, "--repo", "repo"], in: scratch.path).status != 2)
        }
        #expect(try approve(scratch, "jane", role: "Quality Assurance").status == 0)
        let good = try repo.git(["rev-parse", "refs/dossier/approvals/v1.2.0"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let v13manifest = try repo.git(["show", "refs/dossier/v1.3.0:MANIFEST.sha256"])
        let v13digest = String(try Shell.run("sha256sum", [], input: Data(v13manifest.utf8)).stdout.prefix(64))
        let tree = try repo.git(["rev-parse", "refs/dossier/v1.3.0:"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let manifestBlob = try repo.git(["rev-parse", "refs/dossier/v1.3.0:MANIFEST.sha256"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let manifestTree = try Shell.run("git", ["mktree"], in: repo.path, environment: repo.environment,
                                         input: Data("100644 blob \(manifestBlob)\tMANIFEST.sha256\n".utf8)).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func message(release: String = "v1.3.0", role: String = "Quality Assurance", digest: String = v13digest) -> String {
            "Approval of \(release)\n\nbody\n\nRelease: \(release)\nRole: \(role)\nMeaning: approved\nManifest-SHA256: \(digest)\n"
        }
        // Each forged commit is made by git: signed by the key named (nil: unsigned), as the person named.
        func forge(_ text: String, tree: String, key: String?, as person: (String, String), parent: String?) throws -> String {
            var arguments = ["-c", "gpg.format=ssh"] + (key.map { ["-c", "user.signingkey=\(scratch.file($0))", "commit-tree", "-S"] } ?? ["commit-tree"])
            arguments += [tree, "-m", text] + (parent.map { ["-p", $0] } ?? [])
            return try repo.git(arguments, environment: repo.identity(person)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // 1. Jane's good approval of v1.2.0 moved under v1.3.0; 2. Omar's good signature in Jane's name; 3. Mallory's
        // signature; 4. unsigned; 5. a tree that is the whole bundle, not the manifest named; 6. a trailer twice.
        var tip = try forge(message(), tree: manifestTree, key: "omar", as: ("Jane Doe", "jane@example.com"), parent: good)
        tip = try forge(message(), tree: manifestTree, key: "mallory", as: ("Mallory", "mallory@example.com"), parent: tip)
        tip = try forge(message(), tree: manifestTree, key: nil, as: ("Jane Doe", "jane@example.com"), parent: tip)
        tip = try forge(message(), tree: tree, key: "jane", as: ("Jane Doe", "jane@example.com"), parent: tip)
        tip = try forge(message() + "Role: Regulatory Affairs\n", tree: manifestTree, key: "omar", as: ("Omar", "omar@example.com"), parent: tip)
        try repo.git(["update-ref", "refs/dossier/approvals/v1.3.0", tip])

        let check = try dossier(["check", "v1.3.0", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(check.status == 1, "\(check.stderr)")
        let lines = check.stdout.split(separator: "\n").filter { $0.hasPrefix("  does not count") || $0.hasPrefix("  counts") }.map(String.init)
        #expect(lines.count == 6, "\(check.stdout)")
        #expect(!lines.contains { $0.hasPrefix("  counts") })
        #expect(lines[0].hasSuffix("it names the release 'v1.2.0', not v1.3.0, whose approvals' reference holds it"))
        #expect(lines[1].hasSuffix("it is written in the name of <jane@example.com>, but the key that signed it is trusted for 'omar@example.com'"))
        #expect(lines[2].contains("  U  Mallory") && lines[2].contains("the signature is U"))
        #expect(lines[3].contains("  N  Jane Doe") && lines[3].contains("the signature is N"))
        #expect(lines[4].hasSuffix("its tree is not the file MANIFEST.sha256 alone"))
        #expect(lines[5].hasSuffix("its message names Role twice"))
        // The letters are git's.
        let letters = try gitLetters(repo, scratch, release: "v1.3.0")
        #expect(letters == ["G", "G", "U", "N", "G", "G"])
        #expect(lines.map { String($0.dropFirst("  does not count  ".count).prefix(1)) } == letters)

        // A reference that points at no commit stops every reader with a clear error.
        try repo.git(["update-ref", "refs/dossier/approvals/v1.3.0", manifestBlob])
        let blob = try dossier(["check", "v1.3.0", "--repo", "repo"], in: scratch.path)
        #expect(blob.status == 2)
        #expect(blob.stderr.contains("the approvals of v1.3.0 (refs/dossier/approvals/v1.3.0) reach \(manifestBlob.prefix(12)), which is not a commit"))
        let nested = try Shell.run("git", ["mktree"], in: repo.path, environment: repo.environment,
                                   input: Data("040000 tree \(manifestTree)\tsub\n".utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/approvals/v1.3.0", try forge(message(), tree: nested, key: "jane", as: ("Jane Doe", "jane@example.com"), parent: nil)])
        let folder = try dossier(["dhf", "--repo", "repo", "--format", "md"], in: scratch.path)
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(try scratch.read("dist/dossier/dhf/DHF.md").contains(" | no: its tree is not the file MANIFEST.sha256 alone |"))

        // A manifest of more than 1 MiB is not read (a hostile chain of such trees would fill memory); a value that is
        // no digest is not put into the DHF's code span, where Markdown escapes nothing.
        let big = try Shell.run("git", ["hash-object", "-w", "--stdin"], in: repo.path, environment: repo.environment,
                                input: Data(count: (1 << 20) + 1)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let bigTree = try Shell.run("git", ["mktree"], in: repo.path, environment: repo.environment,
                                    input: Data("100644 blob \(big)\tMANIFEST.sha256\n".utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        tip = try forge(message(), tree: bigTree, key: "jane", as: ("Jane Doe", "jane@example.com"), parent: nil)
        tip = try forge(message(digest: "`<b>x</b>`|"), tree: manifestTree, key: "jane", as: ("Jane Doe", "jane@example.com"), parent: tip)
        try repo.git(["update-ref", "refs/dossier/approvals/v1.3.0", tip])
        let bounded = try dossier(["check", "v1.3.0", "--repo", "repo"], in: scratch.path)
        #expect(bounded.stdout.contains("its MANIFEST.sha256 holds 1048577 bytes, more than the 1048576 a manifest may hold"))
        #expect(bounded.stdout.contains("its Manifest-SHA256 is not 64 lower-case hexadecimal digits"))
        #expect(try dossier(["dhf", "--repo", "repo", "--format", "md", "--out", "b"], in: scratch.path).status == 0)
        let dhf = try scratch.read("b/dhf/DHF.md")
        #expect(dhf.contains("| `(not a SHA-256)` |"))
        #expect(!dhf.contains("<b>x</b>"))
    }

    @Test("only the approvals of a bundle's own release count: an attacker's tag with trust of its own, or another release's bundle attached, approve nothing")
    func foreignApprovals() throws {
        let (scratch, repo) = try setUp()
        var repo2 = repo
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        // An orphan tag whose own dossier.yml trusts Mallory, holding v1.2.0's bundle, approved by Mallory.
        try repo2.git(["checkout", "-q", "--orphan", "evil"])
        try repo2.git(["rm", "-rqf", "."])
        try repo2.commit("Evil\n", files: [
            "dossier.yml": "device: {name: X}\ntrust: {allowed_signers: regulatory/allowed_signers}\n",
            "regulatory/allowed_signers": "mallory@example.com \(try scratch.read("mallory.pub").split(separator: " ").prefix(2).joined(separator: " "))\n",
        ])
        try repo2.tag("zz-evil")
        try repo2.git(["update-ref", "refs/dossier/zz-evil", "refs/dossier/v1.2.0"])
        #expect(try dossier(["show", "v1.2.0", "--repo", "repo", "--extract", "bundle"], in: scratch.path).status == 0)
        // approve itself sees that zz-evil's attached bundle is v1.2.0's.
        let mallory = try approve(scratch, "mallory", role: "Quality Assurance", name: "Mallory", release: "zz-evil")
        #expect(mallory.status == 2)
        #expect(mallory.stderr.contains("is the bundle of 'v1.2.0' at commit "))
        // Written by hand, the approval is Mallory's good signature under zz-evil: verify looks at v1.2.0's approvals only.
        let manifestBlob = try repo.git(["rev-parse", "refs/dossier/v1.2.0:MANIFEST.sha256"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try Shell.run("git", ["mktree"], in: repo.path, environment: repo.environment,
                                 input: Data("100644 blob \(manifestBlob)\tMANIFEST.sha256\n".utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let digest = String(try Shell.run("sha256sum", [scratch.file("bundle/MANIFEST.sha256")]).stdout.prefix(64))
        let message = "Approval\n\nRelease: zz-evil\nRole: Quality Assurance\nMeaning: approved\nManifest-SHA256: \(digest)\n"
        let forged = try repo.git(["-c", "gpg.format=ssh", "-c", "user.signingkey=\(scratch.file("mallory"))", "commit-tree", "-S", tree, "-m", message],
                                  environment: repo.identity(("Mallory", "mallory@example.com"))).trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/approvals/zz-evil", forged])
        let verify = try dossier(["verify", "bundle", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("Approvals of v1.2.0 (refs/dossier/approvals/v1.2.0)"))
        #expect(!verify.stdout.contains("Mallory"))
        #expect(verify.stdout.hasSuffix("bundle bundle is NOT approved\n"))

        // Another release's bundle attached at a tag: approve and check refuse it, as the DHF does.
        try repo2.git(["checkout", "-q", "main"])
        try repo2.commit("Next\n", files: ["Makefile": "all: next\n"])
        try repo2.tag("v1.3.0")
        try repo2.git(["update-ref", "refs/dossier/v1.3.0", "refs/dossier/v1.2.0"])
        let jane = try approve(scratch, "jane", role: "Quality Assurance", release: "v1.3.0")
        #expect(jane.status == 2)
        #expect(jane.stderr.contains("the bundle attached to v1.3.0 (refs/dossier/v1.3.0 at "))
        #expect(jane.stderr.contains("is the bundle of 'v1.2.0' at commit "))
        #expect(try dossier(["check", "v1.3.0", "--repo", "repo", "--approved"], in: scratch.path).status == 2)
    }

    @Test("roles are compared byte for byte; approvals.required may name who signs each role")
    func rolesAndSigners() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        for name in ["jane", "omar"] {
            #expect(try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", scratch.file(name)]).status == 0)
        }
        func pub(_ name: String) throws -> String { try scratch.read(name + ".pub").split(separator: " ").prefix(2).joined(separator: " ") }
        try repo.commit("Approvers\n", files: [
            "dossier.yml": DeviceFixture.dossierYML + """
                trust: {allowed_signers: regulatory/allowed_signers}
                approvals:
                  required:
                    "Q\u{00C5}": approved
                    Quality Assurance: {meaning: approved, signers: [jane@example.com]}

                """,
            "regulatory/allowed_signers": "jane@example.com \(try pub("jane"))\nomar@example.com \(try pub("omar"))\n",
        ])
        try repo.tag("v1.2.0")
        #expect(try dossier(["attach", "v1.2.0", "--repo", "repo"], in: scratch.path).status != 2)
        func approve(_ key: String, _ role: String) throws -> ProcessResult {
            try dossier(["approve", "v1.2.0", "--repo", "repo", "--role", role, "--meaning", "approved", "--sign-key", key, "--name", key],
                        in: scratch.path)
        }
        // Q + COMBINING RING ABOVE is Å to Swift's ==, another role to git and to dossier.
        let decomposed = try approve("jane", "QA\u{030A}")
        #expect(decomposed.status == 0)
        #expect(decomposed.stderr.contains("is not among them"))
        let omar = try approve("omar", "Quality Assurance")
        #expect(omar.status == 0)
        #expect(omar.stderr.contains("names who signs as 'Quality Assurance': jane@example.com; this approval by omar@example.com does not give the required one"))
        let check = try dossier(["check", "v1.2.0", "--repo", "repo", "--approved"], in: scratch.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("  missing (dossier.yml approvals.required): Q\u{00C5} (approved), Quality Assurance (approved, by jane@example.com)\n"))
        #expect(try approve("jane", "Quality Assurance").status == 0)
        #expect(try approve("jane", "Q\u{00C5}").status == 0)
        #expect(try dossier(["check", "v1.2.0", "--repo", "repo", "--approved"], in: scratch.path).stdout
            .contains("The attached bundle is approved (--approved)."))
        // JUnit and SARIF carry findings only: --approved is refused with them rather than left out of the report.
        let junit = try dossier(["check", "v1.2.0", "--repo", "repo", "--approved", "--format", "junit"], in: scratch.path)
        #expect(junit.status == 2)
        #expect(junit.stderr.contains("--approved reports in the text and JSON formats"))
    }

    @Test("dossier.yml approvals: a bad entry is an error at its line and column")
    func badConfiguration() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        for (yaml, message) in [
            ("approvals:\n  required: [QA]\n", "dossier.yml:3:13"),
            ("approvals:\n  required:\n    QA: signed\n", "dossier.yml:4:9: expected authored, reviewed or approved as the meaning of 'QA''s approval, found 'signed'"),
            ("approvals:\n  needed: {QA: approved}\n", "dossier.yml:3:3"),
        ] {
            try repo.commit("Config\n", files: ["dossier.yml": "device: {name: X}\n" + yaml])
            let result = try dossier(["check", "--repo", "repo", "HEAD"], in: scratch.path)
            #expect(result.status == 2, "\(yaml)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test("a tag named approvals/… cannot have a bundle attached: its reference would lie among the approvals")
    func approvalsTagRefused() throws {
        let (scratch, repo) = try setUp(required: false)
        var tagged = repo
        try tagged.tag("approvals/v1")
        let result = try dossier(["attach", "approvals/v1", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("a tag named 'approvals' or 'approvals/…' would collide with them"))
    }
}
