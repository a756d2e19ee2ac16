import Support

/// The trusted OpenPGP public keys (each armored file in dossier.yml's trust.openpgp_keys folder; every key in it is trusted).
public struct OpenPGPKeyring: Sendable {
    /// One signing-capable key (a primary key or a subkey) with what its certificate says about it.
    struct SigningKey: Sendable {
        /// The key.
        var key: OpenPGPPublicKey
        /// When it expires (unix seconds), from its latest valid self-signature or binding signature; nil for never.
        var expires: Int64?
        /// Whether a valid revocation signature revokes it (or its primary key).
        var revoked: Bool
        /// Why it cannot make signatures, when it cannot (no valid binding, not cross-certified, not a signing subkey).
        var unusable: String?
    }

    /// One certificate: a primary key, its primary user id, and its subkeys.
    struct Certificate: Sendable {
        /// The primary key.
        var primary: SigningKey
        /// The primary user id as gpg picks it, or nil when no user id has a valid self-signature.
        var primaryUserID: String?
        /// The subkeys with valid or invalid bindings.
        var subkeys: [SigningKey]
    }

    /// The certificates, in file order.
    var certificates: [Certificate]

    /// Reads every armored public key block in each file. Throws a `DossierError` naming the file (and the line
    /// where it helps) when a file holds no key, holds a secret key, or its armor or packets are malformed.
    public init(files: [(name: String, text: String)]) throws {
        var certificates: [Certificate] = []
        for file in files {
            let blocks: [OpenPGPArmorBlock]
            do {
                blocks = try OpenPGPArmor.decode(file.text)
            } catch let error as OpenPGPFormatError {
                throw DossierError("the OpenPGP key file's armor is malformed: \(error.message)",
                                   at: SourceLocation(file: file.name, line: error.line))
            }
            var found = false
            for block in blocks {
                let at = SourceLocation(file: file.name, line: block.line)
                switch block.label {
                case "PGP PUBLIC KEY BLOCK":
                    do {
                        certificates += try Self.certificates(in: try OpenPGPPacket.parse(block.data))
                    } catch let error as OpenPGPFormatError {
                        throw DossierError("the OpenPGP public key block is malformed: \(error.message)", at: at)
                    }
                    found = true
                case "PGP PRIVATE KEY BLOCK", "PGP SECRET KEY BLOCK":
                    throw DossierError("the file holds a secret key; export the public key with gpg --armor --export", at: at)
                default:
                    continue
                }
            }
            guard found else {
                throw DossierError("the file holds no \"-----BEGIN PGP PUBLIC KEY BLOCK-----\"; export the key with gpg --armor --export",
                                   at: SourceLocation(file: file.name))
            }
        }
        self.certificates = certificates
    }

    /// Whether there are no keys.
    public var isEmpty: Bool { certificates.isEmpty }

    /// The certificate and key that made a signature, found as gpg 2.2 finds it: by the issuer fingerprint
    /// (subpacket 33) when a key has it, else by the issuer key id (subpacket 16, else the fingerprint's last 8 bytes).
    func key(fingerprint: [UInt8]?, keyID: [UInt8]?) -> (certificate: Certificate, key: SigningKey, isSubkey: Bool)? {
        var byKeyID: (certificate: Certificate, key: SigningKey, isSubkey: Bool)?
        for certificate in certificates {
            for (candidate, isSubkey) in [(certificate.primary, false)] + certificate.subkeys.map({ ($0, true) }) {
                if let fingerprint, candidate.key.fingerprint == fingerprint { return (certificate, candidate, isSubkey) }
                if byKeyID == nil, let keyID, candidate.key.keyID == keyID { byKeyID = (certificate, candidate, isSubkey) }
            }
        }
        return byKeyID
    }

    // MARK: Reading certificates

    /// A signature packet and its parsed form.
    private typealias Signature = OpenPGPSignaturePacket

