import CLibGit2
import Dispatch
import Foundation

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
    public func verdicts(of ids: [String], checker: SignatureChecker) throws -> [Verdict] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ids.count / 32 + 1))
        let results = (0..<workers).map { _ in ResultBox<[Verdict]>() }
        let directory = gitDirectory
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            results[worker].result = Result {
                let odb = try ObjectDatabase(try Repository(path: directory))
                let lower = ids.count * worker / workers, upper = ids.count * (worker + 1) / workers
                return try ids[lower..<upper].map { id in
                    let (content, time) = try odb.withObject(id) { _, bytes -> (SignedContent?, Int64) in
                        let headers = ObjectHeaders(bytes: bytes)
                        let time = headers.first("committer").flatMap { Person.parse(Substring($0))?.time } ?? 0
                        return (headers.headers.contains { $0.name == "gpgsig" } ? SignedContent.ofCommit(bytes) : nil, time)
                    }
                    return checker.verdict(content, signedAt: time)
                }
            }
        }
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(ids.count)
        for box in results { verdicts += try box.get() }
        return verdicts
    }
}
