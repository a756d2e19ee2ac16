import ArgumentParser
import Foundation
import Render
import Support

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

/// `--repo` and `--config`: which repository, and a dossier.yml from outside it.
struct RepositoryOptions: ParsableArguments {
    @Option(help: "The repository: a work tree or a bare repository.")
    var repo: String = "."

    @Option(help: "A dossier.yml to use instead of the one in the repository (record paths in it still name files in the repository).")
    var config: String?
}

/// `--evidence`: the JUnit XML test reports.
struct EvidenceOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: ArgumentHelp("JUnit XML test reports: paths or globs (e.g. 'reports/**/*.xml').", valueName: "glob"))
    var evidence: [String] = []
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

extension DocumentFormat {
    /// The formats of a `--format` list such as `md,html,json`.
    /// - Throws: `DossierError` naming an unknown format.
    static func list(_ text: String) throws -> Set<DocumentFormat> {
        var formats = Set<DocumentFormat>()
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let value = DocumentFormat(rawValue: name) else {
                throw DossierError("unknown format '\(name)' in --format; expected md, html, json or pdf")
            }
            formats.insert(value)
        }
        // Chromium is looked for before any work, so that a missing one leaves nothing half-written.
        if formats.contains(.pdf) { _ = try PDFPrinter.chromium() }
        return formats
    }
}
