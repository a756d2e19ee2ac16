import XCTest
@testable import Transport

final class ClinicUploaderTests: XCTestCase {
    func testRejectsUntrustedCertificate() async {
        await XCTAssertThrowsErrorAsync(try await ClinicUploader().upload(.sample, to: TestServer.selfSigned))
    }

    func testRefusesTLS11() async {
        await XCTAssertThrowsErrorAsync(try await ClinicUploader().upload(.sample, to: TestServer.tls11Only))
    }

    func testRetriesWithBackoff() {
        XCTAssertEqual(ClinicUploader().retryDelays.last, 3600)
    }
}
