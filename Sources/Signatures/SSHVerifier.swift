import Foundation

/// Checks SSHSIG signatures the way git 2.39 (`verify_ssh_signed_buffer`, `parse_ssh_output`) and
/// OpenSSH 9.2's `ssh-keygen -Y find-principals / verify / check-novalidate` judge them together.
package enum SSHVerifier {
    /// The first unix time whose `%Y%m%d%H%M%S` no longer has 14 digits (year 10000): ssh-keygen refuses
    /// such a `-Overify-time`, and then every check fails.
    static let verifyTimeLimit: Int64 = 253_402_300_800

    /// `armored` is the whole "-----BEGIN SSH SIGNATURE----- … -----END SSH SIGNATURE-----" text; `payload` the signed bytes;
    /// `time` the committer/tagger time (unix seconds) checked against valid-after/valid-before (0, like git, means now);
    /// `namespace` "git" for commits and tags.
    package static func verify(armored: String, payload: some Collection<UInt8>, time: Int64, allowedSigners: AllowedSigners?,
                       namespace: String = "git") -> Verdict {
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armored: armored)
        } catch {
            return Verdict(.bad, kind: .ssh, reason: "the signature does not parse: \(error.message)")
        }
        let key = signature.publicKey
        let algorithm = signature.algorithm
        let failure: String?
        switch signature.check(payload: payload, namespace: namespace) {
        case .cannotCheck(let reason):
            return Verdict(.cannotCheck, kind: .ssh, fingerprint: key.fingerprint, algorithm: algorithm, reason: reason)
        case .bad(let reason): failure = reason
        case .good: failure = nil
        }
        guard let allowedSigners else {
            if let failure { return Verdict(.bad, kind: .ssh, algorithm: algorithm, reason: failure) }
            return Verdict(.untrusted, kind: .ssh, fingerprint: key.fingerprint, algorithm: algorithm,
                           reason: "no allowed signers are configured, so key \(key.fingerprint) is not trusted")
        }
        let verifyTime = time != 0 ? time : Int64(Date().timeIntervalSince1970)
        guard verifyTime > 0, verifyTime < verifyTimeLimit else {
            return Verdict(.bad, kind: .ssh, algorithm: algorithm,
                           reason: "the signing time \(verifyTime) cannot be given to ssh-keygen as a verify-time")
        }
        // git: find-principals, then `verify -I` with each principal found until one is good.
        if let principals = allowedSigners.findPrincipals(for: key, at: verifyTime), !principals.isEmpty {
            if failure == nil,
               let principal = principals.first(where: { allowedSigners.accepts(key, principal: $0, namespace: namespace, at: verifyTime) }) {
                return Verdict(.good, kind: .ssh, signer: principal, fingerprint: key.fingerprint, algorithm: algorithm)
            }
            let reason = failure ?? "the allowed signers do not permit key \(key.fingerprint) of \(principals.joined(separator: ", ")) to sign in namespace \"\(namespace)\""
            return Verdict(.bad, kind: .ssh, algorithm: algorithm, reason: reason)
        }
        // git: no principal, so check-novalidate; a good signature is then untrusted.
        if let failure { return Verdict(.bad, kind: .ssh, algorithm: algorithm, reason: failure) }
        return Verdict(.untrusted, kind: .ssh, fingerprint: key.fingerprint, algorithm: algorithm,
                       reason: allowedSigners.whyNotFound(key, at: verifyTime))
    }
}
