import XCTest
@testable import Alerts

final class AlertHeartbeatTests: XCTestCase {
    func testShowsAlertingUnavailable() {
        let heartbeat = AlertHeartbeat(lastBeat: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(heartbeat.banner(now: .init(timeIntervalSince1970: 301)), "Alerting unavailable")
    }
}
