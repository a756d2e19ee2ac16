import Checks
import Evidence
import Foundation
import Git
import Model
import Records
import Signatures
import Support

/// What `dossier suf` is asked for.
public struct ReleaseRequest: Sendable {
    /// The repository (work tree or bare), default the current directory.
    public var repository: String
    /// The release: a tag or any revision; `nil` for the newest release tag.
    public var release: String?
    /// Where the release's history starts (excluded); `nil` for the release tag before it.
    public var since: String?
    /// A dossier.yml outside the repository, replacing the one in the release's tree.
    public var configFile: String?
    /// `SOURCE_DATE_EPOCH`, which overrides the document date.
    public var sourceDateEpoch: Int64?
    /// An allowed signers file on disk that replaces `trust.allowed_signers` (`--allowed-signers`).
    public var allowedSignersFile: String?
    /// A folder of OpenPGP public keys on disk that replaces `trust.openpgp_keys` (`--openpgp-keys`).
    public var openPGPKeysFolder: String?
    /// JUnit XML test reports (paths or globs, relative to the current directory) given with `--evidence`.
    public var evidenceGlobs: [String] = []
    /// Update packages (paths or globs, relative to the current directory) given with `--artifact`, each with the
    /// detached signature beside it.
    public var artifactGlobs: [String] = []
    /// Build provenance files (in-toto statements of SLSA provenance v1, bare or in a DSSE envelope) given with
    /// `--provenance`.
    public var provenanceGlobs: [String] = []
    /// A folder of PEM public keys on disk trusted to sign update packages, replacing `trust.update_keys`
    /// (`--update-keys`).
    public var updateKeysFolder: String?
    /// Check the uncommitted state: records from the work tree, history up to HEAD (`--worktree`).
    public var workTree = false
    /// Record sets shared with other releases assembled at once, so that each tree is read once.
    package var recordCache: RecordCache?

    /// Creates a request.
    public init(repository: String, release: String? = nil, since: String? = nil, configFile: String? = nil,
                sourceDateEpoch: Int64? = nil, allowedSignersFile: String? = nil, openPGPKeysFolder: String? = nil) {
        self.allowedSignersFile = allowedSignersFile
        self.openPGPKeysFolder = openPGPKeysFolder
        self.repository = repository
        self.release = release
        self.since = since
        self.configFile = configFile
        self.sourceDateEpoch = sourceDateEpoch
    }
}

/// The assembled release, with what the user should hear about on stderr.
public struct AssembledRelease: Sendable {
    /// The release's facts and their assessment, as one value: what the documents are made from.
    public var assessed: AssessedRelease { AssessedRelease(release: release, assessment: assessment) }
    /// The release's facts.
    public var release: Release
    /// What the gap rules, the trace matrix and the clause coverage conclude about them.
    public var assessment: Assessment
    /// The configuration in force.
    public var config: Config
    /// Problems that do not stop the document (links to unknown ids), one line each; the notes among them.
    public var warnings: [String]
    /// The notes on release tags skipped because they point at a tree or a blob, one line each.
    public var notes: [String] = []
    /// The trace graph the release's matrix was made from, for `dossier trace`.
    public var graph: TraceGraph

    /// The trace of each requirement of the release's trace matrix, in its order: what the bundle draws.
    public var requirementTraces: [TraceReport] {
        let maker = TraceReport.Maker(release: release, graph: graph)
        return assessment.traceMatrix.map { maker.report(requirement: $0.requirement) }
    }
}

