import Evidence
import Git
import Records
import Signatures

/// The facts of one release, as plain values: what git, the records and the evidence say, joined. What the gap
/// rules conclude about them is an `Assessment` beside it; `suf.json` is the two as one object (`AssessedRelease`).
public struct Release: Sendable, Codable, Hashable {
    /// The version of this JSON format; readers refuse newer ones.
    public static let currentFormatVersion = 2

    /// The format version this value was written with.
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
    /// Changed paths that no software item claims and dossier.yml's `not_software:` does not name.
    public var unclaimedPaths: [String]
    /// Changed paths that no software item claims and dossier.yml's `not_software:` names (records, configuration).
    public var notSoftwarePaths: [String] = []
    /// The records as they stand at the release.
    public var records: RecordSet
    /// What changed in the records since the previous release.
    public var delta: ReleaseDelta
    /// Counts for the summary.
    public var statistics: Statistics
    /// The test reports of the release (stored with it, or given with `--evidence`), each with its digest, and their
    /// test cases; `identification.evidence` says where they came from.
    public var evidence = TestEvidence()
    /// The update packages delivered (`--artifact`, or stored with the release), in name order, each with the
    /// verdict on its signature. suf.json holds the key only when there is one: a bundle made without packages
    /// reads as it did before they were recorded.
    public var updatePackages: [UpdatePackage] = []
    /// How the release was built, as the build provenance given (`--provenance`) or stored with it says: every
    /// statement, in file order. suf.json holds the key only when there is some.
    public var buildProvenance: [BuildProvenance] = []
    /// The keys of the release's facts in suf.json. Every stored property must be here (a test checks that each
    /// one is in suf.json).
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case buildProvenance, changeRequests, commits, commitsWithoutChangeRequest, delta, evidence, formatVersion, identification,
             itemsTouched, notSoftwarePaths, records, statistics, unclaimedPaths, updatePackages
    }

    /// The release's name as a file or folder name: `release/2.0` becomes `release-2.0`.
    public var fileStem: String { Self.fileStem(identification.release) }

    /// A release's name as a file or folder name.
    public static func fileStem(_ release: String) -> String {
        String(release.map { $0 == "/" || $0 == "\\" ? "-" : $0 })
    }
}

/// A SUF's place in document control: its id (dossier.yml `documents.suf_id`) and its revision, which counts the
/// different bundles attached to the release tag (`dossier attach`): the bundle attached n-th is revision n, and a
/// bundle built now is the revision of the attached bundle it equals byte for byte, else the next one.
public struct DocumentIdentity: Sendable, Codable, Hashable {
    /// The document id, e.g. `SUF-v2.0.0`.
    public var id: String
    /// The revision; nil for a draft, which no attach can make a revision: a work tree, or a revision that is not a tag.
    public var revision: Int?

    /// Names a document.
    public init(id: String, revision: Int?) {
        self.id = id
        self.revision = revision
    }

    /// The revision as documents print it: `1`, or `draft`.
    public var revisionText: String { revision.map(String.init) ?? "draft" }
}

/// The identification section: which device, which release, which commit, which range.
public struct Identification: Sendable, Codable, Hashable {
    /// The device the configuration describes, or `nil` when there is none.
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
    /// How signatures were checked: the trust used and the time expiry was judged at.
    public var signatureCheck: SignatureCheckBasis
    /// Whether this is the uncommitted state of a work tree (`dossier check --worktree`), not a release.
    public var workTree = false
    /// Where the release's evidence (test reports, SBOM) came from: stored with the release, given on the command
    /// line, or none; nil in a suf.json written before dossier recorded it.
    public var evidence: EvidenceOrigin?
    /// The `releases.tag_pattern` that the release tag, named on the command line, does not match; `nil` when it
    /// matches or the release is no tag. The documents say so, and rule I3 reports it.
    public var outsideTagPattern: String?
    /// The document's id and revision; nil in a suf.json written before dossier gave them.
    public var document: DocumentIdentity?
    /// The approvals the release's dossier.yml requires of its bundle (`approvals.required`); nil when it names none.
    /// They sign the bundle's manifest, so they are recorded after it (`dossier approve`), never in it.
    public var requiredApprovals: [RequiredApproval]?

