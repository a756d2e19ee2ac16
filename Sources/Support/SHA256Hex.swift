import Crypto
import Foundation

extension SHA256.Digest {
    /// The digest as 64 lowercase hex digits, as `sha256sum` prints it.
    public var hex: String {
        var text = ""
        text.reserveCapacity(64)
        for byte in self {
            text.append(Character(Unicode.Scalar(Self.digits[Int(byte >> 4)])))
            text.append(Character(Unicode.Scalar(Self.digits[Int(byte & 0x0f)])))
        }
        return text
    }

    private static let digits = Array("0123456789abcdef".utf8)
}

/// The SHA-256 of `data` as 64 lowercase hex digits: the one way dossier writes a file's digest.
public func sha256Hex(_ data: some DataProtocol) -> String {
    SHA256.hash(data: data).hex
}
