import Foundation
import Git
import Support

extension StoredEvidence {
    /// What `dossier evidence add` is asked for.
    public struct AddRequest: Sendable {
        /// The repository.
        public var repository: String
        /// The release tag.
        public var release: String
        /// The files: paths or globs, relative to `directory`, as `--evidence` takes them.
        public var patterns: [String]
        /// Update packages: paths or globs as `--artifact` takes them, each stored with the signature beside it.
        public var packagePatterns: [String] = []
        /// Build provenance files: paths or globs as `--provenance` takes them.
        public var provenancePatterns: [String] = []
        /// The directory the patterns are read against, and stored names are relative to.
        public var directory: String
        /// `SOURCE_DATE_EPOCH`, the evidence commit's time when set (else now).
        public var sourceDateEpoch: Int64?

        /// Creates a request.
        public init(repository: String, release: String, patterns: [String], directory: String, sourceDateEpoch: Int64?) {
            self.repository = repository
            self.release = release
            self.patterns = patterns
            self.directory = directory
            self.sourceDateEpoch = sourceDateEpoch
        }
    }

    /// What `add` did.
    public struct Addition: Sendable {
        /// `refs/dossier/evidence/<tag>`.
        public var reference: String
        /// The evidence commit the reference points at now.
        public var commit: String
        /// The names of the files stored now, each with its SHA-256.
        public var added: [(name: String, sha256: String)]
        /// The names of the files given that were stored already with the same bytes.
        public var unchanged: [String]
        /// Whether a new commit was written (false when every file was stored already).
        public var changed: Bool { !added.isEmpty }
    }

