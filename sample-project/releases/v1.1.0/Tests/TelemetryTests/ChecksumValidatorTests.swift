import XCTest
@testable import Telemetry

final class ChecksumValidatorTests: XCTestCase {
    func testRejectsCorruptRecord() {
        var frame = Fixtures.threeCycleNightWithCRC
        frame[7] ^= 0x01
        XCTAssertNil(ChecksumValidator().validated(frame))
    }

    func testAcceptsValidRecord() {
        XCTAssertNotNil(ChecksumValidator().validated(Fixtures.threeCycleNightWithCRC))
    }
}
