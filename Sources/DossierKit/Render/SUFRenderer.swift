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
        let context = formats.isDisjoint(with: [.md, .html]) ? [:] : SUFContext.make(release, generator: generator)
        let markdown = formats.contains(.md) || formats.contains(.html) ? normalise(library.render(context, withTemplate: "suf.md") ?? "") : ""
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

    /// Collapses runs of blank lines that empty template sections leave behind, and ends with one newline.
    private func normalise(_ text: String) -> String {
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
