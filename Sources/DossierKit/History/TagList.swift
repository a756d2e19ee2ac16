import CLibGit2

/// The repository's tags, split into the tags of commits (the only ones a release can be) and the tags that point,
/// maybe through other tags, at a tree or a blob (git's own repository has `junio-gpg-pub`, a tag of a blob).
/// Every command that lists tags goes through this listing, so such a tag is skipped with the same note everywhere
/// and never fails the command.
public struct TagList: Sendable {
    /// A tag that points at something other than a commit.
    public struct Skipped: Sendable, Hashable {
        /// The tag's short name.
        public var name: String
        /// What it points at once every tag object is peeled: `blob` or `tree`.
        public var kind: String
        /// That object's id.
        public var object: String

        /// The note the user is shown for it.
        public var note: String {
            "note: tag \(name) points at a \(kind) (\(object.prefix(12))), not at a commit: it is not taken as a release"
        }
    }

    /// The names of the tags of commits, in byte order.
    public var commitTags: [String]
    /// The tags of trees and blobs, in byte order.
    public var skipped: [Skipped]

    /// One note per skipped tag, in byte order.
    public var notes: [String] { skipped.map(\.note) }

    /// Whether `name` is a tag of a commit.
    /// - Throws: `DossierError` saying what it points at when `name` is a tag of a tree or a blob.
    public func isCommitTag(_ name: String) throws -> Bool {
        if commitTags.contains(name) { return true }
        if let other = skipped.first(where: { $0.name == name }) { throw Repository.notACommit(name, kind: other.kind, object: other.object) }
        return false
    }
}

extension Repository {
    /// Every tag, each peeled through its tag objects to the object it finally names. Only object headers are
    /// read, and the tag objects of loose references: packed references carry their peeled id, as git writes them.
    /// - Throws: `GitError` when the tags cannot be listed or an object is missing.
    public func tagList() throws -> TagList {
        let database = try ObjectDatabase(self)
        var list = TagList(commitTags: [], skipped: [])
        let iterator = try make("git_reference_iterator_glob_new") { git_reference_iterator_glob_new(&$0, pointer, "refs/tags/*") }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        while git_reference_next(&reference, iterator) == 0, let ref = reference {
            defer { git_reference_free(ref) }
            // A symbolic reference under refs/tags/ is no tag of its own (git tag -l lists it by its target).
            guard let direct = git_reference_target(ref) else { continue }
            let name = String(String(cString: git_reference_name(ref)).dropFirst("refs/tags/".count))
            var id = hex(git_reference_target_peel(ref) ?? direct)
            var type = try database.type(of: id)
            // A loose tag of a tag: follow each tag object's `object` header, as git peels (a cycle would need a SHA-1 collision).
            var depth = 0
            while type == GIT_OBJECT_TAG, depth < 64, let next = try database.headers(of: id).first("object") {
                id = next
                type = try database.type(of: id)
                depth += 1
            }
            if type == GIT_OBJECT_COMMIT {
                list.commitTags.append(name)
            } else {
                list.skipped.append(TagList.Skipped(name: name, kind: Self.typeName(type), object: id))
            }
        }
        list.commitTags.sort()
        list.skipped.sort { $0.name < $1.name }
        return list
    }

    /// git's name for an object type: `commit`, `tree`, `blob`, `tag`.
    static func typeName(_ type: git_object_t) -> String {
        git_object_type2string(type).map { String(cString: $0) } ?? "object"
    }

    /// The error for a revision that names a tree or a blob where a commit was expected.
    static func notACommit(_ name: String, kind: String, object: String) -> DossierError {
        DossierError("'\(name)' points at a \(kind) (\(object.prefix(12))), not at a commit: a release is a commit; name a tag, branch or commit id of one")
    }
}
