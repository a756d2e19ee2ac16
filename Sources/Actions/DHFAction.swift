import Assembly
import Bundle
import Crypto
import Evidence
import Foundation
import Git
import Model
import Records
import Render
import Signatures
import Support
import Views

/// `dossier dhf`: builds the Design History File: one folder with every release's SUF bundle (the one attached to
/// the release tag, byte for byte, when there is one; else built now) and the DHF documents over them. Written whole
/// or not at all.
public struct DHFAction: Sendable {
    /// The repository and the options each release is built with. `release` names the newest release the DHF
    /// covers (nil: the newest release tag); `since` and `evidenceGlobs` are not used.
    public var release: ReleaseRequest
    /// Which DHF documents to write (each release's SUF bundle is always whole).
    public var formats: Set<DocumentFormat>
    /// A folder on disk whose templates override the built-in ones (and those named in dossier.yml).
    public var templatesFolder: String?
    /// The folder that receives `dhf/` (default `dist/dossier`).
    public var outFolder: String
    /// An unencrypted OpenSSH private key that signs the DHF's manifest and those of the bundles built now.
    public var signingKeyFile: String?
    /// Whether the HTML is one page or one page per part.
    public var htmlPages: HTMLPageLayout
    /// Told about each release as its bundle is made (for progress on a terminal), from any thread.
    public var progress: (@Sendable (ReleaseProgress) -> Void)?

    /// Creates the action.
    public init(release: ReleaseRequest, formats: Set<DocumentFormat> = DocumentFormat.standard,
                templatesFolder: String? = nil, outFolder: String = "dist/dossier", signingKeyFile: String? = nil,
                htmlPages: HTMLPageLayout = .auto, progress: (@Sendable (ReleaseProgress) -> Void)? = nil) {
        self.release = release
        self.formats = formats
        self.templatesFolder = templatesFolder
        self.outFolder = outFolder
        self.signingKeyFile = signingKeyFile
        self.htmlPages = htmlPages
        self.progress = progress
    }

    /// One release's bundle, made.
    public struct ReleaseProgress: Sendable {
        /// The release.
        public var release: String
        /// Whether its attached bundle was copied (else it was built now).
        public var attached: Bool
        /// How many releases are done, this one included, and how many there are.
        public var done: Int, total: Int
    }

    /// What was built.
    public struct Result: Sendable {
        /// The DHF folder.
        public var path: String
        /// The DHF model written as dhf.json.
        public var history: DesignHistory
        /// Problems that did not stop the DHF, one line each.
        public var warnings: [String]
    }

    /// The name of the DHF's folder in the output folder.
    public static let folderName = "dhf"

    /// Builds and writes the DHF. Nothing is written when any input is bad.
    /// - Throws: `DossierError` for a bad repository, release, record file or template, or an attached bundle that
    ///   does not match its manifest.
    public func perform() async throws -> Result {
        try await Self.build(self)
    }

