import CLibGit2
import Dispatch
import Foundation
import Signatures
import Support

/// A git repository opened with libgit2 (work tree or bare). Owns the libgit2 handle; everything it
/// returns is a plain Swift value. Not shared across threads: open one per thread.
public final class Repository {
    private let handle: GitPointer
    /// The repository's git directory, e.g. `/work/project/.git/`.
    public let gitDirectory: String
    /// The work tree's folder, or nil for a bare repository.
    public let workTree: String?

    /// Opens the repository at or above `path`.
    /// - Throws: `DossierError` when `path` is not in a git repository.
    public init(path: String) throws {
        _ = libgit2Initialised
        var repo: OpaquePointer?
        let code = git_repository_open_ext(&repo, path, 0, nil)
        guard code == 0, let repo else {
            throw DossierError("not a git repository: \(path) (expected a work tree or a bare repository)")
        }
        handle = GitPointer(repo, free: git_repository_free)
        gitDirectory = String(cString: git_repository_path(repo))
        workTree = git_repository_workdir(repo).map { String(cString: $0) }
    }

    var pointer: OpaquePointer { handle.pointer }

    // MARK: Revisions

    /// Resolves any revision (`v2.0.0`, `HEAD~3`, an id) to the id of the commit it names.
    /// - Throws: `DossierError` when it names nothing, or something that is not a commit (saying what it names).
    public func resolveCommit(_ revision: String) throws -> String {
        try resolveCommit(revision, label: revision)
    }

    /// `resolveCommit`, naming the revision `label` in its errors.
    private func resolveCommit(_ revision: String, label: String) throws -> String {
        var object: OpaquePointer?
        guard git_revparse_single(&object, pointer, revision) == 0, let object else {
            throw DossierError("unknown revision '\(label)': expected a tag, branch or commit id in \(gitDirectory)")
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            // A tag of a tree or a blob (or a tree or blob id): say what it names.
            var peeled: OpaquePointer?
            if git_object_peel(&peeled, object, GIT_OBJECT_ANY) == 0, let peeled {
                defer { git_object_free(peeled) }
                throw Self.notACommit(label, kind: Self.typeName(git_object_type(peeled)), object: hex(git_object_id(peeled)))
            }
            throw Self.notACommit(label, kind: Self.typeName(git_object_type(object)), object: hex(git_object_id(object)))
        }
        defer { git_object_free(commit) }
        return hex(git_object_id(commit))
    }

    /// Reads a tag: its target commit and, for an annotated tag, tagger, message and what its signature covers.
    /// - Throws: `DossierError` when there is no such tag, or it points at a tree or a blob.
    public func tag(named name: String) throws -> Tag {
        let object = try tagObject(named: name)
        return Tag(name: name, commit: try resolveCommit(object.target, label: name), objectId: object.objectId,
                   tagger: object.tagger, message: object.message, signedContent: object.signedContent)
    }

    /// Reads a tag the listing read (``tagList()``), by the ids it read rather than by its name again.
    public func tag(_ entry: TagList.Entry) throws -> Tag {
        let object = try tagObject(target: entry.target)
        return Tag(name: entry.name, commit: entry.commit, objectId: object.objectId, tagger: object.tagger,
                   message: object.message, signedContent: object.signedContent)
    }

    /// Reads a tag's own object, whatever it points at (a commit, a tree, a blob, another tag): what git verifies
    /// with `git verify-tag`.
    /// - Throws: `DossierError` when there is no such tag.
    public func tagObject(named name: String) throws -> TagObject {
        var target = git_oid()
        guard git_reference_name_to_id(&target, pointer, "refs/tags/\(name)") == 0 else {
            throw DossierError("unknown tag '\(name)'")
        }
        return try tagObject(target: hex(&target))
    }

    /// Reads the object a tag's reference names, `targetId` (as ``tagList()`` read it): a tag object, or for a
    /// lightweight tag the object itself.
    /// - Throws: `GitError` when the object is not in the repository.
    public func tagObject(target targetId: String) throws -> TagObject {
        // A signed tag's message is its signed payload's message: the signature is cut off once, as git cuts it.
        let (type, object, signed) = try ObjectDatabase(self).withObject(targetId) { type, bytes -> (git_object_t, ObjectHeaders, SignedContent?) in
            guard type == GIT_OBJECT_TAG, let signed = SignedContent.ofTag(bytes) else { return (type, ObjectHeaders(bytes: bytes), nil) }
            let headers = signed.payload.withUnsafeBytes { ObjectHeaders(bytes: $0) }
            return (type, headers, signed)
        }
        guard type == GIT_OBJECT_TAG else {
            return TagObject(target: targetId, objectId: nil, tagger: nil, message: "", signedContent: nil)
        }
        return TagObject(target: targetId, objectId: targetId, tagger: object.first("tagger").flatMap { Person.parse(Substring($0)) },
                         message: object.message, signedContent: signed)
    }

    // MARK: Trees

    /// What a path names in a commit's tree.
    public enum EntryKind: Sendable { case file, folder }

    /// Whether `path` is a file or a folder in `commit`'s tree, or `nil` when it is absent.
    public func entryKind(_ path: String, at commit: String) throws -> EntryKind? {
        try withEntry(path, at: commit) { entry in
            git_tree_entry_type(entry) == GIT_OBJECT_TREE ? .folder : .file
        }
    }

    /// The contents of the file at `path` in `commit`'s tree, or `nil` when there is no such file.
    /// Never reads the working directory.
    public func readFile(_ path: String, at commit: String) throws -> Data? {
        try withEntry(path, at: commit) { entry -> Data? in
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            var blob: OpaquePointer?
            guard git_blob_lookup(&blob, pointer, git_tree_entry_id(entry)) == 0, let blob else { return nil }
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
            return Data(bytes: bytes, count: size)
        } ?? nil
    }

    /// The names of the files directly in the folder at `path` in `commit`'s tree, in byte order.
    public func fileNames(inFolder path: String, at commit: String) throws -> [String] {
        try withEntry(path, at: commit) { entry -> [String] in
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return [] }
            var tree: OpaquePointer?
            guard git_tree_lookup(&tree, pointer, git_tree_entry_id(entry)) == 0, let tree else { return [] }
            defer { git_tree_free(tree) }
            return (0..<git_tree_entrycount(tree)).compactMap { index in
                let child = git_tree_entry_byindex(tree, index)
                guard git_tree_entry_type(child) == GIT_OBJECT_BLOB else { return nil }
                return String(cString: git_tree_entry_name(child))
            }.sorted()
        } ?? []
    }

    private func withEntry<T>(_ path: String, at commit: String, _ body: (OpaquePointer) throws -> T) throws -> T? {
        var commitId = try oid(commit)
        var commitObject: OpaquePointer?
        try check(git_commit_lookup(&commitObject, pointer, &commitId), "git_commit_lookup(\(commit))")
        defer { git_commit_free(commitObject) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commitObject), "git_commit_tree")
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let trimmed = path.split(separator: "/").joined(separator: "/")
        guard !trimmed.isEmpty, git_tree_entry_bypath(&entry, tree, trimmed) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return try body(entry)
    }
}
