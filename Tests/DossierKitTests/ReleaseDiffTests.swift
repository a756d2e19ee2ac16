import Foundation
@testable import Model
@testable import Records
import Testing
@testable import Views

@Suite("Release diff")
struct ReleaseDiffTests {
    private let policy = """
        policy:
          severity: [Minor, Serious, Critical]
          probability: [Rare, Often]
          acceptability: {Minor: [A, A], Serious: [A, R], Critical: [R, U]}
        risks:

        """

    @Test("words: removed runs before added ones, kept words between; texts that are too long are replaced whole")
    func words() {
        #expect(WordDiff.between("the pump shall alarm within 5 s", "the pump shall sound an alarm within 2 s") == [
            WordChange(operation: .kept, text: "the pump shall"),
            WordChange(operation: .added, text: "sound an"),
            WordChange(operation: .kept, text: "alarm within"),
            WordChange(operation: .removed, text: "5"),
            WordChange(operation: .added, text: "2"),
            WordChange(operation: .kept, text: "s"),
        ])
        #expect(WordDiff.between("a b", "a b") == [WordChange(operation: .kept, text: "a b")])
        let long = Array(repeating: "w", count: WordDiff.maximumWords + 1).joined(separator: " ")
        #expect(WordDiff.between(long, "x").map(\.operation) == [.removed, .added])
    }

    @Test("a risk's move in the acceptability matrix, a threat's CVSS base score, a SOUP item's version up or down")
    func meanings() throws {
        let old = try Gap.release([
            "risks": policy + "  - {id: RISK-1, hazard: Overdose, severity: Critical, probability: Often, residual: {severity: Critical, probability: Rare}}\n",
            "threats": "threats:\n  - {id: THR-1, title: Spoofing, cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'}\n",
            "soup": "soup:\n  - {id: SOUP-1, name: zlib, version: 1.2.13}\n  - {id: SOUP-2, name: sqlite, version: 3.45.0}\n",
        ])
        let new = try Gap.release([
            "risks": policy + "  - {id: RISK-1, hazard: Overdose, severity: Serious, probability: Often, residual: {severity: Minor, probability: Rare}}\n",
            "threats": "threats:\n  - {id: THR-1, title: Spoofing, cvss: 'CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N'}\n",
            "soup": "soup:\n  - {id: SOUP-1, name: zlib, version: 1.3.1}\n  - {id: SOUP-2, name: sqlite, version: 3.44.2}\n",
        ])
        let diff = ReleaseDiff(old: Gap.assessed(old), new: Gap.assessed(new))
        let risk = try #require(diff.records.first { $0.kind == .risk }).changed[0].fields
        #expect(risk.first { $0.field == "severity" }?.meaning == "initial risk: Critical / Often (U: unacceptable) → Serious / Often (R: reduce as far as practicable)")
        #expect(risk.first { $0.field == "residual" }?.meaning == "residual risk: Critical / Rare (R: reduce as far as practicable) → Minor / Rare (A: acceptable)")
        let threat = try #require(diff.records.first { $0.kind == .threat }).changed[0].fields
        #expect(threat.first { $0.field == "cvss" }?.meaning == "CVSS base score: 9.8 Critical → 6.8 Medium")
        let soup = try #require(diff.records.first { $0.kind == .soup }).changed
        #expect(soup.map { $0.fields.first { $0.field == "version" }?.meaning } == ["version up", "version down"])
        #expect(!diff.isEmpty)
        #expect(ReleaseDiff(old: Gap.assessed(new), new: Gap.assessed(new)).isEmpty)
    }

    @Test("records are matched by id: a renamed id is removed and added; findings are matched by rule and subjects, ignoring positions")
    func matching() throws {
        let old = try Gap.release(["requirements": "requirements:\n  - {id: REQ-1, title: Alarm, text: The pump shall alarm.}\n"])
        let new = try Gap.release(["requirements": "requirements:\n\n  - {id: REQ-2, title: Alarm, text: The pump shall alarm.}\n"])
        let kind = try #require(ReleaseDiff(old: Gap.assessed(old), new: Gap.assessed(new)).records.first { $0.kind == .requirement })
        #expect(kind.added.map(\.id) == ["REQ-2"])
        #expect(kind.removed.map(\.id) == ["REQ-1"])

        let a = Finding(rule: .T1, level: .error, message: "REQ-1 (regulatory/requirements.yml:2:5) is approved but untested",
                        subjects: ["REQ-1"], location: nil, clauses: [])
        var moved = a
        moved.message = "REQ-1 (regulatory/requirements.yml:9:5) is approved but untested"
        var raised = moved
        raised.level = .warning
        #expect(FindingsDiff(old: [a], new: [moved]).isEmpty)
        #expect(FindingsDiff(old: [a], new: [raised]).changed.count == 1)
        #expect(FindingsDiff(old: [a], new: []).removed.map(\.rule) == ["T1"])
        #expect(FindingsDiff.withoutPositions("X (a.yml:1:2) and (not a position) end") == "X and (not a position) end")
    }
}
