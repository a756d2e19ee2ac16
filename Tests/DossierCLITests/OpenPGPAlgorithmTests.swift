import Foundation
import Testing
import TestSupport

/// The repository Tests/Fixtures/openpgp-algorithms.sh builds (a commit and a tampered copy per algorithm, signed tags),
/// made once per test run: DSA 3072 key generation takes seconds.
enum OpenPGPAlgorithmCases {
    /// The fixture's folder: repo/, gnupg/, cases.txt, fingerprints.txt.
    static let folder: Result<String, TestFailure> = {
        let folder = Paths.packageRoot + "/.build/test-fixtures/openpgp-algorithms"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let result = try Shell.run(Paths.packageRoot + "/Tests/Fixtures/openpgp-algorithms.sh", [folder])
            guard result.status == 0 else { return .failure(TestFailure("openpgp-algorithms.sh failed: \(result.stderr)")) }
            return .success(folder)
        } catch {
            return .failure(TestFailure("openpgp-algorithms.sh did not run: \(error)"))
        }
    }()

    /// git with the fixture's verifying keyring.
    static func git(_ arguments: [String]) throws -> ProcessResult {
        let folder = try folder.get()
        var env = Shell.isolatedEnvironment(home: folder + "/home")
        env["GNUPGHOME"] = folder + "/gnupg"
        return try Shell.run("git", ["-C", folder + "/repo"] + arguments, environment: env)
    }

    /// For each commit subject prefix (`A01`) and tag (`tag v1.0`): the letter dossier must give and the one git
    /// gives with gpg 2.2 ("-" where gpg 2.2 cannot judge: Ed448).
    static func expected() throws -> [String: (dossier: String, git: String)] {
        let text = try String(contentsOfFile: try folder.get() + "/cases.txt", encoding: .utf8)
        var cases: [String: (dossier: String, git: String)] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t").map(String.init)
            cases[parts[0]] = (parts[1], parts[2])
        }
        return cases
    }

    /// Each line of output keyed by its first field (a commit id or a tag name).
    static func byFirstField(_ text: String) -> [String: String] {
        Dictionary(text.split(separator: "\n").map { (String($0.prefix { $0 != " " }), String($0)) }) { a, _ in a }
    }
}

@Suite("every OpenPGP algorithm gpg verifies gets git's verdict")
struct OpenPGPAlgorithmTests {
    @Test("DSA 1024/2048/3072, brainpool, secp256k1, P-384, P-521 and v3 signatures: dossier's line is git log's %H %G? %GS %GF")
    func commitsAgreeWithGit() throws {
        let folder = try OpenPGPAlgorithmCases.folder.get()
        let expected = try OpenPGPAlgorithmCases.expected()
        let git = try OpenPGPAlgorithmCases.git(["log", "--all", "--format=%H %G? %GS %GF"])
        #expect(git.status == 0, "\(git.stderr)")
        let ours = try dossier(["signatures", "--all", "--repo", "repo"], in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        #expect(ours.stderr.isEmpty)
        let subjects = OpenPGPAlgorithmCases.byFirstField(try OpenPGPAlgorithmCases.git(["log", "--all", "--format=%H %s"]).stdout)
        let gitLines = OpenPGPAlgorithmCases.byFirstField(git.stdout), ourLines = OpenPGPAlgorithmCases.byFirstField(ours.stdout)
        #expect(ourLines.count == 25 && gitLines.count == 25)
        var letters: [String: Int] = [:]
        for (commit, line) in ourLines {
            let subject = try #require(subjects[commit]).split(separator: " ").dropFirst().joined(separator: " ")
            let (want, gitLetter) = try #require(expected[String(subject.prefix(3))])
            let letter = String(line.split(separator: " ", omittingEmptySubsequences: false)[1])
            letters[letter, default: 0] += 1
            #expect(letter == want, "\(subject): dossier says \(line)")
            if gitLetter == "-" {
                // Ed448: gpg 2.2 has no Ed448 and cannot import the key, so git says E; gpg 2.3 and later check it.
                #expect(gitLines[commit]?.split(separator: " ", omittingEmptySubsequences: false)[1] == "E")
            } else {
                #expect(line == gitLines[commit], "\(subject): git says \(gitLines[commit] ?? "nothing")")
            }
        }
        #expect(letters == ["G": 13, "B": 12])
    }

    @Test("tags signed with DSA 2048 and brainpoolP384r1, and one edited after signing, get git verify-tag's verdict")
    func tags() throws {
        let folder = try OpenPGPAlgorithmCases.folder.get()
        let expected = try OpenPGPAlgorithmCases.expected()
        let ours = try dossier(["signatures", "--tags", "--repo", "repo"], in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        let lines = OpenPGPAlgorithmCases.byFirstField(ours.stdout)
        #expect(lines.keys.sorted() == ["v1.0", "v1.0-edited", "v1.1"])
        for (tag, line) in lines {
            let letter = String(line.split(separator: " ")[1])
            #expect(letter == expected["tag \(tag)"]?.dossier, "tag \(tag): dossier says \(line)")
            let raw = try OpenPGPAlgorithmCases.git(["verify-tag", "--raw", tag]).stderr
            let gitLetter = raw.contains("[GNUPG:] GOODSIG") ? "G" : raw.contains("[GNUPG:] BADSIG") ? "B" : "E"
            #expect(letter == gitLetter, "tag \(tag): git verify-tag says \(raw)")
        }
    }

    @Test("--json names each key's algorithm and size: DSA 2048, ECDSA brainpoolP256r1, ECDSA secp256k1, EdDSA Ed448")
    func algorithmNames() throws {
        let folder = try OpenPGPAlgorithmCases.folder.get()
        let result = try dossier(["signatures", "--all", "--json", "--repo", "repo"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let json = try #require(object as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        let good = Set(entries.compactMap { $0["verdict"] as? [String: Any] }.filter { $0["letter"] as? String == "G" }
            .compactMap { $0["algorithm"] as? String })
        #expect(good == ["DSA 1024, SHA-1", "DSA 2048, SHA-256", "DSA 3072, SHA-256", "ECDSA brainpoolP256r1, SHA-256",
                         "ECDSA brainpoolP384r1, SHA-384", "ECDSA brainpoolP512r1, SHA-512", "ECDSA secp256k1, SHA-256",
                         "ECDSA P-384, SHA-384", "ECDSA P-521, SHA-512", "RSA 2048, SHA-256", "EdDSA Ed448, SHA-512"])
    }
}
