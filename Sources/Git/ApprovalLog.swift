import CLibGit2
import Foundation
import Support

/// The approvals of a release's bundle, kept in git: at `refs/dossier/approvals/<tag>`, one signed commit per
/// approval, each with the previous one as its parent. An approval's tree holds the `MANIFEST.sha256` it approves;
/// its message states the release, role and meaning in trailers; its `gpgsig` header is the signer's signature, the
/// one `git verify-commit` checks. This type reads and writes those commits; what they mean is judged elsewhere.
public enum ApprovalLog {
    /// Where approval references lie: `refs/dossier/approvals/<tag>`.
    public static let referencePrefix = "refs/dossier/approvals/"

    /// The reference that holds a release's approvals.
    public static func referenceName(_ tag: String) -> String { referencePrefix + tag }

    /// The one file of an approval's tree: the manifest it approves.
    public static let manifestName = "MANIFEST.sha256"

    /// The most approvals read for one release: far beyond the few a release gets, and a hostile reference with a
    /// chain of millions of commits is refused before it is walked to its end.
    public static let maximumApprovals = 1_000
    /// The largest approval commit object read: an approval's message is a few hundred bytes.
    public static let maximumCommitSize = 64 << 10
    /// The largest manifest an approval's tree may hold: a bundle's manifest lists a handful of files (a DHF's, a few
    /// hundred), a line each.
    public static let maximumManifestSize = 1 << 20

    /// One approval commit as git stores it.
    public struct Entry: Sendable {
        /// The commit's id.
        public var commit: String
        /// The raw commit object: what its signature covers, cut out by `SignedContent.ofCommit`.
        public var object: [UInt8]
        /// The author: the signer's name and email as the signer wrote them, and when the approval was made.
        public var author: Person?
        /// The committer's time, which an SSH key's validity is judged at (as git judges it).
        public var committerTime: Int64
        /// The message, whole.
        public var message: String
        /// The SHA-256 of the `MANIFEST.sha256` the commit's tree holds; nil when the tree is not that file alone.
        public var manifestSHA256: String?
        /// What is wrong with the tree, when it is not `MANIFEST.sha256` alone (a file of at most
        /// `maximumManifestSize` bytes); nil when it is.
        public var treeProblem: String?
    }

    /// The tree of one release's approvals.
    static func storedTree(_ tag: String) -> StoredTree {
        StoredTree(reference: referenceName(tag), subject: "the approvals of \(tag)", kind: "an approval",
                   owner: "the approval's",
                   rule: "an approval's tree holds its MANIFEST.sha256 only, and dossier reads none of it")
    }

    /// The approval commit the reference points at now, or nil when the release has none.
    public static func tip(_ tag: String, in repository: Repository) -> String? {
        storedTree(tag).commit(in: repository)
    }

    /// The release's approvals, oldest first (following first parents from the reference).
    /// - Throws: `DossierError` naming the reference and the commit when it holds something that is not an approval
    ///   commit dossier reads (not a commit, too large, more than `maximumApprovals`, a tree with folders or links).
    public static func entries(_ tag: String, in repository: Repository) throws -> [Entry] {
        let stored = storedTree(tag)
        guard var next = stored.commit(in: repository) else { return [] }
        let odb = try ObjectDatabase(repository)
        let database = try make("git_repository_odb") { git_repository_odb(&$0, repository.pointer) }
        defer { git_odb_free(database) }
        var result: [Entry] = []
        var seen: Set<String> = []
        while true {
            guard result.count < maximumApprovals else {
                throw DossierError("the approvals of \(tag) (\(stored.reference)) hold more than \(maximumApprovals) commits: dossier reads none of them")
            }
            guard seen.insert(next).inserted else { break }
            let commit = next
            var id = try oid(commit)
            var size = 0, type = GIT_OBJECT_INVALID
            guard git_odb_read_header(&size, &type, database, &id) == 0, type == GIT_OBJECT_COMMIT else {
                throw DossierError("the approvals of \(tag) (\(stored.reference)) reach \(commit.prefix(12)), which is not a commit: dossier reads none of them")
            }
            guard size <= maximumCommitSize else {
                throw DossierError("the approvals of \(tag) (\(stored.reference)) hold the commit \(commit.prefix(12)) of \(size) bytes, more than the \(maximumCommitSize) bytes an approval may hold: dossier reads none of them")
            }
            let (object, headers) = try odb.withObject(commit) { _, bytes in (Array(bytes), ObjectHeaders(bytes: bytes)) }
            let (digest, treeProblem) = try manifest(ofTree: headers.first("tree") ?? "", database: database, in: repository)
            result.append(Entry(commit: commit, object: object,
                                author: headers.first("author").flatMap { Person.parse(Substring($0)) },
                                committerTime: headers.first("committer").flatMap { Person.parse(Substring($0))?.time } ?? 0,
                                message: headers.message, manifestSHA256: digest, treeProblem: treeProblem))
            guard let parent = headers.first("parent") else { break }
            next = parent
        }
        return result.reversed()
    }

    /// The SHA-256 of the manifest an approval's tree holds, or what is wrong with the tree. Only the tree's entry count
    /// and the one blob's size (from its header) are looked at before the blob is read: a hostile tree of a hundred
    /// thousand entries, or a blob of gigabytes, costs nothing.
    private static func manifest(ofTree tree: String, database: OpaquePointer, in repository: Repository) throws -> (String?, String?) {
        guard var id = try? oid(tree) else { return (nil, "its commit names no tree") }
        var object: OpaquePointer?
        guard git_tree_lookup(&object, repository.pointer, &id) == 0 else { return (nil, "its tree cannot be read") }
        defer { git_tree_free(object) }
        guard git_tree_entrycount(object) == 1, let entry = git_tree_entry_byindex(object, 0),
              String(cString: git_tree_entry_name(entry)) == manifestName,
              git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB else {
            return (nil, "its tree is not the file \(manifestName) alone")
        }
        var blob = git_tree_entry_id(entry).pointee
        var size = 0, type = GIT_OBJECT_INVALID
        guard git_odb_read_header(&size, &type, database, &blob) == 0, type == GIT_OBJECT_BLOB else {
            return (nil, "its \(manifestName) cannot be read")
        }
        guard size <= maximumManifestSize else {
            return (nil, "its \(manifestName) holds \(size) bytes, more than the \(maximumManifestSize) a manifest may hold")
        }
        let data = try StoredTree.data(blob: blob, in: repository)
        return (sha256Hex(data), nil)
    }

    /// Records one approval: a commit whose tree holds `manifest`, whose parent is the release's newest approval,
    /// authored and committed by `signer`, signed by `sign` (which is given the commit's bytes and returns the
    /// armored signature git keeps in its `gpgsig` header), and moves the reference to it only from the commit read.
    /// - Returns: the new commit's id.
    /// - Throws: `DossierError` when the tag has no place for approvals, or the reference changed meanwhile.
    package static func append(_ tag: String, manifest: Data, message: String, signer: StoredTree.Author,
                              in repository: Repository, sign: ([UInt8]) throws -> String) throws -> String {
        let stored = storedTree(tag)
        let previous = stored.commit(in: repository)
        let tree = try StoredTree.writeTree([(manifestName, manifest)], in: repository)
        let id = try withoutActuallyEscaping(sign) { sign in
            try StoredTree.writeCommit(tree: tree, parent: previous, message: message, author: signer, in: repository, sign: sign)
        }
        try stored.update(to: id, from: previous, logMessage: "dossier approve \(tag)", in: repository)
        return id
    }
}
