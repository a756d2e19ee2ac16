@testable import Checks
@testable import Evidence
import Foundation
@testable import Git
@testable import Model
@testable import Records
@testable import Signatures
@testable import Support
import Testing

/// Builds what the gap rules read: records from YAML (through the real loader, so that locations are real),
/// commits joined by `ReleaseJoin`, and test cases as a JUnit loader would give them.
enum Gap {
    static let person = Person(name: "Dana Dev", email: "dana@example.com", time: 1_700_000_000, offsetMinutes: 0)
    static let good = Verdict(.good, kind: .ssh, signer: "dana@example.com", fingerprint: "SHA256:test", algorithm: "ssh-ed25519")
    static let signedTag = ReleaseTag(name: "v2.0.0", object: String(repeating: "f", count: 40), annotated: true,
                                      tagger: person, message: "Release 2.0.0", signature: good)
    static let releaseCommit = String(repeating: "e", count: 40)

    /// The record files by name: `"requirements"` is `regulatory/requirements.yml` (dossier.yml's default paths).
    static func records(_ files: [String: String]) throws -> RecordSet {
        var tree = ["dossier.yml": "device: {name: Pump}\n"]
        for (name, yaml) in files { tree["regulatory/\(name).yml"] = yaml }
        let source = MemorySource(files: tree)
        return try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
    }

    /// A release of `files`; the delta is against `previous` (nil: a first release, every record added).
    static func release(_ files: [String: String] = [:], previous: [String: String]? = nil, commits: [Commit] = [],
                        tag: ReleaseTag? = signedTag, workTree: Bool = false) throws -> Release {
        let current = try records(files)
        let before = try previous.map(records) ?? RecordSet()
        let identification = Identification(
            device: nil, release: tag?.name ?? "main", commit: releaseCommit, tag: tag, previousRelease: nil, previousCommit: nil,
            date: "2024-03-01T10:00:00Z", configuration: "dossier.yml",
            signatureCheck: SignatureCheckBasis(allowedSigners: nil, openPGPKeys: nil, checkedAt: "2024-03-01T10:00:00Z"),
            workTree: workTree)
        return ReleaseJoin.join(identification: identification, commits: commits, records: current,
                                delta: ReleaseDelta(previous: before, current: current), trailerKeys: Config.historyOnly.trailerKeys)
    }

    /// A release with an assessment holding only `findings`.
    static func assessed(_ release: Release, findings: [Finding] = []) -> AssessedRelease {
        AssessedRelease(release: release, assessment: Assessment(findings: findings))
    }

    /// Every finding, as `dossier check` would report them.
    static func check(_ release: Release, tests: [TestCase] = [], policy: [RuleID: RuleSetting] = [:]) -> [Finding] {
        let evidence = TestEvidence(cases: tests)
        return Checker.run(release: release, evidence: evidence, graph: TraceGraph(release: release, evidence: evidence), config: { var config = Config.historyOnly; config.policy = policy; return config }())
    }

    /// The findings of one rule for a release of `files`.
    static func findings(_ rule: RuleID, _ files: [String: String] = [:], previous: [String: String]? = nil,
                         commits: [Commit] = [], tests: [TestCase] = [], tag: ReleaseTag? = signedTag, workTree: Bool = false,
                         policy: [RuleID: RuleSetting] = [:]) throws -> [Finding] {
        let release = try release(files, previous: previous, commits: commits, tag: tag, workTree: workTree)
        return check(release, tests: tests, policy: policy).filter { $0.rule == rule }
    }

    /// A test case of `reports/junit.xml` whose id is `classname.name`.
    static func test(_ id: String, _ outcome: TestOutcome = .passed, requirements: [String] = [], message: String? = nil,
                     line: Int = 3) -> TestCase {
        let dot = id.lastIndex(of: ".")
        return TestCase(id: id, className: dot.map { String(id[..<$0]) } ?? "", name: dot.map { String(id[id.index(after: $0)...]) } ?? id,
                        suite: "Suite", outcome: outcome, message: message, requirements: requirements,
                        location: SourceLocation(file: "reports/junit.xml", line: line, column: 5))
    }

