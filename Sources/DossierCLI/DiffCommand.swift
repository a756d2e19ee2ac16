import Actions
import ArgumentParser
import Assembly
import Foundation
import Render
import Support

/// `dossier diff OLD NEW`: a structured diff of two releases' SUFs.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two SUFs record by record: what was added, removed, obsoleted and changed.",
        discussion: """
            OLD and NEW are each a suf.json file, a bundle folder (dist/dossier/v1.1.0), or a release of the \
            repository: its attached bundle (dossier attach) when there is one, else built now. Records are matched \
            by id. Exit 0, or with --exit-code 1 when the two differ (as git diff --exit-code).
            """)

    @Argument(help: "The release compared from: a suf.json, a bundle folder or a release tag.")
    var old: String

    @Argument(help: "The release compared to: a suf.json, a bundle folder or a release tag.")
    var new: String

    @Option(help: "md, html, json or pdf (printed by headless Chromium).")
    var format: OptionChoice<DocumentFormat> = .init(argument: "md")

    @Option(help: "Write the diff to this file instead of standard output.")
    var out: String?

    @Option(help: "A folder of templates overriding the built-in ones (diff.md.mustache, page.html.mustache, style.css).")
    var templates: String?

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when the two releases differ.")
    var exitCode = false

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let format = try format.value()
        let request = ReleaseRequest(repository: repository.repo, configFile: repository.config,
                                     sourceDateEpoch: try Environment.sourceDateEpoch())
        let result = try await DiffAction(old: old, new: new, request: request, format: format, templatesFolder: templates,
                                    warn: Output.warning).perform()
        if let out {
            try AtomicFile.write(result.document, to: out)
        } else {
            // The Markdown diff is text for a terminal (control characters escaped); JSON, HTML and PDF are written as they are.
            if format == .md { Output.text(String(decoding: result.document, as: UTF8.self)) } else { Output.data(result.document) }
        }
        if exitCode, !result.diff.isEmpty { throw ExitCode(1) }
    }
}
