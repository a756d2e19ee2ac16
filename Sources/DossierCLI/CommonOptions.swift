import ArgumentParser
import Assembly
import Foundation
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

/// `--repo`: which repository.
struct RepoOption: ParsableArguments {
    @Option(help: "The repository: a work tree or a bare repository.")
    var repo: String = "."
}

/// `--repo` and `--config`: which repository, and a dossier.yml from outside it.
struct RepositoryOptions: ParsableArguments {
    @OptionGroup var repository: RepoOption

    /// The repository's path.
    var repo: String { repository.repo }

    @Option(help: "A dossier.yml to use instead of the one in the repository (record paths in it still name files in the repository).")
    var config: String?
}

/// `--evidence`: the JUnit XML test reports; `--artifact`: the update packages delivered.
struct EvidenceOptions: ParsableArguments {
    @Option(parsing: .upToNextOption, help: ArgumentHelp("JUnit XML test reports: paths or globs (e.g. 'reports/**/*.xml').", valueName: "glob"))
    var evidence: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Update packages delivered (firmware images, .deb, .swu, .mender, any file): paths or globs; the detached signature beside each (FILE.sig, FILE.asc) is checked with the release's trust.", valueName: "file"))
    var artifact: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Build provenance: in-toto statements of SLSA provenance v1, bare or in a DSSE envelope (.json, or .jsonl with one per line).", valueName: "file"))
    var provenance: [String] = []
}

/// `--update-keys`: the keys an auditor brings for update packages (Mender Artifacts), replacing `trust.update_keys`;
/// on every command that judges a release's update packages (suf, check, attach, dhf), so that all judge them alike.
struct UpdateKeysOption: ParsableArguments {
    @Option(name: .customLong("update-keys"), help: ArgumentHelp(
        "A folder of PEM public keys (*.pem, *.pub: RSA or ECDSA P-256) trusted to sign Mender Artifacts, replacing trust.update_keys.",
        valueName: "dir"))
    var updateKeys: String?
}

/// `--templates`: templates on disk overriding the built-in ones.
struct TemplatesOption: ParsableArguments {
    @Option(help: "A folder of templates overriding the built-in ones.")
    var templates: String?
}

extension RepositoryOptions {
    /// The release request the options describe, with `SOURCE_DATE_EPOCH`, the trust and the test reports given.
    /// - Throws: `DossierError` when `SOURCE_DATE_EPOCH` is not a number.
    func releaseRequest(release: String?, since: String? = nil, trust: TrustOptions? = nil,
                        evidence: EvidenceOptions? = nil, updateKeys: UpdateKeysOption? = nil) throws -> ReleaseRequest {
        var request = ReleaseRequest(repository: repo, release: release, since: since, configFile: config,
                                     sourceDateEpoch: try Environment.sourceDateEpoch(),
                                     allowedSignersFile: trust?.allowedSigners, openPGPKeysFolder: trust?.openPGPKeys)
        request.evidenceGlobs = evidence?.evidence ?? []
        request.artifactGlobs = evidence?.artifact ?? []
        request.provenanceGlobs = evidence?.provenance ?? []
        request.updateKeysFolder = updateKeys?.updateKeys
        return request
    }
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

    /// The time signatures and keys are judged at: `SOURCE_DATE_EPOCH` when set, else now.
    /// - Throws: `DossierError` when `SOURCE_DATE_EPOCH` is not a number.
    static func verificationTime() throws -> Int64 {
        try sourceDateEpoch() ?? Int64(Date().timeIntervalSince1970)
    }
}
