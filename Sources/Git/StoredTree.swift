import CLibGit2
import Foundation
import Support

/// A commit under `refs/dossier/` whose tree holds plain files: how dossier keeps things with a release in the
/// repository itself. An attached bundle (`refs/dossier/<tag>`, files only) and a release's stored evidence
/// (`refs/dossier/evidence/<tag>`, files at their paths) are both read and written through here: names checked with
/// `BundlePath`, sizes bounded before any blob is inflated, the reference moved only from the commit it was read at.
package struct StoredTree {
    /// The reference, e.g. `refs/dossier/v2.0.0`.
    package var reference: String
    /// What the tree is, for messages: "the bundle attached to v2.0.0".
    var subject: String
    /// What one such tree is called in the size messages ("a bundle") and whose files they are ("the bundle's").
    var kind: String, owner: String
    /// What a refused entry breaks, ending the message: "an attached bundle holds files with plain names only, …".
    var rule: String
    /// Whether the tree may hold folders (stored evidence keeps each file at its path).
    var foldersAllowed = false

    /// Describes the stored tree at `reference`, as messages name it.
    package init(reference: String, subject: String, kind: String, owner: String, rule: String,
                 foldersAllowed: Bool = false) {
        self.reference = reference
        self.subject = subject
        self.kind = kind
        self.owner = owner
        self.rule = rule
        self.foldersAllowed = foldersAllowed
    }

    /// The most one file may hold. A real bundle's largest file is its PDF or suf.json: for a release of 20,000
    /// commits these are tens of megabytes, so 256 MiB holds one with ample room, while a blob git stores compressed
    /// to a few kilobytes (zeros) is refused before it is inflated into memory.
    package static let maximumFileSize: UInt64 = 256 << 20
    /// The most all files may hold together: a real bundle of such a release is a few hundred megabytes at most.
    package static let maximumTotalSize: UInt64 = 1 << 30
    /// The deepest a file may lie in folders, and the most entries (files and folders) a tree may hold: far beyond any
    /// real set of files, and a hostile tree nested a million deep, or folders repeated within folders, is refused
    /// before it is walked.
    static let maximumDepth = 32, maximumEntries = 100_000

    /// One file of the tree: its path (names joined by `/`) and its blob.
    package struct File {
        package var path: String
        var blob: git_oid
    }

    /// The commit the reference points at, or nil when there is none.
    package func commit(in repository: Repository) -> String? {
        var id = git_oid()
        guard git_reference_name_to_id(&id, repository.pointer, reference) == 0 else { return nil }
        return hex(&id)
    }

    /// The most commits counted along a stored tree's history: a release is attached a handful of times, and a hostile
    /// reference with a chain of millions of commits is refused before it is walked to its end.
    package static let maximumHistory = 10_000

    /// How many times `file` changed along the reference's first parents, counting from its first commit: the
    /// number of runs of commits that hold the same blob at `file` (a commit without it is a run of its own kind);
    /// 0 when there is no reference. Only commits and trees are read, never a blob.
    /// - Throws: `DossierError` naming the reference when it points at no commit, its history is broken (a commit is
    ///   missing) or longer than `maximumHistory`.
    package func changes(of file: String, in repository: Repository) throws -> Int {
        guard let tip = commit(in: repository) else { return 0 }
        var id = try oid(tip)
        var object: OpaquePointer?
        var runs = 0, commits = 0
        var previous: git_oid?? = .none
        while true {
            guard git_commit_lookup(&object, repository.pointer, &id) == 0, let commit = object else {
                throw DossierError("\(subject) (\(reference)) \(commits == 0 ? "points at \(hex(&id).prefix(12)), which is not a commit" : "has a history that names \(hex(&id).prefix(12)), which is not in the repository"): dossier reads none of it")
            }
            defer { git_commit_free(commit) }
            commits += 1
            guard commits <= Self.maximumHistory else {
                throw DossierError("\(subject) (\(reference)) has a history of more than \(Self.maximumHistory) commits: dossier reads none of it")
            }
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, commit), "git_commit_tree(\(reference))")
            let blob: git_oid? = git_tree_entry_byname(tree, file).flatMap { entry in
                git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB ? git_tree_entry_id(entry).pointee : nil
            }
            git_tree_free(tree)
            let same: Bool = switch (previous, blob) {
            case (.some(.some(var a)), .some(var b)): git_oid_equal(&a, &b) == 1
            case (.some(.none), .none): true
            default: false
            }
            if !same { runs += 1 }
            previous = .some(blob)
            guard git_commit_parentcount(commit) > 0 else { break }
            id = git_commit_parent_id(commit, 0).pointee
        }
        return runs
    }

    /// Calls `body` with the files of the tree of `commit`, every read of such a tree goes through here.
    /// - Throws: `DossierError` naming the reference and the entry when the tree holds anything but files (and
    ///   folders where allowed) with names `BundlePath` accepts (each alone and all together), or a blob larger than
    ///   `maximumFileSize` or blobs larger than `maximumTotalSize` together (sizes read from the objects' headers,
    ///   not by inflating them), before any blob is read or anything written from it.
    package func withFiles<T>(commit: String, in repository: Repository, _ body: ([File]) throws -> T) throws -> T {
        var id = try oid(commit)
        var object: OpaquePointer?
        guard git_commit_lookup(&object, repository.pointer, &id) == 0 else {
            throw DossierError("\(subject) (\(reference)) points at \(commit.prefix(12)), which is not a commit: dossier reads nothing from it")
        }
        defer { git_commit_free(object) }
        var files: [File] = []
        var entries = 0
        try collect(tree: git_commit_tree_id(object).pointee, prefix: "", depth: 0, commit: commit, in: repository,
                    into: &files, entries: &entries)
        if let (name, problem) = BundlePath.firstProblem(in: files.map(\.path)) {
            throw refused(commit, entry: BundlePath.escaped(name), problem)
        }
        let database = try make("git_repository_odb") { git_repository_odb(&$0, repository.pointer) }
        defer { git_odb_free(database) }
        var total: UInt64 = 0
        for file in files {
            var size = 0, type = GIT_OBJECT_INVALID, blob = file.blob
            try check(git_odb_read_header(&size, &type, database, &blob), "git_odb_read_header")
            let bytes = UInt64(size)
            total += bytes
            let problem = bytes > Self.maximumFileSize ? "more than the \(Self.maximumFileSize) bytes (256 MiB) one file of \(kind) may hold"
                : total > Self.maximumTotalSize ? "which brings \(owner) files to \(total) bytes, more than the \(Self.maximumTotalSize) bytes (1 GiB) \(kind) may hold"
                : nil
            if let problem {
                throw DossierError("\(subject) (\(reference), commit \(commit.prefix(12))) holds the entry '\(BundlePath.escaped(file.path))' of \(bytes) bytes, \(problem): dossier reads none of it")
            }
        }
        return try body(files)
    }

    /// Lists the files below one tree, checking each entry's name and kind. `entries` counts every entry seen, folders
    /// too: a small hostile tree of folders within folders holds billions of paths and no file.
    private func collect(tree id: git_oid, prefix: String, depth: Int, commit: String, in repository: Repository,
                         into files: inout [File], entries: inout Int) throws {
        var treeId = id
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository.pointer, &treeId), "git_tree_lookup")
        defer { git_tree_free(tree) }
        var folders: [(String, git_oid)] = []
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let raw = git_tree_entry_name(entry)!
            let refuse = { (problem: String) in refused(commit, entry: prefix + Self.displayName(raw), problem) }
            entries += 1
            guard entries <= Self.maximumEntries else { throw refuse("more than \(Self.maximumEntries) files and folders") }
            guard let name = String(validatingCString: raw) else { throw refuse("a name that is not UTF-8") }
            if let problem = BundlePath.problem(entry: name) { throw refuse(problem) }
            let mode = git_tree_entry_filemode(entry)
            if mode == GIT_FILEMODE_TREE, foldersAllowed {
                guard depth < Self.maximumDepth else { throw refuse("a folder more than \(Self.maximumDepth) deep") }
                folders.append((prefix + name + "/", git_tree_entry_id(entry).pointee))
                continue
            }
            guard mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else {
                throw refuse(mode == GIT_FILEMODE_TREE ? "a folder" : mode == GIT_FILEMODE_LINK ? "a symbolic link" : "not a file")
            }
            files.append(File(path: prefix + name, blob: git_tree_entry_id(entry).pointee))
        }
        for (path, folder) in folders {
            try collect(tree: folder, prefix: path, depth: depth + 1, commit: commit, in: repository, into: &files, entries: &entries)
        }
    }

    /// The bytes of a blob whose size `withFiles` has checked.
    package static func data(_ file: File, in repository: Repository) throws -> Data {
        try data(blob: file.blob, in: repository)
    }

    /// The bytes of a blob whose size the caller has checked.
    static func data(blob: git_oid, in repository: Repository) throws -> Data {
        var id = blob
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, repository.pointer, &id), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        return size > 0 ? Data(bytes: git_blob_rawcontent(blob)!, count: size) : Data()
    }

    private func refused(_ commit: String, entry: String, _ problem: String) -> DossierError {
        DossierError("\(subject) (\(reference), commit \(commit.prefix(12))) holds the entry '\(entry)', \(problem): \(rule)")
    }

    /// A tree entry's name for a message: control characters and bytes that are not UTF-8 escaped.
    private static func displayName(_ raw: UnsafePointer<CChar>) -> String {
        if let name = String(validatingCString: raw) { return BundlePath.escaped(name) }
        return UnsafeBufferPointer(start: raw, count: strlen(raw)).map { byte in
            let value = UInt8(bitPattern: byte)
            return value >= 0x20 && value < 0x7F && value != 0x5C ? String(UnicodeScalar(value)) : String(format: "\\x%02X", value)
        }.joined()
    }
}

