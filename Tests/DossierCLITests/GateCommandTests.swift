import Foundation
import TestSupport
import Testing

/// The gate as suf, attach, dhf and init show it: the findings summary and --strict, a release tag outside
/// releases.tag_pattern (rule I3), and a scaffold that fails the check until its records hold something.
@Suite("the gate in suf, attach, dhf and init")
struct GateCommandTests {
    /// The fixture (v1.0.0, v1.1.0, pattern v*) with one more commit tagged `hotfix-1.1.1`, outside the pattern.
    static func withHotfix(_ scratch: Scratch) throws -> GitRepository {
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Fix the dose rounding\n\nChange-Request: CR-1\n", files: ["Sources/Dose/Limit.swift": "let limit = 10 // rounded\n"])
        try repo.tag("hotfix-1.1.1")
        return repo
    }

    static let outsideRow = "| Release tag pattern | outside: the tag does not match releases.tag_pattern 'v\\*', so no other release counts it as a release (rule I3) |"

    @Test("I3: check of a tag outside the pattern is an error at dossier.yml's tag_pattern; the SUF says so in its identification; a tag inside it, neither")
    func i3CheckAndSUF() throws {
        let scratch = try Scratch()
        _ = try Self.withHotfix(scratch)
        let i3 = try GateRuleTests.findings("I3", in: scratch, ["hotfix-1.1.1"])
        #expect(i3.map(\.level) == ["error"])
        #expect(i3.map(\.location) == ["dossier.yml:7:16"])
        #expect(i3.first?.message == "the release tag hotfix-1.1.1 does not match releases.tag_pattern 'v*' (set at dossier.yml:7:16): other releases do not count it as a release (no SUF takes it as its previous release, the DHF lists it only when it is the newest release asked for); name it in the pattern, or tag the release to match")
        #expect(try GateRuleTests.findings("I3", in: scratch, ["v1.1.0"]).isEmpty)

        let suf = try dossier(["suf", "hotfix-1.1.1", "--repo", "repo"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(suf.stdout.hasPrefix("SUF for hotfix-1.1.1 (1 commits since v1.1.0) written to dist/dossier/hotfix-1.1.1\n"))
        let md = try scratch.read("dist/dossier/hotfix-1.1.1/SUF-hotfix-1.1.1.md")
        #expect(md.contains(Self.outsideRow + "\n"))
        #expect(md.contains("I3"))
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/hotfix-1.1.1/suf.json")) as? [String: Any])
        #expect(try #require(json["identification"] as? [String: Any])["outsideTagPattern"] as? String == "v*")

        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(!(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")).contains("Release tag pattern"))
    }

    @Test("I3 in dhf and attach: dhf through an outside tag lists the release tags before it, then it, its SUF saying so; attach stores such a SUF; an unknown name is still refused")
    func i3DHFAndAttach() throws {
        let scratch = try Scratch()
        let repo = try Self.withHotfix(scratch)
        let dhf = try dossier(["dhf", "hotfix-1.1.1", "--repo", "repo"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        #expect(dhf.stdout == "DHF through hotfix-1.1.1 (3 releases; bundles: 0 attached, 3 built now) written to dist/dossier/dhf\n")
        #expect(try scratch.read("dist/dossier/dhf/hotfix-1.1.1/SUF-hotfix-1.1.1.md").contains(Self.outsideRow))
        #expect(!(try scratch.read("dist/dossier/dhf/v1.1.0/SUF-v1.1.0.md")).contains("Release tag pattern"))
        // Without a release named, the DHF is the tags matching the pattern.
        let plain = try dossier(["dhf", "--repo", "repo", "--out", "plain"], in: scratch.path)
        #expect(plain.stdout == "DHF through v1.1.0 (2 releases; bundles: 0 attached, 2 built now) written to plain/dhf\n")

        let attach = try dossier(["attach", "hotfix-1.1.1", "--repo", "repo"], in: scratch.path)
        #expect(attach.status == 0, "\(attach.stderr)")
        #expect(attach.stdout.contains(" error(s), ") && attach.stdout.hasSuffix(" from 33 rules: see the SUF's gap report (dossier check lists them)\n"))
        let shown = try dossier(["show", "hotfix-1.1.1", "--repo", "repo"], in: scratch.path)
        #expect(shown.stdout.contains(Self.outsideRow))
        // The DHF copies the attached bundle, which says the same.
        let again = try dossier(["dhf", "hotfix-1.1.1", "--repo", "repo", "--out", "again"], in: scratch.path)
        #expect(again.stdout == "DHF through hotfix-1.1.1 (3 releases; bundles: 1 attached, 2 built now) written to again/dhf\n")
        #expect(try scratch.read("again/dhf/hotfix-1.1.1/SUF-hotfix-1.1.1.md").contains(Self.outsideRow))

        try repo.git(["branch", "topic"])
        let refused = try dossier(["dhf", "topic", "--repo", "repo", "--out", "refused"], in: scratch.path)
        #expect(refused.status == 2)
        #expect(refused.stderr == "dossier: error: 'topic' is not a tag: the DHF runs through a release tag, one of the tags matching 'v*' (v1.0.0, v1.1.0) or another tag named\n")
        #expect(!scratch.exists("refused"))
    }

    @Test("suf prints the findings summary as check counts them; --strict exits 1 on errors with the bundle written, 0 without errors")
    func sufSummaryAndStrict() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let check = try dossier(["check", "--repo", "repo", "--format", "json"], in: scratch.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let errors = try #require(report["errors"] as? Int), warnings = try #require(report["warnings"] as? Int)
        #expect(errors > 0)
        let counts = "\(errors) error(s), \(warnings) warning(s) from 33 rules: see the SUF's gap report (dossier check lists them)"

        let suf = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(suf.stdout == "SUF for v1.1.0 (2 commits since v1.0.0) written to dist/dossier/v1.1.0\n\(counts)\n")

        let strict = try dossier(["suf", "--repo", "repo", "--strict", "--out", "strict"], in: scratch.path)
        #expect(strict.status == 1)
        #expect(strict.stdout == "SUF for v1.1.0 (2 commits since v1.0.0) written to strict/v1.1.0\n\(counts); --strict fails\n")
        #expect(strict.stderr.isEmpty)
        #expect(try scratch.read("strict/v1.1.0/MANIFEST.sha256") == (try scratch.read("dist/dossier/v1.1.0/MANIFEST.sha256")))

        try CheckCommandTests.passingReport.write(toFile: scratch.file("report.xml"), atomically: true, encoding: .utf8)
        try CheckCommandTests.unsignedPolicy.write(toFile: scratch.file("policy.yml"), atomically: true, encoding: .utf8)
        let clean = try dossier(["suf", "--repo", "repo", "--strict", "--config", "policy.yml", "--evidence", "report.xml", "--out", "clean"],
                                in: scratch.path)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        let cleanCheck = try dossier(["check", "--repo", "repo", "--config", "policy.yml", "--evidence", "report.xml"], in: scratch.path)
        #expect(cleanCheck.stdout.hasSuffix("\n0 error(s), 6 warning(s) from 31 rules: the check passes.\n"), "\(cleanCheck.stdout)")
        #expect(clean.stdout.hasSuffix("\n0 error(s), 6 warning(s) from 31 rules: see the SUF's gap report (dossier check lists them)\n"), "\(clean.stdout)")
    }

    @Test("attach prints the same summary; --strict exits 1 after attaching; --strict with --bundle is refused")
    func attachStrict() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        let attach = try dossier(["attach", "v1.1.0", "--repo", "repo", "--strict"], in: scratch.path)
        #expect(attach.status == 1)
        #expect(attach.stdout.hasPrefix("attached the bundle of v1.1.0 at refs/dossier/v1.1.0"))
        #expect(attach.stdout.hasSuffix("from 33 rules: see the SUF's gap report (dossier check lists them); --strict fails\n"), "\(attach.stdout)")
        #expect(!(try repo.git(["rev-parse", "refs/dossier/v1.1.0"])).isEmpty)

        let plain = try dossier(["attach", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(plain.status == 0)
        #expect(plain.stdout.hasSuffix("from 33 rules: see the SUF's gap report (dossier check lists them)\n"))

        _ = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        let bundle = try dossier(["attach", "v1.1.0", "--repo", "repo", "--strict", "--bundle", "dist/dossier/v1.1.0"], in: scratch.path)
        #expect(bundle.status == 2)
        #expect(bundle.stderr.contains("--strict judges the bundle attach builds; it cannot be given with --bundle"), "\(bundle.stderr)")
    }

    @Test("init then check --worktree fails on the empty records (D1 for each kind, I1 at the empty manufacturer); filled in, it passes")
    func initThenCheck() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("First\n", files: ["src/main.c": "int main(void) { return 0; }\n"])
        #expect(try dossier(["init", "--repo", "repo", "--device-name", "Pump"], in: scratch.path).status == 0)
        let empty = try dossier(["check", "--worktree", "--repo", "repo"], in: scratch.path)
        #expect(empty.status == 1, "\(empty.stdout)")
        #expect(empty.stderr.isEmpty, "\(empty.stderr)")
        #expect(empty.stdout.contains("\nErrors (4):\n"), "\(empty.stdout)")
        #expect(empty.stdout.contains("  D1  the device is software safety class C (dossier.yml:11:17) but has no requirement in force (regulatory/requirements.yml)"))
        #expect(empty.stdout.contains("  D1  the device is software safety class C (dossier.yml:11:17) but has no risk in force (regulatory/risks.yml)"))
        #expect(empty.stdout.contains("  D1  the device is software safety class C (dossier.yml:11:17) but has no software item in force (regulatory/items.yml)"))
        #expect(empty.stdout.contains("  I1  device.manufacturer is empty (dossier.yml:7:17): the SUF's identification states no manufacturer\n"))

        let config = try scratch.read("repo/dossier.yml").replacingOccurrences(of: "manufacturer: \"\"", with: "manufacturer: Example Medical")
        let risks = try scratch.read("repo/regulatory/risks.yml").replacingOccurrences(of: "\nrisks: []\n", with: """

            risks:
              - id: RISK-1
                hazard: Missed alarm
                harm: Fluid overload
                severity: Critical
                probability: Probable
                controls:
                  - {requirement: REQ-1, type: protective_measure}
                residual: {severity: Critical, probability: Improbable}
                items: [ITEM-1]

            """)
        try repo.write([
            "dossier.yml": config, "regulatory/risks.yml": risks,
            "regulatory/requirements.yml": "requirements:\n  - {id: REQ-1, title: Alarm, text: The pump shall alarm., type: safety, status: approved, items: [ITEM-1]}\n",
            "regulatory/items.yml": "items:\n  - {id: ITEM-1, name: Pump, safety_class: C, paths: [\"src/**\", \"dossier.yml\", \"regulatory/**\"]}\n",
            "regulatory/risk-management.yml": """
                residual_risk_evaluations:
                  - {release: v1.0.0, by: Risk Manager, date: 2026-01-10, acceptable: true, conclusion: Acceptable.}
                risk_management_reviews:
                  - {release: v1.0.0, by: Reviewer, date: 2026-01-11, conclusion: The plan was carried out.}

                """,
            "report.xml": """
                <testsuites><testsuite name="s"><testcase classname="AlarmTests" name="testAlarms">
                <properties><property name="requirement" value="REQ-1"/></properties></testcase></testsuite></testsuites>

                """,
        ])
        let filled = try dossier(["check", "--worktree", "--repo", "repo", "--evidence", "repo/report.xml"], in: scratch.path)
        #expect(filled.status == 0, "\(filled.stdout)\(filled.stderr)")
        #expect(!filled.stdout.contains("D1"))
        #expect(!filled.stdout.contains("I1"))
    }
}
