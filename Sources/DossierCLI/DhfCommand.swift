import Actions
import ArgumentParser
import Assembly
import Bundle
import Foundation
import Render
import Support

/// `dossier dhf`: build the cumulative Design History File over every release.
struct DhfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dhf",
        abstract: "Build the Design History File over every release.",
        discussion: """
            Writes OUT/dhf/ with DHF.md, DHF.html, dhf.json and MANIFEST.sha256, and one folder per release with its \
            SUF bundle: the bundle attached to the release tag (dossier attach), byte for byte, when there is one; \
            else one built now. The releases are the tags matching releases.tag_pattern, up to RELEASE.
            """)

    @Argument(help: "The newest release the DHF covers (default: the newest release tag).")
    var release: String?

    @Option(help: "The folder that receives dhf/ (default: dist/dossier, never through a symbolic link).")
    var out: String?

    @Option(help: "The DHF documents to write, comma-separated: md, html, json (each release's SUF bundle is always whole).")
    var format: String = "md,html,json"

    @Option(name: .customLong("html-pages"), help: "auto (one page when short, else one per part), one or parts.")
    var htmlPages: String = "auto"

    @Option(help: "A folder of templates overriding the built-in ones.")
    var templates: String?

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var trust: TrustOptions

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "An unencrypted OpenSSH private key that signs the DHF's MANIFEST.sha256 and those of the bundles built now.",
        valueName: "key"))
    var signKey: String?

    func run() async throws {
        let formats = try DocumentFormat.list(format)
        guard let layout = HTMLPageLayout(rawValue: htmlPages) else {
            throw DossierError("unknown layout '\(htmlPages)' in --html-pages; expected auto, one or parts")
        }
        let releaseRequest = ReleaseRequest(repository: repository.repo, release: release, configFile: repository.config,
                                            sourceDateEpoch: try Environment.sourceDateEpoch(),
                                            allowedSignersFile: trust.allowedSigners, openPGPKeysFolder: trust.openPGPKeys)
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (DHFBundle.ReleaseProgress) -> Void)? = showProgress ? Self.showProgress : nil
        let result = try await DHFBundle.build(DHFBundle.Request(
            release: releaseRequest, formats: formats, templatesFolder: templates, outFolder: try OutputFolder.resolve(out), signingKeyFile: signKey,
            htmlPages: layout, progress: progress))
        if showProgress { Output.endProgress() }
        for warning in result.warnings { Output.warning(warning) }
        let history = result.history
        let attached = history.releases.count { $0.suf.attachedCommit != nil }
        Output.line("DHF through \(history.through) (\(history.releases.count) releases; bundles: \(attached) attached, \(history.releases.count - attached) built now) written to \(result.path)")
    }

    /// Shows which release's bundle was just made.
    @Sendable private static func showProgress(_ step: DHFBundle.ReleaseProgress) {
        let origin = step.attached ? " (attached bundle)" : ""
        Output.progress("\(step.done)/\(step.total) \(step.release)\(origin)")
    }
}
