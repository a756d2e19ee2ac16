import Foundation
import TestSupport
import Testing

/// The sample project, as `make demo` builds it: three releases of a PD remote monitor.
@Suite("the sample project")
struct SampleProjectTests {
    static func build(_ scratch: Scratch) throws -> String {
        let result = try Shell.run(Paths.packageRoot + "/sample-project/make-history.sh", [scratch.file("pd")],
                                   environment: Shell.isolatedEnvironment(home: scratch.file("home")))
        guard result.status == 0 else { throw TestFailure("make-history.sh failed: \(result.stderr)") }
        return scratch.file("pd")
    }

    @Test("the history is built deterministically: the same commit ids every time")
    func deterministicHistory() throws {
        let a = try Scratch(), b = try Scratch()
        let first = try Shell.run("git", ["-C", try Self.build(a), "log", "--format=%H", "v2.0.0"]).stdout
        let second = try Shell.run("git", ["-C", try Self.build(b), "log", "--format=%H", "v2.0.0"]).stdout
        #expect(first == second)
        #expect(first.split(separator: "\n").count == 43)
    }

    @Test("the SUF for v2.0.0 shows exactly the records that changed since v1.1.0")
    func sufForV2() throws {
        let scratch = try Scratch()
        _ = try Self.build(scratch)
        let result = try dossier(["suf", "--repo", "pd"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stdout)")
        #expect(lines.first == "SUF for v2.0.0 (14 commits since v1.1.0) written to dist/dossier/v2.0.0")
        #expect(lines.last?.hasSuffix(" from 33 rules: see the SUF's gap report (dossier check lists them)") == true, "\(result.stdout)")

        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v2.0.0/suf.json")) as? [String: Any])
        let kinds = try #require((json["delta"] as? [String: Any])?["kinds"] as? [[String: Any]])
        func delta(_ kind: String) throws -> (added: [String], changed: [String], obsoleted: [String], removed: [String]) {
            let k = try #require(kinds.first { $0["kind"] as? String == kind })
            return (try #require(k["added"] as? [String]), try #require(k["changed"] as? [[String: Any]]).map { try #require($0["id"] as? String) },
                    try #require(k["obsoleted"] as? [[String: Any]]).map { try #require($0["id"] as? String) }, try #require(k["removed"] as? [String]))
        }
        #expect(try delta("requirement").added == (23...30).map { "REQ-\($0)" })
        #expect(try delta("requirement").changed == ["REQ-1"])
        #expect(try delta("requirement").obsoleted == ["REQ-11"])
        #expect(try delta("risk").added == ["RISK-10", "RISK-11", "RISK-12"])
        #expect(try delta("risk").changed == ["RISK-2", "RISK-6"])
        #expect(try delta("threat").added == ["THR-4", "THR-5", "THR-6"])
        // The threat model names the interfaces each threat attacks from v2.0.0 on, the items their zones and interfaces.
        #expect(try delta("threat").changed == ["THR-1", "THR-3"])
        #expect(try delta("ifuChange").added == ["IFU-3", "IFU-4"])
        #expect(try delta("softwareItem").added == ["ITEM-6"])
        #expect(try delta("softwareItem").changed == (0...5).map { "ITEM-\($0)" })
        #expect(try delta("soup").added == ["SOUP-4"])
        #expect(try delta("changeRequest").added == ["CR-8", "CR-9", "CR-10", "CR-11", "CR-12"])
        #expect(try delta("problemReport").added == ["PR-3", "PR-4", "PR-5"])
        for kind in ["requirement", "risk", "threat", "ifuChange", "softwareItem", "soup", "changeRequest", "problemReport"] {
            #expect(try delta(kind).removed.isEmpty)
        }

        let md = try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.md")
        #expect(md.contains("| Device | PD Remote Monitor |"))
        #expect(md.contains("| [PR-4](#pr-4) | Link status lags up to 60 seconds after a BLE reconnect | minor | open |"))
        #expect(md.contains("| [REQ-11](#req-11) | requirement | Import the cycler's USB log export | v2.0.0 |"))
        #expect(md.contains("| [ITEM-6](#item-6) | BLE cycler link | C |"))
        // The old e-mail address is mapped by the .mailmap in the release's tree.
        #expect(!(try scratch.read("dist/dossier/v2.0.0/suf.json")).contains("m.keller@rrs-medical.example"))
        let check = try Shell.run("sha256sum", ["-c", "--quiet", "MANIFEST.sha256"], in: scratch.file("dist/dossier/v2.0.0"))
        #expect(check.status == 0)
    }

    @Test("every commit and tag verdict equals git's, with the trust from the v2.0.0 tree given to both")
    func signaturesAgreeWithGit() throws {
        let scratch = try Scratch()
        let repo = try Self.build(scratch)
        // git gets the same trust: the allowed signers file and the keys, ultimately trusted, from v2.0.0's tree.
        var env = Shell.isolatedEnvironment(home: scratch.file("home"))
        env["GNUPGHOME"] = scratch.file("verify-gnupg")
        try FileManager.default.createDirectory(atPath: scratch.file("verify-gnupg"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: env) }
        for key in ["jonas-weber", "priya-raman"] {
            let text = try Shell.run("git", ["-C", repo, "show", "v2.0.0:regulatory/keys/\(key).asc"]).stdout
            #expect(try Shell.run("gpg", ["--batch", "--import"], environment: env, input: Data(text.utf8)).status == 0)
        }
        let fingerprints = try Shell.run("gpg", ["--with-colons", "--list-keys"], environment: env).stdout
            .split(separator: "\n").filter { $0.hasPrefix("fpr:") }.map { "\($0.split(separator: ":", omittingEmptySubsequences: false)[9]):6:\n" }
        #expect(try Shell.run("gpg", ["--batch", "--import-ownertrust"], environment: env, input: Data(fingerprints.joined().utf8)).status == 0)
        try Shell.run("git", ["-C", repo, "show", "v2.0.0:regulatory/allowed_signers"]).stdout
            .write(toFile: scratch.file("allowed_signers"), atomically: true, encoding: .utf8)
        let git = try Shell.run("git", ["-C", repo, "-c", "gpg.ssh.allowedSignersFile=\(scratch.file("allowed_signers"))",
                                        "log", "--format=%H %G? %GS %GF", "v2.0.0"], environment: env)
        let ours = try dossier(["signatures", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(ours.stdout.split(separator: "\n").sorted() == git.stdout.split(separator: "\n").sorted())
        #expect(ours.stdout.split(separator: "\n").count == 43)
        let tags = try dossier(["signatures", "--tags", "--repo", "pd"], in: scratch.path).stdout.split(separator: "\n")
        #expect(tags.map { $0.split(separator: " ")[1] } == ["G", "G", "G"])
        let verifyTags = try Shell.run("git", ["-C", repo, "-c", "gpg.ssh.allowedSignersFile=\(scratch.file("allowed_signers"))",
                                               "verify-tag", "v1.0.0", "v1.1.0", "v2.0.0"], environment: env)
        #expect(verifyTags.status == 0, "\(verifyTags.stderr)")
    }

    @Test("dossier check: v2.0.0 passes with its evidence; v1.1.0 reports the one deliberate gap, C2 on CR-5")
    func gapChecks() throws {
        let scratch = try Scratch()
        _ = try Self.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/"
        let v2 = try dossier(["check", "v2.0.0", "--repo", "pd", "--evidence", evidence + "v2.0.0-junit.xml"], in: scratch.path)
        #expect(v2.status == 0, "\(v2.stdout)\(v2.stderr)")
        #expect(!v2.stdout.contains("Errors ("))
        #expect(v2.stdout.contains("  G1  commit "))  // Lena's unsigned commit, a warning by the policy since 2.0.0
        let v1 = try dossier(["check", "v1.1.0", "--repo", "pd", "--evidence", evidence + "v1.1.0-junit.xml"], in: scratch.path)
        #expect(v1.status == 1)
        #expect(v1.stdout.contains("""
            Errors (1):
              C2  CR-5 (regulatory/change-requests.yml:91:5) touches class B/C software items (ITEM-0, ITEM-3) but does not state its affected_controls
            """), "\(v1.stdout)")
    }

    @Test("the SUF's gap report groups findings by rule, each with its level, clauses and count; section 14 counts unsigned commits")
    func gapReportGroups() throws {
        let scratch = try Scratch()
        _ = try Self.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/"
        #expect(try dossier(["suf", "v1.1.0", "--repo", "pd", "--evidence", evidence + "v1.1.0-junit.xml"], in: scratch.path).status == 0)
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("""
            ### C2 (error, 1): a change request without a safety-impact analysis, or touching a class B/C item without naming the affected controls
            *IEC 62304 7.4*

            | Level | Rule | Finding |
            |---|---|---|
            | error | C2 | CR-5 (regulatory/change-requests.yml:91:5) touches class B/C software items (ITEM-0, ITEM-3) but does not state its affected\\_controls (write \\[\\] when the analysis finds none) |
            """), "\(md)")
        #expect(try dossier(["suf", "v2.0.0", "--repo", "pd"], in: scratch.path).status == 0)
        let v2 = try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.md")
        #expect(v2.contains("Unsigned commits (N): 1. The version history (section 3) marks each one"))
        #expect(!v2.contains("Signed commits whose signature is not G"))
        #expect(v2.contains("### G1 (warning, 1): "))
    }

    @Test("changed paths agree with git diff-tree for every commit of the history")
    func changedPathsAgreeWithGit() throws {
        let scratch = try Scratch()
        let repo = try Self.build(scratch)
        for release in ["v1.0.0", "v1.1.0", "v2.0.0"] {
            #expect(try dossier(["suf", release, "--repo", "pd", "--format", "json"], in: scratch.path).status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/\(release)/suf.json")) as? [String: Any])
            for commit in try #require(json["commits"] as? [[String: Any]]) {
                let id = try #require(commit["id"] as? String), parents = try #require(commit["parents"] as? [String])
                let ours = try #require(commit["changedFiles"] as? [[String: String]]).map { "\(try #require($0["status"]))\t\(try #require($0["path"]))" }
                let arguments = ["-C", repo, "diff-tree", "-r", "--no-renames", "--name-status", "--no-commit-id"]
                    + (parents.isEmpty ? ["--root", id] : [parents[0], id])
                let theirs = try Shell.run("git", arguments).stdout.split(separator: "\n").map(String.init)
                #expect(ours == theirs, "commit \(id)")
            }
        }
    }
}
