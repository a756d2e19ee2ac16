import Assembly
import Foundation
import Git
import Records
import Signatures
import Support

/// What `dossier signatures` is asked for.
public struct SignatureListingRequest: Sendable {
    /// The repository (work tree or bare).
    public var repository: String
    /// `PREV..RELEASE`, or one revision for its whole history; nil for the newest release's range.
    public var range: String?
    /// Every commit reachable from HEAD, a branch or a tag, instead of one range.
    public var all: Bool
    /// List tags instead of commits.
    public var tags: Bool
    /// A dossier.yml outside the repository.
    public var configFile: String?
    /// An allowed signers file replacing `trust.allowed_signers`.
    public var allowedSignersFile: String?
    /// A folder of OpenPGP keys replacing `trust.openpgp_keys`.
    public var openPGPKeysFolder: String?
    /// When OpenPGP key and signature expiry is judged (unix seconds): now, as git judges it, unless
    /// SOURCE_DATE_EPOCH says otherwise.
    public var verificationTime: Int64

    /// Creates a request.
    public init(repository: String, range: String? = nil, all: Bool = false, tags: Bool = false, configFile: String? = nil,
                allowedSignersFile: String? = nil, openPGPKeysFolder: String? = nil, verificationTime: Int64) {
        self.repository = repository
        self.range = range
        self.all = all
        self.tags = tags
        self.configFile = configFile
        self.allowedSignersFile = allowedSignersFile
        self.openPGPKeysFolder = openPGPKeysFolder
        self.verificationTime = verificationTime
    }
}

/// The verdicts on a range of commits (or on every tag), in the shape of `git log --format='%H %G? %GS %GF'`.
public struct SignatureListing: Sendable, Codable {
    /// One commit or tag and its verdict.
    public struct Entry: Sendable, Codable, Hashable {
        /// The commit id, or the tag's name.
        public var name: String
        /// The tag object's id (annotated tags); nil for commits and lightweight tags.
        public var object: String?
        /// git's verdict.
        public var verdict: Verdict
    }

    /// What was listed: `PREV..RELEASE`, `all commits` or `tags`.
    public var scope: String
    /// The trust the verdicts rest on.
    public var allowedSigners: String?
    /// The trusted OpenPGP keys' source.
    public var openPGPKeys: String?
    /// The entries, oldest commit first (tags in name order).
    public var entries: [Entry]
    /// Notes for the user on tags that point at a tree or a blob (not part of the listing's JSON).
    public var notes: [String] = []

    private enum CodingKeys: String, CodingKey { case scope, allowedSigners, openPGPKeys, entries }

    /// One line per entry: name, letter, signer, fingerprint, separated by single spaces as git prints them.
    public var text: String {
        entries.map { "\($0.name) \($0.verdict.letter.rawValue) \($0.verdict.signer) \($0.verdict.fingerprint)\n" }.joined()
    }

    /// The listing as canonical JSON.
    public func json() throws -> Data { try CanonicalJSON.encode(self) }

    /// Reads the repository and checks the signatures the request names.
    /// - Throws: `DossierError` for a bad repository, revision, configuration or trust file.
    public static func make(_ request: SignatureListingRequest) async throws -> SignatureListing {
        let repository = try Repository(path: request.repository)
        let externalConfig = try request.configFile.map(Config.load(file:))
        // Which commits, and the tree whose trust applies: the range's end, or HEAD.
        let scope: String, trustCommit: String, trustLabel: String
        var range: RevisionRange?
        var notes: [String] = []
        if request.tags || request.all {
            trustCommit = try repository.resolveCommit("HEAD")
            (scope, trustLabel) = (request.tags ? "tags" : "all commits", "HEAD")
        } else if let text = request.range {
            let parts = text.components(separatedBy: "..")
            guard parts.count <= 2, !(parts.last ?? "").isEmpty, !text.contains("...") else {
                throw DossierError("cannot read the range '\(text)': expected PREV..RELEASE or one revision")
            }
            let end = try repository.resolveCommit(parts[parts.count - 1])
            let start = parts.count == 2 && !parts[0].isEmpty ? try repository.resolveCommit(parts[0]) : nil
            range = RevisionRange(release: end, since: start)
            (scope, trustCommit, trustLabel) = (text, end, parts[parts.count - 1])
        } else {
            let head = try repository.resolveCommit("HEAD")
            let pattern = try externalConfig ?? RecordLoader.config(from: GitTreeSource(repository: repository, commit: head, label: "HEAD"))
            let tags = try repository.releaseTags(matching: pattern.tagPattern)
            notes = tags.notes
            guard let newest = tags.tags.last else {
                throw DossierError("no release tag matches '\(pattern.tagPattern)' in \(request.repository); name a range, e.g. dossier signatures v1.0.0..v1.1.0, or use --all")
            }
            let previous = try ReleaseAssembler.previousRelease(of: newest.name, commit: newest.commit, tags: tags, in: repository)
            range = RevisionRange(release: newest.commit, since: previous?.commit)
            (scope, trustCommit, trustLabel) = ("\(previous?.name ?? "root")..\(newest.name)", newest.commit, newest.name)
        }
        let source = GitTreeSource(repository: repository, commit: trustCommit, label: trustLabel)
        let config = try externalConfig ?? RecordLoader.config(from: source)
        let trust = try SignatureTrust.load(config: config, from: source, allowedSignersFile: request.allowedSignersFile,
                                            openPGPKeysFolder: request.openPGPKeysFolder)
        let checker = SignatureChecker(trust: trust, verificationTime: request.verificationTime)

        var entries: [Entry] = []
        if request.tags {
            // A tag of a tree or a blob is listed too: git verifies any tag object's signature (git verify-tag).
            // Each tag is read by the id the listing read, never looked up again by its name.
            let tags = try repository.tagList()
            notes = tags.skipped.map(\.listingNote)
            let listed = tags.tags.map { ($0.name, $0.target) } + tags.skipped.compactMap { tag in tag.target.map { (tag.name, $0) } }
            for (name, target) in listed.sorted(by: { TagList.byteOrder($0.0, $1.0) }) {
                let tag = try repository.tagObject(target: target)
                entries.append(Entry(name: name, object: tag.objectId,
                                     verdict: checker.verdict(tag.signedContent, signedAt: tag.tagger?.time ?? 0)))
            }
        } else {
            let ids = try range.map { try repository.commitIds(in: $0) } ?? repository.allCommitIds()
            let verdicts = try await repository.verdicts(of: ids, checker: checker)
            entries = zip(ids, verdicts).map { Entry(name: $0, object: nil, verdict: $1) }
        }
        return SignatureListing(scope: scope, allowedSigners: trust.allowedSignersSource,
                                openPGPKeys: trust.openPGPKeysSource, entries: entries, notes: notes)
    }
}
