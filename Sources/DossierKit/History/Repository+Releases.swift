import CLibGit2
import Foundation

/// The release tags of a repository: the tags of commits whose names match the release tag pattern, in release order,
/// and the matching tags that were skipped because they point at a tree or a blob.
public struct ReleaseTags: Sendable {
    /// The release tags, oldest version first (`git -c versionsort.suffix=- tag --sort=version:refname` when the
    /// repository configures no suffix; see ``VersionOrder``).
    public var names: [String]
    /// Tags matching the pattern that point at a tree or a blob, which are no release.
    public var skipped: [TagList.Skipped]
    /// The order the names are in, which also says which tags are pre-releases.
    public var order: VersionOrder

    /// One note per skipped tag, for the user.
    public var notes: [String] { skipped.map(\.note) }
}

extension Repository {
    /// The tags of commits whose names match `pattern` (a glob, as `git tag -l` takes), in the repository's
    /// `version:refname` order (``versionOrder()``), oldest first; matching tags of trees and blobs are set aside.
    public func releaseTags(matching pattern: String) throws -> ReleaseTags {
        let tags = try tagList()
        let order = versionOrder()
        return ReleaseTags(names: order.sorted(tags.commitTags.filter { fnmatch(pattern, $0, 0) == 0 }),
                           skipped: tags.skipped.filter { fnmatch(pattern, $0.name, 0) == 0 }, order: order)
    }

    /// Whether `ancestor` is reachable from `commit` (or is the same commit), as `git merge-base --is-ancestor` says.
    public func isAncestor(_ ancestor: String, of commit: String) throws -> Bool {
        if ancestor == commit { return true }
        var a = try oid(ancestor), c = try oid(commit)
        return try check(git_graph_descendant_of(pointer, &c, &a), "git_graph_descendant_of") == 1
    }
}
