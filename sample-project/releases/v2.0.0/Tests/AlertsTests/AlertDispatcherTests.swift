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

    func testEscalatesOnTimeAfterSuspend() {   // regression test of PR-3
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.clock.simulateSuspend(seconds: 25 * 60)
        dispatcher.tick(now: .sampleHigh + 5 * 60)
        XCTAssertEqual(dispatcher.onCallSpy.escalated, [.sampleHigh])
    }
}
