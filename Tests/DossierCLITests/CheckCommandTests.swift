import Foundation
import TestSupport
import Testing

@Suite("dossier check, the CI gate")
struct CheckCommandTests {
    /// A JUnit report whose tests verify REQ-1 and REQ-3 through requirement properties.
    static let passingReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites timestamp="2024-03-01T10:00:00">
          <testsuite name="PumpTests" tests="2">
            <testcase classname="DoseLimitTests" name="testRefusesDoseAboveLimit">
              <properties><property name="requirement" value="REQ-1"/></properties>
            </testcase>
            <testcase classname="StartScreenTests" name="testShowsStartScreen">
              <properties><property name="requirement" value="REQ-3"/></properties>
            </testcase>
          </testsuite>
        </testsuites>

        """

    /// The fixture's policy with the signature rules off (its commits and tags are not signed).
    static let unsignedPolicy = DeviceFixture.dossierYML + "policy: {G1: off, G2: off}\n"

    @Test("without evidence the approved requirements have no passing test: T1 errors, exit 1, grouped and summed up")
    func failsWithoutEvidence() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let result = try dossier(["check", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("dossier check v1.1.0 (2 commits since v1.0.0)\n\nErrors ("))
        #expect(result.stdout.contains("  T1  REQ-1 (regulatory/requirements.yml:2:5) is approved but no passing test verifies it: the release has no test evidence (dossier evidence add stores it)\n"))
        #expect(result.stdout.contains("  G2  the release tag v1.1.0: signature N (no signature)\n"))
        #expect(result.stdout.contains("\nWarnings ("))
        #expect(result.stdout.contains("  C1  commit "))
        #expect(result.stdout.hasSuffix(": the check fails.\n"))
    }

    @Test("with passing evidence and the signature rules off, the release passes: exit 0, warnings only")
    func passesWithEvidence() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try Self.passingReport.write(toFile: scratch.file("report.xml"), atomically: true, encoding: .utf8)
        try Self.unsignedPolicy.write(toFile: scratch.file("policy.yml"), atomically: true, encoding: .utf8)
        let result = try dossier(["check", "--repo", "repo", "--config", "policy.yml", "--evidence", "report.xml"], in: scratch.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("Errors ("))
        #expect(result.stdout.contains("0 error(s)"))
        #expect(result.stdout.hasSuffix("from 31 rules: the check passes.\n"), "\(result.stdout)")
    }

    @Test("--format json, junit and sarif give the same findings to machines")
    func machineFormats() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let json = try dossier(["check", "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(report["errors"] as? Int == findings.filter { $0["level"] as? String == "error" }.count)
        #expect(findings.first?["rule"] as? String == "T1")
        #expect((findings.first?["location"] as? [String: Any])?["file"] as? String == "regulatory/requirements.yml")
        #expect(try #require(report["rules"] as? [[String: Any]]).count == 33)

        let junit = try dossier(["check", "--repo", "repo", "--format", "junit"], in: scratch.path)
        #expect(junit.status == 1)
        #expect(junit.stdout.contains("<testcase classname=\"dossier.T1\""))
        #expect(junit.stdout.contains("<failure"))

        let sarif = try dossier(["check", "--repo", "repo", "--format", "sarif", "--output", "check.sarif"], in: scratch.path)
        #expect(sarif.status == 1)
        #expect(sarif.stdout.hasPrefix("dossier check v1.1.0"))  // the text summary still goes to stdout
        let log = try #require(try JSONSerialization.jsonObject(with: scratch.readData("check.sarif")) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let results = try #require((log["runs"] as? [[String: Any]])?[0]["results"] as? [[String: Any]])
        #expect(results.count == findings.count)
    }

    @Test("--worktree checks the uncommitted records: a new approved requirement without a test is reported")
    func workTree() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        try Self.passingReport.write(toFile: scratch.file("report.xml"), atomically: true, encoding: .utf8)
        try Self.unsignedPolicy.write(toFile: scratch.file("policy.yml"), atomically: true, encoding: .utf8)
        let args = ["check", "--repo", "repo", "--config", "policy.yml", "--evidence", "report.xml"]
        #expect(try dossier(args + ["--worktree"], in: scratch.path).status == 0)
        try repo.write(["regulatory/requirements.yml": DeviceFixture.requirementsV2 + """
              - id: REQ-4
                title: Occlusion alarm
                text: The pump shall alarm on occlusion.
                status: approved
                items: [ITEM-1]

