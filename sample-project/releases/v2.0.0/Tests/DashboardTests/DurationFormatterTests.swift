import XCTest
@testable import Dashboard

final class DurationFormatterTests: XCTestCase {
    func testDurationAcrossDSTChange() {
        // 2024-03-30 22:00 to 2024-03-31 07:00 Europe/Berlin: 8 hours, not 9.
        let start = Date(timeIntervalSince1970: 1_711_832_400)
        XCTAssertEqual(DurationFormatter().string(from: start, to: start + 8 * 3600), "8 h 00 min")
    }
}
