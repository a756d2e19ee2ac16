/// Checks an OpenPGP detached signature the way git + gpg do.
///
/// The letter follows git's `parse_gpg_output` over gpg 2.2's status lines: GOODSIG → G (every keyring key is
/// trusted), BADSIG → B, ERRSIG / NO_PUBKEY → E, EXPSIG → X, EXPKEYSIG → Y, REVKEYSIG → R, in gpg's order of
/// precedence (a bad signature first, then an expired signature, an expired key, a revoked key).
package enum OpenPGPVerifier {
    /// `armored`: the whole "-----BEGIN PGP SIGNATURE----- … -----END PGP SIGNATURE-----" text; `payload`: the signed bytes;
    /// `time`: the verification time (unix seconds) for key and signature expiry.
    package static func verify(armored: String, payload: some Collection<UInt8>, keyring: OpenPGPKeyring, time: Int64) -> Verdict {
        // Armor and packets. gpg answers unreadable data with NODATA only, which git shows as N; dossier says B,
        // because the object does carry a signature (see `malformed`).
        let blocks: [OpenPGPArmorBlock]
        do {
            blocks = try OpenPGPArmor.decode(armored)
        } catch let error as OpenPGPFormatError {
            return malformed("the signature does not parse: \(error.message)")
        } catch {
            return malformed("the signature does not parse")
        }
        guard blocks.count == 1, let block = blocks.first else {
            return malformed(blocks.isEmpty ? "the signature has no OpenPGP armor" : "the signature holds more than one armored block")
        }
        guard block.label == "PGP SIGNATURE" else { return malformed("the armor is a \(block.label), not a PGP SIGNATURE") }
        return verify(binary: block.data, payload: payload, keyring: keyring, time: time)
    }

    /// The same for a signature without armor, as `gpg --detach-sign` writes it (a file's `.sig`).
    package static func verify(binary: [UInt8], payload: some Collection<UInt8>, keyring: OpenPGPKeyring, time: Int64) -> Verdict {
        let packets: [OpenPGPPacket]
        do {
            packets = try OpenPGPPacket.parse(binary)
        } catch let error as OpenPGPFormatError {
            return malformed("the signature does not parse: \(error.message)")
        } catch {
            return malformed("the signature does not parse")
        }
        let signatures = packets.filter { $0.tag == OpenPGPPacket.signature }
        guard packets.allSatisfy({ $0.tag == OpenPGPPacket.signature || $0.tag == OpenPGPPacket.marker }) else {
            return malformed("the signature holds packets other than signature packets")
        }
        guard let packet = signatures.first else { return malformed("the signature holds no signature packet") }
        guard signatures.count == 1 else {
            // gpg reports each signature; git treats a second exclusive status line as an error (E).
            return Verdict(.cannotCheck, kind: .openpgp, reason: "the signature holds \(signatures.count) signatures; git accepts exactly one")
        }
        let signature: OpenPGPSignaturePacket
        do {
            signature = try OpenPGPSignaturePacket.parse(packet.body)
        } catch let error as OpenPGPFormatError where error.unreadable {
            // gpg drops the packet (an MPI over 16384 bits: "mpi too large") and finds no signature: NODATA, as above.
            return malformed("the signature packet is malformed: \(error.message)")
        } catch let error as OpenPGPFormatError {
            // gpg reads the packet framing, then fails on the body: ERRSIG (invalid packet), which git shows as E.
            return Verdict(.cannotCheck, kind: .openpgp, reason: "the signature packet is malformed: \(error.message)")
        } catch {
            return Verdict(.cannotCheck, kind: .openpgp, reason: "the signature packet is malformed")
        }
        return verify(signature, payload: payload, keyring: keyring, time: time)
    }

    /// Checks a parsed signature packet.
    private static func verify(_ signature: OpenPGPSignaturePacket, payload: some Collection<UInt8>, keyring: OpenPGPKeyring,
                               time: Int64) -> Verdict {
        let hashName = OpenPGPSignaturePacket.hashName(signature.hashAlgorithm)
        func cannotCheck(_ reason: String, algorithm: String = "") -> Verdict {
            Verdict(.cannotCheck, kind: .openpgp, algorithm: algorithm, reason: reason)
        }
        guard signature.version == 4 || signature.version == 3 else {
            return cannotCheck("version \(signature.version) OpenPGP signatures are not supported; only versions 3 and 4 are")
        }
        guard signature.type == 0x00 || signature.type == 0x01 else {
            return cannotCheck("the signature has type 0x\([signature.type].openPGPHex), not a binary (0x00) or text (0x01) document signature")
        }
        guard let created = signature.created else {
            return cannotCheck("the signature has no creation time in its hashed subpackets")
        }
        guard let found = keyring.key(fingerprint: signature.issuerFingerprint, keyID: signature.issuerKeyID) else {
            let keyID = signature.issuerKeyID.map { $0.openPGPHex } ?? "(none)"
            let fingerprint = signature.issuerFingerprint.map { $0.openPGPHex } ?? "(none)"
            return cannotCheck("no public key for key id \(keyID)/fingerprint \(fingerprint) in the trusted OpenPGP keys",
                               algorithm: "\(OpenPGPPublicKey.algorithmName(signature.publicKeyAlgorithm)), \(hashName)")
        }
        let key = found.key
        let algorithm = "\(key.key.algorithmDescription), \(hashName)"
        guard signature.publicKeyAlgorithm == key.key.algorithm else {
            return cannotCheck("the signature's public-key algorithm (\(OpenPGPPublicKey.algorithmName(signature.publicKeyAlgorithm))) is not its key's",
                               algorithm: algorithm)
        }
        if let why = key.key.unsupportedReason { return cannotCheck(why, algorithm: algorithm) }
        guard signature.hashIsSupported else { return cannotCheck("\(hashName) signatures are not supported", algorithm: algorithm) }
        if let why = key.unusable { return cannotCheck(why, algorithm: algorithm) }
        guard key.key.created <= created else {
            return cannotCheck("the key \(key.key.fingerprint.openPGPHex) is newer than the signature (a time conflict, as gpg calls it)",
                               algorithm: algorithm)
        }
        guard key.key.created <= time else {
            return cannotCheck("the key \(key.key.fingerprint.openPGPHex) was created after the verification time", algorithm: algorithm)
        }

        let data = signature.type == 0x01 ? canonicalText(payload) : Array(payload)
        let signer = found.certificate.primaryUserID ?? ""
        let fingerprint = key.key.fingerprint.openPGPHex
        let primaryFingerprint = found.certificate.primary.key.fingerprint.openPGPHex
        switch signature.check(over: [data], key: key.key) {
        case let .unsupported(why):
            return cannotCheck(why, algorithm: algorithm)
        case .invalid:
            return Verdict(.bad, kind: .openpgp, signer: signer, algorithm: algorithm,
                           reason: "the signature does not match the signed content: the content or the signature was altered")
        case .valid:
            // RFC 9580 §5.2.3.7: a critical subpacket that is not understood makes the signature invalid; gpg checks
            // the values first, then reports BADSIG ("assuming bad signature … due to an unknown critical bit").
            if let critical = signature.unknownCriticalSubpacket {
                return Verdict(.bad, kind: .openpgp, signer: signer, algorithm: algorithm,
                               reason: "the signature has \(critical), which is not understood (RFC 9580 §5.2.3.7)")
            }
        }
        func good(_ letter: VerdictLetter, _ reason: String) -> Verdict {
            Verdict(letter, kind: .openpgp, signer: signer, fingerprint: fingerprint, primaryFingerprint: primaryFingerprint,
                    algorithm: algorithm, reason: reason)
        }
        if let after = signature.expiresAfter, after != 0, created + after <= time {
            return good(.expiredSignature, "the signature expired at \(created + after) (unix time)")
        }
        // gpg (getkey.c) counts a key as expired only once its expiry time has passed; a signature at its expiry time already.
        if let expires = key.expires, expires < time {
            return good(.expiredKey, "the key \(fingerprint) expired at \(expires) (unix time)")
        }
        if key.revoked {
            return good(.revokedKey, "the key \(fingerprint) has been revoked")
        }
        return good(.good, "")
    }

    /// The verdict on a signature that cannot be read at all. gpg prints only NODATA for these and git's %G? then
    /// shows N; dossier reports B, since the object does carry a signature and it is not a good one.
    private static func malformed(_ reason: String) -> Verdict {
        Verdict(.bad, kind: .openpgp, reason: reason)
    }

    /// A text-mode (0x01) signature's view of the payload, as gpg 2.2's text filter hashes it: the payload is split
    /// into lines at LF; each line loses its trailing CRs; a line that ended with LF gets CR LF. A CR inside a line
    /// stays, and trailing spaces and tabs stay (gpg's default, not RFC 2440's trimming). Checked against gpg by the tests.
    static func canonicalText(_ payload: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / 16)
        var line: [UInt8] = []
        func flush(newline: Bool) {
            while line.last == 0x0D { line.removeLast() }
            out += line
            if newline { out += [0x0D, 0x0A] }
            line.removeAll(keepingCapacity: true)
        }
        for byte in payload {
            if byte == 0x0A { flush(newline: true) } else { line.append(byte) }
        }
        flush(newline: false)
        return out
    }
}
