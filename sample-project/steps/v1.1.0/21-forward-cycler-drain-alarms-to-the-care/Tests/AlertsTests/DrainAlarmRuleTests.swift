import XCTest
@testable import Alerts

final class DrainAlarmRuleTests: XCTestCase {
    func testForwardsDrainAlarm() throws {
        let alert = DrainAlarmRule().evaluate(try .fixture("drain-alarm-night"), history: [], patient: "P-001")
        XCTAssertEqual(alert?.priority, .high)
    }
}
