import Foundation

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
        var evidence = TestEvidence()
        var seen = Set<String>()
        for glob in globs {
            for match in try files(glob, relativeTo: directory) {
                let identity = URL(fileURLWithPath: match.diskPath).standardizedFileURL.resolvingSymlinksInPath().path
                guard seen.insert(identity).inserted else { continue }
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: match.diskPath))
                } catch {
                    throw DossierError("expected a readable JUnit XML file or SBOM, could not read it (\(error.localizedDescription))",
                                       at: SourceLocation(file: match.path))
                }
                if SBOMReader.looksLikeSBOM(match.path) {
                    if let first = evidence.sbom {
                        throw DossierError("expected one SBOM in --evidence, found a second one (the first is \(first.file))",
                                           at: SourceLocation(file: match.path))
                    }
                    evidence.sbom = try SBOMReader.read(data, file: match.path)
                    continue
                }
                let report = try JUnitReader.read(data, file: match.path)
                evidence.files.append(report.file)
                evidence.cases.append(contentsOf: report.cases)
            }
        }
        return evidence
    }

    /// The files one `--evidence` argument names, sorted; a plain path is taken as written.
    private static func files(_ glob: String, relativeTo directory: String) throws -> [EvidenceGlob.Match] {
        if !EvidenceGlob.hasWildcard(glob) {
            let disk = glob.hasPrefix("/") ? glob : directory + "/" + glob
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: disk, isDirectory: &isDirectory) else {
                throw DossierError("--evidence '\(glob)' matches no file")
            }
            if isDirectory.boolValue {
                throw DossierError("expected a JUnit XML file, found a folder (use '\(glob)/**/*.xml' for the reports in it)",
                                   at: SourceLocation(file: glob))
            }
            return [EvidenceGlob.Match(path: glob, diskPath: disk)]
        }
        let matches = EvidenceGlob.expand(glob, in: directory)
        guard !matches.isEmpty else { throw DossierError("--evidence '\(glob)' matches no file") }
        return matches
    }
}
