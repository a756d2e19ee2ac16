import XCTest
@testable import Alerts

final class FluidBalanceRuleTests: XCTestCase {
    func testTwoNegativeTreatmentsRaiseAlert() {
        let alert = FluidBalanceRule().evaluate(.withUF(-120), history: [.withUF(-80)], patient: "P-001")
        XCTAssertEqual(alert?.priority, .medium)
    }

    func testClinicianLimit() {
        XCTAssertNotNil(FluidBalanceRule(patientLimitML: 200).evaluate(.withUF(150), history: [], patient: "P-001"))
    }
}