/// Joins history and records into a `Release`, and has it assessed.
public enum ReleaseAssembler {
    /// Reads the repository and builds the release's model.
    /// - Throws: `DossierError` for a bad repository, revision, configuration or record file.
    public static func assemble(_ request: ReleaseRequest) async throws -> AssembledRelease {
        // Test reports given are read first: a bad one stops the command before any other work.
        var given = try request.evidenceGlobs.isEmpty ? nil
            : TestEvidence.load(globs: request.evidenceGlobs, relativeTo: FileManager.default.currentDirectoryPath)
        if !request.artifactGlobs.isEmpty {
            given = given ?? TestEvidence()
            given?.packages = try UpdatePackageFile.load(globs: request.artifactGlobs, relativeTo: FileManager.default.currentDirectoryPath)
        }
        if !request.provenanceGlobs.isEmpty {
            given = given ?? TestEvidence()
            given?.provenance = try TestEvidence.gather(globs: request.provenanceGlobs, relativeTo: FileManager.default.currentDirectoryPath,
                                                        option: "--provenance", expected: "a readable build provenance file",
                                                        maximumSize: BuildProvenance.maximumSize)
                .flatMap { try BuildProvenance.read($0.data, file: $0.path) }
        }
        let repository = try Repository(path: request.repository)
        let externalConfig = try request.configFile.map(Config.load(file:))

        // The repository's tags and their order, read once: the release, its tag and the previous release come from them.
        let tagList = try repository.tagList()
        let order = repository.versionOrder()

        // Which release: the one named, or the newest release tag by the pattern in HEAD's dossier.yml.
        let releaseName: String
        // Notes on tags matching the pattern that point at trees or blobs, skipped.
        var notes: [String] = []
        if request.workTree {
            guard repository.workTree != nil else {
                throw DossierError("--worktree needs a repository with a work tree; \(request.repository) is bare")
            }
            releaseName = "HEAD"
        } else if let named = request.release {
            releaseName = named
        } else {
            let patternConfig = try externalConfig ?? headConfig(repository)
            let tags = tagList.releases(matching: patternConfig.tagPattern, order: order)
            notes += tags.notes
            guard let newest = tags.names.last else {
                throw DossierError("no release tag matches '\(patternConfig.tagPattern)' in \(request.repository); name a release, e.g. dossier suf v1.0.0")
            }
            releaseName = newest
        }
        let releaseCommit = try repository.resolveCommit(releaseName)
        // A release named by a tag of a commit (names matched by their bytes, as git matches them).
        let tag: Tag? = try tagList.entry(named: releaseName).map(repository.tag)
        let (evidence, evidenceOrigin) = try self.evidence(of: tag == nil || request.workTree ? nil : releaseName, given: given,
                                                           in: repository)

        let workTreeRoot = request.workTree ? repository.workTree : nil
        let releaseSource: RecordSource = workTreeRoot.map { WorkTreeSource(root: $0) }
            ?? GitTreeSource(repository: repository, commit: releaseCommit, label: releaseName)
        let config = try externalConfig ?? RecordLoader.config(from: releaseSource)

        // The previous release: --since, or the release tag before this one (its commit as the tag listing peeled it).
        let previous: TagList.Entry?
        let previousCommit: String?
        if let since = request.since {
            previous = nil
            previousCommit = try repository.resolveCommit(since)
        } else {
            let tags = tagList.releases(matching: config.tagPattern, order: order)
            notes += tags.notes
            if request.workTree {
                // The work tree builds on the newest release at or before HEAD.
                let candidates = Array(tags.tags.reversed())
                previous = try repository.firstReachable(candidates.map(\.commit), from: releaseCommit).map { candidates[$0] }
            } else {
                previous = try previousRelease(of: releaseName, commit: releaseCommit, tags: tags, in: repository)
            }
            previousCommit = previous?.commit
        }
        let previousName = request.since ?? previous?.name

        // The document date: the tag's, the release commit's, or SOURCE_DATE_EPOCH. Signature expiry is judged then.
        let (date, time): (String, Int64)
        if let epoch = request.sourceDateEpoch {
            (date, time) = (ISODate.format(time: epoch, offsetMinutes: 0), epoch)
        } else if let tagger = tag?.tagger {
            (date, time) = (tagger.date, tagger.time)
        } else {
            let committer = try repository.committer(of: releaseCommit)
            (date, time) = (committer?.date ?? ISODate.format(time: 0, offsetMinutes: 0), committer?.time ?? 0)
        }
        let trust = try SignatureTrust.load(config: config, from: releaseSource, allowedSignersFile: request.allowedSignersFile,
                                            openPGPKeysFolder: request.openPGPKeysFolder, updateKeysFolder: request.updateKeysFolder)
        let checker = SignatureChecker(trust: trust, verificationTime: time)

        // History and the two record sets are read at once, each with its own repository handle.
        let path = repository.gitDirectory
        let label = previousName ?? previousCommit ?? ""
        let mailmap = try repository.readFile(".mailmap", at: releaseCommit).map { String(decoding: $0, as: UTF8.self) }
        // The records need only their trees, so they (and the delta) are made while the history is still being read.
        async let history = StageTimer.measure("history") {
            try await Repository(path: path).history(in: RevisionRange(release: releaseCommit, since: previousCommit), mailmap: mailmap, checker: checker)
        }
        async let releaseRecords = StageTimer.measure("records (release)") {
            try await cached(request.recordCache, workTreeRoot == nil && evidence.sbom == nil ? "\(releaseCommit) \(releaseName)" : nil) {
                let source: RecordSource = try workTreeRoot.map { WorkTreeSource(root: $0) }
                    ?? GitTreeSource(repository: Repository(path: path), commit: releaseCommit, label: releaseName)
                return try RecordLoader.records(from: source, config: config, sbom: evidence.sbom)
            }
        }
        async let previousRecords = StageTimer.measure("records (previous)") { () async throws -> RecordSet in
            guard let previousCommit else { return RecordSet() }
            return try await cached(request.recordCache, "\(previousCommit) \(label)") {
                let source = GitTreeSource(repository: try Repository(path: path), commit: previousCommit, label: label)
                return try RecordLoader.records(from: source, config: externalConfig ?? RecordLoader.config(from: source))
            }
        }
        let (records, previousSet) = try await (releaseRecords, previousRecords)
        let delta = await StageTimer.measure("delta") { ReleaseDelta(previous: previousSet, current: records) }
        let read = try await history
        let commits = read.commits
        // The facts cache keeps what was read from git while the release is joined and assessed.
        async let keptInCache: Void = read.keepInCache()

        var identification = Identification(
            device: config.device, release: request.workTree ? "work tree" : releaseName, commit: releaseCommit,
            tag: tag.map { ReleaseTag(name: $0.name, object: $0.objectId, annotated: $0.isAnnotated, tagger: $0.tagger,
                                      message: $0.message,
                                      signature: checker.verdict($0.signedContent, signedAt: $0.tagger?.time ?? 0)) },
            previousRelease: previousName, previousCommit: previousCommit, date: date,
            configuration: config.source.map { source in
                // A file given with --config is named without its folder: no absolute paths in documents.
                externalConfig != nil ? "\((source as NSString).lastPathComponent) (given with --config)" : "\(source) at \(request.workTree ? "the work tree" : releaseName)"
            } ?? "none (history alone)",
            signatureCheck: {
                var basis = SignatureCheckBasis(allowedSigners: trust.allowedSignersSource, openPGPKeys: trust.openPGPKeysSource,
                                                checkedAt: date)
                basis.updateKeys = trust.updateKeysSource
                return basis
            }())

        identification.workTree = request.workTree
        identification.evidence = evidenceOrigin
        identification.requiredApprovals = config.requiredApprovals.isEmpty ? nil : config.requiredApprovals
        identification.outsideTagPattern = tag.flatMap { Wildcard.matches(config.tagPattern, $0.name) ? nil : config.tagPattern }
        var release = await StageTimer.measure("join") {
            ReleaseJoin.join(identification: identification, commits: commits, records: records,
                             delta: delta, trailerKeys: config.trailerKeys, notSoftware: config.notSoftware)
        }
        release.evidence = evidence
        release.buildProvenance = evidence.provenance
        release.updatePackages = await StageTimer.measure("update packages") {
            await updatePackages(evidence.packages, checker: checker, signedAt: time)
        }
        let facts = release
        let graph = await StageTimer.measure("trace graph") { TraceGraph(release: facts, evidence: evidence) }
        let assessment = await Assessor.assess(facts, evidence: evidence, graph: graph, config: config, order: order)
        await keptInCache
        var seen = Set<String>()
        let uniqueNotes = notes.filter { seen.insert($0).inserted }
        let warnings = uniqueNotes + records.brokenLinks.map { link in
            "warning: \(link.source): \(link.from) links to \(link.target) in '\(link.field)', but no record has that id"
        }
        return AssembledRelease(release: release, assessment: assessment, config: config, warnings: warnings, notes: uniqueNotes, graph: graph)
    }

