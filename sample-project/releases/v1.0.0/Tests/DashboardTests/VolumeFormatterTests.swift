import XCTest
@testable import Dashboard

final class VolumeFormatterTests: XCTestCase {
    func testFormatsMillilitresWithUnit() {
        XCTAssertEqual(VolumeFormatter().string(millilitres: 2120), "2120 mL")
    }
}
