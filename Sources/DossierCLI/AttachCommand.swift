import Actions
import ArgumentParser
import Assembly
import Bundle
import Foundation
import Git
import Model

/// `dossier attach RELEASE`: store the release's SUF bundle in the repository, at refs/dossier/<tag>.
struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Store a release's SUF bundle in the repository: refs/dossier/<tag> and a note on the tagged commit.",
        discussion: """
            Builds the release's bundle (as dossier suf does) or takes the one in --bundle, and stores it as git \
            objects: a commit whose tree is the bundle at refs/dossier/RELEASE, and a note under refs/notes/dossier \
            on the tagged commit naming that commit and the SHA-256 of MANIFEST.sha256. Attaching the same bundle \
            again changes nothing; a different one is refused unless --force, and the old one stays in the ref's \
            history. Push them with: git push origin 'refs/dossier/*' 'refs/notes/dossier'.
            """)

    @Argument(help: "The release tag.")
    var release: String

    @Option(help: "An existing bundle folder to attach (e.g. one signed with dossier suf --sign-key), instead of building one.")
    var bundle: String?

    @Flag(help: "Replace a different bundle attached before (the old one stays in the ref's history).")
    var force = false

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    @OptionGroup var trust: TrustOptions

    @OptionGroup var updateKeys: UpdateKeysOption

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "An unencrypted OpenSSH private key that signs the built bundle's MANIFEST.sha256.", valueName: "key"))
    var signKey: String?

    @Flag(help: "Exit 1 when the built bundle's release has error-level findings, as dossier check does (it is still attached).")
    var strict = false

    func validate() throws {
        if strict && bundle != nil { throw ValidationError("--strict judges the bundle attach builds; it cannot be given with --bundle") }
    }

    func run() async throws {
        // SOURCE_DATE_EPOCH dates the bundle attach builds; a bundle given with --bundle is attached as it is.
        let request = bundle == nil
            ? try repository.releaseRequest(release: release, trust: trust, evidence: evidenceOptions, updateKeys: updateKeys)
            : ReleaseRequest(repository: repository.repo, configFile: repository.config)
        let result = try await AttachAction(tag: release, request: request, bundleFolder: bundle, force: force, signingKeyFile: signKey,
                                      warn: Output.warning).perform()
        let attachment = result.attachment
        let reference = DossierReference.bundle(release)
        switch attachment.outcome {
        case .attached: Output.line("attached the bundle of \(release) at \(reference) (commit \(attachment.commit))")
        case .unchanged: Output.line("the same bundle of \(release) is attached already at \(reference) (commit \(attachment.commit)): nothing changed")
        case .replaced: Output.line("replaced the bundle of \(release) at \(reference) (commit \(attachment.commit); the old one is its parent)")
        }
        Output.line("noted under \(AttachedBundle.notesReference) on \(attachment.notedObjects.joined(separator: " and ")): manifest SHA-256 \(attachment.manifestDigest)")
        if let findings = result.findings {
            Output.line(findings.documentLine(strict: strict))
            if findings.failsStrict(strict) { throw ExitCode(1) }
        }
    }
}

/// `dossier show RELEASE [FILE]`: print a file of an attached bundle, or extract the bundle.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a file of a release's attached bundle (default: the Markdown SUF), or extract the bundle.")

    @Argument(help: "The release tag.")
    var release: String

    @Argument(help: "The file to print as text, control characters escaped (default: SUF-RELEASE.md); --extract writes the exact bytes.")
    var file: String?

    @Option(help: "Write every file of the bundle into this folder (which must not exist yet) instead.")
    var extract: String?

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        switch try ShowAction(release: release, file: file, extractFolder: extract, repository: repository.repo).perform() {
        case let .extracted(count, folder):
            Output.line("extracted \(count) files of the bundle of \(release) to \(folder)")
        case let .file(data):
            // An attached bundle may be anyone's (fetched refs): every file is shown as text, its control characters
            // escaped; --extract (or git show) gives the exact bytes.
            Output.text(String(decoding: data, as: UTF8.self))
        }
    }
}
