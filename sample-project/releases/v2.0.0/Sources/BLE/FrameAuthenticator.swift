import Crypto

/// Verifies the HMAC-SHA256 (REQ-25) and the sequence number (REQ-26) of every treatment frame.
public struct FrameAuthenticator {
    public enum Rejection: Error { case badMAC, replayed(sequence: UInt32) }

    let key: SymmetricKey
    public private(set) var lastSequence: UInt32 = 0

    public init(key: SymmetricKey) { self.key = key }

    public mutating func accept(_ frame: AuthenticatedFrame) throws -> [UInt8] {
        guard HMAC<SHA256>.isValidAuthenticationCode(frame.mac, authenticating: frame.signedBytes, using: key) else {
            throw Rejection.badMAC
        }
        guard frame.sequence > lastSequence else { throw Rejection.replayed(sequence: frame.sequence) }
        lastSequence = frame.sequence
        return frame.payload
    }
}
