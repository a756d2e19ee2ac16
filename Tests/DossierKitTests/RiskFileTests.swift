import Foundation
@testable import Model
@testable import Records
@testable import Render
@testable import Support
import Testing

/// A policy of two severities and two probabilities; `risks:` is on line 5, so the first risk is at line 6.
private let policy = """
    policy:
      severity: [Minor, Critical]
      probability: [Rare, Often]
      acceptability: {Minor: [A, A], Critical: [R, U]}
    risks:

    """

private let requirements = """
    requirements:
      - {id: REQ-1, title: Dose limit, text: The pump shall limit the dose., status: approved, verified_by: ['DoseTests.*']}
      - {id: REQ-2, title: Alarm, text: The pump shall alarm., status: approved}
    """

private let management = """
    residual_risk_evaluations:
      - release: v2.0.0
        by: [Ann Risk, Dr. Bo Clinic]
        date: 2024-02-28
        acceptable: true
        method: All residual risks together.
        conclusion: Acceptable against the benefit.
    risk_management_reviews:
      - release: v2.0.0
        by: Cy Head
        date: 2024-02-29
        report: RMR-7
        conclusion: Plan carried out.
    """

/// The message of the error loading `files` throws, which must have one.
private func loadError(_ files: [String: String]) -> String {
    do {
        _ = try Gap.records(files)
        return "(no error)"
    } catch {
        return (error as? DossierError)?.description ?? "\(error)"
    }
}

@Suite("The risk management file: records, matrix, verification")
struct RiskFileTests {
    @Test("a risk's sequence of events, P1 and P2 before and after control are read; the delta lists them")
    func riskFields() throws {
        let risks = policy + """
              - id: RISK-1
                hazard: Overdose
                sequence_of_events: Limit ignored, then the pump runs on.
                severity: Critical
                p1: Rare (limit bypassed)
                p2: Often
                probability: Often
                residual: {severity: Critical, p1: Rare, p2: Rare, probability: Rare}
            """
        let risk = try #require(try Gap.records(["risks": risks]).risks.first)
        #expect(risk.sequenceOfEvents == "Limit ignored, then the pump runs on.")
        #expect(risk.initial == RiskEstimate(severity: "Critical", probability: "Often", p1: "Rare (limit bypassed)", p2: "Often"))
        #expect(risk.residual == RiskEstimate(severity: "Critical", probability: "Rare", p1: "Rare", p2: "Rare"))
        #expect(risk.fields.map(\.name) == ["hazard", "sequence_of_events", "severity", "probability", "p1", "p2", "residual"])
        #expect(risk.fields.last?.value == "Critical / Rare (P1 Rare, P2 Rare)")
    }

