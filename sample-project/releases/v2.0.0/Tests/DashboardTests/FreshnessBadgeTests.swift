import XCTest
@testable import Dashboard

final class FreshnessBadgeTests: XCTestCase {
    func testMarksDataOlderThan24hStale() {
        let badge = FreshnessBadge(newestRecord: .init(timeIntervalSince1970: 0),
                                   now: .init(timeIntervalSince1970: 24 * 3600 + 1))
        XCTAssertTrue(badge.isStale)
    }

    func testStaleMarkerHasTextLabel() {
        let badge = FreshnessBadge(newestRecord: .distantPast, now: .now)
        XCTAssertEqual(badge.label, "Not current")
    }
}
