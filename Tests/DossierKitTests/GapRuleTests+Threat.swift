@testable import Evidence
import Foundation
@testable import Model
@testable import Records
@testable import Support
import Testing

private let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
private let v40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"

/// REQ-1 at regulatory/requirements.yml:2:5, verified by `AuthTests.*`.
private let requirement = """
    requirements:
      - {id: REQ-1, title: Auth, text: The pump shall authenticate the app., status: approved, verified_by: ['AuthTests.*']}
    """

private let thr1 = SourceLocation(file: "regulatory/threats.yml", line: 2, column: 5)
private let soup1 = SourceLocation(file: "regulatory/soup.yml", line: 2, column: 5)

@Suite("Gap rules: SOUP (S1, S5)")
struct GapRuleSOUPTests {
    @Test("S1 fires for a SOUP item without supplier, or with a blank name or version")
    func s1Fires() throws {
        let soup = """
            soup:
              - {id: SOUP-1, name: SQLite, version: 3.45.1, support_level: maintained, end_of_support: '2050-05-29'}
              - {id: SOUP-2, name: ' ', version: ' ', supplier: ' ', support_level: maintained, end_of_support: '2030-01-01'}
            """
        let findings = try Gap.findings(.S1, ["soup": soup])
        #expect(findings.map(\.message) == [
            "SOUP-1 (regulatory/soup.yml:2:5) has no supplier",
            "SOUP-2 (regulatory/soup.yml:3:5) has no name, version, supplier",
        ])
        #expect(findings.map(\.subjects) == [["SOUP-1"], ["SOUP-2"]])
        #expect(findings.map(\.location) == [soup1, SourceLocation(file: "regulatory/soup.yml", line: 3, column: 5)])
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test("S1 does not fire for a complete SOUP item, or a retired incomplete one")
    func s1Quiet() throws {
        let soup = """
            soup:
              - {id: SOUP-1, name: SQLite, version: 3.45.1, supplier: SQLite Consortium}
              - {id: SOUP-2, name: Old, version: '1.0', obsolete: {release: v2.0.0, rationale: Removed.}}
            """
        #expect(try Gap.findings(.S1, ["soup": soup]).isEmpty)
    }

    @Test("S5 fires for a SOUP item without support level or end-of-support date")
    func s5Fires() throws {
        let soup = """
            soup:
              - {id: SOUP-1, name: SQLite, version: 3.45.1, supplier: SQLite Consortium}
              - {id: SOUP-2, name: zlib, version: 1.3.1, supplier: Jean-loup Gailly and Mark Adler, support_level: maintained}
            """
        let findings = try Gap.findings(.S5, ["soup": soup])
        #expect(findings == [
            Finding(rule: .S5, level: .warning, message: "SOUP-1 (regulatory/soup.yml:2:5) (SQLite 3.45.1) has no support_level or end_of_support",
                    subjects: ["SOUP-1"], location: soup1, clauses: ["FDA premarket cybersecurity guidance (SBOM)"]),
            Finding(rule: .S5, level: .warning, message: "SOUP-2 (regulatory/soup.yml:3:5) (zlib 1.3.1) has no end_of_support",
                    subjects: ["SOUP-2"], location: SourceLocation(file: "regulatory/soup.yml", line: 3, column: 5),
                    clauses: ["FDA premarket cybersecurity guidance (SBOM)"]),
        ])
    }

    @Test("S5 does not fire with both, or for a retired item")
    func s5Quiet() throws {
        let soup = """
            soup:
              - {id: SOUP-1, name: SQLite, version: 3.45.1, support_level: security-only, end_of_support: '2050-05-29'}
              - {id: SOUP-2, name: Old, version: '1.0', obsolete: {release: v2.0.0, rationale: Removed.}}
            """
        #expect(try Gap.findings(.S5, ["soup": soup]).isEmpty)
    }
}

