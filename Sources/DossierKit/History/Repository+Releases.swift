import CLibGit2
import Foundation

extension Repository {
    /// The tags whose names match `pattern` (a glob, as `git tag -l` takes), ordered by semantic version,
    /// oldest first; tags without a version come first, by name.
    public func releaseTags(matching pattern: String) throws -> [String] {
        let names = try tagNames().filter { fnmatch(pattern, $0, 0) == 0 }
        return names.sorted { a, b in
            switch (SemanticVersion(tag: a), SemanticVersion(tag: b)) {
            case let (x?, y?): return x == y ? a < b : x < y
            case (nil, .some): return true
            case (.some, nil): return false
            case (nil, nil): return a < b
            }
        }
    }

    /// Whether `ancestor` is reachable from `commit` (or is the same commit).
    public func isAncestor(_ ancestor: String, of commit: String) throws -> Bool {
        if ancestor == commit { return true }
        var a = try oid(ancestor), c = try oid(commit)
        return try check(git_graph_descendant_of(pointer, &c, &a), "git_graph_descendant_of") == 1
    }
}
