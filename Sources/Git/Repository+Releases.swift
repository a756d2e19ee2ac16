import CLibGit2
import Foundation

/// The release tags of a repository: the tags of commits whose names match the release tag pattern, in release order,
/// and the matching tags that were skipped (see ``TagList``).
public struct ReleaseTags: Sendable {
    /// The release tags with the ids the listing read, oldest version first (`git -c versionsort.suffix=- tag
    /// --sort=version:refname` when the repository configures no suffix; see ``VersionOrder``).
    public var tags: [TagList.Entry]
    /// Tags matching the pattern that are no release (a tag of a tree or a blob, a tag that cannot be read).
    public var skipped: [TagList.Skipped]
    /// The order the names are in, which also says which tags are pre-releases.
    public var order: VersionOrder
    /// Every tag of the repository, matching the pattern or not.
    public var all: TagList

    /// The release tags' names, oldest version first.
    public var names: [String] { tags.map(\.name) }

    /// One note per skipped tag, for the user.
    public var notes: [String] { skipped.map(\.note) }

    /// The position of the release tag whose name has exactly the bytes of `name`.
    public func index(of name: String) -> Int? {
        tags.firstIndex { TagList.same($0.name, name) }
    }
}

extension TagList {
    /// The tags of commits whose names match `pattern` (a glob, as `git tag -l` takes), in `order`, oldest first;
    /// matching tags set aside are kept apart with their notes. For a command that needs the release tags by more
    /// than one pattern: the repository's tags are listed once.
    public func releases(matching pattern: String, order: VersionOrder) -> ReleaseTags {
        ReleaseTags(tags: order.sorted(tags.filter { fnmatch(pattern, $0.name, 0) == 0 }, by: \.name),
                    skipped: skipped.filter { Repository.glob(pattern, matches: $0.bytes) }, order: order, all: self)
    }
}

extension Repository {
    /// The tags of commits whose names match `pattern` (a glob, as `git tag -l` takes), in the repository's
    /// `version:refname` order (``versionOrder()``), oldest first; matching tags set aside by ``tagList()`` are kept
    /// apart with their notes.
    public func releaseTags(matching pattern: String) throws -> ReleaseTags {
        try tagList().releases(matching: pattern, order: versionOrder())
    }

    /// Whether the glob `pattern` matches a name given as its bytes (which need not be UTF-8), as `fnmatch` says.
    static func glob(_ pattern: String, matches bytes: [UInt8]) -> Bool {
        (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { fnmatch(pattern, $0.baseAddress!, 0) } == 0
    }

    /// Of `candidates` (commit ids, the preferred first), the position of the first that is `commit` or one of its
    /// ancestors (as `git merge-base --is-ancestor` says), or nil when none is. History is walked once from `commit`,
    /// and the walk ends as soon as the first candidate is reached, every candidate is, or history ends: the cost is
    /// one walk, however many candidates there are.
    /// - Throws: `GitError` when a commit cannot be read.
    public func firstReachable(_ candidates: [String], from commit: String) throws -> Int? {
        var positions: [String: Int] = [:]
        for (index, id) in candidates.enumerated() where positions[id] == nil { positions[id] = index }
        guard !positions.isEmpty else { return nil }
        let walk = try make("git_revwalk_new") { git_revwalk_new(&$0, pointer) }
        defer { git_revwalk_free(walk) }
        var start = try oid(commit)
        try check(git_revwalk_push(walk, &start), "git_revwalk_push(\(commit))")
        var best: Int?, remaining = positions.count
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            guard let found = positions[hex(&next)] else { continue }
            best = min(best ?? found, found)
            remaining -= 1
            if best == 0 || remaining == 0 { break }
        }
        return best
    }
}
