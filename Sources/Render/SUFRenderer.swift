import Checks
import Foundation
import Git
import Model
import Support
import Synchronization
import Views

/// The forms a document is written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case md, html, json
    /// The HTML printed by headless Chromium (`PDFPrinter`).
    case pdf

    /// The formats written when none are named: md, html and json.
    public static let standard: Set<DocumentFormat> = [.md, .html, .json]
}

/// Renders a release into the bundle's documents: Markdown, HTML and JSON.
public struct SUFRenderer: Sendable {
    /// The templates used.
    public var templates: TemplateSet
    /// Names the tool in documents, e.g. "dossier 0.1.0".
    public var generator: String

    /// Creates a renderer.
    public init(templates: TemplateSet = .builtIn, generator: String) {
        self.templates = templates
        self.generator = generator
    }

    /// Renders the files of the bundle, by file name.
    /// - Throws: `DossierError` when a template does not parse.
    public func render(_ release: AssessedRelease, formats: Set<DocumentFormat> = DocumentFormat.standard) async throws -> [String: Data] {
        let files = FileCollector()
        try await render(release, formats: formats, into: files)
        return files.files
    }

    /// Renders the files of the bundle and hands each to `files` as soon as it is made (suf.json in pieces,
    /// while it is made), from whichever task made it: the JSON and the documents are made at once. Nothing
    /// is handed on when a template does not parse. `traces` are the reports of the release's requirements: each one
    /// drawn (`TracePicture.bundleSelection`) is a file `trace-REQ-….svg` of the bundle, which the trace matrix links to.
    /// - Throws: `DossierError` when a template does not parse; whatever `files` throws.
    public func render(_ release: AssessedRelease, formats: Set<DocumentFormat> = DocumentFormat.standard, traces: [TraceReport] = [],
                       into files: any BundleFileSink) async throws {
        let library = try templates.library()
        let name = release.fileStem
        let templates = self.templates, generator = self.generator
        async let data: Void = {
            if formats.contains(.json) {
                try files.add("suf.json") { write in try CanonicalJSON.encode(release, into: write) }
                // What the DHF keeps of the release, so that a DHF over attached bundles need not read suf.json whole.
                try files.add(ReleaseFactsFile.name) { write in try ReleaseFactsFile.encode(release, into: write) }
            }
            try files.add("trace-matrix.csv", Data(TraceMatrix.csv(release.assessment.traceMatrix).utf8))
        }()
        let page = "SUF-\(name).html"
        let documented = !formats.isDisjoint(with: [.md, .html, .pdf])
        // Each requirement's trace: a file of its own, which the page links to (opened on demand, no script), drawn
        // while the documents are made.
        let drawnTraces = documented ? TracePicture.bundleSelection(traces, sufPage: page) : []
        let tracePictures = Dictionary(drawnTraces.map { ($0.requirement, TracePicture.fileName(requirement: $0.requirement)) },
                                       uniquingKeysWith: { a, _ in a })
        async let traceFiles: Void = {
            let drawn = try await StageTimer.measure("trace pictures") { try TracePicture.bundlePictures(drawnTraces) }
            for (file, svg) in drawn.sorted(by: { $0.key < $1.key }) { try files.add(file, Data(svg.utf8)) }
        }()
        async let documents: Void = {
            guard documented else { return }
            // The template context is large for long histories: let it go before the HTML is made.
            let (markdown, title, drawn): (String, String, [String: String]) = try await {
                let context = SUFContext.make(release, generator: generator, tracePictures: tracePictures)
                let text = try await library.renderDocument(context, withTemplate: "suf.md")
                let architecture = try await StageTimer.measure("architecture pictures") {
                    try Pictures.architecture(release.release.records, values: context, sufPage: page)
                }
                let drawn = Pictures.of(context.riskFile).merging(architecture) { a, _ in a }
                return (MarkdownText.collapsingBlankLines(text), context.title, drawn)
            }()
            // The pictures lie beside the document, which shows them by file name; its HTML holds them inline, their
            // links to the page made in-page links.
            for (file, svg) in drawn.sorted(by: { $0.key < $1.key }) { try files.add(file, Data(svg.utf8)) }
            let pictures = Pictures.inPage(drawn, page: page)
            // Long documents are handed to the sink from where they lie, in pieces, not copied into one more buffer.
            if formats.contains(.md) {
                try files.add("SUF-\(name).md") { write in
                    var text = markdown
                    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
                }
            }
            let label = release.release.identification.document.map { "\($0.id) rev. \($0.revisionText)" }
            let frame = HTMLPage.Frame(title: title, date: release.release.identification.date, commit: release.release.identification.commit,
                                       generator: generator, templates: templates, library: library, label: label, pictures: pictures)
            if formats.contains(.html) {
                let html = try await HTMLPage.piecewise(markdown: markdown, frame: frame)
                try files.add(page) { write in try html.write(to: write) }
            }
            if formats.contains(.pdf) {
                let id = release.release.identification
                let pdf = try await PDFPrinter.printWithContents(date: id.date, chromium: PDFPrinter.chromium()) { pages in
                    try await HTMLPage.render(markdown: markdown, title: title, date: id.date, commit: id.commit, generator: generator,
                                              templates: templates, library: library, label: label, contentsPages: pages,
                                              pictures: pictures)
                }
                try files.add("SUF-\(name).pdf", pdf)
            }
        }()
        _ = try await (data, traceFiles, documents)
    }

    /// Checks that the templates parse, before any output is started.
    /// - Throws: `DossierError` naming the template, line and column.
    public func checkTemplates() throws {
        _ = try templates.library()
    }

}

/// Receives a bundle's files as they are made, from any task.
public protocol BundleFileSink: Sendable {
    /// Takes one whole file.
    func add(_ name: String, _ data: Data) throws
    /// Takes one file whose content `produce` hands over in pieces, in order, through the function it is given.
    func add(_ name: String, producedBy produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws
}

/// Gathers the files in memory, by name.
private final class FileCollector: BundleFileSink {
    private let gathered = Mutex<[String: Data]>([:])

    /// The files gathered so far.
    var files: [String: Data] { gathered.withLock { $0 } }

    func add(_ name: String, _ data: Data) {
        gathered.withLock { $0[name] = data }
    }

    func add(_ name: String, producedBy produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var data = Data()
        try produce { data.append(contentsOf: $0) }
        add(name, data)
    }
}