extension StoredTree {
    /// Writes `files` (paths below the tree, which `BundlePath` has accepted) as blobs and trees; the root tree's id.
    package static func writeTree(_ files: [(path: String, data: Data)], in repository: Repository) throws -> String {
        var id = try writeTree(files.map { (Substring($0.path), $0.data) }, in: repository)
        return hex(&id)
    }

    private static func writeTree(_ files: [(path: Substring, data: Data)], in repository: Repository) throws -> git_oid {
        let builder = try make("git_treebuilder_new") { git_treebuilder_new(&$0, repository.pointer, nil) }
        defer { git_treebuilder_free(builder) }
        var folders: [Substring: [(path: Substring, data: Data)]] = [:]
        for file in files {
            if let slash = file.path.firstIndex(of: "/") {
                folders[file.path[..<slash], default: []].append((file.path[file.path.index(after: slash)...], file.data))
                continue
            }
            var blob = git_oid()
            _ = try file.data.withUnsafeBytes { bytes in
                try check(git_blob_create_from_buffer(&blob, repository.pointer, bytes.baseAddress, bytes.count), "git_blob_create_from_buffer")
            }
            try check(git_treebuilder_insert(nil, builder, String(file.path), &blob, GIT_FILEMODE_BLOB), "git_treebuilder_insert")
        }
        for (name, contents) in folders {
            var folder = try writeTree(contents, in: repository)
            try check(git_treebuilder_insert(nil, builder, String(name), &folder, GIT_FILEMODE_TREE), "git_treebuilder_insert")
        }
        var tree = git_oid()
        try check(git_treebuilder_write(&tree, builder), "git_treebuilder_write")
        return tree
    }

