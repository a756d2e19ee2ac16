import XCTest
@testable import Telemetry

final class USBImportTests: XCTestCase {
    func testImportsPDXv2Export() throws {
        let records = try USBImport().importExport(at: Fixtures.url("week-export.pdx"))
        XCTAssertEqual(records.count, 7)
    }
}
