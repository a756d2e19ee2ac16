import XCTest
@testable import Alerts

final class AlertDispatcherTests: XCTestCase {
    func testAlertStaysUntilAcknowledged() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 24 * 3600)
        XCTAssertEqual(dispatcher.open, [.sampleHigh])
    }

    func testEscalatesAfter30Minutes() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 30 * 60)
        XCTAssertEqual(dispatcher.onCallSpy.escalated, [.sampleHigh])
    }
}
