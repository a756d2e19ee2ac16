import Foundation
@testable import Model
@testable import Support
import Testing

@Suite("trace rows in suf.json")
struct TraceRowDecodingTests {
    @Test("a row written before links carried their source (ids alone, no IFU column) is read, each id with no source")
    func oldRowsRead() throws {
        let old = """
            {"changeRequests": ["CR-1"], "commits": ["0123456789abcdef0123456789abcdef01234567"], "items": ["ITEM-1"],
             "requirement": "REQ-1", "result": "passed", "risks": ["RISK-1"], "status": "approved",
             "tests": ["A.b"], "threats": [], "title": "Dose limit"}
            """
        let row = try JSONDecoder().decode(TraceRow.self, from: Data(old.utf8))
        #expect(row.changeRequests == [TraceEntry(id: "CR-1", via: [], status: nil)])
        #expect(row.ifuChanges.isEmpty && row.threats.isEmpty)
        #expect(row.cells(separator: ", ") == ["RISK-1", "", "", "ITEM-1", "CR-1", "0123456789ab", "A.b"])
    }

    @Test("a row as dossier writes it now reads back the same")
    func roundTrip() throws {
        let new = """
            {"changeRequests": [{"id": "CR-12", "status": "rejected", "via": ["requirements"]}], "commits": [],
             "ifuChanges": [], "items": [], "requirement": "REQ-24", "result": "obsolete", "risks": [],
             "status": "obsolete", "tests": [{"id": "A.b", "via": ["test report"]}], "threats": [], "title": "Pairing"}
            """
        let row = try JSONDecoder().decode(TraceRow.self, from: Data(new.utf8))
        #expect(row.cells(separator: "; ") == ["", "", "", "", "CR-12 (rejected)", "", "A.b (test report)"])
        let again = try JSONDecoder().decode(TraceRow.self, from: CanonicalJSON.encode(row))
        #expect(again == row)
    }
}
