import Foundation
import TestSupport
import Testing

/// The repository Tests/Fixtures/signature-cases.sh builds (every signature case), made once per test run.
enum SignatureCases {
    /// The fixture's folder: repo/, gnupg/, allowed_signers, keys/, dave.asc, cases.txt.
    static let folder: Result<String, TestFailure> = {
        let folder = Paths.packageRoot + "/.build/test-fixtures/signature-cases"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let result = try Shell.run(Paths.packageRoot + "/Tests/Fixtures/signature-cases.sh", [folder])
            guard result.status == 0 else { return .failure(TestFailure("signature-cases.sh failed: \(result.stderr)")) }
            return .success(folder)
        } catch {
            return .failure(TestFailure("signature-cases.sh did not run: \(error)"))
        }
    }()

    /// git, configured as the fixture configures it: the verifying keyring and the allowed signers.
    static func git(_ arguments: [String]) throws -> ProcessResult {
        let folder = try folder.get()
        var env = Shell.isolatedEnvironment(home: folder + "/home")
        env["GNUPGHOME"] = folder + "/gnupg"
        return try Shell.run("git", ["-C", folder + "/repo", "-c", "gpg.ssh.allowedSignersFile=\(folder)/allowed_signers"] + arguments,
                             environment: env)
    }

    /// The verdict letter the fixture's author expects for each commit subject prefix (`C01`) and tag (`tag v1.0`).
    static func expected() throws -> [String: String] {
        let text = try String(contentsOfFile: try folder.get() + "/cases.txt", encoding: .utf8)
        var cases: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            let key = parts[0].hasPrefix("tag ") ? String(parts[0]) : String(parts[0].prefix(3))
            cases[key] = String(parts[1])
        }
        return cases
    }

    /// What git's verify-tag says, as a letter: its --raw status lines (OpenPGP) or ssh-keygen's words (SSH).
    static func gitTagLetter(_ tag: String) throws -> String {
        let result = try git(["verify-tag", "--raw", tag])
        let out = result.stderr
        if out.contains("cannot verify a non-tag object") || out.contains("no signature found") { return "N" }
        for (status, letter) in [("[GNUPG:] GOODSIG", "G"), ("[GNUPG:] BADSIG", "B"), ("[GNUPG:] EXPSIG", "X"),
                                 ("[GNUPG:] EXPKEYSIG", "Y"), ("[GNUPG:] REVKEYSIG", "R"), ("[GNUPG:] ERRSIG", "E")]
        where out.contains(status) { return letter }
        if out.hasPrefix("Good \"git\" signature for ") { return "G" }
        if out.hasPrefix("Good \"git\" signature with ") { return "U" }
        return "B"
    }
}

@Suite("signatures agree with git")
struct SignatureAgreementTests {
    @Test("dossier signatures --all prints exactly git log's %H %G? %GS %GF line for every commit")
    func commitsAgreeWithGitLog() throws {
        let folder = try SignatureCases.folder.get()
        let git = try SignatureCases.git(["log", "--all", "--format=%H %G? %GS %GF"])
        #expect(git.status == 0, "\(git.stderr)")
        let ours = try dossier(["signatures", "--all", "--repo", "repo"], in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(ours.stderr.isEmpty)
        let gitLines = git.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let ourLines = ours.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(ourLines.count == 22)
        #expect(Set(ourLines) == Set(gitLines))
        for line in Set(ourLines).symmetricDifference(Set(gitLines)) { Issue.record("differs: \(line)") }
    }

    @Test("every commit and tag gets the letter the fixture was built to produce, and git agrees")
    func expectedLetters() throws {
        let folder = try SignatureCases.folder.get()
        let expected = try SignatureCases.expected()
        let subjects = try SignatureCases.git(["log", "--all", "--format=%H %s"]).stdout.split(separator: "\n")
        let bySubject = Dictionary(uniqueKeysWithValues: subjects.map { (String($0.prefix(40)), String($0.dropFirst(41).prefix(3))) })
        let ours = try dossier(["signatures", "--all", "--repo", "repo"], in: folder).stdout.split(separator: "\n")
        var seen = Set<String>()
        for line in ours {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            let key = try #require(bySubject[String(fields[0])])
            #expect(String(fields[1]) == expected[key], "\(key): dossier says \(fields[1]), expected \(expected[key] ?? "?")")
            seen.insert(key)
        }
        #expect(seen.count == 22)
        let tags = try dossier(["signatures", "--tags", "--repo", "repo"], in: folder)
        #expect(tags.status == 0, "\(tags.stderr)")
        let tagLines = tags.stdout.split(separator: "\n")
        #expect(tagLines.map { String($0.prefix { $0 != " " }) } == ["feature-1", "v1.0", "v1.0-rc.1", "v1.1", "v1.1-edited", "v1.1-light"])
        for line in tagLines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            let name = String(fields[0]), letter = String(fields[1])
            #expect(letter == expected["tag \(name)"], "tag \(name): dossier says \(letter)")
            #expect(letter == (try SignatureCases.gitTagLetter(name)), "tag \(name): git verify-tag disagrees")
        }
    }

