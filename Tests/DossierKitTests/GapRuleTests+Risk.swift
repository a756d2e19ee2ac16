import Foundation
@testable import Model
import Records
@testable import Support
import Testing

/// The risk policy; with `risks:` on line 6, the first risk is at regulatory/risks.yml:7:5.
private let policy = """
    policy:
      severity: [Minor, Serious, Critical]
      probability: [Rare, Often]
      acceptability: {Minor: [A, A], Serious: [A, R], Critical: [R, U]}
      safety_class_by_severity: {Minor: A, Serious: B, Critical: C}
    risks:

    """

/// REQ-1 at regulatory/requirements.yml:2:5, verified by `AlarmTests.*`.
private let requirement = """
    requirements:
      - {id: REQ-1, title: Alarm, text: The pump shall alarm., status: approved, verified_by: ['AlarmTests.*']}
    """

private let risk1 = SourceLocation(file: "regulatory/risks.yml", line: 7, column: 5)

@Suite("Gap rules: risks (R1–R7)")
struct GapRuleRiskTests {
    @Test("R1 fires for an unacceptable initial risk with no control")
    func r1Fires() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Often}\n"
        let findings = try Gap.findings(.R1, ["risks": risks])
        #expect(findings == [Finding(
            rule: .R1, level: .error,
            message: "RISK-1 (regulatory/risks.yml:7:5) is unacceptable before control (Critical / Often) and names no control",
            subjects: ["RISK-1"], location: risk1, clauses: ["ISO 14971 7.1"])])
    }

    @Test("R1 does not fire for a controlled risk, a risk that is not unacceptable, or a retired one")
    func r1Quiet() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Often, controls: [{requirement: REQ-1}]}
              - {id: RISK-2, hazard: Delay, severity: Critical, probability: Rare}
              - {id: RISK-3, hazard: Old, severity: Critical, probability: Often, obsolete: {release: v2.0.0, rationale: Gone.}}
            """
        #expect(try Gap.findings(.R1, ["risks": risks, "requirements": requirement]).isEmpty)
    }

    @Test("R2 fires for a control that is not a requirement, and for one no passing test verifies")
    func r2Fires() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-9}, {requirement: REQ-1, type: protective_measure}]}
            """
        let findings = try Gap.findings(.R2, ["risks": risks, "requirements": requirement], tests: [Gap.test("AlarmTests.testLoud", .failed)])
        #expect(findings.map(\.message) == [
            "RISK-1 (regulatory/risks.yml:7:5) names control REQ-9, which is not a requirement",
            "RISK-1 (regulatory/risks.yml:7:5) is controlled by REQ-1 (regulatory/requirements.yml:2:5), which no passing test verifies: its linked tests did not pass (1 failed)",
        ])
        #expect(findings.map(\.subjects) == [["RISK-1", "REQ-9"], ["RISK-1", "REQ-1"]])
        #expect(findings.map(\.location) == [risk1, risk1])
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test("R2 does not fire when the control requirement has a passing test")
    func r2Quiet() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-1}]}\n"
        #expect(try Gap.findings(.R2, ["risks": risks, "requirements": requirement], tests: [Gap.test("AlarmTests.testLoud")]).isEmpty)
    }

    @Test("R3 fires for an unacceptable residual risk with no (or a blank) benefit_risk statement")
    func r3Fires() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-1}], residual: {severity: Critical, probability: Often}}
              - {id: RISK-2, hazard: Delay, controls: [{requirement: REQ-1}], residual: {severity: Critical, probability: Often}, benefit_risk: '  '}
            """
        let findings = try Gap.findings(.R3, ["risks": risks, "requirements": requirement])
        #expect(findings.map(\.message) == [
            "RISK-1 (regulatory/risks.yml:7:5) is unacceptable after control (Critical / Often) and has no benefit_risk statement",
            "RISK-2 (regulatory/risks.yml:8:5) is unacceptable after control (Critical / Often) and has no benefit_risk statement",
        ])
        #expect(findings.map(\.subjects) == [["RISK-1"], ["RISK-2"]])
        #expect(findings.first?.level == .error)
    }

    @Test("R3 does not fire with a benefit_risk statement, or when the residual risk is not unacceptable")
    func r3Quiet() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, residual: {severity: Critical, probability: Often}, benefit_risk: The benefit outweighs the risk.}
              - {id: RISK-2, hazard: Delay, residual: {severity: Serious, probability: Often}}
            """
        #expect(try Gap.findings(.R3, ["risks": risks]).isEmpty)
    }

    @Test("R4 fires for an information-for-safety control that no IFU change names")
    func r4Fires() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-1, type: information_for_safety}]}\n"
        let ifu = "ifu_changes:\n  - {id: IFU-1, document: IFU, change: Unrelated., requirements: [REQ-1]}\n"
        // IFU-1 names REQ-1 but the risk's control is REQ-2 here.
        let other = policy + "  - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-2, type: information_for_safety}]}\n"
        let requirements = requirement + "\n  - {id: REQ-2, title: Warn, text: The IFU shall warn.}\n"
        let findings = try Gap.findings(.R4, ["risks": risks, "requirements": requirement])
        #expect(findings == [Finding(
            rule: .R4, level: .error,
            message: "RISK-1 (regulatory/risks.yml:7:5) has the information-for-safety control REQ-1, but no IFU change names it or the risk",
            subjects: ["RISK-1", "REQ-1"], location: risk1, clauses: ["ISO 14971 7.2", "MDR GSPR 23"])])
        #expect(try Gap.findings(.R4, ["risks": other, "requirements": requirements, "ifu": ifu]).map(\.subjects) == [["RISK-1", "REQ-2"]])
    }

    @Test("R4 does not fire when an IFU change names the control or the risk, or for other control types")
    func r4Quiet() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-1, type: information_for_safety}]}
              - {id: RISK-2, hazard: Delay, controls: [{requirement: REQ-1, type: information_for_safety}]}
              - {id: RISK-3, hazard: Jam, controls: [{requirement: REQ-2, type: protective_measure}]}
            """
        let requirements = requirement + "\n  - {id: REQ-2, title: Stop, text: The pump shall stop.}\n"
        let ifu = """
            ifu_changes:
              - {id: IFU-1, document: IFU, change: Warn about overdose., requirements: [REQ-1]}
              - {id: IFU-2, document: IFU, change: Warn about delay., risks: [RISK-2]}
            """
        #expect(try Gap.findings(.R4, ["risks": risks, "requirements": requirements, "ifu": ifu]).isEmpty)
    }

    @Test("R5 fires for an item whose class is below what its risks' severities imply, or not stated")
    func r5Fires() throws {
        let risks = policy + """
              - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Rare, items: [ITEM-1, ITEM-2]}
              - {id: RISK-2, hazard: Delay, severity: Serious, probability: Rare, items: [ITEM-1]}
            """
        let items = """
            items:
              - {id: ITEM-1, name: Dosing, safety_class: B, paths: ['Sources/Dosing/**']}
              - {id: ITEM-2, name: Display, paths: ['Sources/Display/**']}
            """
        let findings = try Gap.findings(.R5, ["risks": risks, "items": items])
        #expect(findings.map(\.message) == [
            "ITEM-1 (regulatory/items.yml:2:5) is class B, but RISK-1 (severity Critical) implies class C",
            "ITEM-2 (regulatory/items.yml:3:5) is class (not stated), but RISK-1 (severity Critical) implies class C",
        ])
        #expect(findings.map(\.subjects) == [["ITEM-1", "RISK-1"], ["ITEM-2", "RISK-1"]])
        #expect(findings.map(\.location) == [SourceLocation(file: "regulatory/items.yml", line: 2, column: 5),
                                             SourceLocation(file: "regulatory/items.yml", line: 3, column: 5)])
        #expect(findings.first?.level == .error)
    }

    @Test("R5 does not fire when the class suffices, and cannot fire without safety_class_by_severity")
    func r5Quiet() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose, severity: Serious, probability: Rare, items: [ITEM-1, ITEM-2]}\n"
        let items = """
            items:
              - {id: ITEM-1, name: Dosing, safety_class: B}
              - {id: ITEM-2, name: Display, safety_class: C}
            """
        #expect(try Gap.findings(.R5, ["risks": risks, "items": items]).isEmpty)
        let noClasses = policy.replacingOccurrences(of: "  safety_class_by_severity: {Minor: A, Serious: B, Critical: C}\n", with: "")
            + "  - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Rare, items: [ITEM-1]}\n"
        #expect(try Gap.records(["risks": noClasses]).riskPolicy?.safetyClassBySeverity.isEmpty == true)
        #expect(try Gap.findings(.R5, ["risks": noClasses, "items": "items:\n  - {id: ITEM-1, name: Dosing, safety_class: A}\n"]).isEmpty)
    }

    @Test("R6 and R7 fire for a release that changed risks with no overall residual risk evaluation or review covering it")
    func r6r7Fire() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose, severity: Minor, probability: Rare}\n"
        // One for an earlier release only does not cover v2.0.0.
        let older = """
            residual_risk_evaluations: [{release: v1.0.0, by: Ann, date: 2024-01-02, acceptable: true, conclusion: Fine.}]
            risk_management_reviews: [{release: v1.0.0, by: Ann, date: 2024-01-02, conclusion: Fine.}]
            """
        for files in [["risks": risks], ["risks": risks, "risk-management": older]] {
            let r6 = try Gap.findings(.R6, files), r7 = try Gap.findings(.R7, files)
            #expect(r6 == [Finding(
                rule: .R6, level: .error,
                message: "v2.0.0 changed risks (RISK-1 added) and no overall residual risk evaluation (residual_risk_evaluations) covers v2.0.0",
                subjects: ["v2.0.0"], location: risk1, clauses: ["ISO 14971 8"])])
            #expect(r7 == [Finding(
                rule: .R7, level: .error,
                message: "v2.0.0 changed risks (RISK-1 added) and no risk management review (risk_management_reviews) covers v2.0.0",
                subjects: ["v2.0.0"], location: risk1, clauses: ["ISO 14971 9"])])
        }
        // A changed risk counts as well as an added one.
        let changed = risks.replacingOccurrences(of: "Overdose", with: "Over-infusion")
        #expect(try Gap.findings(.R7, ["risks": changed], previous: ["risks": risks]).map(\.message)
            == ["v2.0.0 changed risks (RISK-1 changed) and no risk management review (risk_management_reviews) covers v2.0.0"])
    }

    @Test("R6 fires when the evaluation covering the release judges the overall residual risk not acceptable")
    func r6NotAcceptable() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose}\n"
        let management = "residual_risk_evaluations: [{release: v2.0.0, by: Ann, date: 2024-01-02, acceptable: false, conclusion: Too risky.}]\n"
        let findings = try Gap.findings(.R6, ["risks": risks, "risk-management": management])
        #expect(findings.map(\.message) == [
            "the overall residual risk evaluation of v2.0.0 (regulatory/risk-management.yml:1:29) judges the overall residual risk not acceptable",
        ])
        #expect(findings.map(\.location) == [SourceLocation(file: "regulatory/risk-management.yml", line: 1, column: 29)])
    }

    @Test("R6 and R7 do not fire when records cover the release, or when the release changed no risk")
    func r6r7Quiet() throws {
        let risks = policy + "  - {id: RISK-1, hazard: Overdose}\n"
        let management = """
            residual_risk_evaluations: [{release: v2.0.0, by: Ann, date: 2024-01-02, acceptable: true, conclusion: Fine.}]
            risk_management_reviews: [{release: v2.0.0, by: [Ann, Bo], date: 2024-01-03, conclusion: Fine.}]
            """
        for rule in [RuleID.R6, .R7] {
            #expect(try Gap.findings(rule, ["risks": risks, "risk-management": management]).isEmpty)
            #expect(try Gap.findings(rule, ["risks": risks], previous: ["risks": risks]).isEmpty)
            #expect(try Gap.findings(rule, [:]).isEmpty)
        }
    }
}
