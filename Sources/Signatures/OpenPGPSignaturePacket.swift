import Crypto

/// A v4 OpenPGP signature packet (RFC 4880 §5.2.3), or a v3 one (§5.2.2): what it claims, and the values to check.
struct OpenPGPSignaturePacket: Sendable {
    /// One subpacket.
    struct Subpacket: Sendable {
        /// The subpacket type, without the critical bit.
        var type: UInt8
        /// Whether the critical bit was set.
        var critical: Bool
        /// The subpacket's data.
        var data: [UInt8]
        /// Whether it was in the hashed area (so covered by the signature).
        var hashed: Bool
    }

    /// The signature version (3 and 4 are checked; the parser accepts others so the verdict can name them).
    var version: UInt8
    /// The signature type: 0x00 binary, 0x01 text, 0x10–0x13 certifications, 0x18 subkey binding, …
    var type: UInt8
    /// The public-key algorithm number.
    var publicKeyAlgorithm: UInt8
    /// The hash algorithm number.
    var hashAlgorithm: UInt8
    /// The hashed and unhashed subpackets, in order.
    var subpackets: [Subpacket]
    /// The part of the packet the hash covers: v4, the version through the end of the hashed subpackets;
    /// v3, the signature type and the 4-byte creation time.
    var hashedPart: [UInt8]
    /// The first two bytes of the digest, stored in the packet.
    var left16: [UInt8]
    /// The signature values (MPIs; a single 64-byte value for native Ed25519, 114 bytes for native Ed448).
    var values: [[UInt8]]
    /// A v3 signature's creation time and signer key id, which it carries in its header, not in subpackets.
    var v3Header: (created: Int64, keyID: [UInt8])?

    /// Parses a signature packet body. Versions other than 3 and 4 parse only their version byte
    /// (the caller reports them as unsupported); a malformed v3 or v4 body throws.
    static func parse(_ body: [UInt8]) throws -> OpenPGPSignaturePacket {
        var reader = OpenPGPByteReader(body, context: "signature packet")
        let version = try reader.u8()
        if version == 3 { return try parseV3(&reader) }
        guard version == 4 else {
            return OpenPGPSignaturePacket(version: version, type: 0, publicKeyAlgorithm: 0, hashAlgorithm: 0,
                                          subpackets: [], hashedPart: [], left16: [], values: [])
        }
        let type = try reader.u8()
        let publicKeyAlgorithm = try reader.u8()
        let hashAlgorithm = try reader.u8()
        let hashed = try reader.take(try reader.u16())
        let hashedPart = Array(body[0..<reader.offset])
        let unhashed = try reader.take(try reader.u16())
        let subpackets = try parseSubpackets(hashed, hashed: true) + parseSubpackets(unhashed, hashed: false)
        let left16 = try reader.take(2)
        let values = try parseValues(&reader, publicKeyAlgorithm: publicKeyAlgorithm)
        return OpenPGPSignaturePacket(version: version, type: type, publicKeyAlgorithm: publicKeyAlgorithm,
                                      hashAlgorithm: hashAlgorithm, subpackets: subpackets, hashedPart: hashedPart,
                                      left16: left16, values: values)
    }

    /// A v3 body after its version byte (RFC 4880 §5.2.2): the hashed length, which must be 5 (as gpg requires), the
    /// type and creation time it covers, the signer's key id, the algorithms, the left 16 bits and the values.
    private static func parseV3(_ reader: inout OpenPGPByteReader) throws -> OpenPGPSignaturePacket {
        guard try reader.u8() == 5 else { throw OpenPGPFormatError("a version 3 signature's hashed length is not 5") }
        let hashedPart = try reader.take(5)
        let created = Int64(UInt32(hashedPart[1]) << 24 | UInt32(hashedPart[2]) << 16 | UInt32(hashedPart[3]) << 8 | UInt32(hashedPart[4]))
        let keyID = try reader.take(8)
        let publicKeyAlgorithm = try reader.u8()
        let hashAlgorithm = try reader.u8()
        let left16 = try reader.take(2)
        let values = try parseValues(&reader, publicKeyAlgorithm: publicKeyAlgorithm)
        return OpenPGPSignaturePacket(version: 3, type: hashedPart[0], publicKeyAlgorithm: publicKeyAlgorithm,
                                      hashAlgorithm: hashAlgorithm, subpackets: [], hashedPart: hashedPart,
                                      left16: left16, values: values, v3Header: (created, keyID))
    }

