import Foundation
import TestSupport
import Testing

/// Every bad input: one clear message naming the file, line and column where there is one, exit code 2,
/// and no bundle folder left behind.
@Suite("dossier suf, bad input")
struct BadInputTests {
    /// Runs `dossier suf` and checks exit code 2, the message, and that nothing was written.
    func expectFailure(_ arguments: [String], in scratch: Scratch, message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try dossier(["suf"] + arguments + ["--out", "out"], in: scratch.path)
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(!scratch.exists("out"), "a bundle folder was left behind", sourceLocation: sourceLocation)
    }

    /// The fixture with one record file replaced at a new release v1.2.0.
    func fixture(breaking file: String, with contents: String) throws -> Scratch {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Break a record file\n", files: [file: contents])
        try repo.tag("v1.2.0")
        return scratch
    }

    @Test func notAGitRepository() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("plain"), withIntermediateDirectories: true)
        try expectFailure(["--repo", "plain"], in: scratch, message: "dossier: error: not a git repository: plain")
    }

    @Test func unknownRelease() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try expectFailure(["v9.9.9", "--repo", "repo"], in: scratch, message: "unknown revision 'v9.9.9'")
    }

    @Test func unknownSince() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try expectFailure(["v1.1.0", "--since", "no-such-tag", "--repo", "repo"], in: scratch, message: "unknown revision 'no-such-tag'")
    }

    @Test func noReleaseTag() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("First\n", files: ["a": "1"])
        try expectFailure(["--repo", "repo"], in: scratch, message: "no release tag matches 'v*'")
    }

    @Test func yamlSyntaxError() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: "requirements:\n  - id: REQ-1\n    title: [unclosed\n")
        try expectFailure(["--repo", "repo"], in: scratch, message: "regulatory/requirements.yml:4:1: YAML syntax error")
    }

    @Test func wrongTypeForAField() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: """
            requirements:
              - id: REQ-1
                title: Dose limit
                text: The pump shall refuse a dose above the limit.
                items: ITEM-1
            """)
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:5:12: expected a list of ITEM- ids for 'items', e.g. [ITEM-1], found the text 'ITEM-1' (in the tree of v1.2.0)")
    }

    @Test func invalidChoice() throws {
        let scratch = try fixture(breaking: "regulatory/items.yml", with: "items:\n  - id: ITEM-1\n    name: Dose engine\n    safety_class: D\n")
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/items.yml:4:19: expected one of A, B, C for 'safety_class', found 'D'")
    }

    @Test func duplicateId() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: """
            requirements:
              - id: REQ-1
                title: One
                text: First.
              - id: REQ-1
                title: Two
                text: Second.
            """)
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:5:5: duplicate id REQ-1: first defined at regulatory/requirements.yml:2:5")
    }

    @Test func unknownField() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: """
            requirements:
              - id: REQ-1
                titel: Dose limit
                text: The pump shall refuse a dose above the limit.
            """)
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:3:5: unknown field 'titel' in a requirement; expected one of: id, title, text")
    }

    @Test func unknownRecordKind() throws {
        let scratch = try fixture(breaking: "dossier.yml", with: DeviceFixture.dossierYML.replacingOccurrences(of: "  items:", with: "  itemz:"))
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "dossier.yml:11:3: unknown field 'itemz' in records; expected one of: requirements, risks, threats, ifu, items")
    }

    @Test func unknownTopLevelKeyInARecordFile() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: "requirement:\n  - id: REQ-1\n")
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:1:1: unknown field 'requirement' in regulatory/requirements.yml; expected one of: requirements")
    }

    @Test func missingRequiredField() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: "requirements:\n  - id: REQ-1\n    text: No title.\n")
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:2:5: a requirement is missing the required field 'title'")
    }

    @Test func wrongIdPrefix() throws {
        let scratch = try fixture(breaking: "regulatory/requirements.yml", with: "requirements:\n  - id: RISK-1\n    title: T\n    text: X.\n")
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/requirements.yml:2:9: expected a requirement id like REQ-1, found 'RISK-1'")
    }

    @Test func riskOutsideThePolicyScale() throws {
        let scratch = try fixture(breaking: "regulatory/risks.yml", with: DeviceFixture.risksV1.replacingOccurrences(of: "probability: Occasional", with: "probability: Sometimes"))
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/risks.yml:13:18: expected one of Remote, Occasional, Frequent for 'probability', found 'Sometimes'")
    }

    @Test func brokenRecordInThePreviousRelease() throws {
        // The previous release's tree is read too: its errors name the previous release.
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Break\n", files: ["regulatory/items.yml": "items: nope\n"])
        try repo.tag("v1.2.0")
        try repo.commit("Fix\n", files: ["regulatory/items.yml": DeviceFixture.items])
        try repo.tag("v1.3.0")
        try expectFailure(["--repo", "repo"], in: scratch, message: "(in the tree of v1.2.0)")
    }

    @Test func templateThatDoesNotParse() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "# {{title}}\n\n{{#commits}}\n- {{subject}}\n".write(toFile: scratch.file("tpl/suf.md.mustache"), atomically: true, encoding: .utf8)
        try expectFailure(["--repo", "repo", "--templates", "tpl"], in: scratch, message: "tpl/suf.md.mustache:5:1: template does not parse")
        let result = try dossier(["suf", "--repo", "repo", "--templates", "tpl", "--out", "out"], in: scratch.path)
        #expect(result.stderr.contains("template does not parse"))
    }

    @Test func unknownChangeRequestStatus() throws {
        let scratch = try fixture(breaking: "regulatory/change-requests.yml",
                                  with: DeviceFixture.changeRequests.replacingOccurrences(of: "status: closed", with: "status: closd"))
        try expectFailure(["--repo", "repo"], in: scratch,
                          message: "regulatory/change-requests.yml:5:13: expected one of open, approved, implemented, closed, rejected for 'status', found 'closd'")
    }

    @Test func residualWithoutProbability() throws {
        let scratch = try fixture(breaking: "regulatory/risks.yml", with: DeviceFixture.risksV1.replacingOccurrences(
            of: "residual: {severity: Critical, probability: Remote}", with: "residual: {severity: Critical}"))
        try expectFailure(["--repo", "repo"], in: scratch, message: "the residual risk needs both 'severity' and 'probability'")
    }

    @Test func unknownTemplateName() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "x".write(toFile: scratch.file("tpl/suf.mustache"), atomically: true, encoding: .utf8)
        try expectFailure(["--repo", "repo", "--templates", "tpl"], in: scratch, message: "unknown template 'suf.mustache'")
    }

    @Test func badUsage() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try expectFailure(["--repo", "repo", "--format", "docx"], in: scratch, message: "unknown format 'docx' in --format")
        try expectFailure(["--repo", "repo", "--no-such-option"], in: scratch, message: "Unknown option '--no-such-option'")
    }

    @Test func aFailedRunLeavesTheEarlierBundleInPlace() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path).status == 0)
        let before = try scratch.readData("out/v1.1.0/suf.json")
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "{{#x}}".write(toFile: scratch.file("tpl/suf.md.mustache"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 2)
        #expect(try scratch.readData("out/v1.1.0/suf.json") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("out")) == ["v1.1.0"])
    }
}
