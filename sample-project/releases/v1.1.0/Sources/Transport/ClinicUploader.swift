import Foundation

/// Uploads stored treatment records to the clinic server (REQ-10) over TLS (REQ-9).
public struct ClinicUploader {
    public var tls = TLSConfiguration()
    public var retryDelays: [TimeInterval] = [60, 120, 240, 480, 960, 1920, 3600]

    public init() {}

    public func upload(_ batch: UploadBatch, to server: URL) async throws {
        let session = try TLSSession(server: server, configuration: tls)
        try await session.post(batch.compressed(), path: "/v1/treatments")
    }
}