    /// The identification from its parts.
    package init(device: Device? = nil, release: String, commit: String, tag: ReleaseTag? = nil, previousRelease: String? = nil, previousCommit: String? = nil, date: String, configuration: String, signatureCheck: SignatureCheckBasis, workTree: Bool = false, evidence: EvidenceOrigin? = nil, outsideTagPattern: String? = nil) {
        self.device = device
        self.release = release
        self.commit = commit
        self.tag = tag
        self.previousRelease = previousRelease
        self.previousCommit = previousCommit
        self.date = date
        self.configuration = configuration
        self.signatureCheck = signatureCheck
        self.workTree = workTree
        self.evidence = evidence
        self.outsideTagPattern = outsideTagPattern
    }
}

/// What the signature verdicts rest on, so that a reader can check them again with git.
public struct SignatureCheckBasis: Sendable, Codable, Hashable {
    /// Where the SSH allowed signers came from, or nil when none were configured.
    public var allowedSigners: String?
    /// Where the trusted OpenPGP keys came from, or nil when none were configured.
    public var openPGPKeys: String?
    /// When OpenPGP key and signature expiry was judged (ISO 8601): the document date.
    public var checkedAt: String
    /// Where the keys trusted to sign update packages (Mender Artifacts) came from; nil when none were configured
    /// (suf.json then holds no such key, as before they were read).
    public var updateKeys: String?

    /// The basis from its parts.
    package init(allowedSigners: String? = nil, openPGPKeys: String? = nil, checkedAt: String) {
        self.allowedSigners = allowedSigners
        self.openPGPKeys = openPGPKeys
        self.checkedAt = checkedAt
    }
}

/// The release tag as git holds it.
public struct ReleaseTag: Sendable, Codable, Hashable {
    /// The tag name, e.g. `v2.0.0`.
    public var name: String
    /// The tag object's id (annotated tags only).
    public var object: String?
    /// Whether it is an annotated tag, with tagger and message.
    public var annotated: Bool
    /// Who created the tag and when (annotated tags only).
    public var tagger: Person?
    /// The tag message without its signature; empty for a lightweight tag.
    public var message: String
    /// git's verdict on the tag's signature (N for an unsigned or lightweight tag).
    public var signature: Verdict

    /// The tag from its parts.
    package init(name: String, object: String? = nil, annotated: Bool, tagger: Person? = nil, message: String, signature: Verdict) {
        self.name = name
        self.object = object
        self.annotated = annotated
        self.tagger = tagger
        self.message = message
        self.signature = signature
    }
}

/// One commit of the release, joined with the records it names and the items it touches.
public struct ReleaseCommit: Sendable, Codable, Hashable {
    /// The 40-hex-digit commit id.
    public var id: String
    /// Parent commit ids, first parent first.
    public var parents: [String]
    /// The author, with the release's `.mailmap` applied.
    public var author: Person
    /// The committer, with the release's `.mailmap` applied.
    public var committer: Person
    /// The first paragraph of the message, lines joined with spaces (git's `%s`).
    public var subject: String
    /// The message after the first paragraph and the blank lines after it, byte for byte (git's `%b`; in a suf.json
    /// written before dossier kept the message, without `\r` and trailing blanks).
    public var body: String
    /// The whole message, byte for byte after conversion to UTF-8 (git's `%B`); nil in a suf.json written before
    /// dossier kept it.
    public var message: String?
    /// Held as suf.json holds it: `true`, or nothing.
    var invalidUTF8Mark: Bool?
    /// The trailers of the message, as `git interpret-trailers --parse` reads them.
    public var trailers: [Trailer]
    /// Change request ids named in the trailers.
    public var changeRequests: [String]
    /// Other record ids named in the trailers (requirements, risks, …).
    public var references: [String]
    /// Paths changed against the first parent (a root commit: all its files).
    public var changedFiles: [ChangedFile]
    /// Software items whose globs claim a changed path.
    public var items: [String]
    /// Whether the commit is a merge.
    public var merge: Bool
    /// git's verdict on the commit's signature (N when it carries none).
    public var signature: Verdict

    /// The abbreviated id shown in tables.
    public var shortId: String { String(id.prefix(12)) }

    /// Whether the message, author or committer held bytes that are not UTF-8 (after the conversion the commit's
    /// `encoding` header asks for), shown as U+FFFD; suf.json has `invalidUTF8: true` only then.
    public var invalidUTF8: Bool { invalidUTF8Mark == true }

