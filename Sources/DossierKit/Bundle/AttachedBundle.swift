import CLibGit2
import Crypto
import Foundation

/// A release's bundle stored in the repository itself: a commit whose tree is the bundle, at
/// `refs/dossier/<tag>`, so that plain git can read it (`git ls-tree -r refs/dossier/v2.0.0`).
public enum AttachedBundle {
    /// The reference that holds a release's bundle.
    public static func referenceName(_ release: String) -> String { "refs/dossier/\(release)" }

    /// The commit holding the release's attached bundle, or `nil` when none is attached.
    public static func commit(release: String, in repository: Repository) -> String? {
        var id = git_oid()
        guard git_reference_name_to_id(&id, repository.pointer, referenceName(release)) == 0 else { return nil }
        return hex(&id)
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
            guard let entry = entries.first(where: { String(cString: git_tree_entry_name($0)) == file }) else { return nil }
            return try blobData(entry, in: repository)
        } ?? nil
    }

    /// The most one file of an attached bundle may hold. A real bundle's largest file is its PDF or suf.json: for a
    /// release of 20,000 commits these are tens of megabytes, so 256 MiB holds one with ample room, while a blob
    /// git stores compressed to a few kilobytes (zeros) is refused before it is inflated into memory.
    static let maximumFileSize: UInt64 = 256 << 20
    /// The most all files of an attached bundle may hold together: a real bundle (SUF in Markdown, HTML and PDF,
    /// suf.json, trace matrix) of such a release is a few hundred megabytes at most, so 1 GiB holds it with room.
    static let maximumBundleSize: UInt64 = 1 << 30

    /// The bytes of a blob whose size `withBlobs` has checked.
    private static func blobData(_ entry: OpaquePointer, in repository: Repository) throws -> Data {
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, git_tree_entry_id(entry)), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        return size > 0 ? Data(bytes: git_blob_rawcontent(blob)!, count: size) : Data()
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
        guard try repository.tagNames().contains(tag) else {
            throw DossierError("'\(tag)' is not a tag: a bundle is attached to a release tag")
        }
        let files = try bundleFiles(folder, release: tag)
        let manifest = files.first { $0.name == BundleWriter.manifestName }!.data
        let digest = SHA256.hash(data: manifest).map { String(format: "%02x", $0) }.joined()
        let release = try repository.tag(named: tag)
        let time = try release.tagger?.time ?? repository.committer(of: release.commit)?.time ?? 0
        var signaturePointer: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&signaturePointer, "dossier", "dossier@localhost", git_time_t(time), 0), "git_signature_new")
        guard let signature = signaturePointer else { throw GitError(call: "git_signature_new", code: -1) }
        defer { git_signature_free(signature) }

        let tree = try writeTree(files, in: repository)
        let previous = commit(release: tag, in: repository)
        var outcome = Outcome.attached
        var commitId: String
        if let previous {
            if try treeOfCommit(previous, in: repository) == tree {
                outcome = .unchanged
                commitId = previous
            } else {
                guard force else {
                    throw DossierError("\(tag) already has a different bundle attached (\(referenceName(tag)) at \(previous.prefix(12))); attach again with --force to replace it (the old one stays in the ref's history)")
                }
                outcome = .replaced
                commitId = try writeCommit(tree: tree, parent: previous, message: message(tag, digest), signature: signature, in: repository)
            }
        } else {
            commitId = try writeCommit(tree: tree, parent: nil, message: message(tag, digest), signature: signature, in: repository)
        }
        if outcome != .unchanged {
            var id = try oid(commitId)
            var reference: OpaquePointer?
            try check(git_reference_create(&reference, repository.pointer, referenceName(tag), &id, 1, "dossier attach \(tag)"),
                      "git_reference_create")
            git_reference_free(reference)
        }
        let note = "dossier bundle for \(tag)\nbundle: \(commitId)\nmanifest-sha256: \(digest)\n"
        let noted = [release.commit] + (release.objectId.map { [$0] } ?? [])
        for object in noted {
            var target = try oid(object)
            if readNote(on: &target, in: repository) != note {
                var noteId = git_oid()
                try check(git_note_create(&noteId, repository.pointer, notesReference, signature, signature, &target, note, 1), "git_note_create")
            }
        }
        return Attachment(outcome: outcome, commit: commitId, taggedCommit: release.commit, notedObjects: noted, manifestDigest: digest)
    }

    /// The names of the files of the release's attached bundle, in byte order; empty when none is attached.
    public static func fileNames(release: String, in repository: Repository) throws -> [String] {
        try withBlobs(release: release, in: repository) { entries in
            entries.map { String(cString: git_tree_entry_name($0)) }.sorted()
        } ?? []
    }

    /// Every file of the release's attached bundle, by name, read from its tree in one pass; empty when none is
    /// attached.
    public static func files(release: String, in repository: Repository) throws -> [String: Data] {
        try withBlobs(release: release, in: repository) { entries in
            var files: [String: Data] = [:]
            for entry in entries { files[String(cString: git_tree_entry_name(entry))] = try blobData(entry, in: repository) }
            return files
        } ?? [:]
    }

    /// Calls `body` with the file entries of the attached bundle's tree; nil when none is attached. Every read of
    /// an attached bundle goes through here.
    /// - Throws: `DossierError` naming the reference and the entry when the tree holds anything but files with
    ///   names `BundlePath` accepts (each alone and all together), or a blob larger than `maximumFileSize` or blobs
    ///   larger than `maximumBundleSize` together (sizes read from the objects' headers, not by inflating them),
    ///   before any blob is read or anything written from it.
    private static func withBlobs<T>(release: String, in repository: Repository,
                                     _ body: ([OpaquePointer]) throws -> T) throws -> T? {
        guard let commit = commit(release: release, in: repository) else { return nil }
        var id = try oid(commit)
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, repository.pointer, &id), "git_commit_lookup")
        defer { git_commit_free(object) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, object), "git_commit_tree")
        defer { git_tree_free(tree) }
        let entries = (0..<git_tree_entrycount(tree)).compactMap { git_tree_entry_byindex(tree, $0) }
        var names: [String] = []
        for entry in entries {
            let raw = git_tree_entry_name(entry)!
            let refuse = { (problem: String) in refused(release, commit: commit, entry: displayName(raw), problem) }
            guard let name = String(validatingCString: raw) else { throw refuse("a name that is not UTF-8") }
            let mode = git_tree_entry_filemode(entry)
            guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else {
                throw refuse(mode == GIT_FILEMODE_TREE ? "a folder" : mode == GIT_FILEMODE_LINK ? "a symbolic link" : "not a file")
            }
            if let problem = BundlePath.problem(entry: name) { throw refuse(problem) }
            names.append(name)
        }
        if let (name, problem) = BundlePath.firstProblem(in: names) {
            throw refused(release, commit: commit, entry: BundlePath.escaped(name), problem)
        }
        let database = try make("git_repository_odb") { git_repository_odb(&$0, repository.pointer) }
        defer { git_odb_free(database) }
        var total: UInt64 = 0
        for (entry, name) in zip(entries, names) {
            var size = 0, type = GIT_OBJECT_INVALID
            try check(git_odb_read_header(&size, &type, database, git_tree_entry_id(entry)), "git_odb_read_header")
            let bytes = UInt64(size)
            total += bytes
            let problem = bytes > maximumFileSize ? "more than the \(maximumFileSize) bytes (256 MiB) one file of a bundle may hold"
                : total > maximumBundleSize ? "which brings the bundle's files to \(total) bytes, more than the \(maximumBundleSize) bytes (1 GiB) a bundle may hold"
                : nil
            if let problem {
                throw DossierError("the bundle attached to \(release) (\(referenceName(release)), commit \(commit.prefix(12))) holds the entry '\(BundlePath.escaped(name))' of \(bytes) bytes, \(problem): dossier reads none of it")
            }
        }
        return try body(entries)
    }

    private static func refused(_ release: String, commit: String, entry: String, _ problem: String) -> DossierError {
        DossierError("the bundle attached to \(release) (\(referenceName(release)), commit \(commit.prefix(12))) holds the entry '\(entry)', \(problem): an attached bundle holds files with plain names only, and dossier writes none of it")
    }

    /// A tree entry's name for a message: control characters and bytes that are not UTF-8 escaped.
    private static func displayName(_ raw: UnsafePointer<CChar>) -> String {
        if let name = String(validatingCString: raw) { return BundlePath.escaped(name) }
        return UnsafeBufferPointer(start: raw, count: strlen(raw)).map { byte in
            let value = UInt8(bitPattern: byte)
            return value >= 0x20 && value < 0x7F && value != 0x5C ? String(UnicodeScalar(value)) : String(format: "\\x%02X", value)
        }.joined()
    }

    private static func message(_ tag: String, _ digest: String) -> String {
        "dossier bundle for \(tag)\n\nMANIFEST.sha256 SHA-256: \(digest)\n"
    }

    /// The bundle's files, checked: the manifest names every file with its digest, and suf.json is of `release`.
    private static func bundleFiles(_ folder: String, release: String) throws -> [(name: String, data: Data)] {
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
        guard bundled.identification.release == release else {
            throw DossierError("\(folder) is the bundle of \(bundled.identification.release), not of \(release)")
        }
        return files
    }

    private static func writeTree(_ files: [(name: String, data: Data)], in repository: Repository) throws -> String {
        let builder = try make("git_treebuilder_new") { git_treebuilder_new(&$0, repository.pointer, nil) }
        defer { git_treebuilder_free(builder) }
        for file in files {
            var blob = git_oid()
            _ = try file.data.withUnsafeBytes { bytes in
                try check(git_blob_create_from_buffer(&blob, repository.pointer, bytes.baseAddress, bytes.count), "git_blob_create_from_buffer")
            }
            try check(git_treebuilder_insert(nil, builder, file.name, &blob, GIT_FILEMODE_BLOB), "git_treebuilder_insert")
        }
        var tree = git_oid()
        try check(git_treebuilder_write(&tree, builder), "git_treebuilder_write")
        return hex(&tree)
    }

    private static func treeOfCommit(_ commit: String, in repository: Repository) throws -> String {
        var id = try oid(commit)
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, repository.pointer, &id), "git_commit_lookup")
        defer { git_commit_free(object) }
        return hex(git_commit_tree_id(object))
    }

    private static func writeCommit(tree: String, parent: String?, message: String, signature: UnsafePointer<git_signature>,
                                    in repository: Repository) throws -> String {
        var treeId = try oid(tree)
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, repository.pointer, &treeId), "git_tree_lookup")
        defer { git_tree_free(treeObject) }
        var parents: [OpaquePointer?] = []
        defer { parents.forEach { git_commit_free($0) } }
        if let parent {
            var parentId = try oid(parent)
            var parentObject: OpaquePointer?
            try check(git_commit_lookup(&parentObject, repository.pointer, &parentId), "git_commit_lookup")
            parents.append(parentObject)
        }
        var commit = git_oid()
        _ = try parents.withUnsafeMutableBufferPointer { buffer in
            try check(git_commit_create(&commit, repository.pointer, nil, signature, signature, "UTF-8", message, treeObject,
                                        buffer.count, buffer.baseAddress), "git_commit_create")
        }
        return hex(&commit)
    }

    private static func readNote(on target: inout git_oid, in repository: Repository) -> String? {
        var note: OpaquePointer?
        guard git_note_read(&note, repository.pointer, notesReference, &target) == 0, let note else { return nil }
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) }
    }
}
