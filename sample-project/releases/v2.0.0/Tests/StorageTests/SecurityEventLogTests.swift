import XCTest
@testable import Storage

final class SecurityEventLogTests: XCTestCase {
    func testLogsFailedAuthentication() throws {
        let log = try SecurityEventLog.temporary()
        try log.log(.frameAuthenticationFailed(serial: "CY4-0012345"), at: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(try log.events(), [.frameAuthenticationFailed(serial: "CY4-0012345")])
    }
}
