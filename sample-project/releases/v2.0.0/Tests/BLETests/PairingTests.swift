import XCTest
@testable import BLE

final class PairingTests: XCTestCase {
    func testRefusesJustWorks() {
        XCTAssertFalse(PairingPolicy().accepts(.justWorks, secureConnections: true))
    }

    func testRefusesLegacyPairing() {
        XCTAssertFalse(PairingPolicy().accepts(.numericComparison, secureConnections: false))
    }

    func testAcceptsNumericComparison() {
        XCTAssertTrue(PairingPolicy().accepts(.numericComparison, secureConnections: true))
    }
}
