import XCTest
@testable import Alerts

final class DrainAlarmRuleTests: XCTestCase {
    func testForwardsDrainAlarm() throws {
        let alert = DrainAlarmRule().evaluate(try .fixture("drain-alarm-night"), history: [], patient: "P-001")
        XCTAssertEqual(alert?.priority, .high)
    }

    func testNoDuplicateOnReimport() throws {
        let night = try TreatmentRecord.fixture("drain-alarm-night")
        XCTAssertNil(DrainAlarmRule().evaluate(night, history: [night], patient: "P-001"))
    }
}
