import XCTest
@testable import Dashboard

final class VolumeFormatterTests: XCTestCase {
    func testFormatsMillilitresWithUnit() {
        XCTAssertEqual(VolumeFormatter().string(millilitres: 2120), "2120 mL")
    }

    func testNegativeUFHasSignAndLabel() {
        let uf = VolumeFormatter().ultrafiltration(millilitres: -240)
        XCTAssertEqual(uf.text, "-240 mL (Fluid retained)")
        XCTAssertEqual(uf.colour, .caution)
    }
}
