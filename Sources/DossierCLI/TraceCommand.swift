import ArgumentParser
import Assembly
import Checks
import Foundation
import Git
import Support

/// `dossier trace ID`: one record's trace chain, up and down.
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show one record's whole trace chain, both directions.",
        discussion: """
            Up: what links to the record (risks it controls, threats it mitigates, change requests and commits that \
            name it), and what links to those. Down: what it links to (software items, tests with their results), \
            and onwards. Each line says where its link is written (via a field or a commit trailer); the first \
            level is the record's row of the SUF's trace matrix. ID is a record id (REQ-3), a commit id (7 or \
            more digits) or a test id (Class.name).
            """)

    @Argument(help: "A record id, a commit id or a test id.")
    var id: String

    @Option(help: "The release whose records and history are traced (default: the newest release tag).")
    var release: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    func run() async throws {
        var request = ReleaseRequest(repository: repository.repo, release: release, configFile: repository.config,
                                     sourceDateEpoch: try Environment.sourceDateEpoch())
        request.evidenceGlobs = evidenceOptions.evidence
        let assembled = try await ReleaseAssembler.assemble(request)
        // The graph the release's trace matrix was made from: the chain's first level is the matrix's row.
        let report = try TraceReport.make(id: id, release: assembled.release, graph: assembled.graph)
        if json { Output.data(try CanonicalJSON.encode(report)) } else { Output.text(report.text) }
    }
}