    @Test("--allowed-signers and --openpgp-keys replace the trust in the repository")
    func auditorTrust() throws {
        let folder = try SignatureCases.folder.get()
        try FileManager.default.createDirectory(atPath: folder + "/dave-only", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: folder + "/dave.asc", toPath: folder + "/dave-only/dave.asc")
        defer { try? FileManager.default.removeItem(atPath: folder + "/dave-only") }
        try "# nobody\n".write(toFile: folder + "/nobody", atomically: true, encoding: .utf8)
        let result = try dossier(["signatures", "--all", "--repo", "repo", "--allowed-signers", "nobody", "--openpgp-keys", "dave-only"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let subjects = try SignatureCases.git(["log", "--all", "--format=%H %s"]).stdout.split(separator: "\n")
        let bySubject = Dictionary(uniqueKeysWithValues: subjects.map { (String($0.prefix(40)), String($0.dropFirst(41).prefix(3))) })
        var letters: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            letters[bySubject[String(fields[0])] ?? "?"] = String(fields[1])
        }
        #expect(letters["C02"] == "U")   // alice's SSH key: no longer allowed
        #expect(letters["C03"] == "E")   // bob's OpenPGP key: no longer known
        #expect(letters["C10"] == "G")   // dave's key: now trusted
        #expect(letters["C01"] == "N")
    }

    @Test("--json gives every verdict with its signer, key, algorithm and reason")
    func jsonListing() throws {
        let folder = try SignatureCases.folder.get()
        let result = try dossier(["signatures", "--all", "--json", "--repo", "repo"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["scope"] as? String == "all commits")
        #expect(json["allowedSigners"] as? String == "regulatory/allowed_signers at HEAD")
        #expect(json["openPGPKeys"] as? String == "regulatory/keys at HEAD")
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == 22)
        let verdicts = try entries.map { try #require($0["verdict"] as? [String: Any]) }
        let good = verdicts.filter { $0["letter"] as? String == "G" }
        // As many G as the fixture was built to produce: a verifier that judged nothing good would fail here.
        #expect(good.count == (try SignatureCases.expected()).filter { !$0.key.hasPrefix("tag ") && $0.value == "G" }.count)
        #expect(good.allSatisfy { ($0["algorithm"] as? String ?? "").isEmpty == false && ($0["reason"] as? String) == "" })
        let notGood = verdicts.filter { $0["letter"] as? String != "G" }
        #expect(notGood.allSatisfy { !($0["reason"] as? String ?? "").isEmpty })
    }

    @Test("the SUF's integrity section gives the tag's and every commit's verdict, judged at the release date")
    func sufIntegritySection() throws {
        let folder = try SignatureCases.folder.get()
        let out = folder + "/suf-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        // The whole history, root to v1.1. Judged now (as git judges): the expired key is Y and the expired
        // signature X, as git log says.
        let root = try SignatureCases.git(["rev-list", "--max-parents=0", "v1.1"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = String(Int(Date().timeIntervalSince1970))
        var result = try dossier(["suf", "v1.1", "--since", root, "--repo", "repo", "--out", out + "/now"], in: folder,
                                 environment: ["SOURCE_DATE_EPOCH": now])
        #expect(result.status == 0, "\(result.stderr)")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/now/v1.1/suf.json"))) as? [String: Any])
        let commits = try #require(json["commits"] as? [[String: Any]])
        let gitLetters = Dictionary(uniqueKeysWithValues: try SignatureCases.git(["log", "--format=%H %G?", "\(root)..v1.1"]).stdout
            .split(separator: "\n").map { (String($0.prefix(40)), String($0.suffix(1))) })
        #expect(commits.count == gitLetters.count)
        for commit in commits {
            let letter = try #require(commit["signature"] as? [String: Any])["letter"] as? String
            #expect(letter == gitLetters[try #require(commit["id"] as? String)], "\(commit["subject"] ?? "")")
        }
        let md = try String(contentsOfFile: out + "/now/v1.1/SUF-v1.1.md", encoding: .utf8)
        #expect(md.contains("**Release tag v1.1** (annotated): G: good signature, trusted signer (SSH), signed by alice\\@example.com, key SHA256:"))
        #expect(md.contains("Trusted SSH signers: regulatory/allowed\\_signers at v1.1. Trusted OpenPGP keys: regulatory/keys at v1.1."))
        #expect(md.contains("| Y | good signature by an expired key | 1 |"))
        #expect(md.contains("| X | good signature that has expired | 1 |"))
        #expect(md.contains("| C13 openpgp key expired since | Eve Expired |"))

        // Judged at the release date (the default): Eve's key and Xena's signature were still valid then.
        result = try dossier(["suf", "v1.1", "--since", root, "--repo", "repo", "--out", out + "/release"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/release/v1.1/suf.json"))) as? [String: Any])
        let nowVerdicts = gitLetters.values.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let verdicts = try #require((json["statistics"] as? [String: Any])?["verdicts"] as? [String: Int])
        #expect(verdicts["Y"] == nil && verdicts["X"] == nil)
        // The expired key's and the expired signature's commits are good at the release date; nothing else moves.
        #expect(verdicts["G"] == (nowVerdicts["G"] ?? 0) + (nowVerdicts["Y"] ?? 0) + (nowVerdicts["X"] ?? 0))
        #expect(verdicts["B"] == nowVerdicts["B"] && verdicts["E"] == nowVerdicts["E"] && verdicts["R"] == nowVerdicts["R"])
        let basis = try #require((json["identification"] as? [String: Any])?["signatureCheck"] as? [String: Any])
        #expect(basis["checkedAt"] as? String == (try #require(json["identification"] as? [String: Any]))["date"] as? String)
    }

    @Test("bad trust input: a missing file, a bad allowed-signers line, a trust path absent from the tree — exit 2")
    func badTrust() throws {
        let folder = try SignatureCases.folder.get()
        var result = try dossier(["signatures", "--all", "--repo", "repo", "--allowed-signers", "no-such-file"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: cannot read the allowed signers file no-such-file\n")

        try "alice@example.com ssh-ed25519\n".write(toFile: folder + "/bad_signers", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder + "/bad_signers") }
        result = try dossier(["signatures", "--all", "--repo", "repo", "--allowed-signers", "bad_signers"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: bad_signers:1:"), "\(result.stderr)")

        result = try dossier(["signatures", "--all", "--repo", "repo", "--openpgp-keys", "no-such-folder"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: cannot read the OpenPGP keys folder no-such-folder\n")

        // v1.0's tree has no dossier.yml; a configuration naming trust files the tree lacks is an error.
        try "trust: {allowed_signers: regulatory/allowed_signers}\n".write(toFile: folder + "/other.yml", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder + "/other.yml") }
        result = try dossier(["signatures", "v1.0", "--repo", "repo", "--config", "other.yml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: other.yml names trust.allowed_signers 'regulatory/allowed_signers', but there is no such file in the tree of v1.0\n")

        result = try dossier(["signatures", "v1.0...v1.1", "--repo", "repo"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: cannot read the range 'v1.0...v1.1': expected PREV..RELEASE or one revision\n")
    }
}
