import Evidence
import Foundation
import Support

/// `dossier evidence add RELEASE FILE… [--artifact PACKAGE…]`: stores test reports, an SBOM and update packages
/// with a release tag, in git.
public struct EvidenceAddAction: Sendable {
    /// The release tag.
    public var release: String
    /// The files: paths or globs, relative to `directory`.
    public var patterns: [String]
    /// Update packages: paths or globs, relative to `directory`, each stored with the signature beside it.
    public var packagePatterns: [String]
    /// Build provenance files: paths or globs, relative to `directory`.
    public var provenancePatterns: [String]
    /// The repository (work tree or bare).
    public var repository: String
    /// The folder the patterns are relative to, and inside which files keep their relative paths.
    public var directory: String
    /// `SOURCE_DATE_EPOCH`: the time of the commit made.
    public var sourceDateEpoch: Int64?

    /// Creates the action.
    public init(release: String, patterns: [String], packagePatterns: [String] = [], provenancePatterns: [String] = [],
                repository: String = ".", directory: String, sourceDateEpoch: Int64? = nil) {
        self.release = release
        self.patterns = patterns
        self.packagePatterns = packagePatterns
        self.provenancePatterns = provenancePatterns
        self.repository = repository
        self.directory = directory
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// Reads every file, then stores them in a new commit at refs/dossier/evidence/RELEASE (none when nothing changed).
    /// - Throws: `DossierError` for a file that cannot be read as evidence, or one stored before with other bytes.
    public func perform() throws -> StoredEvidence.Addition {
        var request = StoredEvidence.AddRequest(repository: repository, release: release, patterns: patterns,
                                                directory: directory, sourceDateEpoch: sourceDateEpoch)
        request.packagePatterns = packagePatterns
        request.provenancePatterns = provenancePatterns
        return try StoredEvidence.add(request)
    }
}
