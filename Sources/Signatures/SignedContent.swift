/// What a signature covers and the signature itself, cut out of a raw commit or tag object the way git cuts it.
/// Verification needs the exact bytes git signed, so this works on the raw object, never on parsed fields.
public struct SignedContent: Sendable, Hashable {
    /// The bytes the signer signed.
    public var payload: [UInt8]
    /// The armored signature text, e.g. `-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`.
    public var signature: String
    /// The signature's format, recognised from its first line; nil for an armor git does not know.
    public var kind: SignatureKind? { SignatureKind.of(armor: Substring(signature)) }

    /// Pairs a signature with the bytes it signs (for a signature made now, before the object holding it is written).
    public init(payload: [UInt8], signature: String) {
        self.payload = payload
        self.signature = signature
    }

    /// Splits a raw commit object as git's `parse_buffer_signed_by_header` does (SHA-1 repositories): the
    /// `gpgsig` header and its continuation lines are the signature; every other header starting with `gpgsig`
    /// (such as `gpgsig-sha256`) is dropped with its continuation lines; everything else, `mergetag` headers
    /// and the whole message included, is the payload. Returns nil when the commit carries no `gpgsig` header.
    public static func ofCommit(_ raw: UnsafeRawBufferPointer) -> SignedContent? {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        let header = Array("gpgsig".utf8)
        var payload: [UInt8] = []
        payload.reserveCapacity(raw.count)
        var signature: [UInt8] = []
        var inSignature = false, otherSignature = false, sawSignature = false
        var line = 0
        let tail = raw.count
        while line < tail {
            var next = line
            while next < tail, raw[next] != newline { next += 1 }
            next = next < tail ? next + 1 : tail
            var signatureStart: Int?
            let startsWithGpgsig = next - line >= header.count && header.indices.allSatisfy { raw[line + $0] == header[$0] }
            if inSignature, raw[line] == space {
                signatureStart = line + 1
            } else if startsWithGpgsig, line + header.count < tail, raw[line + header.count] == space {
                signatureStart = line + header.count + 1
                otherSignature = false
            } else if startsWithGpgsig {
                otherSignature = true
            } else if otherSignature, raw[line] != space {
                otherSignature = false
            }
            if let start = signatureStart {
                signature.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<next]))
                sawSignature = true
                inSignature = true
            } else {
                if raw[line] == newline { next = tail }  // the blank line: the rest is the message, all payload
                if !otherSignature { payload.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[line..<next])) }
                inSignature = false
            }
            line = next
        }
        guard sawSignature else { return nil }
        return SignedContent(payload: payload, signature: String(decoding: signature, as: UTF8.self))
    }

    /// Splits a raw tag object as git's `parse_signed_buffer` does: the signature starts at the last line that
    /// begins an OpenPGP, SSH or X.509 armor. Returns nil when no line does.
    public static func ofTag(_ raw: UnsafeRawBufferPointer) -> SignedContent? {
        let newline = UInt8(ascii: "\n")
        var match: Int?
        var line = 0
        while line < raw.count {
            if raw[line] == UInt8(ascii: "-"), startsArmor(raw, at: line) { match = line }
            var next = line
            while next < raw.count, raw[next] != newline { next += 1 }
            line = next + 1
        }
        guard let match else { return nil }
        return SignedContent(payload: Array(UnsafeRawBufferPointer(rebasing: raw[..<match])),
                             signature: String(decoding: UnsafeRawBufferPointer(rebasing: raw[match...]), as: UTF8.self))
    }

    /// The armor lines git recognises as the start of a signature (gpg-interface.c).
    static let armorStarts: [[UInt8]] = [
        "-----BEGIN PGP SIGNATURE-----", "-----BEGIN PGP MESSAGE-----",
        "-----BEGIN SIGNED MESSAGE-----", "-----BEGIN SSH SIGNATURE-----",
    ].map { Array($0.utf8) }

    private static func startsArmor(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        armorStarts.contains { start in
            offset + start.count <= raw.count && start.indices.allSatisfy { raw[offset + $0] == start[$0] }
        }
    }
}

extension SignedContent {
    /// Splits a raw commit given as bytes (for tests and callers holding an array).
    public static func ofCommit(_ raw: [UInt8]) -> SignedContent? {
        raw.withUnsafeBytes { ofCommit($0) }
    }

    /// Splits a raw tag given as bytes.
    public static func ofTag(_ raw: [UInt8]) -> SignedContent? {
        raw.withUnsafeBytes { ofTag($0) }
    }
}
