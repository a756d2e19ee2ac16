import Foundation
import Git
import Support

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
///
/// Every read goes through `place(_:)`: a path from dossier.yml (records, SBOM, templates, trust files) or a name
/// in a folder is resolved, symbolic links and `..` included, and refused unless it stays inside the work tree,
/// before anything is read. A pull request cannot make dossier read (and print) a file from elsewhere on the disk.
public struct WorkTreeSource: RecordSource {
    /// The work tree's folder.
    public let root: String
    /// How messages name it: `the work tree`.
    public let label = "the work tree"
    /// The work tree's folder with its symbolic links resolved, which every path read must stay inside.
    private let resolvedRoot: String

    /// Reads from the folder `root`.
    public init(root: String) {
        self.root = root
        if case .found(let path)? = Self.resolve(root) { resolvedRoot = path } else { resolvedRoot = root }
    }

    /// Whether `path` is a file, a folder, or absent in the work tree.
    /// - Throws: `DossierError` when the path resolves outside the work tree.
    public func entryKind(_ relative: String) throws -> Repository.EntryKind? {
        guard let path = try place(relative) else { return nil }
        return Self.kind(path)
    }

    /// The file's bytes, or nil when absent.
    /// - Throws: `DossierError` when the path resolves outside the work tree, or the file cannot be read.
    public func readFile(_ relative: String) throws -> Data? {
        guard let path = try place(relative), Self.kind(path) == .file else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DossierError("cannot read \(relative) in the work tree")
        }
        return data
    }

    /// The names of the files in the folder, in byte order. A name whose link leads outside the work tree is
    /// listed too, so that reading it is refused rather than the file silently skipped.
    /// - Throws: `DossierError` when the folder resolves outside the work tree.
    public func fileNames(inFolder relative: String) throws -> [String] {
        guard let folder = try place(relative), Self.kind(folder) == .folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let prefix = relative.hasSuffix("/") ? relative : relative + "/"
        return names.filter { name in
            do { return try entryKind(prefix + name) == .file } catch { return true }
        }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The path on disk of `relative` with every link resolved, `nil` when nothing is there.
    /// - Throws: `DossierError` naming `relative` when it is absolute, climbs out with `..`, or leads (through
    ///   symbolic links) to a place outside the work tree; nothing there is read.
    func place(_ relative: String) throws -> String? {
        var depth = 0
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { break }
        }
        guard !relative.hasPrefix("/"), depth >= 0, !relative.utf8.contains(0) else { throw outside(relative) }
        switch Self.resolve(root + "/" + relative) {
        case nil: return nil
        case .found(let path)?:
            let inside = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
            guard path == resolvedRoot || path.hasPrefix(inside) else { throw outside(relative) }
            // git's own folder is not the work tree's files: its config may hold credentials (an extraheader).
            if path.dropFirst(inside.count).split(separator: "/").contains(where: { $0.lowercased() == ".git" }) {
                throw DossierError("refused to read \(Excerpt.quoted(relative)): the path leads into the repository's .git folder, and dossier reads only the work tree's files")
            }
            return path
        case .unreadable(let reason)?:
            throw DossierError("cannot read \(Excerpt.quoted(relative)) in the work tree: \(reason)")
        }
    }

    private func outside(_ relative: String) -> DossierError {
        DossierError("refused to read \(Excerpt.quoted(relative)): the path leads outside the work tree, and dossier reads only files inside it")
    }

    private enum Resolution { case found(String), unreadable(String) }

    /// `realpath(3)`: nil when the path (or a link on it) leads to nothing.
    private static func resolve(_ path: String) -> Resolution? {
        guard let resolved = realpath(path, nil) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            return .unreadable(String(cString: strerror(code)))
        }
        defer { free(resolved) }
        return .found(String(cString: resolved))
    }

    /// A regular file or a folder; anything else (a FIFO, a device) is treated as absent and never opened.
    private static func kind(_ path: String) -> Repository.EntryKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return nil
        }
    }
}
