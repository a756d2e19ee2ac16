import Actions
import ArgumentParser
import Bundle
import Foundation
import Render

/// `dossier suf`: build the Software Update File bundle for one release.
struct SufCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suf",
        abstract: "Build the Software Update File bundle for one release.",
        discussion: """
            Reads the release's history (PREV..RELEASE) and its records from the release's git tree, and writes \
            OUT/RELEASE/ with SUF-RELEASE.md, SUF-RELEASE.html, suf.json and MANIFEST.sha256.
            """)

    @Argument(help: "The release: a tag or any revision (default: the newest tag matching releases.tag_pattern).")
    var release: String?

    @Option(help: "Where the release's history starts, excluded (default: the release tag before RELEASE).")
    var since: String?

    @Option(help: "The folder that receives the bundle (default: dist/dossier, never through a symbolic link).")
    var out: String?

    @Option(help: "The documents to write, comma-separated: md, html, json, pdf (printed by headless Chromium).")
    var format: OptionChoiceList<DocumentFormat> = .init(argument: "md,html,json")

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    @OptionGroup var trust: TrustOptions

    @OptionGroup var updateKeys: UpdateKeysOption

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "An unencrypted OpenSSH private key that signs MANIFEST.sha256 (writes MANIFEST.sha256.sig, namespace \"dossier\").",
        valueName: "key"))
    var signKey: String?

    @Flag(help: "Exit 1 when the release has error-level findings, as dossier check does (the bundle is still written).")
    var strict = false

    func run() async throws {
        let formats = try format.documentFormats()
        let release = try repository.releaseRequest(release: release, since: since, trust: trust, evidence: evidenceOptions, updateKeys: updateKeys)
        let result = try await SUFAction(release: release, formats: formats, templatesFolder: templates.templates,
                                   outFolder: try OutputFolder.resolve(out), signingKeyFile: signKey).perform()
        for warning in result.warnings { Output.warning(warning) }
        let id = result.release.identification
        Output.line("SUF for \(id.release) (\(result.release.statistics.commits) commits since \(id.previousRelease ?? "the root")) written to \(result.path)")
        Output.line(result.findings.documentLine(strict: strict))
        if result.findings.failsStrict(strict) { throw ExitCode(1) }
    }
}
