import Evidence
import Foundation
import Support

/// `dossier evidence list RELEASE`: the files stored with a release tag, checked against their SHA256SUMS.
public struct EvidenceListAction: Sendable {
    /// The release tag.
    public var release: String
    /// The repository (work tree or bare).
    public var repository: String

    /// Creates the action.
    public init(release: String, repository: String = ".") {
        self.release = release
        self.repository = repository
    }

    /// Reads the evidence stored with the release; nil when there is none.
    /// - Throws: `DossierError` when a stored file does not match SHA256SUMS.
    public func perform() throws -> StoredEvidence.Stored? {
        try StoredEvidence.read(release: release, repository: repository)
    }
}