    /// The release's evidence and where it came from: the evidence stored with the release tag `tag` (read from its
    /// git objects and checked against its digests) when there is some, else the evidence given with `--evidence`,
    /// else none. A release has one set of evidence: `--evidence` for a release with stored evidence is refused.
    /// - Throws: `DossierError` for stored evidence that does not match its digests or that a reader refuses, or
    ///   evidence given for a release that has some stored.
    private static func evidence(of tag: String?, given: TestEvidence?, in repository: Repository) throws -> (TestEvidence, EvidenceOrigin) {
        if let tag, let stored = try StoredEvidence.read(release: tag, in: repository) {
            if given != nil {
                throw DossierError("\(tag) has evidence stored with it (\(stored.reference), commit \(stored.commit.prefix(12))), so --evidence, --artifact and --provenance are refused: a release has one set of evidence, which every document of it uses; add files to it with dossier evidence add \(tag) FILE… (update packages with --artifact FILE…, build provenance with --provenance FILE…)")
            }
            let evidence = try stored.evidence()
            return (evidence, EvidenceOrigin(evidence, kind: .stored, reference: stored.reference, commit: stored.commit))
        }
        guard let given else { return (TestEvidence(), EvidenceOrigin(kind: .none)) }
        return (given, EvidenceOrigin(given, kind: .given))
    }