    /// Stores files with a release tag: a new commit at `refs/dossier/evidence/<tag>` whose parent is the one there
    /// (if any), whose tree holds the files stored before, the new ones and `SHA256SUMS`. A file is named by its path
    /// relative to `directory` when it lies inside it, else by its base name. Nothing is written unless every file,
    /// new and stored, is read without fault by the evidence readers and no name is taken by other bytes; the
    /// reference moves only from the commit that was read.
    /// - Throws: `DossierError` when the release is not a tag, a name is refused or taken, or a reader refuses a file.
    public static func add(_ request: AddRequest) throws -> Addition {
        let repository = try Repository(path: request.repository)
        guard try repository.tagList().isCommitTag(request.release) else {
            throw DossierError("'\(request.release)' is not a tag: evidence is stored with a release tag (git tag -s \(request.release) first)")
        }
        if let problem = layoutProblem(tag: request.release) { throw DossierError("cannot store evidence with \(problem)") }
        let tree = storedTree(request.release)
        let stored = try read(release: request.release, in: repository)
        let at = "the evidence stored with \(request.release) (\(tree.reference)\(stored.map { ", commit \($0.commit.prefix(12))" } ?? ""))"

        var given: [EvidenceInput] = []
        var from: [String: String] = [:]
        var named: [(path: String, name: String, data: Data)] = []
        // Packages, their signatures and provenance are listed in binary mode, which tells them from test reports.
        var binary = stored?.binary ?? []
        for file in try TestEvidence.gather(globs: request.patterns, relativeTo: request.directory) {
            let name = storedName(file.diskPath, directory: request.directory)
            for (folder, option, what) in [(UpdatePackageFile.storedFolder, "--artifact", "update packages"),
                                            (BuildProvenance.storedFolder, "--provenance", "build provenance")] where name.hasPrefix(folder) {
                throw DossierError("cannot store \(BundlePath.escaped(file.path)) as '\(BundlePath.escaped(name))': '\(folder)' holds the \(what) given with \(option); store the report from another folder")
            }
            named.append((file.path, name, file.data))
        }
        // A package is stored below packages/ by its base name, with the signature beside it under the same name.
        for package in try UpdatePackageFile.load(globs: request.packagePatterns, relativeTo: request.directory) {
            let base = UpdatePackageFile.storedFolder + (package.name as NSString).lastPathComponent
            named.append((package.name, base, package.data))
            binary.insert(base)
            if let signature = package.signature {
                let name = base + String(signature.name.dropFirst(package.name.count))
                named.append((signature.name, name, signature.data))
                binary.insert(name)
            }
        }
        // Provenance is stored below provenance/ by its base name.
        for file in try TestEvidence.gather(globs: request.provenancePatterns, relativeTo: request.directory, option: "--provenance",
                                            expected: "a readable build provenance file", maximumSize: BuildProvenance.maximumSize) {
            let name = BuildProvenance.storedFolder + (file.diskPath as NSString).lastPathComponent
            named.append((file.path, name, file.data))
            binary.insert(name)
        }
        for file in named {
            let name = file.name
            if let problem = BundlePath.problem(path: name) {
                throw DossierError("cannot store \(BundlePath.escaped(file.path)) as '\(BundlePath.escaped(name))': \(problem)")
            }
            if name == digestListName {
                throw DossierError("cannot store \(BundlePath.escaped(file.path)) as '\(name)': that is the name of the evidence's own digest list; rename the file")
            }
            if let index = given.firstIndex(where: { $0.name == name }) {
                guard given[index].data == file.data else {
                    let folderFixed = name.hasPrefix(UpdatePackageFile.storedFolder) || name.hasPrefix(BuildProvenance.storedFolder)
                    let advice = folderFixed ? "packages and provenance are stored by their base names: rename one of them"
                        : "store them from a folder that holds both, so that their paths tell them apart"
                    throw DossierError("\(BundlePath.escaped(from[name] ?? name)) and \(BundlePath.escaped(file.path)) would both be stored as '\(BundlePath.escaped(name))' with other bytes; \(advice)")
                }
                continue
            }
            given.append(EvidenceInput(name: name, data: file.data))
            from[name] = file.path
        }

        var all = stored?.files ?? []
        var added: [(name: String, sha256: String)] = [], unchanged: [String] = []
        for file in given {
            if let old = all.first(where: { $0.name == file.name }) {
                guard old.data == file.data else {
                    throw DossierError("\(at) holds '\(BundlePath.escaped(file.name))' already, with other bytes (SHA-256 \(sha256Hex(old.data)) stored, \(sha256Hex(file.data)) given): evidence stored with a release is never replaced; store the new file under another name")
                }
                unchanged.append(file.name)
                continue
            }
            all.append(file)
            added.append((file.name, sha256Hex(file.data)))
        }
        all.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        if let (name, problem) = BundlePath.firstProblem(in: all.map(\.name) + [digestListName]) {
            throw DossierError("cannot store '\(BundlePath.escaped(name))' with \(request.release): \(problem) among the files stored with it")
        }
        // The bounds every read of the stored tree applies (StoredTree.withFiles), applied before anything is written:
        // a file no command could read back would leave the release's evidence unusable for good.
        var total: UInt64 = 0
        for file in all {
            let bytes = UInt64(file.data.count)
            total += bytes
            if bytes > StoredTree.maximumFileSize || total > StoredTree.maximumTotalSize {
                throw DossierError("cannot store '\(BundlePath.escaped(file.name))' (\(bytes) bytes) with \(request.release): evidence holds at most \(StoredTree.maximumFileSize) bytes (256 MiB) per file and \(StoredTree.maximumTotalSize) bytes (1 GiB) in all")
            }
        }
        // Every file, the stored ones too, through the readers every command will read them with.
        _ = try evidence(all, binary: binary, source: "the evidence of \(request.release)")
        let previous = stored?.commit
        guard !added.isEmpty else {
            return Addition(reference: tree.reference, commit: previous ?? "", added: [], unchanged: unchanged)
        }

        let author = StoredTree.Author(name: repository.configValue("user.name") ?? "dossier",
                                       email: repository.configValue("user.email") ?? "dossier@localhost",
                                       time: request.sourceDateEpoch ?? Int64(Date().timeIntervalSince1970))
        let digestList = Data(ManifestListing.text(Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.data) }), binary: binary).utf8)
        let files = all.map { ($0.name, $0.data) } + [(digestListName, digestList)]
        let treeId = try StoredTree.writeTree(files, in: repository)
        let message = "dossier evidence for \(request.release)\n\nAdded:\n" + added.map { "\($0.sha256)  \($0.name)\n" }.joined()
        let commit = try StoredTree.writeCommit(tree: treeId, parent: previous, message: message, author: author, in: repository)
        try tree.update(to: commit, from: previous, logMessage: "dossier evidence add \(request.release)", in: repository)
        return Addition(reference: tree.reference, commit: commit, added: added, unchanged: unchanged)
    }

    /// A file's name in the evidence: its path below `directory` when it lies there, else its base name.
    static func storedName(_ diskPath: String, directory: String) -> String {
        let file = URL(fileURLWithPath: diskPath, relativeTo: URL(fileURLWithPath: directory)).standardizedFileURL.path
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        let folder = base.hasSuffix("/") ? base : base + "/"
        return file.hasPrefix(folder) ? String(file.dropFirst(folder.count)) : (file as NSString).lastPathComponent
    }
}
