import Foundation
import Git
import Support
import Views

/// Renders a `DesignHistory` into the DHF's documents: `DHF.md`, `DHF.html` (and, for a long history, one more
/// HTML page per part) and `dhf.json`.
public struct DHFRenderer: Sendable {
    /// The templates used (`dhf.md.mustache`, `page.html.mustache`, `style.css`).
    public var templates: TemplateSet
    /// Names the tool in documents, e.g. "dossier 0.1.0".
    public var generator: String

    /// Creates a renderer.
    public init(templates: TemplateSet = .builtIn, generator: String) {
        self.templates = templates
        self.generator = generator
    }

    /// Renders the documents and hands each to `files`: the JSON and the documents are made at once.
    /// - Throws: `DossierError` when a template does not parse; whatever `files` throws.
    public func render(_ history: DesignHistory, formats: Set<DocumentFormat> = DocumentFormat.standard,
                       pages: HTMLPageLayout = .auto, into files: any BundleFileSink) async throws {
        let library = try templates.library()
        let templates = self.templates, generator = self.generator
        async let data: Void = {
            if formats.contains(.json) { try files.add("dhf.json", try CanonicalJSON.encode(history)) }
        }()
        async let documents: Void = {
            guard !formats.isDisjoint(with: [.md, .html, .pdf]) else { return }
            let context = DHFContext.make(history, generator: generator)
            let markdown = MarkdownText.collapsingBlankLines(try await library.renderDocument(context, withTemplate: "dhf.md"))
            var pictures = Pictures.of(context.riskFile)
            if let trends = context.trendsSVG { pictures[TrendChart.fileName] = trends }
            for (file, svg) in pictures.sorted(by: { $0.key < $1.key }) { try files.add(file, Data(svg.utf8)) }
            if formats.contains(.md) { try files.add("DHF.md", Data(markdown.utf8)) }
            if formats.contains(.html) {
                let frame = HTMLPage.Frame(title: context.title, date: history.date, commit: history.commit,
                                           generator: generator, templates: templates, library: library, label: context.documentLabel,
                                           pictures: pictures)
                let pages = try await HTMLPage.pages(markdown: markdown, layout: pages, firstFile: "DHF.html", frame: frame)
                for page in pages { try files.add(page.file, Data(page.html.utf8)) }
            }
            if formats.contains(.pdf) {
                // The PDF is the whole document as one page, printed.
                let pdf = try await PDFPrinter.printWithContents(date: history.date, chromium: PDFPrinter.chromium()) { pages in
                    try await HTMLPage.render(markdown: markdown, title: context.title, date: history.date, commit: history.commit,
                                              generator: generator, templates: templates, library: library,
                                              label: context.documentLabel, contentsPages: pages, pictures: pictures)
                }
                try files.add("DHF.pdf", pdf)
            }
        }()
        _ = try await (data, documents)
    }
}