    /// The signature values to the end of the packet: MPIs, or native Ed25519's 64 and Ed448's 114 bytes.
    private static func parseValues(_ reader: inout OpenPGPByteReader, publicKeyAlgorithm: UInt8) throws -> [[UInt8]] {
        var values: [[UInt8]] = []
        switch publicKeyAlgorithm {
        case 27: values.append(try reader.take(64))
        case 28: values.append(try reader.take(114))
        default: while !reader.isAtEnd { values.append(try reader.mpi()) }
        }
        guard reader.isAtEnd else { throw OpenPGPFormatError("the signature packet has bytes after its values") }
        return values
    }

    /// Splits a subpacket area.
    private static func parseSubpackets(_ area: [UInt8], hashed: Bool) throws -> [Subpacket] {
        var reader = OpenPGPByteReader(area, context: "signature subpacket area")
        var result: [Subpacket] = []
        while !reader.isAtEnd {
            let first = try reader.u8()
            let length: Int
            switch first {
            case 0..<192: length = Int(first)
            case 192..<255: length = (Int(first) - 192) << 8 + Int(try reader.u8()) + 192
            default:
                let long = try reader.u32()
                guard long <= UInt32(reader.remaining) else { throw reader.truncated() }
                length = Int(long)
            }
            guard length >= 1 else { throw OpenPGPFormatError("a signature subpacket has length 0") }
            let content = try reader.take(length)
            result.append(Subpacket(type: content[0] & 0x7F, critical: content[0] & 0x80 != 0,
                                    data: Array(content.dropFirst()), hashed: hashed))
        }
        return result
    }

    // MARK: Subpackets dossier reads

    /// The subpacket types that, marked critical, do not make a signature bad: exactly those gpg accepts
    /// (`can_handle_critical` in gnupg's g10/parse-packet.c, measured against gpg 2.2.40 in OpenPGPCriticalTests),
    /// so that dossier's verdict is git's. Not in it, so bad when critical: 23 (key server preferences),
    /// 28 (signer's user id), 31 (signature target) and every other type. Two more are decided by their data:
    /// 20 (a notation: only the names in `knownNotations`) and 38 (a key block: only when its first byte is 0).
    static let knownSubpackets: Set<UInt8> = [2, 3, 4, 5, 6, 7, 9, 11, 12, 16, 21, 22, 24, 25, 26, 27, 29, 30, 32, 33]

    /// The first hashed subpacket of a type.
    private func hashedSubpacket(_ type: UInt8) -> [UInt8]? {
        subpackets.first { $0.hashed && $0.type == type }?.data
    }

    /// A 4-byte big-endian time from a hashed subpacket.
    private func hashedTime(_ type: UInt8) -> Int64? {
        guard let data = hashedSubpacket(type), data.count == 4 else { return nil }
        return Int64(UInt32(data[0]) << 24 | UInt32(data[1]) << 16 | UInt32(data[2]) << 8 | UInt32(data[3]))
    }

    /// The creation time: a v3 signature's header field, a v4 signature's subpacket 2 (which it must carry in its hashed area).
    var created: Int64? { v3Header?.created ?? hashedTime(2) }

    /// The signature expiration time, as an offset from creation (subpacket 3); nil or 0 means never.
    var expiresAfter: Int64? { hashedTime(3) }

    /// The key expiration time, as an offset from the key's creation (subpacket 9); nil or 0 means never.
    var keyExpiresAfter: Int64? { hashedTime(9) }

    /// Whether the primary-user-id flag (subpacket 25) is set.
    var isPrimaryUserID: Bool { hashedSubpacket(25).map { $0.first.map { $0 != 0 } ?? false } ?? false }

    /// The key flags' first byte (subpacket 27), when present.
    var keyFlags: UInt8? { hashedSubpacket(27)?.first }

    /// The issuer fingerprint (subpacket 33, v4 form), hashed or not.
    var issuerFingerprint: [UInt8]? {
        guard let data = subpackets.first(where: { $0.type == 33 })?.data, data.count == 21, data[0] == 4 else { return nil }
        return Array(data.dropFirst())
    }

    /// The issuer key id: a v3 signature's header field; else subpacket 16, hashed or not; else the issuer
    /// fingerprint's last 8 bytes.
    var issuerKeyID: [UInt8]? {
        if let header = v3Header { return header.keyID }
        if let data = subpackets.first(where: { $0.type == 16 })?.data, data.count == 8 { return data }
        return issuerFingerprint.map { Array($0.suffix(8)) }
    }

    /// The embedded signatures (subpacket 32), e.g. a subkey's primary-key binding signature.
    var embeddedSignatures: [[UInt8]] { subpackets.filter { $0.type == 32 }.map(\.data) }

    /// The notations gpg 2.2 understands, so that one of these marked critical still leaves the signature valid
    /// (gpg's `register_known_notation`); any other critical notation makes it invalid.
    static let knownNotations: Set<[UInt8]> = [Array("preferred-email-encoding@pgp.com".utf8), Array("pka-address@gnupg.org".utf8)]

