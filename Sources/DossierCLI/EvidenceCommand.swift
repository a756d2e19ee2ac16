import Actions
import ArgumentParser
import Evidence
import Foundation

/// `dossier evidence`: keep test reports and an SBOM with a release, in git.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Keep test reports, an SBOM and update packages with a release tag, as git objects at refs/dossier/evidence/<tag>.",
        discussion: """
            Evidence stored with a release is what every command that builds the release (suf, check, diff, dhf, \
            trace, attach) reads, with no --evidence, so its documents are the same on every clone. Push it with: \
            git push origin 'refs/dossier/*:refs/dossier/*'; fetch it with: git fetch origin '+refs/dossier/*:refs/dossier/*'.
            """,
        subcommands: [EvidenceAddCommand.self, EvidenceListCommand.self])
}

/// `dossier evidence add RELEASE FILE…`.
struct EvidenceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store JUnit XML test reports, an SBOM and update packages with a release tag.",
        discussion: """
            Each file is read as --evidence reads it (JUnit XML; a .json file is a CycloneDX or SPDX SBOM) and must \
            be read without fault before anything is written. It is stored at its path relative to the current \
            directory when it lies inside it, else at its base name, in a new commit at refs/dossier/evidence/RELEASE \
            whose parent is the evidence stored before: files can be added later, never replaced. The commit's tree \
            holds SHA256SUMS, every file's SHA-256 (sha256sum -c format). The commit is made by git's user.name and \
            user.email (else "dossier"), at SOURCE_DATE_EPOCH when it is set. An update package given with --artifact \
            is stored at packages/NAME (its base name), with the signature beside it (NAME.sig or NAME.asc); build \
            provenance given with --provenance at provenance/NAME.
            """)

    @Argument(help: "The release tag.")
    var release: String

    @Argument(help: ArgumentHelp("The files: paths or globs (e.g. 'reports/**/*.xml').", valueName: "file-or-glob"))
    var files: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Update packages to store, each with the detached signature beside it (FILE.sig, FILE.asc).", valueName: "file"))
    var artifact: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Build provenance to store (in-toto statements of SLSA provenance v1).", valueName: "file"))
    var provenance: [String] = []

    @OptionGroup var repository: RepoOption

    func run() throws {
        guard !files.isEmpty || !artifact.isEmpty || !provenance.isEmpty else { throw ValidationError("name at least one file to store with \(release)") }
        let addition = try EvidenceAddAction(release: release, patterns: files, packagePatterns: artifact, provenancePatterns: provenance,
                                             repository: repository.repo,
                                             directory: FileManager.default.currentDirectoryPath,
                                             sourceDateEpoch: try Environment.sourceDateEpoch()).perform()
        for name in addition.unchanged {
            Output.line("\(name) is stored with \(release) already, with the same bytes")
        }
        guard addition.changed else {
            Output.line("nothing changed: \(addition.reference) stays at commit \(addition.commit)")
            return
        }
        for file in addition.added { Output.line("stored \(file.name) (SHA-256 \(file.sha256))") }
        Output.line("evidence of \(release) at \(addition.reference) (commit \(addition.commit)); push it with git push origin '\(addition.reference)'")
    }
}

/// `dossier evidence list RELEASE`.
struct EvidenceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the files stored with a release tag, each with its SHA-256, after checking them against SHA256SUMS.")

    @Argument(help: "The release tag.")
    var release: String

    @OptionGroup var repository: RepoOption

    func run() throws {
        guard let stored = try EvidenceListAction(release: release, repository: repository.repo).perform() else {
            Output.line("no evidence is stored with \(release) (no \(StoredEvidence.referenceName(release))); store some with dossier evidence add \(release) FILE…")
            return
        }
        Output.line("evidence of \(release) at \(stored.reference) (commit \(stored.commit)):")
        for file in stored.digests { Output.line("\(file.sha256)  \(file.name)") }
    }
}
