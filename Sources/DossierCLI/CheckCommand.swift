import Actions
import ArgumentParser
import Assembly
import Foundation
import Git
import Support

/// `dossier check`: run the gap rules; the CI gate.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the gap rules over a release (or the work tree); exit 1 on any error-level finding.",
        discussion: """
            Reads the release as dossier suf does, with the test reports given with --evidence, and prints every \
            finding, errors first, with a one-line summary. dossier.yml's policy: sets each rule's level (error, \
            warning, off). Exit 0 when there is no error-level finding, 1 when there is, 2 on bad input.
            """)

    @Argument(help: "The release: a tag or any revision (default: the newest tag matching releases.tag_pattern).")
    var release: String?

    @Option(help: "Where the release's history starts, excluded (default: the release tag before RELEASE).")
    var since: String?

    @Flag(help: "Check the uncommitted state: records from the work tree, history since the last release up to HEAD.")
    var worktree = false

    @Option(help: "The report's format: text, json, junit or sarif.")
    var format: String = "text"

    @Option(help: "Also write the report to this file (stdout still gets the text summary).")
    var output: String?

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    @OptionGroup var trust: TrustOptions

    func validate() throws {
        guard ["text", "json", "junit", "sarif"].contains(format) else {
            throw ValidationError("unknown format '\(format)'; expected text, json, junit or sarif")
        }
        if worktree && release != nil { throw ValidationError("a RELEASE cannot be given with --worktree") }
    }

    func run() async throws {
        var request = ReleaseRequest(repository: repository.repo, release: release, since: since, configFile: repository.config,
                                     sourceDateEpoch: try Environment.sourceDateEpoch(),
                                     allowedSignersFile: trust.allowedSigners, openPGPKeysFolder: trust.openPGPKeys)
        request.evidenceGlobs = evidenceOptions.evidence
        request.workTree = worktree
        let (result, warnings) = try await CheckResult.run(request)
        for warning in warnings { Output.warning(warning) }
        let report: Data
        switch format {
        case "json": report = try result.json()
        case "junit": report = Data(result.junit.utf8)
        case "sarif": report = Data(result.sarif.utf8)
        default: report = Data(result.text.utf8)
        }
        if let output {
            try AtomicFile.write(report, to: output)
            Output.text(result.text)
        } else if format == "json" || format == "junit" || format == "sarif" {
            Output.data(report)
        } else {
            Output.text(result.text)
        }
        if result.errors > 0 { throw ExitCode(1) }
    }
}
