import Assembly
import Checks
import Bundle
import Foundation
import Git
import Model
import Records
import Render
import Signatures
import Support

/// `dossier suf`: builds one release's SUF bundle end to end: history and records → `Release` → documents → folder.
public struct SUFAction: Sendable {
    /// Which release of which repository.
    public var release: ReleaseRequest
    /// Which documents to write (the manifest is always written).
    public var formats: Set<DocumentFormat>
    /// A folder on disk whose templates override the built-in ones (and those named in dossier.yml).
    public var templatesFolder: String?
    /// The folder that receives `RELEASE/` (default `dist/dossier`).
    public var outFolder: String
    /// An unencrypted OpenSSH private key file that signs the manifest (`MANIFEST.sha256.sig`).
    public var signingKeyFile: String?

    /// Creates the action.
    public init(release: ReleaseRequest, formats: Set<DocumentFormat> = DocumentFormat.standard,
                templatesFolder: String? = nil, outFolder: String = "dist/dossier", signingKeyFile: String? = nil) {
        self.signingKeyFile = signingKeyFile
        self.release = release
        self.formats = formats
        self.templatesFolder = templatesFolder
        self.outFolder = outFolder
    }

    /// What was built.
    public struct Result: Sendable {
        /// The bundle folder.
        public var path: String
        /// The release's facts, written to suf.json with its assessment.
        public var release: Release
        /// What the gap rules, the trace matrix and the clause coverage concluded.
        public var assessment: Assessment
        /// Problems that did not stop the bundle, one line each.
        public var warnings: [String]
        /// The release's findings counted by level, for the line under the bundle's path.
        public var findings: FindingSummary { FindingSummary(assessment: assessment) }
    }

    /// Builds and writes the bundle. Nothing is written when any input is bad.
    /// - Throws: `DossierError` for a bad repository, revision, record file or template.
    public func perform() async throws -> Result {
        // A bad key is found before any work is done.
        let signingKey = try signingKeyFile.map(Self.signingKey(file:))
        let assembled = try await StageTimer.measure("assemble") { try await ReleaseAssembler.assemble(release) }
        let renderer = SUFRenderer(templates: try Self.templates(config: assembled.config, commit: assembled.release.identification.commit,
                                                                 label: assembled.release.identification.release,
                                                                 repository: release.repository, folder: templatesFolder),
                                   generator: DossierVersion.generator)
        try renderer.checkTemplates()
        // What the documents need; the rest of the assembly (the trace graph: tens of megabytes for a long history)
        // is let go before they are made.
        var assessed = assembled.assessed
        let warnings = assembled.warnings, naming = assembled.config.documents
        // Each requirement's trace, drawn into the bundle with the documents.
        let traces = formats.isDisjoint(with: [.md, .html, .pdf]) ? [] : assembled.requirementTraces
        _ = consume assembled
        // The revision: that of the bundle attached now when this one is the same (its manifest, byte for byte), else
        // the next one.
        let id = assessed.release.identification
        let attached = id.tag == nil || id.workTree ? nil
            : try AttachedBundle.revisions(release: id.release, in: Repository(path: release.repository))
        var revision = attached.map { max($0.count, 1) }
        while true {
            assessed.release.identification.document = DocumentIdentity(id: naming.sufID(release: id.release), revision: revision)
            // Each file is written as soon as it is made; the folder is renamed into place only when all are.
            let writer = try BundleWriter(folder: outFolder, name: assessed.release.fileStem)
            do {
                try await StageTimer.measure("render") {
                    try await renderer.render(assessed, formats: formats, traces: traces, into: writer)
                }
                if let attached, revision == attached.count, attached.count > 0,
                   !(attached.manifest.map(writer.hasManifest) ?? false) {
                    // Not the bundle attached now: the next revision, made again with its number.
                    writer.discard()
                    revision = attached.count + 1
                    continue
                }
                let path = try await StageTimer.measure("write") { try writer.finish(signingKey: signingKey) }
                return Result(path: path, release: assessed.release, assessment: assessed.assessment, warnings: warnings)
            } catch {
                writer.discard()
                throw error
            }
        }
    }

    /// The templates the documents of the release at `commit` are rendered with: the built-in ones, overridden by the folder that
    /// `templates:` in its configuration names in its tree, overridden by `folder` on disk.
    /// - Throws: `DossierError` when a folder is missing or holds an unknown template.
    static func templates(config: Config, commit: String, label: String, repository: String, folder: String?) throws -> TemplateSet {
        var templates = TemplateSet.builtIn
        if let inTree = config.templates {
            let source = GitTreeSource(repository: try Repository(path: repository), commit: commit, label: label)
            templates = try templates.overriding(withFolder: inTree, in: source)
        }
        if let folder {
            templates = try templates.overriding(withFolder: folder)
        }
        return templates
    }

    /// Reads an unencrypted OpenSSH private key that signs manifests.
    /// - Throws: `DossierError` when the file cannot be read or is not such a key.
    static func signingKey(file path: String) throws -> SSHSigningKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DossierError("cannot read the signing key \(path)")
        }
        return try SSHSigningKey(privateKeyText: String(decoding: data, as: UTF8.self), file: path)
    }
}