    /// Commit `n` (1…9): its id is the digit 40 times, so its short id is the digit 12 times.
    static func commit(_ n: Int, _ subject: String, trailers: [Trailer] = [], files: [String] = [], verdict: Verdict = good,
                       merge: Bool = false) -> Commit {
        let parents = merge ? [String(repeating: "a", count: 40), String(repeating: "b", count: 40)] : [String(repeating: "a", count: 40)]
        return Commit(id: String(repeating: String(n), count: 40), tree: String(repeating: "d", count: 40), parents: parents,
                      author: person, committer: person, subject: subject, body: "", trailers: trailers,
                      changedFiles: files.map { ChangedFile(path: $0, status: .modified) }, verdict: verdict)
    }

    /// `commit(n)`'s id.
    static func id(_ n: Int) -> String { String(repeating: String(n), count: 40) }

    /// The `Change-Request:` trailer.
    static func cr(_ id: String) -> Trailer { Trailer(key: "Change-Request", value: id) }
}

/// One approved requirement at regulatory/requirements.yml:2:5, verified by `AlarmTests.*`.
private let approved = """
    requirements:
      - {id: REQ-1, title: Alarm, text: The pump shall alarm., status: approved, verified_by: ['AlarmTests.*']}
    """

@Suite("Gap rules: tests (T1, T2, A2)")
struct GapRuleTestTests {
    @Test("T1 fires for an approved requirement when no evidence was given")
    func t1NoEvidence() throws {
        let findings = try Gap.findings(.T1, ["requirements": approved])
        #expect(findings == [Finding(
            rule: .T1, level: .error,
            message: "REQ-1 (regulatory/requirements.yml:2:5) is approved but no passing test verifies it: the release has no test evidence (dossier evidence add stores it)",
            subjects: ["REQ-1"], location: SourceLocation(file: "regulatory/requirements.yml", line: 2, column: 5),
            clauses: ["IEC 62304 5.7.1", "IEC 62304 5.7.4", "IEC 62304 5.8.1"])])
    }

    @Test("T1 fires when no test is linked; the glob 'AlarmTests.*' does not match 'AlarmTestsOld.x'")
    func t1Unlinked() throws {
        let findings = try Gap.findings(.T1, ["requirements": approved], tests: [Gap.test("AlarmTestsOld.testAlarm")])
        #expect(findings.map(\.message) == [
            "REQ-1 (regulatory/requirements.yml:2:5) is approved but no passing test verifies it: no test in the evidence is linked to it (verified_by, or a requirement property)",
        ])
        #expect(findings.map(\.subjects) == [["REQ-1"]])
    }

    @Test("T1 fires when the linked tests failed or were skipped, and counts them")
    func t1Failed() throws {
        let tests = [Gap.test("AlarmTests.testLoud", .failed), Gap.test("AlarmTests.testSilent", .skipped), Gap.test("AlarmTests.testMute", .failed)]
        let findings = try Gap.findings(.T1, ["requirements": approved], tests: tests)
        #expect(findings.map(\.message) == [
            "REQ-1 (regulatory/requirements.yml:2:5) is approved but no passing test verifies it: its linked tests did not pass (1 skipped, 2 failed)",
        ])
        #expect(findings.map(\.level) == [.error])
    }

    @Test("T1 does not fire when a test matched by the verified_by glob passed, or one naming it in a property")
    func t1Passing() throws {
        #expect(try Gap.findings(.T1, ["requirements": approved], tests: [Gap.test("AlarmTests.testLoud")]).isEmpty)
        #expect(try Gap.findings(.T1, ["requirements": approved],
                                 tests: [Gap.test("AlarmTests.testLoud", .failed), Gap.test("Other.testAlarm", requirements: ["REQ-1"])]).isEmpty)
    }

    @Test("T1 ignores draft, obsolete-status and retired requirements")
    func t1DraftAndObsolete() throws {
        let requirements = """
            requirements:
              - {id: REQ-1, title: A, text: A., status: draft}
              - {id: REQ-2, title: B, text: B., status: obsolete}
              - {id: REQ-3, title: C, text: C., status: approved, obsolete: {release: v2.0.0, rationale: Replaced by REQ-4.}}
              - {id: REQ-4, title: D, text: D.}
            """
        #expect(try Gap.findings(.T1, ["requirements": requirements]).isEmpty)
    }

    @Test("T2 warns about a test linked to no requirement")
    func t2Unlinked() throws {
        let findings = try Gap.findings(.T2, ["requirements": approved], tests: [Gap.test("AlarmTests.testLoud"), Gap.test("Other.testX", line: 9)])
        #expect(findings == [Finding(
            rule: .T2, level: .warning, message: "test Other.testX (reports/junit.xml:9:5) is linked to no requirement",
            subjects: ["Other.testX"], location: SourceLocation(file: "reports/junit.xml", line: 9, column: 5),
            clauses: ["IEC 62304 7.3.3", "IEC 62304 8.2.4"])])
    }

    @Test("T2 is an error for a test property naming an unknown requirement")
    func t2UnknownRequirement() throws {
        // Linked to REQ-1 by its verified_by glob, so the only finding is the unknown id.
        let findings = try Gap.findings(.T2, ["requirements": approved], tests: [Gap.test("AlarmTests.testLoud", requirements: ["REQ-99"])])
        #expect(findings.map(\.level) == [.error])
        #expect(findings.map(\.message) == [
            "test AlarmTests.testLoud (reports/junit.xml:3:5) names requirement REQ-99, but no requirement has that id",
        ])
        #expect(findings.map(\.subjects) == [["AlarmTests.testLoud", "REQ-99"]])
        #expect(findings.map(\.location) == [SourceLocation(file: "reports/junit.xml", line: 3, column: 5)])
    }

    @Test("T2: a test naming only an unknown requirement is also linked to none (an error and a warning)")
    func t2UnknownOnly() throws {
        let findings = try Gap.findings(.T2, ["requirements": approved], tests: [Gap.test("Other.testX", requirements: ["REQ-99"])])
        #expect(findings.map(\.level) == [.error, .warning])
        #expect(findings.map(\.message) == [
            "test Other.testX (reports/junit.xml:3:5) names requirement REQ-99, but no requirement has that id",
            "test Other.testX (reports/junit.xml:3:5) is linked to no requirement",
        ])
    }

    @Test("T2 is an error for a record linking to an id no record has")
    func t2BrokenLink() throws {
        let requirements = """
            requirements:
              - {id: REQ-1, title: Alarm, text: The pump shall alarm., items: [ITEM-9]}
            """
        let findings = try Gap.findings(.T2, ["requirements": requirements])
        #expect(findings == [Finding(
            rule: .T2, level: .error,
            message: "REQ-1 (regulatory/requirements.yml:2:5) links to ITEM-9 in 'items', but no record has that id",
            subjects: ["REQ-1", "ITEM-9"], location: SourceLocation(file: "regulatory/requirements.yml", line: 2, column: 5),
            clauses: ["IEC 62304 7.3.3", "IEC 62304 8.2.4"])])
    }

    @Test("T2 does not fire when every test is linked (by verified_by or property) and every link resolves")
    func t2Clean() throws {
        let requirements = """
            requirements:
              - {id: REQ-1, title: Alarm, text: The pump shall alarm., items: [ITEM-1], verified_by: ['AlarmTests.*']}
              - {id: REQ-2, title: Log, text: The pump shall log.}
            """
        let items = "items:\n  - {id: ITEM-1, name: Alarm, safety_class: B, paths: ['Sources/**']}\n"
        let tests = [Gap.test("AlarmTests.testLoud"), Gap.test("LogTests.testWrite", requirements: ["REQ-2"])]
        #expect(try Gap.findings(.T2, ["requirements": requirements, "items": items], tests: tests).isEmpty)
    }

    @Test("A2 fires for a failed, erring or skipped test that no problem report names")
    func a2Fires() throws {
        let tests = [
            Gap.test("AlarmTests.testLoud", .failed, message: "expected 3, got 4", line: 3),
            Gap.test("AlarmTests.testSilent", .skipped, line: 7),
            Gap.test("AlarmTests.testMute", .error, message: "crashed", line: 11),
            Gap.test("AlarmTests.testOK", line: 15),
        ]
        let findings = try Gap.findings(.A2, ["requirements": approved], tests: tests)
        #expect(findings.map(\.message) == [
            "test AlarmTests.testLoud (reports/junit.xml:3:5) failed: expected 3, got 4; no problem report names it in 'tests' (its disposition)",
            "test AlarmTests.testSilent (reports/junit.xml:7:5) skipped; no problem report names it in 'tests' (its disposition)",
            "test AlarmTests.testMute (reports/junit.xml:11:5) error: crashed; no problem report names it in 'tests' (its disposition)",
        ])
        #expect(findings.map(\.subjects) == [["AlarmTests.testLoud"], ["AlarmTests.testSilent"], ["AlarmTests.testMute"]])
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test("A2 does not fire for a test a problem report names in 'tests', by id or glob")
    func a2Dispositioned() throws {
        let reports = """
            problem_reports:
              - {id: PR-1, title: Loud alarm, status: open, tests: [AlarmTests.testLoud]}
              - {id: PR-2, title: Flaky, status: deferred, tests: ['FlakyTests.*']}
            """
        let tests = [Gap.test("AlarmTests.testLoud", .failed), Gap.test("FlakyTests.testA", .skipped), Gap.test("FlakyTests.testB", .error)]
        #expect(try Gap.findings(.A2, ["requirements": approved, "problem-reports": reports], tests: tests).isEmpty)
    }
}

