import Foundation
import Mustache
import Records
import Support
import Synchronization

/// The templates a bundle is rendered with: the defaults built into the binary, each replaceable by a
/// file of the same name in an override folder (`--templates DIR` or `templates:` in dossier.yml).
public struct TemplateSet: Sendable {
    /// The template files, by name.
    public static let names = ["suf.md.mustache", "delta.mustache", "risks.mustache", "diff.md.mustache", "dhf.md.mustache", "page.html.mustache",
                                "style.css"]

    /// The text of each template.
    public private(set) var texts: [String: String]
    /// Where each template came from: "built-in" or the override file's path.
    public private(set) var origins: [String: String]

    /// The built-in templates.
    public static let builtIn = TemplateSet(texts: [
        "suf.md.mustache": String(decoding: PackageResources.suf_md_mustache, as: UTF8.self),
        "delta.mustache": String(decoding: PackageResources.delta_mustache, as: UTF8.self),
        "risks.mustache": String(decoding: PackageResources.risks_mustache, as: UTF8.self),
        "diff.md.mustache": String(decoding: PackageResources.diff_md_mustache, as: UTF8.self),
        "dhf.md.mustache": String(decoding: PackageResources.dhf_md_mustache, as: UTF8.self),
        "page.html.mustache": String(decoding: PackageResources.page_html_mustache, as: UTF8.self),
        "style.css": String(decoding: PackageResources.style_css, as: UTF8.self),
    ], origins: Dictionary(uniqueKeysWithValues: names.map { ($0, "built-in") }))

