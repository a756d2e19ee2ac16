/// A problem in OpenPGP data (armor, packets, keys, signatures), phrased for the user.
struct OpenPGPFormatError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    var message: String
    /// The 1-based line of the armored text where the problem was found, when known.
    var line: Int?
    /// Whether gpg drops the packet as unreadable (a signature is then NODATA, git's N) instead of reporting it (ERRSIG).
    var unreadable: Bool

    /// Creates an error.
    init(_ message: String, line: Int? = nil, unreadable: Bool = false) {
        self.message = message
        self.line = line
        self.unreadable = unreadable
    }

    /// The message.
    var description: String { message }
}

/// A bounds-checked cursor over bytes: every read either succeeds or throws, so hostile lengths cannot crash it.
struct OpenPGPByteReader: Sendable {
    /// The bytes being read.
    let bytes: [UInt8]
    /// The index of the next byte.
    private(set) var offset: Int
    /// What is being read, for error messages ("signature packet", …).
    let context: String

    /// Starts reading `bytes` at the beginning.
    init(_ bytes: [UInt8], context: String) {
        self.bytes = bytes
        self.offset = 0
        self.context = context
    }

    /// How many bytes are left.
    var remaining: Int { bytes.count - offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// Reads one byte.
    mutating func u8() throws -> UInt8 {
        guard offset < bytes.count else { throw truncated() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a 2-byte big-endian number.
    mutating func u16() throws -> Int {
        let b = try take(2)
        return Int(b[0]) << 8 | Int(b[1])
    }

    /// Reads a 4-byte big-endian number.
    mutating func u32() throws -> UInt32 {
        let b = try take(4)
        return UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    /// Reads `count` bytes; throws when fewer are left (or `count` is negative).
    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else { throw truncated() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads the rest.
    mutating func rest() -> [UInt8] {
        defer { offset = bytes.count }
        return offset < bytes.count ? Array(bytes[offset...]) : []
    }

    /// The largest MPI gpg reads (MAX_EXTERN_MPI_BITS in gnupg's g10/parse-packet.c): a larger one makes the packet unreadable.
    static let maxMPIBits = 16384

    /// Reads a multiprecision integer (2-byte bit count, then the bytes), without leading zero bytes.
    mutating func mpi() throws -> [UInt8] {
        let bits = try u16()
        guard bits <= Self.maxMPIBits else {
            throw OpenPGPFormatError("a multiprecision integer has \(bits) bits; gpg reads at most \(Self.maxMPIBits)", unreadable: true)
        }
        let value = try take((bits + 7) / 8)
        return Array(value.drop { $0 == 0 })
    }

    /// The error for data that ends too soon.
    func truncated() -> OpenPGPFormatError {
        OpenPGPFormatError("the \(context) ends too soon")
    }
}

extension Array where Element == UInt8 {
    /// The bytes as upper-case hexadecimal, as gpg prints fingerprints and key ids.
    var openPGPHex: String {
        let digits = [Character]("0123456789ABCDEF")
        var s = ""
        s.reserveCapacity(count * 2)
        for byte in self {
            s.append(digits[Int(byte >> 4)])
            s.append(digits[Int(byte & 0x0F)])
        }
        return s
    }

    /// The bytes left-padded with zeros to `size`, or nil when they are longer.
    func leftPadded(to size: Int) -> [UInt8]? {
        guard count <= size else { return nil }
        return Array(repeating: 0, count: size - self.count) + self
    }

    /// A 2-byte big-endian length prefix.
    static func be16(_ value: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)] }

    /// A 4-byte big-endian length prefix.
    static func be32(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
         UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
