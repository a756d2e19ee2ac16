import XCTest
@testable import BLE

final class CyclerLinkTests: XCTestCase {
    func testReceivesTreatmentRecord() throws {
        let link = CyclerLink(central: .simulated)
        var received: [TreatmentRecord] = []
        link.onRecord = { received.append($0) }
        try link.received(frame: Fixtures.threeCycleNight)
        XCTAssertEqual(received.count, 1)
    }
}
