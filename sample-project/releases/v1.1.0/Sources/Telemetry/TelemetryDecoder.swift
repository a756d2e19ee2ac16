import Foundation

/// Decodes the cycler's treatment-log frames (PDX v2) into treatment records.
public struct TelemetryDecoder {
    public enum Failure: Error { case truncated, unknownFrameType(UInt8) }

    public init() {}

    public func decode(_ frame: [UInt8]) throws -> TreatmentRecord {
        guard frame.count >= 24 else { throw Failure.truncated }
        guard frame[0] == 0x54 else { throw Failure.unknownFrameType(frame[0]) }
        var reader = FrameReader(frame.dropFirst())
        return try reader.treatmentRecord()
    }
}
