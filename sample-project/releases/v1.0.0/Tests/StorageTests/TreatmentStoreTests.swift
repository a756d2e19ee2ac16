import XCTest
@testable import Storage

final class TreatmentStoreTests: XCTestCase {
    func testKeepsTwoYears() {
        XCTAssertGreaterThanOrEqual(TreatmentStore.retention, 730 * 24 * 3600)
    }

    func testInterruptedWriteLeavesNoPartialRecord() throws {
        let store = try TreatmentStore.temporary(failingAfterBytes: 100)
        XCTAssertThrowsError(try store.save(.sample))
        XCTAssertEqual(try store.count(), 0)
    }

    func testDatabaseIsEncrypted() throws {
        let store = try TreatmentStore.temporary()
        try store.save(.sample)
        XCTAssertFalse(try store.rawFileContents().contains("PDRM-SAMPLE"))
    }
}
