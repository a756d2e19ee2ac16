import Evidence
import Model
import Records

/// The Design History File's model: every release of the device with its SUF bundle, and the history of every
/// record across them. `dhf.json` is this value with sorted keys; `DHF.md` and `DHF.html` are rendered from it.
public struct DesignHistory: Sendable, Codable, Hashable {
    /// The version of this JSON format; readers refuse newer ones.
    public static let currentFormatVersion = 1

    /// The format version this value was written with.
    public var formatVersion = DesignHistory.currentFormatVersion
    /// The device, as the newest release's configuration describes it.
    public var device: Device?
    /// The newest release covered.
    public var through: String
    /// The newest release's commit.
    public var commit: String
    /// The document date: the newest release's date, or SOURCE_DATE_EPOCH.
    public var date: String
    /// The DHF's document id (dossier.yml `documents.dhf_id` at the newest release); it has no revision of its own:
    /// it is the design history through `through`.
    public var documentID: String? = nil
    /// Every release, oldest first, with its SUF bundle.
    public var releases: [ReleaseEntry]
    /// The records as they stand at the newest release: the current baseline.
    public var baseline: RecordSet
    /// Every record any release held, in kind order then id order, with what each release did to it.
    public var records: [RecordHistory]
    /// Which versions of each SOUP item which releases held.
    public var soup: [SOUPSpan]
    /// One row per requirement of the baseline, with the change requests and commits of every release that named it.
    public var traceMatrix: [CumulativeTraceRow]
    /// Every change request a release's commits named, with the releases it went into.
    public var changeControl: [ChangeControlEntry]
    /// Each clause's coverage state, and the releases where it changed.
    public var coverage: [ClauseHistory]

    /// The history of one record, or nil when no release held it.
    public func history(of id: String) -> RecordHistory? {
        records.first { $0.id == id }
    }
}

/// One release in the release history, with the SUF bundle that documents it.
public struct ReleaseEntry: Sendable, Codable, Hashable {
    /// The release's name (its tag).
    public var release: String
    /// The release before it, whose tree its delta compares with; nil for the first.
    public var previousRelease: String?
    /// The release commit.
    public var commit: String
    /// The release's date: its tag's date, or SOURCE_DATE_EPOCH.
    public var date: String
    /// The release tag: tagger, message and signature verdict.
    public var tag: ReleaseTag?
    /// Commits in the release's range, merges included.
    public var commits: Int
    /// Merge commits in the range.
    public var merges: Int
    /// Commits that carry a signature.
    public var signedCommits: Int
    /// Commits whose signature is good and trusted (G).
    public var goodCommits: Int
    /// The change requests its commits named, in id order.
    public var changeRequests: [String]
    /// What the gap rules found in the release.
    public var findings: FindingTally
    /// How many problem reports were open at the release (its known residual anomalies); nil when its attached
    /// bundle was made before dossier recorded them.
    public var openAnomalies: Int? = nil
    /// The release's SUF bundle, in the DHF's folder.
    public var suf: SUFReference
    /// Where the release's evidence came from, as its SUF says; nil for a bundle made before dossier recorded it.
    public var evidence: EvidenceOrigin?
    /// The release's SUF's document id and revision, as its bundle states them; nil for a bundle made before.
    public var document: DocumentIdentity? = nil
    /// The release's approvals (`dossier approve`) judged against the bundle in `suf`; nil when none is recorded
    /// and its dossier.yml requires none.
    public var approvals: ReleaseApprovals? = nil
}

/// Where a release's SUF bundle is and how it can be checked.
public struct SUFReference: Sendable, Codable, Hashable {
    /// The bundle's folder, relative to the DHF's folder.
    public var folder: String
    /// The SHA-256 of the bundle's `MANIFEST.sha256`, which names every other file's digest.
    public var manifestSHA256: String
    /// The commit at `refs/dossier/<tag>` the bundle was copied from, byte for byte; nil when it was built now.
    public var attachedCommit: String?
    /// The revision the history of `refs/dossier/<tag>` makes the attached bundle, when the bundle states another
    /// (only a reference written by hand can do that); nil when they agree or the bundle was built now.
    public var historyRevision: Int? = nil
    /// The evidence commit stored with the release now, when the attached bundle was built with other evidence
    /// (evidence was stored after the bundle was attached); nil when the bundle uses the stored evidence.
    public var evidenceStoredSince: String?

