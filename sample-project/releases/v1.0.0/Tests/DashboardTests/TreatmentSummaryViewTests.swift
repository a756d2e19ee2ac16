import XCTest
@testable import Dashboard

final class TreatmentSummaryViewTests: XCTestCase {
    func testShowsSummaryFields() {
        let lines = TreatmentSummaryView(patient: .sample, record: .sample).lines
        XCTAssertEqual(lines.map { $0.prefix(while: { $0 != ":" }) },
                       ["Date", "Duration", "Cycles", "Fill", "Drain", "Net UF"])
    }

    func testShowsPatientBanner() {
        XCTAssertEqual(TreatmentSummaryView(patient: .sample, record: .sample).header,
                       "Erika Mustermann, born 1961-08-12, patient no. 40117")
    }

    func testRenders90DaysUnder2s() {
        measure { _ = HistoryView(patient: .sample, records: .ninetyDays).render() }
    }
}
