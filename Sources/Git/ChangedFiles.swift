import CLibGit2

/// A path a commit changed against its first parent.
public struct ChangedFile: Sendable, Codable, Hashable {
    /// How the path changed, with git's status letters.
    public enum Status: String, Sendable, Codable, Hashable {
        case added = "A", modified = "M", deleted = "D", typeChanged = "T"
    }

    /// The path in the repository, `/`-separated.
    public var path: String
    /// What happened to it.
    public var status: Status

    /// Creates a changed path.
    public init(path: String, status: Status) {
        self.path = path
        self.status = status
    }
}

/// The paths that differ between two trees, found by walking both in git's tree order and skipping
/// identical subtrees by id — what `git diff-tree -r --no-renames` lists, without building patches.
struct ChangedFiles {
    let repository: OpaquePointer
    private(set) var changes: [ChangedFile] = []

    /// The paths that differ from `old` (nil for a root commit) to `new`, in byte order.
    static func between(_ old: OpaquePointer?, _ new: OpaquePointer, in repository: OpaquePointer) throws -> [ChangedFile] {
        var diff = ChangedFiles(repository: repository)
        try diff.compare(old, new, prefix: "")
        return diff.changes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private mutating func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String) throws {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0
        let newCount = new.map { git_tree_entrycount($0) } ?? 0
        var i = 0, j = 0
        while i < oldCount || j < newCount {
            let a = i < oldCount ? git_tree_entry_byindex(old, i) : nil
            let b = j < newCount ? git_tree_entry_byindex(new, j) : nil
            let order: Int32 = if let a, let b { git_tree_entry_cmp(a, b) } else { a == nil ? 1 : -1 }
            if order < 0 {
                try removed(a!, prefix: prefix)
                i += 1
            } else if order > 0 {
                try added(b!, prefix: prefix)
                j += 1
            } else {
                try changed(a!, b!, prefix: prefix)
                i += 1
                j += 1
            }
        }
    }

    private mutating func changed(_ a: OpaquePointer, _ b: OpaquePointer, prefix: String) throws {
        let modeA = git_tree_entry_filemode(a), modeB = git_tree_entry_filemode(b)
        if modeA == modeB, git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) != 0 { return }
        let treeA = modeA == GIT_FILEMODE_TREE, treeB = modeB == GIT_FILEMODE_TREE
        switch (treeA, treeB) {
        case (true, true):
            try withTree(a) { old in try withTree(b) { new in try compare(old, new, prefix: path(a, prefix) + "/") } }
        case (false, false):
            // Same kind of object (file, symlink, submodule) is a modification; otherwise a type change.
            // The executable bit is a modification, as git counts it.
            let sameType = modeA.rawValue & 0o170000 == modeB.rawValue & 0o170000
            changes.append(ChangedFile(path: path(b, prefix), status: sameType ? .modified : .typeChanged))
        default:
            try removed(a, prefix: prefix)
            try added(b, prefix: prefix)
        }
    }

    private mutating func added(_ entry: OpaquePointer, prefix: String) throws {
        if git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE {
            try withTree(entry) { try compare(nil, $0, prefix: path(entry, prefix) + "/") }
        } else {
            changes.append(ChangedFile(path: path(entry, prefix), status: .added))
        }
    }

    private mutating func removed(_ entry: OpaquePointer, prefix: String) throws {
        if git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE {
            try withTree(entry) { try compare($0, nil, prefix: path(entry, prefix) + "/") }
        } else {
            changes.append(ChangedFile(path: path(entry, prefix), status: .deleted))
        }
    }

    private func path(_ entry: OpaquePointer, _ prefix: String) -> String {
        prefix + String(cString: git_tree_entry_name(entry))
    }

    private func withTree(_ entry: OpaquePointer, _ body: (OpaquePointer) throws -> Void) throws {
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, repository, git_tree_entry_id(entry)), "git_tree_lookup")
        defer { git_tree_free(tree) }
        try body(tree!)
    }
}