    /// The keys of a commit in suf.json.
    enum CodingKeys: String, CodingKey {
        case author, body, changeRequests, changedFiles, committer, id, invalidUTF8Mark = "invalidUTF8", items, merge,
             message, parents, references, signature, subject, trailers
    }
}

/// A change request as the release sees it: the record (if it exists) and the commits that name it.
public struct ChangeRequestEntry: Sendable, Codable, Hashable {
    /// The change request id the commits name.
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
    /// The software item's id.
    public var id: String
    /// The software item's name.
    public var name: String
    /// Its software safety class (IEC 62304 4.3).
    public var safetyClass: SafetyClass?
    /// Changed paths it claims.
    public var paths: [String]
    /// Commits that changed them.
    public var commits: [String]
}

/// Numbers for the release summary.
public struct Statistics: Sendable, Codable, Hashable {
    /// Commits in the range, merges included.
    public var commits: Int
    /// Merge commits in the range.
    public var merges: Int
    /// The distinct authors as `Name <email>`, sorted.
    public var authors: [String]
    /// Commits carrying a signature, by kind (`openpgp`, `ssh`, `x509`).
    public var signed: [String: Int]
    /// Commits that carry no signature.
    public var unsigned: Int
    /// Commits by verdict letter (`G`, `B`, `U`, `X`, `Y`, `R`, `E`, `N`); letters with no commit are left out.
    public var verdicts: [String: Int]
    /// Who signed the release's commits with a signature that checks (G, U, X, Y, R), with their commit counts,
    /// most commits first.
    public var signers: [SignerTally]
    /// Distinct paths changed in the range.
    public var changedPaths: Int
}

/// One signing key and how many of the release's commits it signed.
public struct SignerTally: Sendable, Codable, Hashable {
    /// The signer as git names it (principal or OpenPGP user id); empty when the key is not trusted.
    public var signer: String
    /// The key's fingerprint.
    public var fingerprint: String
    /// The signature format.
    public var kind: SignatureKind?
    /// Commits it signed.
    public var commits: Int
}

extension Release {
    /// Reads the facts; `buildProvenance` and `updatePackages` are absent from a release that has none.
    public init(from decoder: any Decoder) throws {
        // In key order, so that a file lacking several keys is reported by the first of them.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        buildProvenance = try c.decodeIfPresent([BuildProvenance].self, forKey: .buildProvenance) ?? []
        changeRequests = try c.decode([ChangeRequestEntry].self, forKey: .changeRequests)
        commits = try c.decode([ReleaseCommit].self, forKey: .commits)
        commitsWithoutChangeRequest = try c.decode([String].self, forKey: .commitsWithoutChangeRequest)
        delta = try c.decode(ReleaseDelta.self, forKey: .delta)
        evidence = try c.decode(TestEvidence.self, forKey: .evidence)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        identification = try c.decode(Identification.self, forKey: .identification)
        itemsTouched = try c.decode([ItemTouch].self, forKey: .itemsTouched)
        notSoftwarePaths = try c.decode([String].self, forKey: .notSoftwarePaths)
        records = try c.decode(RecordSet.self, forKey: .records)
        statistics = try c.decode(Statistics.self, forKey: .statistics)
        unclaimedPaths = try c.decode([String].self, forKey: .unclaimedPaths)
        updatePackages = try c.decodeIfPresent([UpdatePackage].self, forKey: .updatePackages) ?? []
    }

    /// Writes the facts in key order; `buildProvenance` and `updatePackages` only when the release has some.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !buildProvenance.isEmpty { try c.encode(buildProvenance, forKey: .buildProvenance) }
        try c.encode(changeRequests, forKey: .changeRequests)
        try c.encode(commits, forKey: .commits)
        try c.encode(commitsWithoutChangeRequest, forKey: .commitsWithoutChangeRequest)
        try c.encode(delta, forKey: .delta)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(identification, forKey: .identification)
        try c.encode(itemsTouched, forKey: .itemsTouched)
        try c.encode(notSoftwarePaths, forKey: .notSoftwarePaths)
        try c.encode(records, forKey: .records)
        try c.encode(statistics, forKey: .statistics)
        try c.encode(unclaimedPaths, forKey: .unclaimedPaths)
        if !updatePackages.isEmpty { try c.encode(updatePackages, forKey: .updatePackages) }
    }
}
