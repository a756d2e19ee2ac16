import Crypto
import Evidence
import Foundation
import Git
import Model
import Support

/// A release's bundle stored in the repository itself: a commit whose tree is the bundle, at
/// `refs/dossier/<tag>`, so that plain git can read it (`git ls-tree -r refs/dossier/v2.0.0`).
public enum AttachedBundle {
    /// The commit holding the release's attached bundle, or `nil` when none is attached. A release whose bundle's
    /// reference would lie in the evidence's namespace (a tag `evidence/…`) has none: that commit is evidence.
    public static func commit(release: String, in repository: Repository) -> String? {
        guard StoredEvidence.layoutProblem(tag: release) == nil else { return nil }
        return storedTree(release).commit(in: repository)
    }

    /// One file of the release's attached bundle, or `nil` when no bundle is attached (or it lacks the file).
    /// - Throws: `DossierError` when `repository` is not a git repository.
    public static func read(release: String, repository path: String, file: String) throws -> Data? {
        try read(release: release, in: Repository(path: path), file: file)
    }

    /// One file of the release's attached bundle in an open repository, or `nil` as above. The bundle's tree is
    /// checked first as for `files` (names, sizes), so no blob of a hostile bundle is read.
    public static func read(release: String, in repository: Repository, file: String) throws -> Data? {
        try withBlobs(release: release, in: repository) { entries in
            guard let entry = entries.first(where: { $0.path == file }) else { return nil }
            return try StoredTree.data(entry, in: repository)
        } ?? nil
    }

    /// The bundle attached to `release`, checked as a signature on it needs it: whole by its manifest, and the bundle
    /// of that release (its suf.json names the release and the tagged commit); nil when none is attached.
    /// - Throws: `DossierError` naming the reference when the bundle is not whole, or is another release's.
    public static func wholeBundle(release: String, in repository: Repository) throws -> WholeBundle? {
        guard let commit = commit(release: release, in: repository) else { return nil }
        let bundle = "the bundle attached to \(release) (\(DossierReference.bundle(release)) at \(commit.prefix(12)))"
        guard let whole = WholeBundle(try files(release: release, in: repository)) else {
            throw DossierError("\(bundle) does not match its \(BundleWriter.manifestName): attach a whole bundle with dossier attach \(release) --force")
        }
        guard let json = whole.files["suf.json"], let stated = StatedRelease(sufJSON: json) else {
            throw DossierError("\(bundle) has no suf.json that names its release")
        }
        let tagged = try repository.tag(named: release).commit
        guard stated.release.sameBytes(as: release), stated.commit == tagged else {
            throw DossierError("\(bundle) is the bundle of \(Excerpt.quoted(stated.release)) at commit \(stated.commit.prefix(12)), not of \(release) at \(tagged.prefix(12))")
        }
        return whole
    }

    /// The revision of the bundle attached to the release now — how many times the `MANIFEST.sha256` at
    /// `refs/dossier/<tag>` changed along its first parents (a bundle attached again with only a new signature is the
    /// same revision) — and that manifest; (0, nil) when none is attached.
    /// - Throws: `DossierError` when the reference's history or the bundle is not one dossier reads.
    public static func revisions(release: String, in repository: Repository) throws -> (count: Int, manifest: Data?) {
        guard StoredEvidence.layoutProblem(tag: release) == nil else { return (0, nil) }
        let count = try storedTree(release).changes(of: BundleWriter.manifestName, in: repository)
        return (count, count == 0 ? nil : try read(release: release, in: repository, file: BundleWriter.manifestName))
    }

    /// The bundle's tree: files with plain names, no folders, bounded in size (`StoredTree`).
    static func storedTree(_ release: String) -> StoredTree {
        StoredTree(reference: DossierReference.bundle(release), subject: "the bundle attached to \(release)", kind: "a bundle",
                   owner: "the bundle's",
                   rule: "an attached bundle holds files with plain names only, and dossier writes none of it")
    }
}

extension AttachedBundle {
    /// The notes reference whose note on a release's tagged commit names its attached bundle.
    public static let notesReference = "refs/notes/dossier"

    /// What `attach` did.
    public enum Outcome: String, Sendable {
        /// A bundle was attached where none was.
        case attached
        /// The same bundle was attached already: nothing changed.
        case unchanged
        /// A different bundle was attached before; this one replaced it (`force`), the old one stays in the ref's history.
        case replaced
    }

