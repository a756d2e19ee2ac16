import Foundation
import TestSupport
import Testing

/// `dossier check --worktree` reads the files of a pull request from disk: a path in dossier.yml or a committed
/// symbolic link must not make it read (and print) a file outside the work tree, such as a CI secret.
@Suite("--worktree reads only inside the work tree")
struct WorkTreeContainmentTests {
    static let secret = "CI_TOKEN=recognisable-secret-4711"

    /// The device fixture with a secret beside the repository, and dossier.yml's requirements path replaced.
    func fixture(requirements path: String) throws -> (Scratch, GitRepository) {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try Self.secret.write(toFile: scratch.file("secret.yml"), atomically: true, encoding: .utf8)
        let yml = DeviceFixture.dossierYML.replacingOccurrences(of: "requirements: regulatory/requirements.yml", with: "requirements: \(path)")
        try repo.commit("Move the requirements\n", files: ["dossier.yml": yml])
        return (scratch, repo)
    }

    /// Runs `check --worktree` and expects the refusal naming `path`, with nothing of the secret printed.
    func expectRefused(_ scratch: Scratch, path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("refused to read '\(path)': the path leads outside the work tree"), "\(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(!(result.stdout + result.stderr).contains("recognisable-secret"), "the secret was printed: \(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test("a record path '../secret.yml' in dossier.yml is refused without being read")
    func parentPath() throws {
        let (scratch, _) = try fixture(requirements: "../secret.yml")
        try expectRefused(scratch, path: "../secret.yml")
    }

    @Test("a committed symbolic link to a file outside the repository is refused without being read")
    func committedSymlink() throws {
        let (scratch, fixtureRepo) = try fixture(requirements: "regulatory/requirements.yml")
        var repo = fixtureRepo
        try FileManager.default.removeItem(atPath: scratch.file("repo/regulatory/requirements.yml"))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("repo/regulatory/requirements.yml"),
                                                   withDestinationPath: scratch.file("secret.yml"))
        try repo.commit("Link the requirements\n")
        try expectRefused(scratch, path: "regulatory/requirements.yml")
    }

    @Test("a record path into the repository's .git folder (whose config may hold a token) is refused without being read",
          arguments: [".git/config", "regulatory/../.git/config"])
    func gitFolder(path: String) throws {
        let (scratch, repo) = try fixture(requirements: path)
        try repo.git(["config", "http.extraheader", "AUTHORIZATION: bearer recognisable-secret-4711"])
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("refused to read '\(path)': the path leads into the repository's .git folder"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("recognisable-secret"), "\(result.stderr)")
    }

    @Test("a relative link inside a records folder that climbs out is refused, not skipped")
    func linkInFolder() throws {
        let (scratch, fixtureRepo) = try fixture(requirements: "regulatory/requirements")
        var repo = fixtureRepo
        try repo.write(["regulatory/requirements/a.yml": DeviceFixture.requirementsV1])
        try FileManager.default.createSymbolicLink(atPath: scratch.file("repo/regulatory/requirements/b.yml"),
                                                   withDestinationPath: "../../../secret.yml")
        try repo.commit("Requirements in a folder\n")
        try expectRefused(scratch, path: "regulatory/requirements/b.yml")
    }

    @Test("a trust path that leads out (trust.allowed_signers: ../secret.yml) is refused")
    func trustPath() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try Self.secret.write(toFile: scratch.file("secret.yml"), atomically: true, encoding: .utf8)
        try repo.commit("Trust\n", files: ["dossier.yml": DeviceFixture.dossierYML + "trust:\n  allowed_signers: ../secret.yml\n"])
        try expectRefused(scratch, path: "../secret.yml")
    }

    @Test("a link that stays inside the work tree is read as before")
    func linkInside() throws {
        let (scratch, fixtureRepo) = try fixture(requirements: "regulatory/requirements.yml")
        var repo = fixtureRepo
        try FileManager.default.moveItem(atPath: scratch.file("repo/regulatory/requirements.yml"), toPath: scratch.file("repo/regulatory/real.yml"))
        try FileManager.default.createSymbolicLink(atPath: scratch.file("repo/regulatory/requirements.yml"), withDestinationPath: "real.yml")
        try repo.commit("Link inside\n")
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        #expect(result.status != 2, "\(result.stderr)")
        #expect(result.stdout.contains("REQ-1") || result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test("an error quotes at most 60 characters of what it found, with an ellipsis")
    func longValueIsCut() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        let long = String(repeating: "S", count: 59) + "X" + String(repeating: "Y", count: 200)
        try repo.write(["regulatory/items.yml": "items:\n  - id: ITEM-1\n    name: Dose engine\n    safety_class: \(long)\n"])
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("regulatory/items.yml:4:19: expected one of A, B, C for 'safety_class', found '\(long.prefix(60))…'"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("XY"))
    }
}