    /// The tree of a commit.
    package static func tree(ofCommit commit: String, in repository: Repository) throws -> String {
        var id = try oid(commit)
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, repository.pointer, &id), "git_commit_lookup")
        defer { git_commit_free(object) }
        return hex(git_commit_tree_id(object))
    }

    /// Who writes a commit or note, and when.
    package struct Author {
        var name: String, email: String, time: Int64

        /// Who writes, and when (unix seconds).
        package init(name: String, email: String, time: Int64) {
            self.name = name
            self.email = email
            self.time = time
        }

        /// Calls `body` with the libgit2 signature.
        @discardableResult
        func withSignature<T>(_ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
            var pointer: UnsafeMutablePointer<git_signature>?
            try check(git_signature_new(&pointer, name, email, git_time_t(time), 0), "git_signature_new")
            guard let signature = pointer else { throw GitError(call: "git_signature_new", code: -1) }
            defer { git_signature_free(signature) }
            return try body(signature)
        }
    }

    /// Writes a commit of `tree` with `parent` (nil: a root commit); its id. With `sign`, the commit is signed as git
    /// signs one: `sign` is given the commit's bytes and returns the armored signature, kept in its `gpgsig` header.
    package static func writeCommit(tree: String, parent: String?, message: String, author: Author, in repository: Repository,
                                    sign: (([UInt8]) throws -> String)? = nil) throws -> String {
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
        guard let sign else {
            try author.withSignature { signature in
                _ = try parents.withUnsafeMutableBufferPointer { buffer in
                    try check(git_commit_create(&commit, repository.pointer, nil, signature, signature, "UTF-8", message, treeObject,
                                                buffer.count, buffer.baseAddress), "git_commit_create")
                }
            }
            return hex(&commit)
        }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try author.withSignature { signature in
            _ = try parents.withUnsafeMutableBufferPointer { list in
                try check(git_commit_create_buffer(&buffer, repository.pointer, signature, signature, nil, message, treeObject,
                                                   list.count, list.baseAddress), "git_commit_create_buffer")
            }
        }
        // git writes the armor's lines below the header without an empty continuation line after the last.
        var armored = try sign(Array(UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size)))
        while armored.hasSuffix("\n") { armored.removeLast() }
        try check(git_commit_create_with_signature(&commit, repository.pointer, buffer.ptr, armored, "gpgsig"),
                  "git_commit_create_with_signature")
        return hex(&commit)
    }

    /// Points the reference at `commit`, only if it still points at `previous` (nil: only if it does not exist), in
    /// one step of git's reference transaction: another process that moved it in between is not overwritten.
    /// - Throws: `DossierError` when the reference changed since it was read.
    package func update(to commit: String, from previous: String?, logMessage: String, in repository: Repository) throws {
        var id = try oid(commit)
        var created: OpaquePointer?
        let code: Int32
        if let previous {
            var expected = try oid(previous)
            code = git_reference_create_matching(&created, repository.pointer, reference, &id, 1, &expected, logMessage)
        } else {
            code = git_reference_create(&created, repository.pointer, reference, &id, 0, logMessage)
        }
        git_reference_free(created)
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue {
            throw DossierError("\(reference) changed while dossier was writing it (another process?); nothing was changed: run the command again")
        }
        try check(code, "git_reference_create(\(reference))")
    }
}