    /// Groups a key block's packets into certificates and works out each key's state from its verified self-signatures.
    static func certificates(in packets: [OpenPGPPacket]) throws -> [Certificate] {
        var result: [Certificate] = []
        var index = 0
        while index < packets.count {
            let packet = packets[index]
            switch packet.tag {
            case OpenPGPPacket.secretKey, OpenPGPPacket.secretSubkey:
                throw OpenPGPFormatError("it holds a secret key; export the public key with gpg --armor --export")
            case OpenPGPPacket.publicKey:
                break
            case OpenPGPPacket.trust, OpenPGPPacket.marker:
                index += 1
                continue
            default:
                throw OpenPGPFormatError("packet \(index + 1) (tag \(packet.tag)) is not inside a key; a certificate starts with a public key packet")
            }
            // The packets up to the next primary key belong to this certificate.
            var end = index + 1
            while end < packets.count, packets[end].tag != OpenPGPPacket.publicKey {
                if packets[end].tag == OpenPGPPacket.secretKey || packets[end].tag == OpenPGPPacket.secretSubkey {
                    throw OpenPGPFormatError("it holds a secret key; export the public key with gpg --armor --export")
                }
                end += 1
            }
            guard let primary = try OpenPGPPublicKey.parse(packet.body) else {
                throw OpenPGPFormatError("key \(result.count + 1) is not a version 4 key; dossier checks only v4 OpenPGP keys")
            }
            result.append(try certificate(primary, Array(packets[(index + 1)..<end])))
            index = end
        }
        return result
    }

