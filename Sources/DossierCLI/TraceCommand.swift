import Actions
import ArgumentParser
import Foundation
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
        let request = try repository.releaseRequest(release: release, evidence: evidenceOptions)
        let report = try await TraceAction(id: id, release: request).perform()
        if json { Output.data(try CanonicalJSON.encode(report)) } else { Output.text(report.text) }
    }
}
