import Foundation
@testable import Signatures
@testable import Support
import TestSupport

/// Real gpg 2.2 keys and signatures, made once per test run (RSA key generation is slow), with gpg's own verdicts to compare.
final class OpenPGPFixture: @unchecked Sendable {
    /// The fixture, made on first use.
    private static let made = Result { try OpenPGPFixture() }
    /// The shared fixture.
    static func shared() throws -> OpenPGPFixture { try made.get() }

    /// 2024-01-01T00:00:00Z, when every key is made.
    static let t0: Int64 = 1_704_067_200
    /// One day in seconds.
    static let day: Int64 = 86_400

    /// The scratch directory (kept for the whole run).
    let scratch: Scratch
    /// The environment with GNUPGHOME holding every key dossier trusts.
    let env: [String: String]
    /// A second GNUPGHOME whose key is not in the keyring.
    let otherEnv: [String: String]

    /// Primary fingerprints by name: ed, rsa3072, rsa2048, p256, dsa1024, bp384 (brainpoolP384r1), k1 (secp256k1), sub, exp, rev, multi, other.
    private(set) var keys: [String: String] = [:]
    /// The signing subkey of `sub`.
    private(set) var subkey = ""
    /// The keyring files dossier reads (everything but `other`).
    private(set) var keyringFiles: [(name: String, text: String)] = []
    /// Signatures made while a key was still valid (the revoked key's, before its revocation).
    private(set) var revokedKeySignature = ""
    /// The payload `revokedKeySignature` signs.
    static let payload = Data("tree 1234\nauthor Bob <bob@example.com> 1704153600 +0000\n\nA commit message\n".utf8)

