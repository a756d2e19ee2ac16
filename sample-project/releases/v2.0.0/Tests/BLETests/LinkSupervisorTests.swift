import XCTest
@testable import BLE

final class LinkSupervisorTests: XCTestCase {
    func testLinkLossShownAfter10Minutes() {
        let supervisor = LinkSupervisor(lastConnected: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(supervisor.notice(now: .init(timeIntervalSince1970: 600), inTreatmentWindow: true),
                       "Cycler not connected")
    }

    func testRateLimitsConnectionAttempts() {
        var supervisor = LinkSupervisor(lastConnected: .init(timeIntervalSince1970: 0))
        let now = Date(timeIntervalSince1970: 1000)
        let admitted = (0..<8).filter { _ in supervisor.admitForeignConnection(at: now) }
        XCTAssertEqual(admitted.count, 5)
    }
}
