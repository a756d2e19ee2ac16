/// One OpenPGP packet: its tag and its body (RFC 4880 §4, RFC 9580 §4).
struct OpenPGPPacket: Sendable {
    /// The packet tag: 2 signature, 5 secret key, 6 public key, 7 secret subkey, 13 user id, 14 public subkey, …
    var tag: UInt8
    /// The body, after the header (partial-length chunks joined).
    var body: [UInt8]

    /// The tag of a signature packet.
    static let signature: UInt8 = 2
    /// The tag of a secret-key packet.
    static let secretKey: UInt8 = 5
    /// The tag of a public-key packet.
    static let publicKey: UInt8 = 6
    /// The tag of a secret-subkey packet.
    static let secretSubkey: UInt8 = 7
    /// The tag of a marker packet (ignored by every implementation).
    static let marker: UInt8 = 10
    /// The tag of a trust packet (gpg's keyring bookkeeping; ignored).
    static let trust: UInt8 = 12
    /// The tag of a user id packet.
    static let userID: UInt8 = 13
    /// The tag of a public-subkey packet.
    static let publicSubkey: UInt8 = 14
    /// The tag of a user attribute packet (photo ids; ignored).
    static let userAttribute: UInt8 = 17

    /// Splits `bytes` into packets, reading old- and new-format headers, every length form, and partial lengths.
    /// Throws when a header is malformed or a length points past the end.
    static func parse(_ bytes: [UInt8]) throws -> [OpenPGPPacket] {
        var reader = OpenPGPByteReader(bytes, context: "packet data")
        var packets: [OpenPGPPacket] = []
        while !reader.isAtEnd {
            let ctb = try reader.u8()
            guard ctb & 0x80 != 0 else {
                throw OpenPGPFormatError("byte \(reader.offset - 1) is not a packet header (0x\([ctb].openPGPHex))")
            }
            if ctb & 0x40 != 0 {
                let tag = ctb & 0x3F
                var body: [UInt8] = []
                while true {
                    let first = try reader.u8()
                    switch first {
                    case 0..<192:
                        body += try reader.take(Int(first))
                    case 192..<224:
                        let second = try reader.u8()
                        body += try reader.take((Int(first) - 192) << 8 + Int(second) + 192)
                    case 255:
                        let length = try reader.u32()
                        guard length <= UInt32(reader.remaining) else { throw reader.truncated() }
                        body += try reader.take(Int(length))
                    default:
                        // Partial body length: a chunk of 2^n bytes, and more follows.
                        body += try reader.take(1 << Int(first & 0x1F))
                        continue
                    }
                    break
                }
                packets.append(OpenPGPPacket(tag: tag, body: body))
            } else {
                let tag = (ctb >> 2) & 0x0F
                let length: Int
                switch ctb & 0x03 {
                case 0: length = Int(try reader.u8())
                case 1: length = try reader.u16()
                case 2:
                    let long = try reader.u32()
                    guard long <= UInt32(reader.remaining) else { throw reader.truncated() }
                    length = Int(long)
                default: length = reader.remaining
                }
                packets.append(OpenPGPPacket(tag: tag, body: try reader.take(length)))
            }
        }
        return packets
    }
}
