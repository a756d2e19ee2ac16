import Foundation

/// Checks the CRC-32 that closes every treatment-log frame (REQ-2).
public struct ChecksumValidator {
    public init() {}

    /// Returns the frame without its checksum, or nil when the checksum does not match.
    public func validated(_ frame: [UInt8]) -> [UInt8]? {
        guard frame.count > 4 else { return nil }
        let body = Array(frame.dropLast(4))
        let stored = frame.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return CRC32.checksum(body) == stored ? body : nil
    }
}
