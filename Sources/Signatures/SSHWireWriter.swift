/// Writes the SSH wire encoding (RFC 4251 §5), the counterpart of `SSHWireReader`.
struct SSHWireWriter: Sendable {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Starts with no bytes.
    init() {}

    /// Appends raw bytes.
    mutating func writeBytes(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// Appends one byte.
    mutating func writeByte(_ value: UInt8) { bytes.append(value) }

    /// Appends a big-endian `uint32`.
    mutating func writeUInt32(_ value: UInt32) {
        bytes.append(contentsOf: [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }

    /// Appends a `string`: its length and its bytes.
    mutating func writeString(_ raw: some Collection<UInt8>) {
        writeUInt32(UInt32(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// Appends a text as a `string` of its UTF-8 bytes.
    mutating func writeString(_ text: String) { writeString(Array(text.utf8)) }

    /// Appends an unsigned big-endian number as an `mpint`: leading zeros removed, a zero byte added when the
    /// top bit is set so that it does not read as negative.
    mutating func writeMPInt(unsigned magnitude: some Collection<UInt8>) {
        var trimmed = Array(magnitude.drop { $0 == 0 })
        if let first = trimmed.first, first & 0x80 != 0 { trimmed.insert(0, at: 0) }
        writeString(trimmed)
    }
}
