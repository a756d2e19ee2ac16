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
        let name = release.identification.release
        var files: [String: Data] = [:]
        let context = SUFContext.make(release, generator: generator)
        let markdown = normalise(library.render(context, withTemplate: "suf.md") ?? "")
        if formats.contains(.md) { files["SUF-\(name).md"] = Data(markdown.utf8) }
        if formats.contains(.html) {
            let (body, headings) = MarkdownHTML.convert(markdown)
            let page: [String: Any] = [
                "title": context["title"] ?? "", "date": release.identification.date, "commit": release.identification.commit,
                "generator": generator, "style": templates.texts["style.css"] ?? "", "content": body,
                "headings": headings.map { ["level": $0.level, "title": $0.title, "anchor": $0.anchor] },
            ]
            files["SUF-\(name).html"] = Data((library.render(page, withTemplate: "page.html") ?? "").utf8)
        }
        if formats.contains(.json) { files["suf.json"] = try Self.json(release) }
        return files
    }

    /// The release as canonical JSON: sorted keys, two-space indentation, a final newline.
    public static func json(_ release: Release) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(release)
        data.append(0x0A)
        return data
    }

    /// Collapses runs of blank lines that empty template sections leave behind.
    private func normalise(_ text: String) -> String {
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
