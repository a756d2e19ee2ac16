import XCTest
@testable import BLE

final class CyclerBindingTests: XCTestCase {
    func testRefusesSecondCycler() {
        var binding = CyclerBinding()
        binding.assign(serial: "CY4-0012345", to: "P-001", byClinician: "dr.k")
        XCTAssertFalse(binding.accepts(serial: "CY4-0099999", for: "P-001"))
    }
}
