import Foundation

/// Where record files are read from: a release's git tree (the normal case) or, later, a work tree.
public protocol RecordSource {
    /// How documents name this source, e.g. `v2.0.0`.
    var label: String { get }
    /// Whether `path` is a file, a folder, or absent.
    func entryKind(_ path: String) throws -> Repository.EntryKind?
    /// The contents of the file at `path`, or `nil` when absent.
    func readFile(_ path: String) throws -> Data?
    /// The names of the files in the folder at `path`.
    func fileNames(inFolder path: String) throws -> [String]
}

/// Reads record files from one commit's tree, never from the working directory.
public struct GitTreeSource: RecordSource {
    let repository: Repository
    /// The commit whose tree is read.
    public let commit: String
    /// How documents name the tree, e.g. `v2.0.0`.
    public let label: String

    /// Reads from `commit`'s tree; `label` names it in messages (a tag name, usually).
    public init(repository: Repository, commit: String, label: String) {
        self.repository = repository
        self.commit = commit
        self.label = label
    }

    /// Whether `path` is a file, a folder, or absent in the commit's tree.
    /// - Throws: `GitError` when libgit2 cannot read the commit's tree.
    public func entryKind(_ path: String) throws -> Repository.EntryKind? { try repository.entryKind(path, at: commit) }
    /// The contents of the file at `path` in the commit's tree, or `nil` when absent.
    /// - Throws: `GitError` when libgit2 cannot read the commit's tree.
    public func readFile(_ path: String) throws -> Data? { try repository.readFile(path, at: commit) }
    /// The names of the files in the folder at `path` in the commit's tree, in byte order.
    /// - Throws: `GitError` when libgit2 cannot read the commit's tree.
    public func fileNames(inFolder path: String) throws -> [String] { try repository.fileNames(inFolder: path, at: commit) }
}

/// Reads record files from a work tree on disk: the uncommitted state, as `dossier check --worktree` sees it.
public struct WorkTreeSource: RecordSource {
    /// The work tree's folder.
    public let root: String
    /// How messages name it: `the work tree`.
    public let label = "the work tree"

    /// Reads from the folder `root`.
    public init(root: String) { self.root = root }

    private func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// Whether `path` is a file, a folder, or absent in the work tree.
    public func entryKind(_ relative: String) throws -> Repository.EntryKind? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path(relative), isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue ? .folder : .file
    }

    /// The file's bytes, or nil when absent.
    /// - Throws: `DossierError` when it exists but cannot be read.
    public func readFile(_ relative: String) throws -> Data? {
        guard try entryKind(relative) == .file else { return nil }
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw DossierError("cannot read \(relative) in the work tree")
        }
        return data
    }

    /// The names of the files in the folder, in byte order.
    public func fileNames(inFolder relative: String) throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []
        return names.filter { (try? entryKind(relative + "/" + $0)) == .file }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
