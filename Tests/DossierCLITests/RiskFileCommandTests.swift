import Foundation
import TestSupport
import Testing

/// The risk management file as a user reads it in the SUF, in the DHF (its own section and its copy of each
/// release's SUF) and in the diff: the same facts, in the same words, everywhere.
@Suite("the risk management file in every document")
struct RiskFileCommandTests {
    static let risksV1 = """
        policy:
          severity: [Minor, Serious, Critical]
          probability: [Remote, Occasional, Frequent]
          acceptability:
            Minor: [A, A, R]
            Serious: [A, R, U]
            Critical: [R, U, U]
        risks:
          - id: RISK-1
            hazard: Over-infusion
            sequence_of_events: The limit check is skipped and the pump keeps running.
            hazardous_situation: The patient receives more than the programmed dose.
            cause: Dose limit not enforced
            harm: Overdose
            severity: Critical
            p1: Occasional (limit skipped)
            p2: Frequent
            probability: Occasional
            controls:
              - requirement: REQ-1
                type: protective_measure
            residual: {severity: Critical, probability: Remote}
            benefit_risk: Infusion at home outweighs the remaining risk.
            items: [ITEM-1]

        """

    /// v1.1.0: RISK-1's residual risk moves to an A cell, and RISK-2 (with no control) is added.
    static let risksV2 = risksV1.replacingOccurrences(of: "residual: {severity: Critical, probability: Remote}",
                                                      with: "residual: {severity: Serious, probability: Remote}") + """
          - id: RISK-2
            hazard: Silent alarm
            harm: Delayed care
            severity: Serious
            probability: Occasional

        """

    static let evaluation = """
        residual_risk_evaluations:
          - {release: v1.0.0, by: [Ann Risk, Dr. Bo Clinic], date: 2024-01-01, acceptable: true, conclusion: Acceptable overall.}

        """

    static let managementV2 = evaluation + """
          - {release: v1.1.0, by: Ann Risk, date: 2024-01-02, acceptable: true, conclusion: Still acceptable.}
        risk_management_reviews:
          - {release: v1.1.0, by: Cy Head, date: 2024-01-03, report: RMR-2, conclusion: Plan carried out.}

        """

    /// Two releases: v1.0.0 with an evaluation and no review (rule R7 fires), v1.1.0 with both.
    static func make(_ scratch: Scratch) throws -> GitRepository {
        var repo = try GitRepository(scratch, name: "repo")
        try repo.commit("Baseline\n\nChange-Request: CR-0\n", files: [
            "dossier.yml": DeviceFixture.dossierYML, "regulatory/items.yml": DeviceFixture.items,
            "regulatory/risks.yml": risksV1, "regulatory/requirements.yml": DeviceFixture.requirementsV1,
            "regulatory/risk-management.yml": evaluation, "Sources/Dose/Limit.swift": "let limit = 10\n",
        ])
        try repo.tag("v1.0.0")
        try repo.commit("Add the alarm risk\n\nChange-Request: CR-1\n", files: [
            "regulatory/risks.yml": risksV2, "regulatory/risk-management.yml": managementV2,
        ])
        try repo.tag("v1.1.0")
        return repo
    }