    /// The release's update packages: each one's size and SHA-256, and the verdict on the detached signature beside
    /// it judged with the release's trust at the release's date (SSH: namespace `file`), the packages checked at once.
    private static func updatePackages(_ files: [UpdatePackageFile], checker: SignatureChecker, signedAt: Int64) async -> [UpdatePackage] {
        await withTaskGroup(of: (Int, UpdatePackage).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask {
                    let details = file.mender.map { artifact in
                        UpdatePackage.MenderDetails(
                            name: artifact.name, deviceTypes: artifact.deviceTypes, provides: artifact.provides, depends: artifact.depends,
                            payloadTypes: artifact.payloadTypes, checksumsMatching: artifact.checksumsMatching, problems: artifact.problems,
                            unchecked: artifact.unchecked,
                            manifestSignature: artifact.signature.map { checker.verdict(menderManifest: [UInt8](artifact.manifest), signature: [UInt8]($0)) }
                                ?? .unsigned)
                    }
                    var verdict = file.signature.map { signature in
                        checker.verdict(detachedSignature: [UInt8](signature.data), over: file.data, signedAt: signedAt)
                    } ?? details?.manifestSignature ?? .unsigned
                    // A signed Mender Artifact whose contents are not what its manifest lists is not the package that was
                    // signed: B. An unsigned one stays N (its mismatch is shown beside it). One whose payload could
                    // not be opened cannot be vouched for whole: E rather than G.
                    if let problem = details?.problems.first, verdict.letter != .none {
                        verdict = Verdict(.bad, kind: verdict.kind, reason: "the signed artifact does not match its manifest: \(problem)")
                    } else if let skipped = details?.unchecked.first, verdict.letter == .good {
                        verdict = Verdict(.cannotCheck, kind: verdict.kind, signer: verdict.signer, fingerprint: verdict.fingerprint,
                                          algorithm: verdict.algorithm, reason: "the signature is good, but \(skipped)")
                    }
                    return (index, UpdatePackage(name: file.name, size: file.data.count, sha256: sha256Hex(file.data),
                                                 signatureFile: file.signature?.name ?? (file.mender?.signature != nil ? "manifest.sig (inside)" : nil),
                                                 signature: verdict, mender: details))
                }
            }
            var packages = [UpdatePackage?](repeating: nil, count: files.count)
            for await (index, package) in group { packages[index] = package }
            return packages.compactMap { $0 }
        }
    }

    /// The records `load` reads, through `cache` when there is one and the tree has a `key` (a work tree has none).
    private static func cached(_ cache: RecordCache?, _ key: String?,
                               _ load: @escaping @Sendable () throws -> RecordSet) async throws -> RecordSet {
        guard let cache, let key else { return try load() }
        return try await cache.records(key, load: load)
    }

    /// dossier.yml at HEAD, for the release tag pattern before the release is chosen.
    package static func headConfig(_ repository: Repository) throws -> Config {
        guard let head = try? repository.resolveCommit("HEAD") else { return .historyOnly }
        return try RecordLoader.config(from: GitTreeSource(repository: repository, commit: head, label: "HEAD"))
    }

    /// The release before `name` (whose commit is `commit`). For a release tag: the newest release tag earlier in
    /// release order (``VersionOrder``) whose commit is an ancestor of the release's (or the same commit), as
    /// `git merge-base --is-ancestor` says, so a maintenance release (v1.9.7 tagged after v2.0.0 on its own branch)
    /// follows its own branch's v1.9.6; a final release skips pre-releases (v2.0.0 follows v1.1.0, not
    /// v2.0.0-rc.1). For any other revision: the newest release tag whose commit is a strict ancestor of `commit`.
    package static func previousRelease(of name: String, commit: String, tags: ReleaseTags, in repository: Repository) throws -> TagList.Entry? {
        let candidates: [TagList.Entry]
        if let index = tags.index(of: name) {
            let isFinal = !tags.order.isPrerelease(name)
            candidates = tags.tags[..<index].reversed().filter { !isFinal || !tags.order.isPrerelease($0.name) }
        } else {
            candidates = tags.tags.reversed().filter { $0.commit != commit }
        }
        // One walk of the release's history, whatever the number of tags.
        return try repository.firstReachable(candidates.map(\.commit), from: commit).map { candidates[$0] }
    }
}
