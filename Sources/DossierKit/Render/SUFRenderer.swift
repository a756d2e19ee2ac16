import Foundation

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

    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case md, html, json
    }

    /// Renders the files of the bundle, by file name.
    /// - Throws: `DossierError` when a template does not parse.
    public func render(_ release: Release, formats: Set<Format> = Set(Format.allCases)) throws -> [String: Data] {
        let library = try templates.library()
        let name = release.fileStem
        let templates = self.templates, generator = self.generator
        // The JSON and the documents are independent: make them at once.
        let (json, documents) = try inParallel({
            formats.contains(.json) ? try StageTimer.measure("json") { try Self.json(release) } : nil
        }, { () -> [String: Data] in
            guard !formats.isDisjoint(with: [.md, .html]) else { return [:] }
            var files: [String: Data] = [:]
            // The template context is large for long histories: let it go before the HTML is made.
            let (markdown, title): (String, String) = {
                let context = StageTimer.measure("template context") { SUFContext.make(release, generator: generator) }
                let text = StageTimer.measure("mustache (markdown)") { library.render(context, withTemplate: "suf.md") ?? "" }
                return (Self.normalise(text), context["title"] as? String ?? "")
            }()
            if formats.contains(.md) { files["SUF-\(name).md"] = Data(markdown.utf8) }
            if formats.contains(.html) {
                let (body, headings) = StageTimer.measure("cmark (html)") { MarkdownHTML.convert(markdown) }
                let page: [String: Any] = [
                    "title": title, "date": release.identification.date, "commit": release.identification.commit,
                    "generator": generator, "style": templates.texts["style.css"] ?? "", "content": body,
                    "headings": headings.map { ["level": $0.level, "title": $0.title, "anchor": $0.anchor] },
                ]
                files["SUF-\(name).html"] = Data((library.render(page, withTemplate: "page.html") ?? "").utf8)
            }
            return files
        })
        var files = documents
        if let json { files["suf.json"] = json }
        files["trace-matrix.csv"] = Data(TraceMatrix.csv(release.traceMatrix).utf8)
        return files
    }

    /// The release as canonical JSON: sorted keys, two-space indentation, a final newline.
    public static func json(_ release: Release) throws -> Data {
        try CanonicalJSON.encode(release)
    }

    /// Collapses runs of blank lines that empty template sections leave behind, and ends with one newline.
    private static func normalise(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var newlines = 2  // at the start, as if after a blank line: leading blank lines are dropped
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                if newlines > 2 { continue }
            } else {
                newlines = 0
            }
            out.append(byte)
        }
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }
}
