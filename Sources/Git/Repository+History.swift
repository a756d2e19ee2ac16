import CLibGit2
import Foundation
import Signatures
import Support

extension Repository {
    /// The ids of the commits in `range`, oldest first (parents before children).
    /// - Throws: `DossierError` for a shallow clone, whose history is cut off; `GitError` when the walk fails.
    public func commitIds(in range: RevisionRange) throws -> [String] {
        if git_repository_is_shallow(pointer) == 1 {
            throw DossierError("\(gitDirectory) is a shallow clone: its history is cut off, so a release's commits cannot be listed; fetch the whole history (git fetch --unshallow; in CI, check out with full depth)")
        }
        return try walkCommits { walk in
            var release = try oid(range.release)
            try check(git_revwalk_push(walk, &release), "git_revwalk_push")
            if let since = range.since {
                var hidden = try oid(since)
                try check(git_revwalk_hide(walk, &hidden), "git_revwalk_hide")
            }
        }
    }

    /// Walks the commits that `start` pushes (and hides), oldest first: parents before children.
    func walkCommits(_ start: (OpaquePointer) throws -> Void) throws -> [String] {
        let walk = try make("git_revwalk_new") { git_revwalk_new(&$0, pointer) }
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "git_revwalk_sorting")
        try start(walk)
        var ids: [String] = []
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            ids.append(hex(&next))
        }
        return ids
    }

    /// Reads the commits in `range`, oldest first, with their changed paths, from the facts cache where it has them,
    /// else from git. Work is spread over the machine's cores, each with its own libgit2 handle. What the cache is to
    /// keep of the commits read from git is left to `History.keepInCache()`, which the caller runs beside its next work.
    /// - Parameters:
    ///   - mailmap: the text of a `.mailmap` to apply to authors and committers.
    ///   - checker: checks each commit's signature.
    public func history(in range: RevisionRange, mailmap: String? = nil, checker: SignatureChecker) async throws -> History {
        let ids = try commitIds(in: range)
        let trailerConfig = trailerConfig()  // read once: every share reads its commits' trailers with it
        let cache = CommitCache.load(gitDirectory: commonDirectory, mailmap: mailmap, trailerConfig: trailerConfig)
        let read = try await Self.inWorkers(ids, directory: gitDirectory, minimumShare: 64) { repository, share in
            let reader = try CommitReader(repository: repository, mailmap: mailmap, trailerConfig: trailerConfig, checker: checker)
            return try share.map { try reader.read($0, cache: cache) }
        }
        let fresh = cache == nil ? [] : read.filter { $0.source != .cache }.map(\.commit)
        if cache != nil {
            StageTimer.note("history cache: \(read.count - fresh.count) of \(read.count) commits read from the cache")
        }
        return History(commits: read.map(\.commit), cache: cache, fresh: fresh,
                       replacedDamage: read.contains { $0.source == .replacingDamage })
    }

    /// The commits of a range as read, and what the facts cache is to keep of them.
    public struct History: Sendable {
        /// The commits, oldest first, with their changed paths.
        public let commits: [Commit]
        fileprivate let cache: CommitCache?
        fileprivate let fresh: [Commit]
        fileprivate let replacedDamage: Bool

        /// Keeps the commits read from git in the facts cache (nothing when the cache is off or had them all).
        public func keepInCache() {
            cache?.save(fresh, replacedDamage: replacedDamage)
        }
    }

    /// The git directory shared by all work trees of the repository (the one `git rev-parse --git-common-dir` names).
    var commonDirectory: String {
        git_repository_commondir(pointer).map { String(cString: $0) } ?? gitDirectory
    }

    /// Splits `ids` into contiguous shares (at least `minimumShare` ids each, about eight per core) and runs `work`
    /// on them in one child task per core, each task opening its own libgit2 handle on `directory` (a handle is
    /// never shared: it stays in the task that opened it) and taking the next share from `queue` when done with
    /// one: old commits cost more to read than new ones (git packs old versions as deltas of new ones), so equal
    /// halves would leave one core idle. The results come back in the order of `ids`.
    static func inWorkers<T: Sendable>(_ ids: [String], directory: String, minimumShare: Int,
                                       _ work: @escaping @Sendable (Repository, ArraySlice<String>) throws -> [T]) async throws -> [T] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, ids.count / minimumShare + 1))
        let shareSize = max(minimumShare, ids.count / (workers * 8) + 1)
        let shares = stride(from: 0, to: ids.count, by: shareSize).map { $0..<min($0 + shareSize, ids.count) }
        let queue = ShareQueue(count: shares.count)
        let done = try await withThrowingTaskGroup(of: [(Int, [T])].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var results: [(Int, [T])] = []
                    var repository: Repository?
                    while let index = await queue.take() {
                        let handle = try repository ?? Repository(path: directory)
                        repository = handle
                        results.append((index, try work(handle, ids[shares[index]])))
                    }
                    return results
                }
            }
            var done: [[T]?] = Array(repeating: nil, count: shares.count)
            for try await results in group {
                for (index, share) in results { done[index] = share }
            }
            return done
        }
        var all: [T] = []
        all.reserveCapacity(ids.count)
        for share in done { all += share ?? [] }
        return all
    }

    /// The committer of a commit as its object records it (no `.mailmap`), without reading its trees.
    public func committer(of id: String) throws -> Person? {
        try ObjectDatabase(self).headers(of: id).first("committer").flatMap { Person.parse(Substring($0)) }
    }

    /// Reads one commit (no `.mailmap`).
    public func commit(_ id: String, checker: SignatureChecker) throws -> Commit {
        try CommitReader(repository: self, mailmap: nil, trailerConfig: trailerConfig(), checker: checker).read(id)
    }
}

