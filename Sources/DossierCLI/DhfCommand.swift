import Actions
import ArgumentParser
import Bundle
import Foundation
import Render

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
    var format: OptionChoiceList<DocumentFormat> = .init(argument: "md,html,json")

    @Option(name: .customLong("html-pages"), help: "auto (one page when short, else one per part), one or parts.")
    var htmlPages: OptionChoice<HTMLPageLayout> = .init(argument: "auto")

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var trust: TrustOptions

    @OptionGroup var updateKeys: UpdateKeysOption

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "An unencrypted OpenSSH private key that signs the DHF's MANIFEST.sha256 and those of the bundles built now.",
        valueName: "key"))
    var signKey: String?

    func run() async throws {
        let formats = try format.documentFormats()
        let layout = try htmlPages.value()
        let release = try repository.releaseRequest(release: release, trust: trust, updateKeys: updateKeys)
        let showProgress = isatty(STDERR_FILENO) == 1
        let result = try await DHFAction(release: release, formats: formats, templatesFolder: templates.templates,
                                   outFolder: try OutputFolder.resolve(out), signingKeyFile: signKey, htmlPages: layout,
                                   progress: showProgress ? Self.showProgress : nil).perform()
        if showProgress { Output.endProgress() }
        for warning in result.warnings { Output.warning(warning) }
        let history = result.history
        let attached = history.releases.count { $0.suf.attachedCommit != nil }
        Output.line("DHF through \(history.through) (\(history.releases.count) releases; bundles: \(attached) attached, \(history.releases.count - attached) built now) written to \(result.path)")
    }

    /// Shows which release's bundle was just made.
    @Sendable private static func showProgress(_ step: DHFAction.ReleaseProgress) {
        let origin = step.attached ? " (attached bundle)" : ""
        Output.progress("\(step.done)/\(step.total) \(step.release)\(origin)")
    }
}