    @Test("P1 or P2 without the probability of harm, and an unknown residual field, are errors with file, line and column")
    func riskFieldErrors() {
        #expect(loadError(["risks": policy + "  - {id: RISK-1, hazard: H, severity: Critical, p1: Rare}\n"])
            == "regulatory/risks.yml:6:53: 'p1' is given without both 'severity' and 'probability' (the probability of harm P1 and P2 combine to) (in the tree of test)")
        #expect(loadError(["risks": policy + "  - {id: RISK-1, hazard: H, residual: {severity: Minor, p3: Rare, probability: Rare}}\n"])
            .hasPrefix("regulatory/risks.yml:6:57: unknown field 'p3' in residual"))
        #expect(loadError(["risks": policy + "  - {id: RISK-1, hazard: H, sequence_of_events: [a, b]}\n"])
            .hasPrefix("regulatory/risks.yml:6:49: expected text for 'sequence_of_events', found a list"))
    }

    @Test("overall residual risk evaluations and risk management reviews are read from regulatory/risk-management.yml")
    func managementRecords() throws {
        let records = try Gap.records(["risk-management": management])
        #expect(records.residualRiskEvaluations.map(\.release) == ["v2.0.0"])
        let evaluation = try #require(records.residualRiskEvaluations.first)
        #expect(evaluation.by == ["Ann Risk", "Dr. Bo Clinic"] && evaluation.date == "2024-02-28" && evaluation.acceptable)
        #expect(evaluation.method == "All residual risks together." && evaluation.conclusion == "Acceptable against the benefit.")
        #expect(evaluation.source == SourceLocation(file: "regulatory/risk-management.yml", line: 2, column: 5))
        let review = try #require(records.riskManagementReviews.first)
        #expect(review.by == ["Cy Head"] && review.report == "RMR-7" && review.conclusion == "Plan carried out.")
    }

    @Test("a dossier.yml may name another file for them with records.risk_management")
    func managementPath() throws {
        let source = MemorySource(files: [
            "dossier.yml": "device: {name: Pump}\nrecords: {risk_management: rmf/review.yml}\n", "rmf/review.yml": management,
        ])
        let records = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        #expect(records.riskManagementReviews.first?.source.file == "rmf/review.yml")
    }

    @Test("unknown fields, wrong types, a bad date and a missing 'by' or 'acceptable' are errors with file, line and column")
    func managementErrors() {
        let evaluation = "residual_risk_evaluations:\n  - {release: v1, by: Ann, date: 2024-01-02, acceptable: true, conclusion: Fine."
        #expect(loadError(["risk-management": evaluation + ", signed: yes}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:83: unknown field 'signed' in an overall residual risk evaluation"))
        #expect(loadError(["risk-management": evaluation.replacingOccurrences(of: "acceptable: true", with: "acceptable: maybe") + "}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:58: expected true or false for 'acceptable', found the text 'maybe'"))
        #expect(loadError(["risk-management": evaluation.replacingOccurrences(of: "2024-01-02", with: "2 Jan 2024") + "}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:34: expected a date as YYYY-MM-DD for 'date', found '2 Jan 2024'"))
        #expect(loadError(["risk-management": evaluation.replacingOccurrences(of: "by: Ann, ", with: "") + "}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:5: an overall residual risk evaluation is missing the required field 'by'"))
        #expect(loadError(["risk-management": evaluation.replacingOccurrences(of: "acceptable: true, ", with: "") + "}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:5: an overall residual risk evaluation is missing the required field 'acceptable'"))
        #expect(loadError(["risk-management": "risk_management_reviews: {release: v1}\n"])
            .hasPrefix("regulatory/risk-management.yml:1:26: expected a list of risk management reviews under 'risk_management_reviews', found a mapping"))
        #expect(loadError(["risk-management": "reviews: []\n"])
            .hasPrefix("regulatory/risk-management.yml:1:1: unknown field 'reviews'"))
        #expect(loadError(["risk-management": "risk_management_reviews:\n  - {release: v1, by: [Ann, 3], date: 2024-01-02}\n"])
            .hasPrefix("regulatory/risk-management.yml:2:5: a risk management review is missing the required field 'conclusion'"))
    }

    @Test("the matrix counts risks in force per cell before and after control; controls carry their requirement's result")
    func riskFile() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Often, residual: {severity: Critical, probability: Rare},
                 controls: [{requirement: REQ-1}, {requirement: REQ-2}, {requirement: REQ-9}], benefit_risk: Worth it.}
              - {id: RISK-2, hazard: Delay, severity: Critical, probability: Often, residual: {severity: Critical, probability: Rare}}
              - {id: RISK-3, hazard: Noise, severity: Minor, probability: Often, residual: {severity: Minor, probability: Rare}}
              - {id: RISK-4, hazard: Unrated}
              - {id: RISK-5, hazard: Old, severity: Minor, probability: Rare, obsolete: {release: v1, rationale: Gone.}}
            """
        let records = try Gap.records(["risks": risks, "requirements": requirements])
        let file = RiskFile(records: records, verification: ["REQ-1": (tests: ["DoseTests.testLimit"], result: "passed")])
        #expect(file.risks.map(\.risk.id) == ["RISK-1", "RISK-2", "RISK-3", "RISK-4"])
        let matrix = try #require(file.matrix)
        #expect(matrix.rows.map(\.severity) == ["Critical", "Minor"])
        #expect(matrix.rows.map { $0.cells.map(\.count) } == [
            [BeforeAfterCount(before: 0, after: 2), BeforeAfterCount(before: 2, after: 0)],
            [BeforeAfterCount(before: 0, after: 1), BeforeAfterCount(before: 1, after: 0)],
        ])
        #expect(matrix.rows[0].cells.map(\.verdict) == [.reduce, .unacceptable])
        #expect(matrix.notEstimated == BeforeAfterCount(before: 1, after: 1))
        let controls = file.risks[0].controls
        #expect(controls.map(\.result) == ["passed", "no test", "not a requirement in the records"])
        #expect(controls[0].tests == ["DoseTests.testLimit"] && controls[0].title == "Dose limit")
        #expect(file.risks.map(\.benefitRiskRequired) == [true, true, false, false])
        #expect(file.risks.map(\.acceptability) == [
            "acceptable: reduced as far as practicable, and the benefit outweighs the residual risk (ISO 14971 7.4)",
            "not shown acceptable: reduce as far as practicable, and no benefit-risk statement",
            "acceptable", "not evaluated: no residual risk is estimated",
        ])
        let rows = SUFContext.riskFields(file.risks[0]).map { "\($0.name): \($0.value)" }
        #expect(rows.contains("Control REQ-1: Dose limit; verification: passed (DoseTests.testLimit)"))
        #expect(rows.contains("Risk before control: U: unacceptable") && rows.contains("Risk after control: R: reduce as far as practicable"))
        #expect(rows.contains("Sequence of events: not stated") && rows.contains("Benefit-risk: Worth it."))
        #expect(SUFContext.riskFields(file.risks[1]).contains { $0.value == "required (ISO 14971 7.4), none written" })
    }
}