    /// The result of attaching a bundle.
    public struct Attachment: Sendable {
        /// What happened.
        public var outcome: Outcome
        /// The commit at `refs/dossier/<tag>` now.
        public var commit: String
        /// The commit the release tag points at.
        public var taggedCommit: String
        /// The objects that carry the note: the tagged commit and, for an annotated tag, the tag object too (so
        /// that `git notes --ref=dossier show v2.0.0` finds it, as git names the tag object by the tag's name).
        public var notedObjects: [String]
        /// The SHA-256 of the bundle's MANIFEST.sha256.
        public var manifestDigest: String
    }

    /// Stores the bundle in `folder` at `refs/dossier/<tag>` (a commit whose tree is the bundle, one commit per
    /// attach) and notes its commit and manifest digest under `refs/notes/dossier` on the tagged commit (and on an
    /// annotated tag's object).
    /// The commit and the note are dated with the release tag's date, so attaching is reproducible.
    /// - Throws: `DossierError` when `tag` is not a tag, the folder is not a whole bundle of that release, or a
    ///   different bundle is attached already and `force` is off.
    public static func attach(folder: String, tag: String, repository path: String, force: Bool) throws -> Attachment {
        let repository = try Repository(path: path)
        guard try repository.tagList().isCommitTag(tag) else {
            throw DossierError("'\(tag)' is not a tag: a bundle is attached to a release tag")
        }
        if let problem = StoredEvidence.layoutProblem(tag: tag) { throw DossierError("cannot attach a bundle to \(problem)") }
        let (files, document) = try bundleFiles(folder, release: tag)
        let manifest = files.first { $0.name == BundleWriter.manifestName }!.data
        let digest = sha256Hex(manifest)
        let release = try repository.tag(named: tag)
        let time = try release.tagger?.time ?? repository.committer(of: release.commit)?.time ?? 0
        let author = StoredTree.Author(name: "dossier", email: "dossier@localhost", time: time)
        let stored = storedTree(tag)

        let tree = try StoredTree.writeTree(files.map { ($0.name, $0.data) }, in: repository)
        let previous = commit(release: tag, in: repository)
        var outcome = Outcome.attached
        var commitId: String
        if let previous {
            if try StoredTree.tree(ofCommit: previous, in: repository) == tree {
                outcome = .unchanged
                commitId = previous
            } else {
                guard force else {
                    throw DossierError("\(tag) already has a different bundle attached (\(DossierReference.bundle(tag)) at \(previous.prefix(12))); attach again with --force to replace it (the old one stays in the ref's history)")
                }
                outcome = .replaced
                commitId = try StoredTree.writeCommit(tree: tree, parent: previous, message: message(tag, digest), author: author, in: repository)
            }
        } else {
            commitId = try StoredTree.writeCommit(tree: tree, parent: nil, message: message(tag, digest), author: author, in: repository)
        }
        // A bundle states its revision: it must be the place it takes among the bundles attached (a bundle built
        // before another one was attached would otherwise claim a revision it is not).
        if let revision = document?.revision {
            let (before, attachedManifest) = try revisions(release: tag, in: repository)
            let place = attachedManifest == manifest ? before : before + 1
            if revision != place {
                throw DossierError("\(folder) says it is revision \(revision) of \(document!.id), but attached it would be revision \(place) (the bundles attached to \(tag) so far make \(before) revision(s)): build it again (dossier suf \(tag)) and attach that; nothing was attached")
            }
        }
        if outcome != .unchanged {
            try stored.update(to: commitId, from: previous, logMessage: "dossier attach \(tag)", in: repository)
        }
        let note = "dossier bundle for \(tag)\nbundle: \(commitId)\nmanifest-sha256: \(digest)\n"
        let noted = [release.commit] + (release.objectId.map { [$0] } ?? [])
        for object in noted where try repository.note(on: object, notesReference: notesReference) != note {
            try repository.writeNote(note, on: object, notesReference: notesReference, author: author)
        }
        return Attachment(outcome: outcome, commit: commitId, taggedCommit: release.commit, notedObjects: noted, manifestDigest: digest)
    }

    /// The names of the files of the release's attached bundle, in byte order; empty when none is attached.
    public static func fileNames(release: String, in repository: Repository) throws -> [String] {
        try withBlobs(release: release, in: repository) { entries in
            entries.map(\.path).sorted()
        } ?? []
    }

