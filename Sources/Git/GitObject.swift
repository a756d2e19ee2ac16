import CLibGit2

/// Owns one libgit2 pointer and frees it with the matching function when released.
final class GitPointer {
    let pointer: OpaquePointer
    private let free: (OpaquePointer) -> Void

    init(_ pointer: OpaquePointer, free: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    deinit { free(pointer) }
}

/// Calls a libgit2 constructor that fills an out-pointer, throwing on failure.
func make(_ call: String, _ body: (inout OpaquePointer?) -> Int32) throws -> OpaquePointer {
    var out: OpaquePointer?
    try check(body(&out), call)
    guard let out else { throw GitError(call: call, code: -1) }
    return out
}

/// The 40-hex-digit text of an object id.
func hex(_ oid: UnsafePointer<git_oid>) -> String {
    var buffer = [CChar](repeating: 0, count: 40)
    git_oid_fmt(&buffer, oid)
    return String(decoding: buffer.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Parses a 40-hex-digit object id.
func oid(_ hex: String) throws -> git_oid {
    var id = git_oid()
    try check(git_oid_fromstr(&id, hex), "git_oid_fromstr(\(hex))")
    return id
}

/// libgit2 is initialised once per process, with its object cache off: a release's walk reads each commit and tree
/// once or twice, and a 4 MB cache was hit 36 times in 132,779 tree lookups (the 20,000-commit bench history) while
/// every object read paid to enter it; without it, the SUF of that history read from git took cpu ×0.977.
/// Objects are not re-hashed on every read (libgit2's default, which costs a SHA-1 per object): git itself does not
/// re-hash on read either; `git fsck` is what checks a repository's objects against their ids.
let libgit2Initialised: Bool = {
    git_libgit2_init()
    dossier_git_enable_caching(0)
    dossier_git_set_strict_hash_verification(0)
    return true
}()
