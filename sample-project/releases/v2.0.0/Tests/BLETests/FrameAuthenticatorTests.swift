import XCTest
@testable import BLE

final class FrameAuthenticatorTests: XCTestCase {
    func testRejectsBadHMAC() {
        var auth = FrameAuthenticator(key: .testKey)
        XCTAssertThrowsError(try auth.accept(.sample(sequence: 1).withFlippedMACBit()))
    }

    func testRejectsReplayedFrame() throws {
        var auth = FrameAuthenticator(key: .testKey)
        _ = try auth.accept(.sample(sequence: 7))
        XCTAssertThrowsError(try auth.accept(.sample(sequence: 7)))
    }
}
