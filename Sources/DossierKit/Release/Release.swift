/// The Software Update File's model: everything a SUF says about one release, as plain values.
/// `suf.json` is this value with sorted keys; the documents are rendered from it.
public struct Release: Sendable, Codable, Hashable {
    /// The version of this JSON format; readers refuse newer ones.
    public static let currentFormatVersion = 1

    public var formatVersion = Release.currentFormatVersion
    /// What the release is: device, tag, commit, range, document date.
    public var identification: Identification
    /// The commits in the range, oldest first.
    public var commits: [ReleaseCommit]
    /// Change requests named by the release's commits, in id order, with their commits.
    public var changeRequests: [ChangeRequestEntry]
    /// Non-merge commits that name no change request.
    public var commitsWithoutChangeRequest: [String]
    /// Software items whose paths the release changed, in id order.
    public var itemsTouched: [ItemTouch]
    /// Changed paths that no software item claims.
    public var unclaimedPaths: [String]
    /// The records as they stand at the release.
    public var records: RecordSet
    /// What changed in the records since the previous release.
    public var delta: ReleaseDelta
    /// Counts for the summary.
    public var statistics: Statistics

    /// The release's name as a file or folder name: `release/2.0` becomes `release-2.0`.
    public var fileStem: String {
        String(identification.release.map { $0 == "/" || $0 == "\\" ? "-" : $0 })
    }
}

/// The identification section: which device, which release, which commit, which range.
public struct Identification: Sendable, Codable, Hashable {
    public var device: Device?
    /// The release's name (its tag, or the revision given).
    public var release: String
    /// The release commit.
    public var commit: String
    /// The release tag, when the release is a tag.
    public var tag: ReleaseTag?
    /// The previous release's name, or `nil` for a first release.
    public var previousRelease: String?
    /// The previous release's commit.
    public var previousCommit: String?
    /// The document date: the tag's date, the commit's date, or SOURCE_DATE_EPOCH.
    public var date: String
    /// Where the configuration came from (`dossier.yml` at the release, a file given, or none).
    public var configuration: String
}

/// The release tag as git holds it.
public struct ReleaseTag: Sendable, Codable, Hashable {
    public var name: String
    /// The tag object's id (annotated tags only).
    public var object: String?
    public var annotated: Bool
    public var tagger: Person?
    public var message: String
    /// The kind of signature on the tag, if any.
    public var signature: SignatureKind?
}

/// One commit of the release, joined with the records it names and the items it touches.
public struct ReleaseCommit: Sendable, Codable, Hashable {
    public var id: String
    public var parents: [String]
    public var author: Person
    public var committer: Person
    public var subject: String
    public var body: String
    public var trailers: [Trailer]
    /// Change request ids named in the trailers.
    public var changeRequests: [String]
    /// Other record ids named in the trailers (requirements, risks, …).
    public var references: [String]
    public var changedFiles: [ChangedFile]
    /// Software items whose globs claim a changed path.
    public var items: [String]
    public var merge: Bool
    /// The kind of signature the commit carries, if any.
    public var signature: SignatureKind?

    /// The abbreviated id shown in tables.
    public var shortId: String { String(id.prefix(12)) }
}

/// A change request as the release sees it: the record (if it exists) and the commits that name it.
public struct ChangeRequestEntry: Sendable, Codable, Hashable {
    public var id: String
    /// The record, or `nil` when commits name an id that no record has.
    public var record: ChangeRequest?
    /// Commits naming it, oldest first.
    public var commits: [String]
    /// Software items those commits touched.
    public var items: [String]
}

/// A software item the release changed, with its safety class.
public struct ItemTouch: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var safetyClass: SafetyClass?
    /// Changed paths it claims.
    public var paths: [String]
    /// Commits that changed them.
    public var commits: [String]
}

/// Numbers for the release summary.
public struct Statistics: Sendable, Codable, Hashable {
    public var commits: Int
    public var merges: Int
    public var authors: [String]
    /// Commits carrying a signature, by kind (`openpgp`, `ssh`, `x509`).
    public var signed: [String: Int]
    public var unsigned: Int
    public var changedPaths: Int
}
