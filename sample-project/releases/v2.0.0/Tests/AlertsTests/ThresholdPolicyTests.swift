import XCTest
@testable import Alerts

final class ThresholdPolicyTests: XCTestCase {
    func testNurseCannotChangeThresholds() {
        var limit = 200
        XCTAssertThrowsError(try ThresholdPolicy.testing().change(&limit, to: -500, by: "nurse1", role: .nurse))
        XCTAssertEqual(limit, 200)
    }

    func testChangeIsAudited() throws {
        var limit = 200
        let policy = ThresholdPolicy.testing()
        try policy.change(&limit, to: 100, by: "dr.k", role: .clinician)
        XCTAssertEqual(policy.auditSpy.entries, [.thresholdChanged(old: 200, new: 100)])
    }
}
