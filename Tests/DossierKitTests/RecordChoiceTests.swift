import Foundation
@testable import Records
@testable import Support
import Testing

/// Record fields read as enums (`RecordChoice`): the messages for a value outside the set, the text they are
/// written as, and dossier.yml's `policy:` read into rule ids.
@Suite("Record choices and rule ids")
struct RecordChoiceTests {
    /// The error loading `files` gives, as the user sees it.
    func failure(_ files: [String: String]) -> String? {
        let source = MemorySource(files: ["dossier.yml": "device: {name: Pump}\n"].merging(files) { _, new in new })
        do {
            _ = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a status or disposition outside the set names the set, in the order it always did")
    func badValues() {
        #expect(failure(["regulatory/requirements.yml": "requirements:\n  - {id: REQ-1, title: A, text: B, status: aproved}\n"])
                == "regulatory/requirements.yml:2:44: expected one of draft, approved, obsolete for 'status', found 'aproved' (in the tree of test)")
        #expect(failure(["regulatory/threats.yml": "threats:\n  - {id: THR-1, title: A, disposition: ignored}\n"])
                == "regulatory/threats.yml:2:40: expected one of mitigated, accepted, transferred, not_applicable for 'disposition', found 'ignored' (in the tree of test)")
        #expect(failure(["regulatory/soup.yml": "soup:\n  - {id: SOUP-1, name: A, version: '1', support_level: lts}\n"])
                == "regulatory/soup.yml:2:56: expected one of maintained, security-only, unsupported for 'support_level', found 'lts' (in the tree of test)")
        #expect(failure(["regulatory/problem-reports.yml": "problem_reports:\n  - {id: PR-1, title: A, status: done}\n"])
                == "regulatory/problem-reports.yml:2:34: expected one of open, investigating, resolved, closed, deferred for 'status', found 'done' (in the tree of test)")
    }

    @Test("statuses are written as the text the YAML holds: in the record's fields and in JSON")
    func writtenAsText() throws {
        let source = MemorySource(files: [
            "dossier.yml": "device: {name: Pump}\n",
            "regulatory/requirements.yml": "requirements:\n  - {id: REQ-1, title: A, text: B, status: approved}\n",
            "regulatory/threats.yml": "threats:\n  - {id: THR-1, title: A, disposition: not_applicable}\n",
        ])
        let records = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        let requirement = try #require(records.requirements.first)
        #expect(requirement.status == .approved)
        #expect(requirement.fields.first { $0.name == "status" }?.value == "approved")
        let threat = try #require(records.threats.first)
        #expect(threat.disposition == .notApplicable)
        #expect(threat.fields.first { $0.name == "disposition" }?.value == "not_applicable")
        let json = String(decoding: try JSONEncoder().encode(threat), as: UTF8.self)
        #expect(json.contains(#""disposition":"not_applicable""#))
        #expect(try JSONDecoder().decode(Threat.self, from: Data(json.utf8)).disposition == .notApplicable)
    }

    @Test("dossier.yml's policy: reads rule ids and settings; bad ones keep their messages")
    func policy() throws {
        let config = try Config.parse(Data("policy: {C5: off, G1: error}\n".utf8), file: "dossier.yml")
        #expect(config.policy == [.C5: .off, .G1: .error])
        func message(_ yaml: String) -> String? {
            do { _ = try Config.parse(Data(yaml.utf8), file: "dossier.yml"); return nil } catch { return "\(error)" }
        }
        #expect(message("policy: {c5: off}\n") == "dossier.yml:1:10: expected a rule id such as G1 or C5 in 'policy', found 'c5'")
        #expect(message("policy: {C4: off}\n") == "dossier.yml:1:10: unknown rule 'C4' in 'policy'; the rules are "
                + "T1, T2, R1, R2, R3, R4, R5, R6, R7, C1, C2, C5, C6, C8, G1, G2, G3, G4, G5, S1, S4, S5, S6, X1, X2, X3, X5, X6, A2, D1, I1, I2, I3")
        #expect(message("policy: {C5: loud}\n") == "dossier.yml:1:14: expected error, warning or off for rule C5, found 'loud'")
    }
}