            """])
        let result = try dossier(args + ["--worktree"], in: scratch.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("dossier check work tree (0 commits since v1.1.0)"))
        #expect(result.stdout.contains("T1  REQ-4 (regulatory/requirements.yml:"))
        // The committed release is unchanged.
        #expect(try dossier(args, in: scratch.path).status == 0)
    }

    @Test("bad input is exit 2: an unknown rule in policy, an unknown format, a report that matches nothing or is malformed")
    func badInput() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try (DeviceFixture.dossierYML + "policy: {Q9: off}\n").write(toFile: scratch.file("bad.yml"), atomically: true, encoding: .utf8)
        var result = try dossier(["check", "--repo", "repo", "--config", "bad.yml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: bad.yml:13:10: unknown rule 'Q9' in 'policy'; the rules are T1, T2, R1"), "\(result.stderr)")

        result = try dossier(["check", "--repo", "repo", "--format", "pdf"], in: scratch.path)
        #expect(result.status == 2)

        result = try dossier(["check", "--repo", "repo", "--evidence", "reports/*.xml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: --evidence 'reports/*.xml' matches no file\n")

        try "<testsuites>\n<testsuite name=\"a\">\n<testcase name=\"x\">\n</testsuite>\n".write(toFile: scratch.file("broken.xml"), atomically: true, encoding: .utf8)
        result = try dossier(["check", "--repo", "repo", "--evidence", "broken.xml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dossier: error: broken.xml:4:"), "\(result.stderr)")

        // A processing instruction without data crashed Foundation's XML parser (signal 11; found by make fuzz).
        try "<testsuites>\n<testsuite name=\"a\">\n  <?x?>\n</testsuite>\n</testsuites>\n".write(toFile: scratch.file("pi.xml"), atomically: true, encoding: .utf8)
        result = try dossier(["check", "--repo", "repo", "--evidence", "pi.xml"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: pi.xml:3:3: expected a processing instruction with data or none at all, found '<?x?>'\n", "\(result.stderr)")
    }

    @Test("the SUF carries the same findings in its gap report, the matrix in section 16 and trace-matrix.csv")
    func sufCarriesFindings() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try Self.passingReport.write(toFile: scratch.file("report.xml"), atomically: true, encoding: .utf8)
        let check = try dossier(["check", "--repo", "repo", "--evidence", "report.xml", "--format", "json"], in: scratch.path)
        let suf = try dossier(["suf", "--repo", "repo", "--evidence", "report.xml"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.1.0/suf.json")) as? [String: Any])
        let sufFindings = try #require(json["findings"] as? [[String: Any]]).map { try #require($0["message"] as? String) }
        #expect(try sufFindings == (try #require(report["findings"] as? [[String: Any]])).map { try #require($0["message"] as? String) })
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.contains("| error | G2 | the release tag v1.1.0: signature N (no signature) |"))
        #expect(md.contains("## 16. Traceability matrix"))
        #expect(md.contains("| [REQ-1](#req-1) Dose limit ([picture](trace-REQ-1.svg)) | RISK-1 |  |  | ITEM-1 | CR-1 (affected\\_controls) | "))
        #expect(md.contains("## 17. Clause coverage"))
        let csv = try scratch.read("dist/dossier/v1.1.0/trace-matrix.csv")
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "requirement,title,status,risks,threats,ifu_changes,items,change_requests,commits,tests,result")
        #expect(lines[1].hasPrefix("REQ-1,Dose limit,approved,RISK-1,,,ITEM-1,CR-1 (affected_controls),"))
        #expect(lines[1].hasSuffix(",DoseLimitTests.testRefusesDoseAboveLimit (test report),passed"))
        #expect(lines[2] == "REQ-2,Beep on start,obsolete,,,,ITEM-2,,,,obsolete")
        #expect(try scratch.read("dist/dossier/v1.1.0/MANIFEST.sha256").contains("  trace-matrix.csv\n"))
    }
}