    /// Builds one certificate from its primary key and the packets that follow it.
    private static func certificate(_ primary: OpenPGPPublicKey, _ packets: [OpenPGPPacket]) throws -> Certificate {
        // Split into: signatures directly on the key; user ids with their signatures; subkeys with theirs.
        var direct: [Signature] = []
        var userIDs: [(id: [UInt8], signatures: [Signature])] = []
        var subkeys: [(key: OpenPGPPublicKey?, signatures: [Signature])] = []
        enum Section { case key, userID, attribute, subkey }
        var section = Section.key
        for packet in packets {
            switch packet.tag {
            case OpenPGPPacket.signature:
                let signature = try Signature.parse(packet.body)
                guard signature.version == 4 else { continue }
                switch section {
                case .key: direct.append(signature)
                case .userID: userIDs[userIDs.count - 1].signatures.append(signature)
                case .attribute: break
                case .subkey: subkeys[subkeys.count - 1].signatures.append(signature)
                }
            case OpenPGPPacket.userID:
                userIDs.append((packet.body, []))
                section = .userID
            case OpenPGPPacket.userAttribute:
                section = .attribute
            case OpenPGPPacket.publicSubkey:
                subkeys.append((try OpenPGPPublicKey.parse(packet.body), []))
                section = .subkey
            default:
                continue
            }
        }

        let isSelf = { (signature: Signature) -> Bool in
            if let fingerprint = signature.issuerFingerprint { return fingerprint == primary.fingerprint }
            return signature.issuerKeyID == primary.keyID
        }
        let valid = { (signature: Signature, parts: [[UInt8]], key: OpenPGPPublicKey) -> Bool in
            signature.created != nil && signature.unknownCriticalSubpacket == nil && signature.check(over: parts, key: key) == .valid
        }
        let latest = { (signatures: [Signature]) -> Signature? in
            signatures.enumerated().max { ($0.element.created ?? 0, $0.offset) < ($1.element.created ?? 0, $1.offset) }?.element
        }

        // The primary key: revocations and direct-key signatures.
        let keyPart = [primary.hashPrefix]
        let revoked = direct.contains { $0.type == 0x20 && isSelf($0) && valid($0, keyPart, primary) }
        let directKey = latest(direct.filter { $0.type == 0x1F && isSelf($0) && valid($0, keyPart, primary) })

        // User ids: the latest valid certification of each, unless a later valid revocation revokes it.
        struct Bound { var id: [UInt8]; var certification: Signature; var order: Int }
        var bound: [Bound] = []
        for (order, userID) in userIDs.enumerated() {
            let parts = keyPart + [[0xB4] + .be32(userID.id.count) + userID.id]
            let certifications = userID.signatures.filter { (0x10...0x13).contains($0.type) && isSelf($0) && valid($0, parts, primary) }
            guard let certification = latest(certifications) else { continue }
            let revokedLater = userID.signatures.contains {
                $0.type == 0x30 && isSelf($0) && ($0.created ?? 0) >= (certification.created ?? 0) && valid($0, parts, primary)
            }
            if !revokedLater { bound.append(Bound(id: userID.id, certification: certification, order: order)) }
        }

        // gpg's choice (getkey.c, merge_selfsigs_main): among user ids whose latest self-signature has the
        // primary flag, the one signed last; else the one signed last; ties go to the longer, then the larger id.
        let ranked = { (a: Bound, b: Bound) -> Bool in
            let ta = a.certification.created ?? 0, tb = b.certification.created ?? 0
            if ta != tb { return ta < tb }
            if a.id.count != b.id.count { return a.id.count < b.id.count }
            return a.id.lexicographicallyPrecedes(b.id)
        }
        let flagged = bound.filter { $0.certification.isPrimaryUserID }
        let primaryUserID = (flagged.isEmpty ? bound : flagged).max(by: ranked)

        // Key expiry: a direct-key signature's, else the latest user id self-signature that sets one.
        var expiresAfter = directKey?.keyExpiresAfter ?? 0
        if expiresAfter == 0 {
            expiresAfter = bound.filter { ($0.certification.keyExpiresAfter ?? 0) != 0 }.max(by: ranked)?.certification.keyExpiresAfter ?? 0
        }
        var primaryKey = SigningKey(key: primary, expires: expiresAfter == 0 ? nil : primary.created + expiresAfter,
                                    revoked: revoked, unusable: nil)
        if primaryUserID == nil { primaryKey.unusable = "the key \(primary.fingerprint.openPGPHex) has no user id with a valid self-signature" }

        // Subkeys: the latest valid binding; signing subkeys need the sign flag and a valid primary-key binding (back) signature.
        var signingSubkeys: [SigningKey] = []
        for (subkey, signatures) in subkeys {
            guard let subkey else { continue }
            let parts = keyPart + [subkey.hashPrefix]
            let subkeyRevoked = signatures.contains { $0.type == 0x28 && isSelf($0) && valid($0, parts, primary) }
            var entry = SigningKey(key: subkey, expires: primaryKey.expires, revoked: revoked || subkeyRevoked, unusable: nil)
            if let binding = latest(signatures.filter { $0.type == 0x18 && isSelf($0) && valid($0, parts, primary) }) {
                if let after = binding.keyExpiresAfter, after != 0 {
                    entry.expires = min(subkey.created + after, primaryKey.expires ?? Int64.max)
                }
                if let flags = binding.keyFlags, flags & 0x02 == 0 {
                    entry.unusable = "the subkey \(subkey.fingerprint.openPGPHex) is not a signing subkey"
                } else {
                    let crossCertified = binding.embeddedSignatures.contains { bytes in
                        guard let back = try? Signature.parse(bytes), back.type == 0x19 else { return false }
                        return valid(back, parts, subkey)
                    }
                    if !crossCertified {
                        entry.unusable = "the signing subkey \(subkey.fingerprint.openPGPHex) is not cross-certified (no valid primary key binding signature)"
                    }
                }
            } else {
                entry.unusable = "the subkey \(subkey.fingerprint.openPGPHex) has no valid binding signature"
            }
            if entry.unusable == nil, let why = primaryKey.unusable { entry.unusable = why }
            signingSubkeys.append(entry)
        }
        return Certificate(primary: primaryKey, primaryUserID: primaryUserID.map { String(decoding: $0.id, as: UTF8.self) },
                           subkeys: signingSubkeys)
    }
}
