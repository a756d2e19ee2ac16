import Actions
import ArgumentParser
import Foundation
import Model
import Render
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

    @Flag(help: "Print JSON (as --format json).")
    var json = false

    @Option(help: "What to print: text, json, or svg (the chain as a picture, its records linked to their rows in the release's SUF HTML beside it).")
    var format: OptionChoice<TraceFormat> = .init(argument: "text")

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var evidenceOptions: EvidenceOptions

    func run() async throws {
        let request = try repository.releaseRequest(release: release, evidence: evidenceOptions)
        let report = try await TraceAction(id: id, release: request).perform()
        switch json ? .json : try format.value() {
        case .text: Output.text(report.text)
        case .json: Output.data(try CanonicalJSON.encode(report))
        case .svg: Output.data(Data(try TracePicture.svg(report, sufPage: "SUF-\(Release.fileStem(report.release)).html").utf8))
        }
    }
}

/// What `dossier trace` prints (`--format`).
enum TraceFormat: String, OptionValue {
    case text, json, svg

    static func unknown(_ text: String) -> String {
        "unknown format '\(text)' in --format; expected text, json or svg"
    }
}
