import XCTest
@testable import Alerts

final class MissedTreatmentRuleTests: XCTestCase {
    func testNoRecordFor36hRaisesAlert() {
        let now = Date(timeIntervalSince1970: 200_000)
        let alert = MissedTreatmentRule().evaluate(lastRecord: now - 36 * 3600 - 1, now: now, patient: "P-001")
        XCTAssertEqual(alert?.message, "No treatment data")
    }
}
