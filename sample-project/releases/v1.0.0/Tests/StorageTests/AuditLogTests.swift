import XCTest
@testable import Storage

final class AuditLogTests: XCTestCase {
    func testRecordsImportViewUpload() throws {
        let log = try AuditLog.temporary()
        for action in [AuditLog.Action.imported, .viewed, .uploaded] {
            try log.append(action, user: "nurse1", patient: "P-001", at: .init(timeIntervalSince1970: 0))
        }
        XCTAssertEqual(try log.entries().map(\.action), [.imported, .viewed, .uploaded])
    }
}
