import CLibGit2

/// Reads raw objects from a repository's object database: the bytes git hashed, split as git splits them.
/// dossier parses commits and tags itself rather than through libgit2's parsers (see `ObjectHeaders`).
final class ObjectDatabase {
    private let odb: GitPointer

    init(_ repository: Repository) throws {
        odb = GitPointer(try make("git_repository_odb") { git_repository_odb(&$0, repository.pointer) }, free: git_odb_free)
    }

    /// The object's type and its headers and message.
    func read(_ id: String) throws -> (type: git_object_t, headers: ObjectHeaders) {
        try withObject(id) { type, bytes in (type, ObjectHeaders(bytes: bytes)) }
    }

    /// Reads an object and hands its type and raw bytes (valid only inside `body`) to `body`.
    func withObject<T>(_ id: String, _ body: (git_object_t, UnsafeRawBufferPointer) throws -> T) throws -> T {
        var objectId = try oid(id)
        let object = try make("git_odb_read(\(id))") { git_odb_read(&$0, odb.pointer, &objectId) }
        defer { git_odb_object_free(object) }
        let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        return try body(git_odb_object_type(object), bytes)
    }

    /// The object's type, read from its header alone (its content is not inflated).
    func type(of id: String) throws -> git_object_t {
        var objectId = try oid(id)
        var size = 0
        var type = GIT_OBJECT_INVALID
        try check(git_odb_read_header(&size, &type, odb.pointer, &objectId), "git_odb_read_header(\(id))")
        return type
    }

    /// The headers and message of a commit or tag object.
    func headers(of id: String) throws -> ObjectHeaders {
        try read(id).headers
    }
}
