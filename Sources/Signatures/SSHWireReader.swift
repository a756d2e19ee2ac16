/// Reads the SSH wire encoding (RFC 4251 §5): `byte`, `uint32`, `string` and `mpint`, with every length
/// checked against the bytes that are really there, so a hostile length field cannot crash or over-allocate.
struct SSHWireReader: Sendable {
    /// The bytes being read.
    let bytes: [UInt8]
    /// The offset of the next unread byte.
    private(set) var offset: Int

    /// Why a read failed.
    struct Failure: Error, Sendable, Equatable {
        /// What was expected, in words.
        var message: String
    }

    /// Starts reading at the first byte.
    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
        self.offset = 0
    }

    /// The number of bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// Reads `count` raw bytes.
    mutating func readBytes(_ count: Int, _ what: String) throws(Failure) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw Failure(message: "expected \(what) (\(count) bytes), found only \(remaining) bytes")
        }
        let result = Array(bytes[offset ..< offset + count])
        offset += count
        return result
    }

    /// Reads one byte.
    mutating func readByte(_ what: String) throws(Failure) -> UInt8 {
        guard remaining >= 1 else { throw Failure(message: "expected \(what), found the end of the data") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a big-endian `uint32`.
    mutating func readUInt32(_ what: String) throws(Failure) -> UInt32 {
        let raw = try readBytes(4, what)
        return raw.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads a `string`: a `uint32` length and that many bytes.
    mutating func readString(_ what: String) throws(Failure) -> [UInt8] {
        let length = try readUInt32(what + " length")
        guard UInt64(length) <= UInt64(remaining) else {
            throw Failure(message: "expected \(what) of \(length) bytes, found only \(remaining) bytes")
        }
        return try readBytes(Int(length), what)
    }

    /// Reads a `string` that OpenSSH reads as a C string: it may not contain a NUL byte.
    mutating func readCString(_ what: String) throws(Failure) -> String {
        let raw = try readString(what)
        guard !raw.contains(0) else { throw Failure(message: "expected \(what) without NUL bytes") }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Reads an `mpint` as OpenSSH's `sshbuf_get_bignum2` does: it must not be negative, may be at most
    /// `maxBytes` long (plus one leading zero), and comes back with its leading zero bytes removed.
    mutating func readPositiveMPInt(_ what: String, maxBytes: Int = 2048) throws(Failure) -> [UInt8] {
        let raw = try readString(what)
        if let first = raw.first, first & 0x80 != 0 { throw Failure(message: "expected \(what) to be positive") }
        if raw.count > maxBytes + 1 || (raw.count == maxBytes + 1 && raw.first != 0) {
            throw Failure(message: "expected \(what) of at most \(maxBytes) bytes, found \(raw.count)")
        }
        return Array(raw.drop { $0 == 0 })
    }

    /// Fails unless every byte has been read.
    func expectEnd(_ what: String) throws(Failure) {
        guard isAtEnd else { throw Failure(message: "expected the end of \(what), found \(remaining) more bytes") }
    }
}