    /// What `perform()` does, with the action's options as `request`.
    private static func build(_ request: DHFAction) async throws -> Result {
        let signingKey = try request.signingKeyFile.map(SUFAction.signingKey(file:))
        let repository = try Repository(path: request.release.repository)
        let externalConfig = try request.release.configFile.map(Config.load(file:))
        let pattern = try (externalConfig ?? ReleaseAssembler.headConfig(repository)).tagPattern
        let releaseTags = try repository.releaseTags(matching: pattern)
        var releases = releaseTags.names
        if let through = request.release.release {
            if let index = releaseTags.index(of: through) {
                releases = Array(releases[...index])
            } else if try releaseTags.all.isCommitTag(through), let tag = releaseTags.all.entry(named: through) {
                // A tag outside the pattern, named: the newest release, after the release tags before it, as
                // dossier suf takes it (its SUF says it is outside the pattern; rule I3).
                let previous = try ReleaseAssembler.previousRelease(of: through, commit: tag.commit, tags: releaseTags, in: repository)
                releases = Array(releases.prefix(previous.flatMap { releaseTags.index(of: $0.name) }.map { $0 + 1 } ?? 0)) + [through]
            } else {
                throw DossierError("'\(through)' is not a tag: the DHF runs through a release tag, one of the tags matching '\(pattern)' (\(releases.joined(separator: ", "))) or another tag named")
            }
        }
        guard !releases.isEmpty else {
            throw DossierError("no release tag matches '\(pattern)' in \(request.release.repository): a DHF documents releases; tag one first (git tag -s v1.0.0)")
        }
        try checkFolders(releases)

        // A release's records are the next one's previous records: each tree is read once.
        let request = {
            var shared = request
            shared.release.recordCache = RecordCache(capacity: 4 * ProcessInfo.processInfo.activeProcessorCount)
            return shared
        }()
        let writer = try BundleWriter(folder: request.outFolder, name: folderName)
        do {
            var builder = DesignHistoryBuilder()
            // Each release's SUF repeats the notes on skipped tags: each warning is shown once.
            var warnings = releaseTags.notes
            // The newest release's configuration names the DHF's templates.
            var newestConfig: Config?
            // Releases are made in child tasks, one per core, each started as soon as one ends (at most two rounds
            // ahead of the oldest not yet folded, so finished releases do not pile up), and folded in release order.
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let total = releases.count, newestName = releases.last
            try await withThrowingTaskGroup(of: (Int, DocumentedRelease).self) { group in
                var next = 0, folded = 0, done = 0
                var waiting: [Int: DocumentedRelease] = [:]
                func start() {
                    while next < releases.count, next - folded < 2 * width, next - folded - waiting.count < width {
                        let index = next, name = releases[index]
                        group.addTask {
                            (index, try await document(name, newest: name == newestName, request: request,
                                                       signingKey: signingKey, into: writer))
                        }
                        next += 1
                    }
                }
                start()
                while let (index, made) = try await group.next() {
                    done += 1
                    request.progress?(ReleaseProgress(release: releases[index], attached: made.suf.attachedCommit != nil,
                                                      done: done, total: total))
                    waiting[index] = made
                    while let made = waiting.removeValue(forKey: folded) {
                        builder.add(made.release, suf: made.suf, approvals: made.approvals)
                        let new = made.warnings.filter { !warnings.contains($0) }
                        warnings += new
                        newestConfig = made.config
                        folded += 1
                    }
                    start()
                }
            }
            var history = builder.build(date: request.release.sourceDateEpoch.map { ISODate.format(time: $0, offsetMinutes: 0) })
            let through = history.through
            // An attached bundle holds no configuration: then it is read from the newest release's tree.
            let config = try externalConfig ?? newestConfig
                ?? RecordLoader.config(from: GitTreeSource(repository: repository, commit: history.commit, label: through))
            history.documentID = config.documents.dhfID
            let templates = try SUFAction.templates(config: config, commit: history.commit, label: through,
                                                    repository: request.release.repository, folder: request.templatesFolder)
            let renderer = DHFRenderer(templates: templates, generator: DossierVersion.generator)
            try await StageTimer.measure("render") {
                try await renderer.render(history, formats: request.formats, pages: request.htmlPages, into: writer)
            }
            let path = try await StageTimer.measure("write") { try writer.finish(signingKey: signingKey) }
            return Result(path: path, history: history, warnings: warnings)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// A release's model and its bundle, as the DHF received them.
    private struct DocumentedRelease: Sendable {
        var release: ReleaseFacts
        var suf: SUFReference
        /// The configuration the release was built with; nil for an attached bundle.
        var config: Config?
        var warnings: [String]
        /// The release's approvals judged against the bundle the DHF holds; nil when none is recorded or required.
        var approvals: ReleaseApprovals? = nil
    }

    /// Refuses two releases whose folders in the DHF would be one: names that differ only in case, in Unicode
    /// normalisation (`v2.0.é` precomposed and decomposed) or in `/` for `-`, which the bundle's file names (and
    /// many file systems) do not tell apart.
    /// - Throws: `DossierError` naming both tags by their bytes.
    static func checkFolders(_ releases: [String]) throws {
        var seen: [String: String] = [:]
        for name in releases {
            let key = Release.fileStem(name).lowercased()
            if let earlier = seen[key] {
                throw DossierError("the release tags \(TagList.quoted(earlier)) and \(TagList.quoted(name)) would share the DHF folder '\(BundlePath.escaped(Release.fileStem(name)))' (their names differ only in case, in Unicode normalisation or in '/' for '-'): rename one of them, or leave it out of releases.tag_pattern")
            }
            seen[key] = name
        }
    }

    /// Puts one release's SUF bundle into the DHF's folder (the attached one, else one built now), with its approvals.
    private static func document(_ name: String, newest: Bool, request: DHFAction, signingKey: SSHSigningKey?,
                                 into writer: BundleWriter) async throws -> DocumentedRelease {
        var made = try await bundle(name, newest: newest, request: request, signingKey: signingKey, into: writer)
        let approvals = try ApprovalReview.approvals(of: name, request: request.release).judged(against: made.suf.manifestSHA256)
        made.approvals = approvals.isEmpty ? nil : approvals
        return made
    }

    /// The release's SUF bundle in the DHF's folder: the attached one, else one built now.
    private static func bundle(_ name: String, newest: Bool, request: DHFAction, signingKey: SSHSigningKey?,
                               into writer: BundleWriter) async throws -> DocumentedRelease {
        let repository = try Repository(path: request.release.repository)
        if let commit = AttachedBundle.commit(release: name, in: repository) {
            return try await copyAttached(name, commit: commit, newest: newest, repository: repository, into: writer)
        }
        var releaseRequest = request.release
        releaseRequest.release = name
        releaseRequest.since = nil
        releaseRequest.evidenceGlobs = []
        let assembled = try await ReleaseAssembler.assemble(releaseRequest)
        let id = assembled.release.identification
        let renderer = SUFRenderer(templates: try SUFAction.templates(config: assembled.config, commit: id.commit, label: id.release,
                                                                      repository: request.release.repository,
                                                                      folder: request.templatesFolder),
                                   generator: DossierVersion.generator)
        let folder = assembled.release.fileStem
        // The trace graph and the rest of the assembly are let go before the documents are made (as in SUFAction).
        var assessed = assembled.assessed
        let config = assembled.config, warnings = assembled.warnings, traces = assembled.requirementTraces
        _ = consume assembled
        // No bundle is attached to the release (else it is copied): its SUF is revision 1, as dossier suf makes it.
        assessed.release.identification.document = DocumentIdentity(id: config.documents.sufID(release: id.release), revision: 1)
        try await renderer.render(assessed, traces: traces, into: SubfolderSink(writer: writer, folder: folder))
        let manifest = try writer.finishFolder(folder, signingKey: signingKey)
        return DocumentedRelease(release: ReleaseFacts(assessed, keepingRecords: newest),
                                 suf: SUFReference(folder: folder, manifestSHA256: sha256Hex(Data(manifest.utf8)), attachedCommit: nil),
                                 config: config, warnings: warnings)
    }

    /// Copies the bundle attached to `name` byte for byte, after checking it against its manifest.
    private static func copyAttached(_ name: String, commit: String, newest: Bool, repository: Repository,
                                     into writer: BundleWriter) async throws -> DocumentedRelease {
        let bundle = "the bundle attached to \(name) (\(DossierReference.bundle(name)), commit \(commit.prefix(12)))"
        let files = try AttachedBundle.files(release: name, in: repository)
        guard let manifest = files[BundleWriter.manifestName] else {
            throw DossierError("\(bundle) has no \(BundleWriter.manifestName)")
        }
        guard let whole = WholeBundle(files) else {
            throw DossierError("\(bundle) does not match its \(BundleWriter.manifestName): a file was changed after the bundle was made (see git log -p \(DossierReference.bundle(name))); attach a whole bundle with dossier attach \(name) --force")
        }
        guard let json = files["suf.json"] else {
            throw DossierError("\(bundle) has no suf.json")
        }
        let release = try await readFacts(name, files: files, suf: json, newest: newest)
        guard release.identification.release == name else {
            throw DossierError("\(bundle) is the bundle of \(release.identification.release), not of \(name)")
        }
        // The bundle stays as attached; the DHF says when evidence was stored with the release after it was made.
        var warnings: [String] = []
        let staleness = StoredEvidence.staleness(ofAttached: release.identification.evidence, release: name, bundle: bundle, in: repository)
        let stale = staleness?.commit
        if let staleness { warnings.append(staleness.warning) }
        let folder = Release.fileStem(name)
        try writer.add(whole, inFolder: folder)
        var suf = SUFReference(folder: folder, manifestSHA256: sha256Hex(manifest), attachedCommit: commit, evidenceStoredSince: stale)
        // The revision the bundle states is checked against the one the reference's history makes it.
        if let stated = release.identification.document?.revision {
            let counted = try AttachedBundle.revisions(release: name, in: repository).count
            if counted != stated {
                suf.historyRevision = counted
                warnings.append("\(bundle) states it is revision \(stated), but the history of \(DossierReference.bundle(name)) makes it revision \(counted); the DHF shows both")
            }
        }
        return DocumentedRelease(release: release, suf: suf, config: nil, warnings: warnings)
    }
}

extension DHFAction {
    /// What the DHF keeps of an attached release: read from the bundle's facts file (and, for the newest release,
    /// its records from suf.json); from suf.json whole for a bundle made before there were facts files, or with a
    /// facts file of a newer format. With `DOSSIER_TIMINGS=1` the stage says which file was read.
    /// - Throws: `DossierError` naming the file, line and column when the file read is not what it should be.
    fileprivate static func readFacts(_ name: String, files: [String: Data], suf: Data, newest: Bool) async throws -> ReleaseFacts {
        let reference = DossierReference.bundle(name)
        if let data = files[ReleaseFactsFile.name] {
            let file = "\(reference):\(ReleaseFactsFile.name)"
            let read = try await StageTimer.measure("facts \(name) from \(ReleaseFactsFile.name)") { () async throws -> ReleaseFacts? in
                guard var facts = try ReleaseReader.decodeJSON(data, file: file, what: "a facts file of dossier (\(ReleaseFactsFile.name), format \(ReleaseFactsFile.version))",
                                                               ReleaseFactsFile.decode) else { return nil }
                if newest {
                    facts.records = try ReleaseReader.decode(suf, file: "\(reference):suf.json", ReleaseFacts.decodeRecords)
                }
                return facts
            }
            if let read { return read }
        }
        return try await StageTimer.measure("facts \(name) from suf.json") {
            try ReleaseReader.decode(suf, file: "\(reference):suf.json") { data in
                try ReleaseFacts.decode(data, keepingRecords: newest)
            }
        }
    }
}

/// Hands a bundle's files to a writer inside one of its folders.
private struct SubfolderSink: BundleFileSink {
    let writer: BundleWriter
    let folder: String

    func add(_ name: String, _ data: Data) throws {
        try writer.add("\(folder)/\(name)", data)
    }

    func add(_ name: String, producedBy produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try writer.add("\(folder)/\(name)", producedBy: produce)
    }
}
