import Assembly
import Foundation
import Git
import Records
import Signatures
import Support

/// `dossier signatures`: git's verdict on every commit signature in a range (or on every tag), checked natively.
public struct SignaturesAction: Sendable {
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

    /// Creates the action.
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

    /// Reads the repository and checks the signatures the action names.
    /// - Throws: `DossierError` for a bad repository, revision, configuration or trust file.
    public func perform() async throws -> SignatureListing {
        let repository = try Repository(path: self.repository)
        let externalConfig = try configFile.map(Config.load(file:))
        // Which commits, and the tree whose trust applies: the range's end, or HEAD.
        let scope: String, trustCommit: String, trustLabel: String
        var revisions: RevisionRange?
        var notes: [String] = []
        if self.tags || all {
            trustCommit = try repository.resolveCommit("HEAD")
            (scope, trustLabel) = (self.tags ? "tags" : "all commits", "HEAD")
        } else if let text = range {
            let parts = text.components(separatedBy: "..")
            guard parts.count <= 2, !(parts.last ?? "").isEmpty, !text.contains("...") else {
                throw DossierError("cannot read the range '\(text)': expected PREV..RELEASE or one revision")
            }
            let end = try repository.resolveCommit(parts[parts.count - 1])
            let start = parts.count == 2 && !parts[0].isEmpty ? try repository.resolveCommit(parts[0]) : nil
            revisions = RevisionRange(release: end, since: start)
            (scope, trustCommit, trustLabel) = (text, end, parts[parts.count - 1])
        } else {
            let head = try repository.resolveCommit("HEAD")
            let pattern = try externalConfig ?? RecordLoader.config(from: GitTreeSource(repository: repository, commit: head, label: "HEAD"))
            let tags = try repository.releaseTags(matching: pattern.tagPattern)
            notes = tags.notes
            guard let newest = tags.tags.last else {
                throw DossierError("no release tag matches '\(pattern.tagPattern)' in \(self.repository); name a range, e.g. dossier signatures v1.0.0..v1.1.0, or use --all")
            }
            let previous = try ReleaseAssembler.previousRelease(of: newest.name, commit: newest.commit, tags: tags, in: repository)
            revisions = RevisionRange(release: newest.commit, since: previous?.commit)
            (scope, trustCommit, trustLabel) = ("\(previous?.name ?? "root")..\(newest.name)", newest.commit, newest.name)
        }
        let source = GitTreeSource(repository: repository, commit: trustCommit, label: trustLabel)
        let config = try externalConfig ?? RecordLoader.config(from: source)
        let trust = try SignatureTrust.load(config: config, from: source, allowedSignersFile: allowedSignersFile,
                                            openPGPKeysFolder: openPGPKeysFolder)
        let checker = SignatureChecker(trust: trust, verificationTime: verificationTime)

        var entries: [SignatureListing.Entry] = []
        if self.tags {
            // A tag of a tree or a blob is listed too: git verifies any tag object's signature (git verify-tag).
            // Each tag is read by the id the listing read, never looked up again by its name.
            let tags = try repository.tagList()
            notes = tags.skipped.map(\.listingNote)
            let listed = tags.tags.map { ($0.name, $0.target) } + tags.skipped.compactMap { tag in tag.target.map { (tag.name, $0) } }
            for (name, target) in listed.sorted(by: { TagList.byteOrder($0.0, $1.0) }) {
                let tag = try repository.tagObject(target: target)
                entries.append(SignatureListing.Entry(name: name, object: tag.objectId,
                                                      verdict: checker.verdict(tag.signedContent, signedAt: tag.tagger?.time ?? 0)))
            }
        } else {
            let ids = try revisions.map { try repository.commitIds(in: $0) } ?? repository.allCommitIds()
            let verdicts = try await repository.verdicts(of: ids, checker: checker)
            entries = zip(ids, verdicts).map { SignatureListing.Entry(name: $0, object: nil, verdict: $1) }
        }
        return SignatureListing(scope: scope, allowedSigners: trust.allowedSignersSource,
                                openPGPKeys: trust.openPGPKeysSource, entries: entries, notes: notes)
    }
}