/// Hands out the share numbers 0, 1, 2, … once each, to whichever worker asks first.
private actor ShareQueue {
    private let count: Int
    private var next = 0

    init(count: Int) {
        self.count = count
    }

    /// The next share, or nil once all have been handed out.
    func take() -> Int? {
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

/// Reads commits from one repository handle: raw object → headers, message, trailers; trees → changed paths.
final class CommitReader {
    private let repository: Repository
    private let odb: ObjectDatabase
    private let mailmap: GitPointer?
    private let checker: SignatureChecker
    /// The repository's configuration of trailers.
    private let trailerConfig: TrailerConfig
    /// The tree of each commit read so far, for comparing the next commit with its parent.
    private var treeIds: [String: String] = [:]

    init(repository: Repository, mailmap text: String?, trailerConfig: TrailerConfig, checker: SignatureChecker) throws {
        self.repository = repository
        self.checker = checker
        self.trailerConfig = trailerConfig
        odb = try ObjectDatabase(repository)
        if let text {
            let map = try make("git_mailmap_from_buffer") { git_mailmap_from_buffer(&$0, text, text.utf8.count) }
            mailmap = GitPointer(map, free: git_mailmap_free)
        } else {
            mailmap = nil
        }
    }

    /// Where a commit's facts came from.
    enum Source: Sendable { case cache, git, replacingDamage }

    /// Reads one commit from `cache` where it holds the commit (verifying its signature again from the object when
    /// it carries one), else from git.
    func read(_ id: String, cache: CommitCache?) throws -> (commit: Commit, source: Source) {
        switch cache?.lookup(id) ?? .absent {
        case .found(let commit, signed: false):
            treeIds[id] = commit.tree
            return (commit, .cache)
        case .found(let cached, signed: true):
            // The object is read to verify its signature anyway: what it says is taken from it, the cache gives
            // only the changed paths, and only when it names the same tree and parents.
            var commit = try readObject(id)
            guard commit.tree == cached.tree, commit.parents == cached.parents else { return (try read(id), .replacingDamage) }
            commit.changedFiles = cached.changedFiles
            return (commit, .cache)
        case .damaged:
            return (try read(id), .replacingDamage)
        case .absent:
            return (try read(id), .git)
        }
    }

    func read(_ id: String) throws -> Commit {
        var commit = try readObject(id)
        commit.changedFiles = try changedFiles(tree: commit.tree, firstParent: commit.parents.first)
        return commit
    }

    /// Reads and verifies one commit's object: everything but its changed paths.
    private func readObject(_ id: String) throws -> Commit {
        let (headers, text, verdict) = try odb.withObject(id) { _, bytes in
            let headers = ObjectHeaders(bytes: bytes)
            return (headers, CommitText(commit: bytes, headers: headers), checker.verdict(ofCommit: bytes, headers: headers))
        }
        let tree = headers.first("tree") ?? ""
        let parents = headers.all("parent")
        treeIds[id] = tree
        let lines = MessageLines(text.parsedMessage)  // one split serves subject, body and trailers
        let (subject, body) = MessageParts.split(lines)
        return Commit(
            id: id, tree: tree, parents: parents,
            author: resolve(text.author),
            committer: resolve(text.committer),
            subject: subject, body: body, message: text.message, invalidUTF8: !text.isUTF8,
            trailers: Trailers.parse(lines, config: trailerConfig),
            changedFiles: [], verdict: verdict)
    }

    private func resolve(_ line: String?) -> Person {
        guard let line, var person = Person.parse(Substring(line)) else {
            return Person(name: "", email: "", time: 0, offsetMinutes: 0)
        }
        if let mailmap {
            // The resolved pointers may point into the C strings passed in: copy them while those live.
            person.name.withCString { nameIn in
                person.email.withCString { emailIn in
                    var name: UnsafePointer<CChar>?, email: UnsafePointer<CChar>?
                    if git_mailmap_resolve(&name, &email, mailmap.pointer, nameIn, emailIn) == 0 {
                        let resolvedName = name.map { String(cString: $0) }
                        let resolvedEmail = email.map { String(cString: $0) }
                        if let resolvedName { person.name = resolvedName }
                        if let resolvedEmail { person.email = resolvedEmail }
                    }
                }
            }
        }
        return person
    }

    private func changedFiles(tree: String, firstParent: String?) throws -> [ChangedFile] {
        var treeId = try oid(tree)
        let newTree = try make("git_tree_lookup(\(tree))") { git_tree_lookup(&$0, repository.pointer, &treeId) }
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let firstParent {
            // The parent was usually read just before (commits come oldest first): its tree id is known.
            var parentTreeId = try oid(try treeIds[firstParent] ?? treeOfCommit(firstParent))
            try check(git_tree_lookup(&oldTree, repository.pointer, &parentTreeId), "git_tree_lookup")
        }
        defer { if let oldTree { git_tree_free(oldTree) } }
        return try ChangedFiles.between(oldTree, newTree, in: repository.pointer)
    }

    private func treeOfCommit(_ id: String) throws -> String {
        try odb.headers(of: id).first("tree") ?? ""
    }
}

extension SignatureChecker {
    /// The verdict on a raw commit object: only a `gpgsig` header signs a commit (in a SHA-1 repository, as git
    /// reads it), and an SSH key's validity dates are checked against the committer's time.
    func verdict(ofCommit bytes: UnsafeRawBufferPointer, headers: ObjectHeaders) -> Verdict {
        guard headers.headers.contains(where: { $0.name == "gpgsig" }) else { return .unsigned }
        let time = headers.first("committer").flatMap { Person.parse(Substring($0))?.time } ?? 0
        return verdict(SignedContent.ofCommit(bytes), signedAt: time)
    }
}