@Suite("Gap rules: threats (X1, X2, X3, X5, X6)")
struct GapRuleThreatTests {
    @Test("X1 fires for an unmitigated threat whose disposition is mitigated or not stated")
    func x1Fires() throws {
        let threats = """
            threats:
              - {id: THR-1, title: Spoofed app, disposition: mitigated, cvss: '\(v31)'}
              - {id: THR-2, title: Replay, cvss: '\(v31)'}
            """
        let findings = try Gap.findings(.X1, ["threats": threats])
        #expect(findings.map(\.message) == [
            "THR-1 (regulatory/threats.yml:2:5) has no mitigation and its disposition is mitigated",
            "THR-2 (regulatory/threats.yml:3:5) has no mitigation and its disposition is not stated",
        ])
        #expect(findings.map(\.subjects) == [["THR-1"], ["THR-2"]])
        #expect(findings.first?.location == thr1)
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test("X1 does not fire for a mitigated threat, or one accepted, transferred or not applicable")
    func x1Quiet() throws {
        let threats = """
            threats:
              - {id: THR-1, title: Spoofed app, mitigations: [REQ-1], cvss: '\(v31)'}
              - {id: THR-2, title: Replay, disposition: accepted, cvss: '\(v31)'}
              - {id: THR-3, title: Phishing, disposition: transferred, cvss: '\(v31)'}
              - {id: THR-4, title: Bluetooth, disposition: not_applicable, cvss: '\(v31)'}
            """
        #expect(try Gap.findings(.X1, ["threats": threats, "requirements": requirement]).isEmpty)
    }

    @Test("X2 fires for a mitigating requirement with no passing test")
    func x2Fires() throws {
        let threats = "threats:\n  - {id: THR-1, title: Spoofed app, mitigations: [REQ-1], cvss: '\(v31)'}\n"
        let findings = try Gap.findings(.X2, ["threats": threats, "requirements": requirement], tests: [Gap.test("AuthTests.testToken", .failed)])
        #expect(findings == [Finding(
            rule: .X2, level: .error,
            message: "THR-1 (regulatory/threats.yml:2:5) is mitigated by REQ-1 (regulatory/requirements.yml:2:5), which no passing test verifies: its linked tests did not pass (1 failed)",
            subjects: ["THR-1", "REQ-1"], location: thr1,
            clauses: ["FDA premarket cybersecurity guidance (security testing)", "IEC 62304 5.7.4"])])
    }

    @Test("X2 does not fire when the mitigation passed a test (an unknown mitigation is T2's)")
    func x2Quiet() throws {
        let threats = "threats:\n  - {id: THR-1, title: Spoofed app, mitigations: [REQ-1], cvss: '\(v31)'}\n"
        #expect(try Gap.findings(.X2, ["threats": threats, "requirements": requirement], tests: [Gap.test("AuthTests.testToken")]).isEmpty)
        let unknown = "threats:\n  - {id: THR-1, title: Spoofed app, mitigations: [REQ-9], cvss: '\(v31)'}\n"
        #expect(try Gap.findings(.X2, ["threats": unknown]).isEmpty)
        #expect(try Gap.findings(.T2, ["threats": unknown]).map(\.subjects) == [["THR-1", "REQ-9"]])
    }

    @Test("X3 fires for a transferred threat no IFU change names, and not when one does")
    func x3() throws {
        let threats = "threats:\n  - {id: THR-1, title: Phishing, disposition: transferred, cvss: '\(v31)'}\n"
        let findings = try Gap.findings(.X3, ["threats": threats])
        #expect(findings == [Finding(
            rule: .X3, level: .error, message: "THR-1 (regulatory/threats.yml:2:5) is transferred, but no IFU change names it",
            subjects: ["THR-1"], location: thr1, clauses: ["MDR GSPR 23", "FDA premarket cybersecurity guidance (labeling)"])])
        let ifu = "ifu_changes:\n  - {id: IFU-1, document: IFU, change: Keep your password secret., threats: [THR-1]}\n"
        #expect(try Gap.findings(.X3, ["threats": threats, "ifu": ifu]).isEmpty)
    }

    @Test("X5 fires for a threat with a safety impact and no risk, and not when it links one or has none")
    func x5() throws {
        let threats = "threats:\n  - {id: THR-1, title: Dose tampering, mitigations: [REQ-1], safety_impact: true, cvss: '\(v31)'}\n"
        let findings = try Gap.findings(.X5, ["threats": threats, "requirements": requirement])
        #expect(findings == [Finding(
            rule: .X5, level: .warning, message: "THR-1 (regulatory/threats.yml:2:5) has a safety impact but links to no risk",
            subjects: ["THR-1"], location: thr1,
            clauses: ["ISO 14971 5.4", "FDA premarket cybersecurity guidance (security risk management)"])])
        let linked = """
            threats:
              - {id: THR-1, title: Dose tampering, mitigations: [REQ-1], safety_impact: true, risks: [RISK-1], cvss: '\(v31)'}
              - {id: THR-2, title: Data leak, mitigations: [REQ-1], safety_impact: false, cvss: '\(v31)'}
            """
        let risks = "risks:\n  - {id: RISK-1, hazard: Overdose}\n"
        #expect(try Gap.findings(.X5, ["threats": linked, "requirements": requirement, "risks": risks]).isEmpty)
    }

    @Test("X6 fires for a missing cvss, invalid v3.1 and v4.0 vectors (v3.1's S:U is v4.0's Safety), and an invalid residual_cvss")
    func x6Fires() throws {
        let threats = """
            threats:
              - {id: THR-1, title: No vector, disposition: accepted}
              - {id: THR-2, title: Short v3.1, disposition: accepted, cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'}
              - {id: THR-3, title: Mixed v4.0, disposition: accepted, cvss: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/S:U'}
              - {id: THR-4, title: Old residual, disposition: accepted, cvss: '\(v40)', residual_cvss: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N'}
            """
        let findings = try Gap.findings(.X6, ["threats": threats])
        #expect(findings.map(\.message) == [
            "THR-1 (regulatory/threats.yml:2:5) has no cvss vector",
            "THR-2 (regulatory/threats.yml:3:5) has an invalid cvss vector 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H': metric A (Availability) is missing",
            "THR-3 (regulatory/threats.yml:4:5) has an invalid cvss vector 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/S:U': S:U is not a value of S (Safety); expected X, N or P",
            "THR-4 (regulatory/threats.yml:5:5) has an invalid residual_cvss vector 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N': expected a vector starting CVSS:3.1/ or CVSS:4.0/, found 'CVSS:3.0/…'",
        ])
        #expect(findings.map(\.subjects) == [["THR-1"], ["THR-2"], ["THR-3"], ["THR-4"]])
        #expect(findings.first?.location == thr1)
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test("X6 does not fire for valid v3.1 and v4.0 vectors (base and residual), or a retired threat without one")
    func x6Quiet() throws {
        let threats = """
            threats:
              - {id: THR-1, title: v3.1, disposition: accepted, cvss: '\(v31)', residual_cvss: 'CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N'}
              - {id: THR-2, title: v4.0, disposition: accepted, cvss: '\(v40)', residual_cvss: '\(v40)'}
              - {id: THR-3, title: Mixed, disposition: accepted, cvss: '\(v31)', residual_cvss: '\(v40)'}
              - {id: THR-4, title: Retired, obsolete: {release: v2.0.0, rationale: Feature removed.}}
            """
        #expect(try Gap.findings(.X6, ["threats": threats]).isEmpty)
    }
}