    /// The templates with any file in `folder` (on disk) taking the place of the one with its name.
    /// - Throws: `DossierError` when the folder is missing or holds a template file dossier does not know.
    public func overriding(withFolder folder: String) throws -> TemplateSet {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DossierError("the templates folder \(folder) does not exist")
        }
        var set = self
        for name in try manager.contentsOfDirectory(atPath: folder).sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            try set.override(name, data: manager.contents(atPath: path), origin: path)
        }
        return set
    }

    /// The templates with any file in the folder `path` of a release's tree taking the place of the one
    /// with its name (`templates:` in dossier.yml).
    /// - Throws: `DossierError` when the folder is missing or holds a template file dossier does not know.
    public func overriding(withFolder path: String, in source: RecordSource) throws -> TemplateSet {
        guard try source.entryKind(path) == .folder else {
            throw DossierError("the templates folder '\(path)' named in dossier.yml is not in the tree of \(source.label)")
        }
        var set = self
        for name in try source.fileNames(inFolder: path) {
            let file = path.hasSuffix("/") ? path + name : path + "/" + name
            try set.override(name, data: try source.readFile(file), origin: "\(source.label):\(file)")
        }
        return set
    }

    private mutating func override(_ name: String, data: Data?, origin: String) throws {
        guard name.hasSuffix(".mustache") || name.hasSuffix(".css") else { return }
        guard Self.names.contains(name) else {
            throw DossierError("unknown template '\(name)'; expected one of: \(Self.names.joined(separator: ", "))",
                               at: SourceLocation(file: origin))
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw DossierError("cannot read the template as UTF-8 text", at: SourceLocation(file: origin))
        }
        texts[name] = text
        origins[name] = origin
    }

    /// Parses every mustache template into a library (partials by name without `.mustache`), once per process for
    /// the same texts: the DHF renders every release's SUF with the same templates, mostly.
    /// - Throws: `DossierError` with the template's file, line and column when one does not parse.
    package func library() throws -> TemplateLibrary {
        // Keyed by the texts' bytes (two spellings of the same text, NFC and NFD, are equal Strings but not equal
        // templates) and by the origins: errors name the template's file.
        let key = Self.names.flatMap { [Array((texts[$0] ?? "").utf8), Array((origins[$0] ?? "").utf8)] }
        if let parsed = Self.parsed.withLock({ $0[key] }) { return parsed }
        let library = try parse()
        Self.parsed.withLock { parsed in
            if parsed.count >= Self.parsedLimit { parsed.removeAll() }
            parsed[key] = library
        }
        return library
    }

    /// The libraries parsed so far in this process, by the texts they were parsed from and where those came from (at
    /// most `parsedLimit`).
    private static let parsed = Mutex<[[[UInt8]]: TemplateLibrary]>([:])
    private static let parsedLimit = 8

    /// Checks the bounds of every template and parses it.
    private func parse() throws -> TemplateLibrary {
        let bounds = try checkBounds()
        MarkdownContentType.register()
        var library = MustacheLibrary()
        for name in Self.names where name.hasSuffix(".mustache") {
            do {
                library.register(try MustacheTemplate(string: texts[name] ?? ""), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw DossierError("template does not parse: \(error.error) near '\(error.context.line)'",
                                   at: SourceLocation(file: file(name), line: error.context.lineNumber, column: error.context.columnNumber))
            }
        }
        let files = Dictionary(uniqueKeysWithValues: Self.names.filter { $0.hasSuffix(".mustache") }.map { (String($0.dropLast(9)), file($0)) })
        // The long documents also as parts that render at once (`TemplateParts`), registered under names no partial
        // tag can write (they hold a space); a document whose parts do not all parse is rendered whole.
        var parts: [String: [String]] = [:]
        for document in ["suf.md", "dhf.md"] {
            guard let texts = TemplateParts.cut(self.texts[document + ".mustache"] ?? ""),
                  let templates = try? texts.map({ try MustacheTemplate(string: $0) }) else { continue }
            let names = templates.indices.map { "\(document) part \($0 + 1)" }
            for (name, template) in zip(names, templates) { library.register(template, named: name) }
            parts[document] = names
        }
        return TemplateLibrary(mustache: library, files: files, parts: parts, largestBody: bounds.largestBody,
                               deepestNesting: bounds.deepestNesting)
    }

    /// The file a template is named by in errors: its override's path, or `templates/NAME` for a built-in one.
    private func file(_ name: String) -> String {
        origins[name] == "built-in" ? "templates/\(name)" : origins[name] ?? name
    }

    /// Checks, before anything parses or renders them, that no template nests sections deeper than
    /// `TemplateBounds.maxNesting`, names a partial dynamically, or includes itself through partials (directly or
    /// through others): each would recurse without bound in swift-mustache and overflow the stack. Nor may a template
    /// with its partials written out in place pass `TemplateBounds.maxExpandedSize` characters.
    /// - Returns: the size of the largest template with its partials written out in place; the size of the largest
    ///   section body so written, the most template text one list row can write, and how deep sections nest at most
    ///   (`RenderBudget`).
    /// - Throws: `DossierError` naming the template's file, line and column.
    private func checkBounds() throws -> (expandedSize: Int, largestBody: Int, deepestNesting: Int) {
        let templates = Self.names.filter { $0.hasSuffix(".mustache") }
        var includes: [String: [(partial: String, location: SourceLocation)]] = [:]
        var sizes: [String: Int] = [:]
        var deepest = 1, bodies: [String: [Range<Int>]] = [:], partialOffsets: [String: [(partial: String, offset: Int)]] = [:]
        for name in templates {
            let characters = Array(texts[name] ?? "")
            sizes[name] = characters.count
            func location(_ offset: Int) -> SourceLocation {
                let (line, column) = TemplateBounds.lineAndColumn(offset, in: characters)
                return SourceLocation(file: file(name), line: line, column: column)
            }
            switch TemplateBounds.outline(characters) {
            case let .tooDeep(offset):
                throw DossierError("sections nest more than \(TemplateBounds.maxNesting) deep; expected at most \(TemplateBounds.maxNesting)",
                                   at: location(offset))
            case let .partials(partials, sections, depth):
                deepest = max(deepest, depth)
                bodies[name] = sections
                for partial in partials {
                    guard !partial.name.hasPrefix("*") else {
                        throw DossierError("a dynamic partial ('\(partial.name.prefix(60))') is not allowed: a partial must name a template",
                                           at: location(partial.offset))
                    }
                    let included = partial.name + ".mustache"
                    if templates.contains(included) {
                        includes[name, default: []].append((included, location(partial.offset)))
                        partialOffsets[name, default: []].append((included, partial.offset))
                    }
                }
            }
        }
        // A template that can reach itself through its partials: depth-first from each, in the order of `names`.
        for first in templates {
            var path = [first], seen: Set<String> = []
            func visit(_ name: String) -> [String]? {
                for (partial, _) in includes[name] ?? [] {
                    if partial == first { return path + [partial] }
                    guard seen.insert(partial).inserted else { continue }
                    path.append(partial)
                    if let cycle = visit(partial) { return cycle }
                    path.removeLast()
                }
                return nil
            }
            if let cycle = visit(first), let tag = includes[first]?.first(where: { $0.partial == cycle[1] }) {
                let chain = cycle.joined(separator: " → ")
                throw DossierError(cycle.count == 2 ? "the template includes itself as a partial ({{>\(cycle[1].dropLast(9))}}); partials must not recurse"
                                                    : "the template includes itself through its partials (\(chain)); partials must not recurse",
                                   at: tag.location)
            }
        }
        // No cycles: each template's expanded size, its partials' first (memoized), stopping at the first tag past the bound.
        var expanded: [String: Int] = [:]
        func expand(_ name: String) throws -> Int {
            if let size = expanded[name] { return size }
            var size = sizes[name] ?? 0
            for (partial, location) in includes[name] ?? [] {
                size += try expand(partial)
                guard size <= TemplateBounds.maxExpandedSize else {
                    throw DossierError("with its partials written out in place the template passes \(TemplateBounds.maxExpandedSize) characters here "
                                       + "({{>\(partial.dropLast(9))}} included too many times, through its partials too); expected at most \(TemplateBounds.maxExpandedSize)",
                                       at: location)
                }
            }
            expanded[name] = size
            return size
        }
        let expandedSize = try templates.map(expand).max() ?? 1
        var largestBody = 1
        for name in templates {
            for body in bodies[name] ?? [] {
                let included = (partialOffsets[name] ?? []).filter { body.contains($0.offset) }
                largestBody = max(largestBody, body.count + included.reduce(0) { $0 + (expanded[$1.partial] ?? 0) })
            }
        }
        return (expandedSize, largestBody, deepest)
    }
}

/// `{{% CONTENT_TYPE: MARKDOWN}}`: `{{value}}` is escaped for Markdown instead of HTML, and counted in the
/// `RenderBudget` of the render in progress.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let escaped = MarkdownText.inline(text)
        RenderBudget.current?.write(escaped.utf8.count)
        return escaped
    }

    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        return true
    }()

    static func register() { _ = registered }
}
