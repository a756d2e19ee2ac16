import Actions
import ArgumentParser
import Foundation
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
    var format: OptionChoice<CheckReportFormat> = .init(argument: "text")

    @Option(help: "Also write the report to this file (stdout still gets the text summary).")
    var output: String?

    @Flag(help: "Also require the release's attached bundle to be approved (dossier approve): every approval dossier.yml approvals.required names, or one meaning approved when it names none; exit 1 otherwise.")
    var approved = false

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    @OptionGroup var trust: TrustOptions

    @OptionGroup var updateKeys: UpdateKeysOption

    func validate() throws {
        do { _ = try format.value() } catch let error as DossierError { throw ValidationError(error.message) }
        if worktree && release != nil { throw ValidationError("a RELEASE cannot be given with --worktree") }
        if approved, let format = try? format.value(), format == .junit || format == .sarif {
            throw ValidationError("--approved reports in the text and JSON formats; JUnit and SARIF carry findings only")
        }
        if worktree && approved { throw ValidationError("--approved checks an attached bundle; it cannot be given with --worktree") }
    }

    func run() async throws {
        let format = try format.value()
        var request = try repository.releaseRequest(release: release, since: since, trust: trust, evidence: evidenceOptions, updateKeys: updateKeys)
        request.workTree = worktree
        let result = try await CheckAction(release: request, requireApproval: approved).perform()
        for warning in result.warnings { Output.warning(warning) }
        let report = result.report
        if let output {
            try AtomicFile.write(try report.data(format), to: output)
            Output.text(report.text)
        } else if format == .text {
            Output.text(report.text)
        } else {
            Output.data(try report.data(format))
        }
        if report.errors > 0 || report.approvalFails { throw ExitCode(1) }
    }
}