@Suite("Gap rules: the checker (policy, order)")
struct GapRuleCheckerTests {
    @Test("policy 'off' removes a rule")
    func off() throws {
        let release = try Gap.release(["requirements": approved])
        #expect(Gap.check(release).map(\.rule) == [.T1])
        #expect(Gap.check(release, policy: [.T1: .off]).isEmpty)
        #expect(!Checker.rulesInForce(policy: [.T1: .off]).map(\.id).contains(.T1))
        #expect(Checker.rulesInForce(policy: [:]).map(\.id) == RuleCatalog.rules.map(\.id))
    }

    @Test("policy 'warning' and 'error' override the level, including T2's error case")
    func levels() throws {
        let release = try Gap.release(["requirements": approved], commits: [Gap.commit(1, "Tweak alarm")])
        let tests = [Gap.test("AlarmTests.testLoud", requirements: ["REQ-99"])]
        let plain = Gap.check(release, tests: tests)
        #expect(plain.map { "\($0.rule) \($0.level)" } == ["T2 error", "C1 warning"])
        let changed = Gap.check(release, tests: tests, policy: [.T2: .warning, .C1: .error])
        #expect(changed.map { "\($0.rule) \($0.level)" } == ["C1 error", "T2 warning"])
        #expect(changed.map(\.message) == plain.reversed().map(\.message))
    }

