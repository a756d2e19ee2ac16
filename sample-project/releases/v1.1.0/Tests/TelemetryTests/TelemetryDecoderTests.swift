import XCTest
@testable import Telemetry

final class TelemetryDecoderTests: XCTestCase {
    func testDecodesCycleVolumes() throws {
        let record = try TelemetryDecoder().decode(Fixtures.threeCycleNight)
        XCTAssertEqual(record.cycles.map(\.drainML), [2120, 2080, 2210])
        XCTAssertEqual(record.netUltrafiltrationML, 410)
    }

    func testDecodesCyclerAlarms() throws {
        let record = try TelemetryDecoder().decode(Fixtures.lowDrainNight)
        XCTAssertEqual(record.alarms, [.lowDrainVolume])
    }
}