    /// The first critical subpacket, in either area, that dossier does not understand: a subpacket type it does
    /// not know, or a notation (type 20) whose name is not a known one. RFC 9580 §5.2.3.7: such a signature is in
    /// error; gpg reports it as a bad signature ("assuming bad signature … due to an unknown critical bit").
    var unknownCriticalSubpacket: String? {
        for subpacket in subpackets where subpacket.critical {
            if subpacket.type == 20 {
                let name = Self.notationName(subpacket.data)
                if let name, Self.knownNotations.contains(name) { continue }
                return "a critical notation \(name.map { "'\(String(decoding: $0, as: UTF8.self).prefix(60))'" } ?? "that does not parse")"
            }
            if subpacket.type == 38, subpacket.data.first == 0 { continue }
            if !Self.knownSubpackets.contains(subpacket.type) { return "a critical subpacket of type \(subpacket.type)" }
        }
        return nil
    }

    /// A notation's name: after 4 flag bytes and the 2-byte name and value lengths (RFC 9580 §5.2.3.24); nil when
    /// the lengths do not fit the subpacket.
    private static func notationName(_ data: [UInt8]) -> [UInt8]? {
        guard data.count >= 8 else { return nil }
        let nameLength = Int(data[4]) << 8 | Int(data[5]), valueLength = Int(data[6]) << 8 | Int(data[7])
        guard 8 + nameLength + valueLength == data.count else { return nil }
        return Array(data[8..<(8 + nameLength)])
    }

    // MARK: Checking

    /// A hash algorithm's name (RFC 9580 §9.5).
    static func hashName(_ algorithm: UInt8) -> String {
        switch algorithm {
        case 1: "MD5"
        case 2: "SHA-1"
        case 3: "RIPEMD-160"
        case 8: "SHA-256"
        case 9: "SHA-384"
        case 10: "SHA-512"
        case 11: "SHA-224"
        case 12: "SHA3-256"
        case 14: "SHA3-512"
        default: "hash algorithm \(algorithm)"
        }
    }

    /// Whether dossier can compute this signature's hash: gpg 2.2's hashes but MD5 (which gpg refuses).
    var hashIsSupported: Bool { [2, 3, 8, 9, 10, 11].contains(hashAlgorithm) }

    /// What follows the hashed part in the hash: v4's trailer (0x04 0xFF and the hashed part's 4-byte length); nothing for v3.
    private var trailer: [UInt8] { version == 4 ? [0x04, 0xFF] + [UInt8].be32(hashedPart.count) : [] }

    /// Checks the signature over `parts` (the signed data, already framed as the signature type wants) with `key`:
    /// hashes the parts, the hashed part and the trailer, then checks the cryptography. The stored left 16 bits
    /// of the digest are not compared: gpg 2.2 does not reject a signature whose quick-check bytes are wrong
    /// but whose signature values are right (it says GOODSIG), and neither does dossier.
    func check(over parts: [[UInt8]], key: OpenPGPPublicKey) -> OpenPGPPublicKey.Check {
        guard version == 4 || version == 3 else { return .unsupported("version \(version) signatures are not supported") }
        if let why = key.unsupportedReason { return .unsupported(why) }
        switch hashAlgorithm {
        case 2: return check(Insecure.SHA1.self, parts, key)
        case 8: return check(SHA256.self, parts, key)
        case 9: return check(SHA384.self, parts, key)
        case 10: return check(SHA512.self, parts, key)
        default:
            // The hashes swift-crypto lacks (RIPEMD-160, SHA-224): hashed and checked with libgcrypt.
            guard publicKeyAlgorithm == key.algorithm else { return .invalid }
            guard let digest = OpenPGPGcrypt.digest(hashAlgorithm, parts + [hashedPart, trailer]) else {
                return .unsupported("\(Self.hashName(hashAlgorithm)) signatures are not supported")
            }
            return key.checkWithGcrypt(values, digest: digest, hashAlgorithm: hashAlgorithm)
        }
    }

    /// Hashes with `H` and checks.
    private func check<H: HashFunction>(_: H.Type, _ parts: [[UInt8]], _ key: OpenPGPPublicKey) -> OpenPGPPublicKey.Check {
        guard publicKeyAlgorithm == key.algorithm else { return .invalid }
        var hasher = H()
        for part in parts { hasher.update(data: part) }
        hasher.update(data: hashedPart)
        hasher.update(data: trailer)
        let digest = hasher.finalize()
        return key.check(values, digest: digest, hashAlgorithm: hashAlgorithm)
    }
}
