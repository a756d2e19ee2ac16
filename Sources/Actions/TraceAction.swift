import Assembly
import Checks
import Foundation
import Support

/// `dossier trace ID`: one record's (or commit's, or test's) whole trace chain in a release, up and down.
public struct TraceAction: Sendable {
    /// A record id, a commit id (7 or more digits) or a test id.
    public var id: String
    /// The release whose records and history are traced.
    public var release: ReleaseRequest

    /// Creates the action.
    public init(id: String, release: ReleaseRequest) {
        self.id = id
        self.release = release
    }

    /// Assembles the release and follows the id's links.
    /// - Throws: `DossierError` for bad input or an id that names nothing in the release.
    public func perform() async throws -> TraceReport {
        let assembled = try await ReleaseAssembler.assemble(release)
        // The graph the release's trace matrix was made from: the chain's first level is the matrix's row.
        return try TraceReport.make(id: id, release: assembled.release, graph: assembled.graph)
    }
}
