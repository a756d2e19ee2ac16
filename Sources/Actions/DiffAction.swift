import Assembly
import Bundle
import Foundation
import Model
import Render
import Support
import Views

/// `dossier diff OLD NEW`: compares two releases' SUFs record by record and renders the diff.
public struct DiffAction: Sendable {
    /// The release compared from: a suf.json, a bundle folder or a release of the repository.
    public var old: String
    /// The release compared to, named as `old` is.
    public var new: String
    /// The repository and configuration a release named by its tag is read with (its attached bundle, else built).
    public var request: ReleaseRequest
    /// The document the diff is rendered as.
    public var format: DocumentFormat
    /// A folder on disk whose templates override the built-in ones.
    public var templatesFolder: String?
    /// Told each problem that does not stop the diff (each once), as soon as both releases are read.
    public var warn: @Sendable (String) -> Void

    /// Creates the action.
    public init(old: String, new: String, request: ReleaseRequest, format: DocumentFormat = .md, templatesFolder: String? = nil,
                warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.old = old
        self.new = new
        self.request = request
        self.format = format
        self.templatesFolder = templatesFolder
        self.warn = warn
    }

    /// The diff and its document.
    public struct Result: Sendable {
        /// The structured diff.
        public var diff: ReleaseDiff
        /// The diff rendered in the action's format.
        public var document: Data
    }

    /// Reads (or builds) both releases and renders their diff.
    /// - Throws: `DossierError` for a release that cannot be read, a bad template, or PDF without Chromium.
    public func perform() async throws -> Result {
        // Chromium is looked for before any work, so that a missing one is found first.
        if format == .pdf { _ = try PDFPrinter.chromium() }
        var templates = TemplateSet.builtIn
        if let templatesFolder { templates = try templates.overriding(withFolder: templatesFolder) }
        var warnings: [String] = []
        let oldRelease = try await ReleaseReader.release(named: old, request: request, warnings: &warnings)
        let newRelease = try await ReleaseReader.release(named: new, request: request, warnings: &warnings)
        for warning in warnings { warn(warning) }
        let diff = ReleaseDiff(old: oldRelease, new: newRelease)
        let document = try await DiffRenderer(templates: templates, generator: DossierVersion.generator).render(diff, as: format)
        return Result(diff: diff, document: document)
    }
}
