import ArgumentParser
import DossierKit
import Foundation

/// `--allowed-signers` and `--openpgp-keys`: trust an auditor brings, replacing dossier.yml's `trust:`.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("allowed-signers"), help: ArgumentHelp(
        "An SSH allowed signers file (git's gpg.ssh.allowedSignersFile format) replacing trust.allowed_signers.",
        valueName: "file"))
    var allowedSigners: String?

    @Option(name: .customLong("openpgp-keys"), help: ArgumentHelp(
        "A folder of armored OpenPGP public keys (*.asc), each trusted, replacing trust.openpgp_keys.", valueName: "dir"))
    var openPGPKeys: String?
}

/// Reads the environment the commands honour.
enum Environment {
    /// `SOURCE_DATE_EPOCH`, when set.
    /// - Throws: `DossierError` when it is not a number.
    static func sourceDateEpoch() throws -> Int64? {
        try ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].map { text -> Int64 in
            guard let value = Int64(text) else {
                throw DossierError("SOURCE_DATE_EPOCH must be a number of seconds, found '\(text)'")
            }
            return value
        }
    }
}