    /// Every file of the release's attached bundle, by name, read from its tree in one pass; empty when none is
    /// attached.
    public static func files(release: String, in repository: Repository) throws -> [String: Data] {
        try withBlobs(release: release, in: repository) { entries in
            var files: [String: Data] = [:]
            for entry in entries { files[entry.path] = try StoredTree.data(entry, in: repository) }
            return files
        } ?? [:]
    }

    /// Calls `body` with the files of the attached bundle's tree; nil when none is attached. Every read of an
    /// attached bundle goes through here, and so through `StoredTree.withFiles`'s checks of names and sizes.
    private static func withBlobs<T>(release: String, in repository: Repository,
                                     _ body: ([StoredTree.File]) throws -> T) throws -> T? {
        guard let commit = commit(release: release, in: repository) else { return nil }
        return try storedTree(release).withFiles(commit: commit, in: repository, body)
    }

    private static func message(_ tag: String, _ digest: String) -> String {
        "dossier bundle for \(tag)\n\nMANIFEST.sha256 SHA-256: \(digest)\n"
    }

    /// The bundle's files, checked: the manifest names every file with its digest, and suf.json is of `release`.
    private static func bundleFiles(_ folder: String, release: String) throws -> (files: [(name: String, data: Data)], document: DocumentIdentity?) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DossierError("no bundle folder at \(folder)")
        }
        var files: [(name: String, data: Data)] = []
        // Read as verify reads it: a symbolic link is not followed, a FIFO not waited on.
        for (rawName, kind) in try BundleInventory(folder: folder).entries.sorted(by: { $0.key < $1.key }) {
            let name = rawName.string
            guard kind == .file, !name.contains("/") else {
                throw DossierError("\(folder) holds \(BundlePath.escaped(name)), \(name.contains("/") ? "in a folder" : "not a regular file"): a bundle holds files only")
            }
            // Nothing is attached that show --extract and dhf would refuse to write.
            if let problem = BundlePath.problem(entry: name) {
                throw DossierError("\(folder) holds '\(BundlePath.escaped(name))', \(problem): a bundle's files have plain names")
            }
            guard let data = BundleInventory.readFile((folder as NSString).appendingPathComponent(name)) else {
                throw DossierError("cannot read \((folder as NSString).appendingPathComponent(name))")
            }
            files.append((name, data))
        }
        // Nor two names that would be one file where it is extracted (case, Unicode normalization).
        if let (name, problem) = BundlePath.firstProblem(in: files.map(\.name)) {
            throw DossierError("\(folder) holds '\(BundlePath.escaped(name))', \(problem): a bundle's files have plain names")
        }
        // The files read are the files stored: they must be exactly what the manifest lists. Only when they are
        // not is the folder checked again, file by file, to say what is wrong.
        if !BundleWriter.isWhole(Dictionary(files.map { ($0.name, $0.data) }, uniquingKeysWith: { a, _ in a })) {
            let check = try BundleVerifier.check(folder: folder, now: 0)
            let bad = check.files.filter { $0.state != .ok }.map { "\($0.path) \($0.state.rawValue)" } + check.malformedLines
            throw DossierError("\(folder) is not a whole bundle: \(bad.isEmpty ? "its manifest is not in dossier's form" : bad.joined(separator: ", ")); rebuild it with dossier suf")
        }
        guard let suf = files.first(where: { $0.name == "suf.json" }) else {
            throw DossierError("\(folder) is not a dossier bundle: it holds no suf.json")
        }
        let bundled = try ReleaseReader.decode(suf.data, file: (folder as NSString).appendingPathComponent("suf.json"))
        guard bundled.release.identification.release == release else {
            throw DossierError("\(folder) is the bundle of \(bundled.release.identification.release), not of \(release)")
        }
        return (files, bundled.release.identification.document)
    }
}

/// The release and commit a bundle's suf.json names, read without the rest of it.
public struct StatedRelease: Sendable, Decodable {
    /// The release's name.
    public var release: String
    /// The release commit.
    public var commit: String

    private struct Outer: Decodable { var identification: StatedRelease }

    /// Reads them; nil when `sufJSON` is not a suf.json that names them.
    public init?(sufJSON: Data) {
        guard let outer = try? JSONDecoder().decode(Outer.self, from: sufJSON) else { return nil }
        self = outer.identification
    }
}
