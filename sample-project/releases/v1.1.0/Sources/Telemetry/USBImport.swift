import Foundation

/// Imports the treatment-log export (PDX v2) that the cycler writes to a USB stick.
public struct USBImport {
    public var decoder = TelemetryDecoder()
    public var validator = ChecksumValidator()

    public init() {}

    public func importExport(at url: URL) throws -> [TreatmentRecord] {
        let frames = try PDXFile(contentsOf: url).frames
        return try frames.compactMap(validator.validated).map(decoder.decode)
    }
}