    private init() throws {
        scratch = try Scratch()
        let home = scratch.file("home"), otherHome = scratch.file("other")
        env = Shell.isolatedEnvironment(home: home)
        otherEnv = Shell.isolatedEnvironment(home: otherHome)
        for gnupg in [home + "/gnupg", otherHome + "/gnupg"] {
            try FileManager.default.createDirectory(atPath: gnupg, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        atexit { OpenPGPFixture.stopAgents() }

        keys["ed"] = try generate("Ed <ed@example.com>", "ed25519", "sign", "0")
        keys["rsa3072"] = try generate("Rita <rita@example.com>", "rsa3072", "sign", "0")
        keys["rsa2048"] = try generate("Ron <ron@example.com>", "rsa2048", "sign", "0")
        keys["p256"] = try generate("Pat <pat@example.com>", "nistp256", "sign", "0")
        keys["rsa1024"] = try generate("Tiny <tiny@example.com>", "rsa1024", "sign", "0")
        keys["dsa1024"] = try generate("Dora <dora@example.com>", "dsa1024", "sign", "0")
        keys["bp384"] = try generate("Bea <bea@example.com>", "brainpoolP384r1", "sign", "0")
        keys["k1"] = try generate("Kai <kai@example.com>", "secp256k1", "sign", "0")
        keys["exp"] = try generate("Exp <exp@example.com>", "ed25519", "sign", "1d")
        keys["other"] = try generate("Otto <otto@example.com>", "ed25519", "sign", "0", env: otherEnv)

        // A certify-only primary with a separate signing subkey.
        let sub = try generate("Sue <sue@example.com>", "ed25519", "cert", "0")
        keys["sub"] = sub
        try gpg(["--quick-add-key", sub, "ed25519", "sign", "0"], at: Self.t0)
        subkey = try fingerprints(sub).dropFirst().first ?? ""

        // Two user ids: the second is self-signed a day later; then the first is made primary again on day 3.
        let multi = try generate("Mia <mia@example.com>", "ed25519", "sign", "0")
        keys["multi"] = multi
        try gpg(["--quick-add-uid", multi, "Mia Two <mia2@example.com>"], at: Self.t0 + Self.day)

        // A key revoked after it signed.
        let rev = try generate("Rev <rev@example.com>", "ed25519", "sign", "0")
        keys["rev"] = rev
        revokedKeySignature = try sign(Self.payload, key: rev, at: Self.t0 + Self.day)
        let certificate = try String(contentsOfFile: scratch.file("home/gnupg/openpgp-revocs.d/\(rev).rev"), encoding: .utf8)
            .replacingOccurrences(of: ":-----BEGIN", with: "-----BEGIN")
        try gpg(["--import"], at: Self.t0 + 2 * Self.day, input: Data(certificate.utf8))

        var ownertrust = ""
        for (name, fingerprint) in keys where name != "other" { ownertrust += "\(fingerprint):6:\n" }
        try gpg(["--import-ownertrust"], at: Self.t0, input: Data(ownertrust.utf8))
        try gpg(["--import-ownertrust"], at: Self.t0, input: Data("\(keys["other"] ?? ""):6:\n".utf8), env: otherEnv)

        // One file per key, and one file holding two keys in two blocks.
        for name in ["ed", "rsa3072", "p256", "sub", "exp", "rev", "multi", "rsa1024", "dsa1024", "bp384", "k1"] {
            keyringFiles.append((name: "\(name).asc", text: try export(keys[name] ?? "")))
        }
        keyringFiles.append((name: "two.asc", text: try export(keys["rsa2048"] ?? "") + "\n" + export(keys["ed"] ?? "")))
    }

    /// Ends the gpg agents the fixture started and removes its directory (a static fixture is never deinitialised).
    private static func stopAgents() {
        guard case let .success(fixture) = made else { return }
        for env in [fixture.env, fixture.otherEnv] { _ = try? Shell.run("gpgconf", ["--kill", "gpg-agent"], environment: env) }
        try? FileManager.default.removeItem(atPath: fixture.scratch.path)
    }

    /// gpg's --faked-system-time argument for a unix time.
    static func faked(_ time: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time))) + "!"
    }

    /// Runs gpg at a faked time; throws when it fails.
    @discardableResult
    func gpg(_ arguments: [String], at time: Int64, input: Data? = nil, env: [String: String]? = nil) throws -> ProcessResult {
        let result = try Shell.run("gpg", ["--batch", "--passphrase", "", "--pinentry-mode", "loopback",
                                           "--faked-system-time", Self.faked(time)] + arguments,
                                   environment: env ?? self.env, input: input)
        guard result.status == 0 else { throw DossierError("gpg \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result
    }

    /// Makes a key at t0 and returns its fingerprint.
    private func generate(_ uid: String, _ algorithm: String, _ usage: String, _ expire: String,
                          env: [String: String]? = nil) throws -> String {
        try gpg(["--quick-gen-key", uid, algorithm, usage, expire], at: Self.t0, env: env)
        let email = String(uid.split(separator: "<").last?.dropLast() ?? "")
        return try fingerprints(email, env: env).first ?? ""
    }

    /// The primary and subkey fingerprints of a key.
    func fingerprints(_ query: String, env: [String: String]? = nil) throws -> [String] {
        let listing = try gpg(["--with-colons", "--list-keys", query], at: Self.t0 + 10 * Self.day, env: env).stdout
        return listing.split(separator: "\n").filter { $0.hasPrefix("fpr:") }.map { String($0.split(separator: ":", omittingEmptySubsequences: false)[9]) }
    }

    /// The armored public key.
    func export(_ fingerprint: String) throws -> String {
        try gpg(["--armor", "--export", fingerprint], at: Self.t0).stdout
    }

    /// The keyring of every file.
    func keyring() throws -> OpenPGPKeyring { try OpenPGPKeyring(files: keyringFiles) }

    /// Makes an armored detached signature.
    func sign(_ payload: Data, key: String, at time: Int64, options: [String] = [], env: [String: String]? = nil) throws -> String {
        let name = UUID().uuidString
        try payload.write(to: URL(fileURLWithPath: scratch.file(name)))
        try gpg(["-u", key, "--detach-sign", "--armor", "-o", scratch.file(name + ".asc")] + options + [scratch.file(name)],
                at: time, env: env)
        return try scratch.read(name + ".asc")
    }

    /// What git would show for gpg's verdict: the letter (N when gpg printed no verdict), %GS, %GF and %GP.
    struct GPGVerdict: Equatable, CustomStringConvertible {
        var letter: String
        var signer: String
        var fingerprint: String
        var primaryFingerprint: String
        var description: String { "\(letter) |\(signer)| \(fingerprint) \(primaryFingerprint)" }
    }

    /// Runs `gpg --status-fd 1 --verify` at a faked time and reads the status lines the way git's parse_gpg_output does.
    func gpgVerdict(_ armored: String, payload: Data, at time: Int64) throws -> GPGVerdict {
        let name = UUID().uuidString
        try payload.write(to: URL(fileURLWithPath: scratch.file(name)))
        try Data(armored.utf8).write(to: URL(fileURLWithPath: scratch.file(name + ".asc")))
        let result = try Shell.run("gpg", ["--batch", "--status-fd", "1", "--faked-system-time", Self.faked(time),
                                           "--verify", scratch.file(name + ".asc"), scratch.file(name)], environment: env)
        var verdict = GPGVerdict(letter: "N", signer: "", fingerprint: "", primaryFingerprint: "")
        var exclusive = 0
        let letters = ["GOODSIG": "G", "BADSIG": "B", "ERRSIG": "E", "EXPSIG": "X", "EXPKEYSIG": "Y", "REVKEYSIG": "R"]
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("[GNUPG:] ") {
            let fields = line.dropFirst(9).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard let status = fields.first.map(String.init) else { continue }
            if let letter = letters[status] {
                exclusive += 1
                verdict.letter = letter
                verdict.signer = status == "ERRSIG" || fields.count < 3 ? "" : String(fields[2])
            } else if status == "VALIDSIG" {
                let parts = line.dropFirst(9).split(separator: " ")
                verdict.fingerprint = parts.count > 1 ? String(parts[1]) : ""
                verdict.primaryFingerprint = parts.count > 10 ? String(parts[10]) : ""
            }
        }
        if exclusive > 1 { verdict = GPGVerdict(letter: "E", signer: "", fingerprint: "", primaryFingerprint: "") }
        return verdict
    }
}