    @Test("dossier.yml's policy: is what the checker applies")
    func policyFromConfig() throws {
        let config = try Config.parse(Data("device: {name: Pump}\npolicy: {T1: off, T2: warning}\n".utf8), file: "dossier.yml")
        #expect(config.policy == [.T1: .off, .T2: .warning])
        let release = try Gap.release(["requirements": approved])
        let findings = Gap.check(release, tests: [Gap.test("Other.testX", requirements: ["REQ-99"])], policy: config.policy)
        #expect(findings.map { "\($0.rule) \($0.level)" } == ["T2 warning", "T2 warning"])
    }

    @Test("the catalog is the rule ids in order, each with its clauses, and the ids are what dossier.yml writes")
    func catalogComplete() {
        #expect(RuleCatalog.rules.map(\.id) == RuleID.allCases)
        #expect(RuleCatalog.rules.allSatisfy { !$0.clauses.isEmpty && !$0.summary.isEmpty })
        #expect(RuleID.allCases.map(\.rawValue).joined(separator: " ")
                == "T1 T2 R1 R2 R3 R4 R5 R6 R7 C1 C2 C5 C6 C8 G1 G2 G3 G4 G5 S1 S4 S5 S6 X1 X2 X3 X5 X6 A2 D1 I1 I2 I3")
    }

    @Test("findings are sorted errors first, then in catalog order, then in the order each rule found them")
    func order() throws {
        let threats = """
            threats:
              - {id: THR-1, title: Spoofed pump, mitigations: [REQ-1], disposition: mitigated}
            """
        let release = try Gap.release(["requirements": approved, "threats": threats], commits: [
            Gap.commit(1, "Tweak alarm", verdict: .unsigned), Gap.commit(2, "Tweak log"),
        ])
        let tests = [Gap.test("AlarmTests.testLoud", .failed), Gap.test("Other.testX", requirements: ["REQ-99"], line: 9)]
        let findings = Gap.check(release, tests: tests)
        #expect(findings.map { "\($0.rule) \($0.level) \($0.subjects[0])" } == [
            "T1 error REQ-1",
            "T2 error Other.testX",
            "X2 error THR-1",
            "X6 error THR-1",
            "A2 error AlarmTests.testLoud",
            "T2 warning Other.testX",
            "C1 warning \(Gap.id(1))",
            "C1 warning \(Gap.id(2))",
            "G1 warning \(Gap.id(1))",
        ])
    }
}