    /// Creates a value from its parts.
    package init(folder: String, manifestSHA256: String, attachedCommit: String? = nil, evidenceStoredSince: String? = nil) {
        self.folder = folder
        self.manifestSHA256 = manifestSHA256
        self.attachedCommit = attachedCommit
        self.evidenceStoredSince = evidenceStoredSince
    }
}

/// The findings of one release, counted.
public struct FindingTally: Sendable, Codable, Hashable {
    /// Error-level findings.
    public var errors: Int
    /// Warning-level findings.
    public var warnings: Int
    /// Findings by rule, in the order the gap report lists them (errors first).
    public var rules: [RuleTally]
}

/// How many findings one rule made at one level.
public struct RuleTally: Sendable, Codable, Hashable {
    /// The rule's id, e.g. `C2`.
    public var rule: String
    /// The level it reported at.
    public var level: FindingLevel
    /// How many findings.
    public var count: Int
}

/// What one release did to a record.
public struct RecordEvent: Sendable, Codable, Hashable {
    /// What happened.
    public enum Change: String, Sendable, Codable, Hashable {
        case introduced, changed, obsoleted, removed
    }

    /// The release.
    public var release: String
    /// What happened.
    public var change: Change
    /// The fields that changed, with old and new values (none for an introduced or removed record).
    public var fields: [FieldChange]
}

/// One record's history across the releases.
public struct RecordHistory: Sendable, Codable, Hashable {
    /// The kind of record.
    public var kind: RecordKind
    /// The record's id.
    public var id: String
    /// Its one-line name, as the last release that held it had it.
    public var headline: String
    /// Whether the newest release holds it (obsolete or not).
    public var inBaseline: Bool
    /// Its retirement, as the newest release records it.
    public var obsolete: Obsolescence?
    /// What each release did to it, oldest first.
    public var events: [RecordEvent]
}

/// A stretch of releases that held one version of a SOUP item.
public struct SOUPSpan: Sendable, Codable, Hashable {
    /// The SOUP item's id.
    public var id: String
    /// Its name in those releases.
    public var name: String
    /// The version those releases held.
    public var version: String
    /// Its supplier, when stated.
    public var supplier: String?
    /// The releases, oldest first.
    public var releases: [String]
    /// Whether the newest release holds this version.
    public var current: Bool
}

/// One requirement of the baseline and everything linked to it, across every release.
public struct CumulativeTraceRow: Sendable, Codable, Hashable {
    /// The requirement's id.
    public var requirement: String
    /// Its title.
    public var title: String
    /// Its status at the newest release.
    public var status: String
    /// Risks it controls, at the newest release.
    public var risks: [TraceEntry]
    /// Threats it mitigates, at the newest release.
    public var threats: [TraceEntry]
    /// Software items that implement it, at the newest release.
    public var items: [TraceEntry]
    /// Change requests whose records named it in any release, each as the newest such release links it.
    public var changeRequests: [TraceEntry]
    /// Releases whose commits named it in a trailer.
    public var releases: [String]
    /// Commits of all releases whose trailers named it.
    public var commits: Int
    /// Tests that verify it, at the newest release.
    public var tests: [TraceEntry]
    /// Its tests' result at the newest release.
    public var result: String
}

/// A change request in the change-control log.
public struct ChangeControlEntry: Sendable, Codable, Hashable {
    /// The change request's id.
    public var id: String
    /// The record as the last release that named it held it; nil when no record has the id.
    public var record: ChangeRequest?
    /// The releases whose commits named it.
    public var releases: [String]
    /// Commits of all releases whose trailers named it.
    public var commits: Int
}

/// One clause of the coverage table across the releases.
public struct ClauseHistory: Sendable, Codable, Hashable {
    /// The clause, e.g. `IEC 62304 5.2`.
    public var clause: String
    /// What the clause asks for.
    public var title: String
    /// Its state at the newest release.
    public var state: ClauseStatus.State
    /// Its status at the newest release, with what that release holds for it.
    public var latest: ClauseStatus
    /// The first release, and each release where the state changed, with the state from then on.
    public var changes: [ClauseChange]
}

/// A clause's coverage state from one release on.
public struct ClauseChange: Sendable, Codable, Hashable {
    /// The release.
    public var release: String
    /// The state.
    public var state: ClauseStatus.State
    /// The rules whose findings made it a gap from this release on, with their counts in this release, e.g. `T1 (3)`.
    public var gaps: [String]
}