    /// The risk blocks of a Markdown document: each `#### <a id="risk-…">` heading with its table, by risk id.
    static func riskBlocks(_ markdown: String) -> [String: [String]] {
        var blocks: [String: [String]] = [:], current: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("#### <a id=\"risk-") {
                let id = String(line.split(separator: ">").last?.split(separator: ":").first ?? "")
                current = id
                blocks[id] = [line]
            } else if let id = current {
                if line.isEmpty && (blocks[id]?.count ?? 0) > 1 { current = nil } else if !line.isEmpty { blocks[id]?.append(line) }
            }
        }
        return blocks
    }

    /// The matrix table (header and rows) under the heading `title`.
    static func matrix(_ markdown: String, title: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "### " + title) else { return [] }
        return Array(lines[start...].drop { !$0.hasPrefix("| Severity |") }.prefix { $0.hasPrefix("|") })
    }

    /// The tables of the overall residual risk evaluations and the reviews.
    static func management(_ markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "### Overall residual risk and risk management review") else { return [] }
        return Array(lines[start...].dropFirst().prefix { !$0.hasPrefix("#") }.filter { $0.hasPrefix("|") })
    }

    @Test("the SUF, the DHF's copy of it, the DHF's risk management file and the diff show the same risk facts")
    func sameFactsEverywhere() throws {
        let scratch = try Scratch()
        _ = try Self.make(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo", "--out", "suf"], in: scratch.path).status == 0)
        #expect(try dossier(["suf", "v1.0.0", "--repo", "repo", "--out", "suf"], in: scratch.path).status == 0)
        let dhf = try dossier(["dhf", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let diff = try dossier(["diff", "v1.0.0", "v1.1.0", "--repo", "repo", "--out", "diff.md"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")

        let suf = try scratch.read("suf/v1.1.0/SUF-v1.1.0.md"), sufV1 = try scratch.read("suf/v1.0.0/SUF-v1.0.0.md")
        let copy = try scratch.read("dist/dhf/v1.1.0/SUF-v1.1.0.md"), dhfMD = try scratch.read("dist/dhf/DHF.md")
        let diffMD = try scratch.read("diff.md")

        // The SUF shows every fact of each risk.
        let blocks = Self.riskBlocks(suf)
        #expect(blocks.keys.sorted() == ["RISK-1", "RISK-2"])
        #expect(blocks["RISK-1"] == [
            "#### <a id=\"risk-1\"></a>RISK-1: Over-infusion",
            "| Field | Value |", "|---|---|",
            "| Hazard | Over-infusion |",
            "| Sequence of events | The limit check is skipped and the pump keeps running. |",
            "| Hazardous situation | The patient receives more than the programmed dose. |",
            "| Cause | Dose limit not enforced |",
            "| Harm | Overdose |",
            "| Severity before control | Critical |",
            "| P1 before control: hazardous situation occurs | Occasional (limit skipped) |",
            "| P2 before control: hazardous situation leads to harm | Frequent |",
            "| Probability of harm before control | Occasional |",
            "| Risk before control | U: unacceptable |",
            "| Control REQ-1 (protective measure) | Dose limit; verification: no test |",
            "| Severity after control | Serious |",
            "| Probability of harm after control | Remote |",
            "| Risk after control | A: acceptable |",
            "| Residual risk acceptability | acceptable |",
            "| Benefit-risk | Infusion at home outweighs the remaining risk. |",
            "| Software items | ITEM-1 |",
        ])
        #expect(blocks["RISK-2"]?.contains("| Controls | none |") == true)
        #expect(blocks["RISK-2"]?.contains("| Sequence of events | not stated |") == true)
        #expect(blocks["RISK-2"].map { Array($0.suffix(3)) } == [
            "| Risk after control | not estimated |", "| Residual risk acceptability | not evaluated: no residual risk is estimated |",
            "| Benefit-risk | not assessed: no residual risk is estimated |",
        ])
        let matrix = Self.matrix(suf, title: "Acceptability matrix")
        #expect(matrix == [
            "| Severity | Remote | Occasional | Frequent |", "|---|---|---|---|",
            "| Critical | R | U: 1 → 0 | U |", "| Serious | A: 0 → 1 | R: 1 → 0 | U |", "| Minor | A | A | R |",
        ])
        #expect(suf.contains("\n1 risk has no estimate after control.\n"))
        #expect(Self.management(suf) == [
            "| Release | Overall residual risk evaluated by | Date | Overall residual risk | Conclusion |", "|---|---|---|---|---|",
            "| v1.0.0 | Ann Risk, Dr. Bo Clinic | 2024-01-01 | acceptable | Acceptable overall. |",
            "| v1.1.0 | Ann Risk | 2024-01-02 | acceptable | Still acceptable. |",
            "| Release | Risk management reviewed by | Date | Conclusion | Report |", "|---|---|---|---|---|",
            "| v1.1.0 | Cy Head | 2024-01-03 | Plan carried out. | RMR-2 |",
        ])

        // The DHF's copy of the release and the DHF's own risk management file say the same (the DHF adds each
        // risk's history).
        #expect(Self.riskBlocks(copy) == blocks)
        #expect(Self.riskBlocks(dhfMD).mapValues { $0.filter { !$0.hasPrefix("| History |") } } == blocks)
        #expect(Self.riskBlocks(dhfMD)["RISK-1"]?.last == "| History | v1.0.0 introduced; v1.1.0 changed (residual: Critical / Remote → Serious / Remote) |")
        #expect(Self.matrix(copy, title: "Acceptability matrix") == matrix)
        #expect(Self.matrix(dhfMD, title: "Acceptability matrix") == matrix)
        #expect(Self.management(copy) == Self.management(suf) && Self.management(dhfMD) == Self.management(suf))

        // The diff shows both releases' matrices and, for the risks whose entry differs, the new SUF's facts.
        #expect(Self.matrix(diffMD, title: "Acceptability matrix at v1.1.0") == matrix)
        #expect(Self.matrix(diffMD, title: "Acceptability matrix at v1.0.0") == Self.matrix(sufV1, title: "Acceptability matrix"))
        #expect(Self.matrix(sufV1, title: "Acceptability matrix")
            .contains("| Critical | R: 0 → 1 | U: 1 → 0 | U |"))
        #expect(Self.riskBlocks(diffMD) == blocks)
        #expect(diffMD.contains("*ISO 14971 5–9: risks in force: 2 new or changed (RISK-1, RISK-2)*"))
        #expect(Self.management(diffMD) == Self.management(suf))
    }

    @Test("a control shows its requirement's test result from the evidence")
    func verificationFromEvidence() throws {
        let scratch = try Scratch()
        _ = try Self.make(scratch)
        try """
            <testsuite name="Dose" tests="1"><testcase classname="DoseTests" name="testLimit"/></testsuite>
            """.write(toFile: scratch.file("junit.xml"), atomically: true, encoding: .utf8)
        var requirements = DeviceFixture.requirementsV1
        requirements = requirements.replacingOccurrences(of: "    type: safety\n", with: "    type: safety\n    verified_by: [DoseTests.testLimit]\n")
        var repo = try GitRepository(scratch, name: "repo2")
        try repo.commit("Baseline\n", files: [
            "dossier.yml": DeviceFixture.dossierYML, "regulatory/risks.yml": Self.risksV1,
            "regulatory/requirements.yml": requirements, "regulatory/items.yml": DeviceFixture.items,
        ])
        try repo.tag("v1.0.0")
        let result = try dossier(["suf", "--repo", "repo2", "--out", "out", "--evidence", "junit.xml"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let block = Self.riskBlocks(try scratch.read("out/v1.0.0/SUF-v1.0.0.md"))["RISK-1"] ?? []
        #expect(block.contains("| Control REQ-1 (protective measure) | Dose limit; verification: passed (DoseTests.testLimit) |"))
    }

    @Test("check reports R7 for the release whose risk management review is missing, and neither R6 nor R7 once both are written")
    func gate() throws {
        let scratch = try Scratch()
        _ = try Self.make(scratch)
        let v1 = try dossier(["check", "v1.0.0", "--repo", "repo"], in: scratch.path)
        #expect(v1.status == 1)
        #expect(v1.stdout.contains("R7  v1.0.0 changed risks (RISK-1 added) and no risk management review (risk_management_reviews) covers v1.0.0"))
        #expect(!v1.stdout.contains("R6  "))
        let v2 = try dossier(["check", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(!v2.stdout.contains("R6  ") && !v2.stdout.contains("R7  "), "\(v2.stdout)")
    }
}
