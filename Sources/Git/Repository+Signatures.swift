import CLibGit2
import Foundation
import Signatures

extension Repository {
    /// The ids of every commit reachable from HEAD, a branch or a tag, oldest first (what `git log --all` walks,
    /// without remotes, notes and stashes).
    /// - Throws: `GitError` when the walk fails.
    public func allCommitIds() throws -> [String] {
        try walkCommits { walk in
            if git_repository_head_unborn(pointer) != 1 { try check(git_revwalk_push_head(walk), "git_revwalk_push_head") }
            try check(git_revwalk_push_glob(walk, "refs/heads"), "git_revwalk_push_glob")
            try check(git_revwalk_push_glob(walk, "refs/tags"), "git_revwalk_push_glob")
        }
    }

    /// git's verdict on the signature of each commit in `ids`, in the same order. Reads only the commit objects
    /// (no trees), spread over the machine's cores, each worker with its own libgit2 handle.
    public func verdicts(of ids: [String], checker: SignatureChecker) async throws -> [Verdict] {
        try await Self.inWorkers(ids, directory: gitDirectory, minimumShare: 32) { repository, share in
            let odb = try ObjectDatabase(repository)
            return try share.map { id in
                try odb.withObject(id) { _, bytes in
                    let headers = ObjectHeaders(bytes: bytes)
                    return checker.verdict(ofCommit: bytes, headers: headers)
                }
            }
        }
    }
}
