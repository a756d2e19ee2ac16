import Foundation
import Support

extension TestEvidence {
    /// A `.json` file is an SBOM (CycloneDX or SPDX), the release's SOUP list; any other is a JUnit XML report.
    ///
    /// Expands each glob (relative to `directory`; `*`, `?`, `**` for any depth, as the shell would; a plain path too),
    /// reads every matching file once, in sorted path order per glob, and gathers the cases. A glob that matches nothing
    /// is a DossierError ("--evidence 'reports/*.xml' matches no file"). A path that is not readable is a DossierError.
    ///
    /// A file named by two globs (or twice by one, through `./` or `..`) is read the first time only. File paths in the
    /// evidence are as the user wrote them: a plain path exactly as given, a glob's matches as the glob's literal folders
    /// followed by the names found.
    public static func load(globs: [String], relativeTo directory: String) throws -> TestEvidence {
        try read(gather(globs: globs, relativeTo: directory).map { EvidenceInput(name: $0.path, data: $0.data) })
    }

    /// One file `gather` found: the path as the user wrote it, where it is on disk, and its bytes.
    public struct GatheredFile: Sendable {
        /// The path as the user wrote it (a glob's matches as its literal folders followed by the names found).
        public var path: String
        /// The file on disk, absolute or relative to the directory the patterns were read against.
        public var diskPath: String
        /// Its bytes.
        public var data: Data
    }

    /// The files `globs` name (relative to `directory`), each read once, in sorted path order per glob, as `load`
    /// finds them: a glob that matches nothing or a file that cannot be read is a DossierError.
    /// `option` and `expected` name the flag and what it takes in messages; a file larger than `maximumSize` bytes
    /// is refused before it is read.
    public static func gather(globs: [String], relativeTo directory: String, option: String = "--evidence",
                              expected: String = "a readable JUnit XML file or SBOM", maximumSize: UInt64? = nil) throws -> [GatheredFile] {
        var gathered: [GatheredFile] = []
        var seen = Set<String>()
        for glob in globs {
            for match in try files(glob, relativeTo: directory, option: option) {
                let identity = URL(fileURLWithPath: match.diskPath).standardizedFileURL.resolvingSymlinksInPath().path
                guard seen.insert(identity).inserted else { continue }
                gathered.append(GatheredFile(path: match.path, diskPath: match.diskPath,
                                             data: try readRegularFile(match.diskPath, shownAs: match.path, expected: expected,
                                                                       maximumSize: maximumSize, below: directory)))
            }
        }
        return gathered
    }

    /// The bytes of the regular file at `diskPath` (named `path` in messages): not through a symbolic link (a
    /// repository may commit `report.xml -> ~/.ssh/id_ed25519`, whose bytes `evidence add` would store and push), not
    /// a FIFO or device, and at most `maximumSize` bytes, checked on the opened file before it is read.
    /// Below `directory` (where the patterns are read, a work tree a pull request may have written), no folder on
    /// the way may be a symbolic link either (`dist -> ~/.ssh` with `--artifact 'dist/*'`).
    /// - Throws: `DossierError` naming the file when it is none of that, or cannot be read.
    static func readRegularFile(_ diskPath: String, shownAs path: String, expected: String, maximumSize: UInt64?,
                                below directory: String? = nil) throws -> Data {
        let at = SourceLocation(file: path)
        if let directory {
            let base = URL(fileURLWithPath: directory).standardizedFileURL.path
            let full = URL(fileURLWithPath: diskPath, relativeTo: URL(fileURLWithPath: directory)).standardizedFileURL.path
            if full.hasPrefix(base == "/" ? "/" : base + "/") {
                var current = base == "/" ? "" : base
                for component in full.dropFirst(current.count + 1).split(separator: "/").dropLast() {
                    current += "/" + component
                    var info = stat()
                    if lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                        throw DossierError("expected \(expected), found a path through the symbolic link \(Excerpt.quoted(String(current.dropFirst(base.count + 1)))): name the folder it points to, if it is the one meant", at: at)
                    }
                }
            }
        }
        let descriptor = open(diskPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP {
                throw DossierError("expected \(expected), found a symbolic link: name the file it points to, if it is the one meant", at: at)
            }
            throw DossierError("expected \(expected), could not read it (\(String(cString: strerror(code))))", at: at)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw DossierError("expected \(expected), found something that is not a regular file", at: at)
        }
        let size = UInt64(max(0, status.st_size))
        if let maximumSize, size > maximumSize {
            throw DossierError("expected \(expected) of at most \(maximumSize) bytes, found \(size) bytes", at: at)
        }
        do {
            // One byte more than the size found: a file that grows while it is read is refused, not cut.
            let data = try handle.read(upToCount: Int(size) + 1) ?? Data()
            guard UInt64(data.count) == size else {
                throw DossierError("expected \(expected), found a file that changed while it was read", at: at)
            }
            return data
        } catch let error as DossierError {
            throw error
        } catch {
            throw DossierError("expected \(expected), could not read it (\(error.localizedDescription))", at: at)
        }
    }

    /// Reads evidence files, in the order given, with the one set of readers every evidence goes through, given on
    /// the command line or stored with the release: a `.json` file is an SBOM (CycloneDX or SPDX, at most one), any
    /// other a JUnit XML report. Each is named by its `name` in the evidence and in messages.
    /// `source` says where the files are from in the message about a second SBOM.
    /// - Throws: `DossierError` naming the file, line and column of what a reader refused, or a second SBOM.
    public static func read(_ inputs: [EvidenceInput], source: String = "--evidence") throws -> TestEvidence {
        var evidence = TestEvidence()
        for input in inputs {
            if SBOMReader.looksLikeSBOM(input.name) {
                if let first = evidence.sbom {
                    throw DossierError("expected one SBOM in \(source), found a second one (the first is \(first.file))",
                                       at: SourceLocation(file: input.name))
                }
                evidence.sbom = try SBOMReader.read(input.data, file: input.name)
                continue
            }
            let report = try JUnitReader.read(input.data, file: input.name)
            evidence.files.append(report.file)
            evidence.cases.append(contentsOf: report.cases)
        }
        return evidence
    }

    /// The files one `--evidence` argument names, sorted; a plain path is taken as written.
    private static func files(_ glob: String, relativeTo directory: String, option: String) throws -> [EvidenceGlob.Match] {
        if !EvidenceGlob.hasWildcard(glob) {
            let disk = glob.hasPrefix("/") ? glob : directory + "/" + glob
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: disk, isDirectory: &isDirectory) else {
                throw DossierError("\(option) '\(glob)' matches no file")
            }
            if isDirectory.boolValue {
                let hint = option == "--evidence" ? "'\(glob)/**/*.xml' for the reports in it" : "'\(glob)/*' for the files in it"
                throw DossierError("expected \(option == "--evidence" ? "a JUnit XML file" : "a file"), found a folder (use \(hint))",
                                   at: SourceLocation(file: glob))
            }
            return [EvidenceGlob.Match(path: glob, diskPath: disk)]
        }
        let matches = EvidenceGlob.expand(glob, in: directory)
        guard !matches.isEmpty else { throw DossierError("\(option) '\(glob)' matches no file") }
        return matches
    }
}
