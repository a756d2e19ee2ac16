import Mustache

/// How a long document's HTML is laid out.
public enum HTMLPageLayout: String, Sendable, CaseIterable {
    /// One page when the document is small, else one page per part.
    case auto
    /// Always one page.
    case one
    /// One page per part (level-2 heading), with a navigation bar between them.
    case parts

    /// Above this many bytes of Markdown, `auto` makes one page per part.
    static let autoLimit = 400_000
}

/// The self-contained HTML page of a document: its Markdown converted by cmark-gfm, in `page.html.mustache` with
/// the style sheet inlined and a table of contents.
enum HTMLPage {
    /// What a page needs besides its content: the document's name and where it comes from.
    struct Frame {
        var title: String
        var date: String
        var commit: String
        var generator: String
        var templates: TemplateSet
        var library: TemplateLibrary
        /// The document's id and revision for every printed page's footer (`SUF-v2.0.0 rev. 2`); nil: the title alone.
        var label: String? = nil
        /// For the printed copy: each heading's page by its anchor (empty before the first print), shown in the
        /// contents; nil for the HTML file, whose contents have no page numbers.
        var contentsPages: [String: Int]? = nil
        /// The pictures dossier drew for the document, by file name: an image of the converted Markdown that shows one
        /// of them is replaced by the picture itself, so the page needs no file beside it.
        var pictures: [String: String] = [:]
    }

    /// One part of a document split into pages.
    struct Part {
        var file: String
        var title: String
    }

    /// The page for `markdown`; `date` and `commit` name the document in its running header and footer.
    static func render(markdown: String, title: String, date: String, commit: String, generator: String,
                       templates: TemplateSet, library: TemplateLibrary, label: String? = nil,
                       contentsPages: [String: Int]? = nil, pictures: [String: String] = [:]) async throws -> String {
        let (body, headings) = await MarkdownHTML.convert(markdown)
        let frame = Frame(title: title, date: date, commit: commit, generator: generator, templates: templates, library: library,
                          label: label, contentsPages: contentsPages, pictures: pictures)
        return try page(body: Pictures.inline(body, frame.pictures), headings: headings, parts: [], current: nil, frame: frame)
    }

    /// A page ready to be written in pieces (`write(to:)`), the same bytes as `render` makes: the converted sections
    /// one after the other between the page's head and tail, never the whole page in one string. The head and tail
    /// are the page template rendered around a marker; a page whose template does not write its `content` exactly
    /// once is made whole, as `render` makes it.
    struct Piecewise: Sendable {
        /// The page template rendered around the marker; the whole page when `mark` is nil.
        fileprivate let marked: String
        fileprivate let mark: Range<String.Index>?
        /// The converted sections, in order.
        fileprivate let pieces: [String]

        /// Whether the page is written in pieces (false: made whole, as `render` makes it).
        var isInPieces: Bool { mark != nil }

        /// Hands the page on in pieces, each filtered as the whole page would be (`HTMLLinkFilter.Stream`).
        func write(to write: (UnsafeRawBufferPointer) throws -> Void) throws {
            guard let mark else {
                var page = marked
                try page.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
                return
            }
            var filter = HTMLLinkFilter.Stream()
            try filter.feed(marked.utf8[..<mark.lowerBound], to: write)
            for piece in pieces { try filter.feed(piece.utf8, to: write) }
            try filter.feed(marked.utf8[mark.upperBound...], final: true, to: write)
        }
    }

    /// The page for `markdown`, converted and laid out, to be written in pieces. The page template is rendered around
    /// two different markers: when each comes out once, as written (not escaped, not changed by a transform), with the
    /// same text before and after it, the content goes where the marker was; otherwise the page is made whole.
    static func piecewise(markdown: String, frame: Frame) async throws -> Piecewise {
        let (converted, headings) = await MarkdownHTML.convertInPieces(markdown)
        let pieces = Pictures.inline(converted, frame.pictures)
        let pages = try contentMarkers.map { try page(content: $0, headings: headings, parts: [], current: nil, frame: frame) }
        let marks = zip(pages, contentMarkers).map { page, marker in page.ranges(of: marker) }
        // Made whole when the content is empty (a marker is not: `{{^empty(content)}}` would read them apart) or the
        // page would pass the render budget's bound on a document, which the whole page's render enforces.
        let size = pieces.reduce(pages[0].utf8.count) { $0 + $1.utf8.count }
        if marks.allSatisfy({ $0.count == 1 }), pieces.contains(where: { !$0.isEmpty }), size <= RenderBudget.maxOutput {
            let (first, second) = (marks[0][0], marks[1][0])
            if pages[0][..<first.lowerBound] == pages[1][..<second.lowerBound], pages[0][first.upperBound...] == pages[1][second.upperBound...] {
                return Piecewise(marked: pages[0], mark: first, pieces: pieces)
            }
        }
        return Piecewise(marked: try page(body: pieces.joined(), headings: headings, parts: [], current: nil, frame: frame),
                         mark: nil, pieces: [])
    }

    /// Stand for the content where a page's head ends and its tail starts; each holds `<`, which escaping changes.
    private static let contentMarkers = ["<dossier-page-content-7f3b9c2e51d04a86>", "<dossier-page-content-0c6e2d94b8a1f357>"]

    /// The pages for `markdown` as `layout` says: one, named `firstFile`, or one per part (the text before the
    /// second level-2 heading in `firstFile`, each later part in `STEM-ANCHOR.html`). Links to anchors on
    /// another page are pointed at that page.
    static func pages(markdown: String, layout: HTMLPageLayout, firstFile: String, frame: Frame) async throws -> [(file: String, html: String)] {
        let (converted, headings) = await MarkdownHTML.convert(markdown)
        let body = Pictures.inline(converted, frame.pictures)
        let split = layout == .parts || (layout == .auto && markdown.utf8.count > HTMLPageLayout.autoLimit)
        let sectionTitles = headings.filter { $0.level == 2 }
        let bytes = Array(body.utf8)
        let starts = ByteSearch.offsets(of: "<h2>", in: bytes)
        guard split, starts.count == sectionTitles.count, starts.count > 1 else {
            return [(firstFile, try page(body: body, headings: headings, parts: [], current: nil, frame: frame))]
        }
        let stem = firstFile.hasSuffix(".html") ? String(firstFile.dropLast(5)) : firstFile
        var parts = [Part(file: firstFile, title: sectionTitles[0].title)]
        var contents = [Array(bytes[..<starts[1]])]
        for index in 1..<starts.count {
            parts.append(Part(file: "\(stem)-\(sectionTitles[index].anchor).html", title: sectionTitles[index].title))
            contents.append(Array(bytes[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)]))
        }
        let ids = contents.map(anchorIds)
        var home: [String: String] = [:]
        for (index, pageIds) in ids.enumerated() {
            for id in pageIds where home[id] == nil { home[id] = parts[index].file }
        }
        return try contents.indices.map { index in
            let content = pointingLinks(contents[index], awayFrom: ids[index], to: home)
            let pageHeadings = headings.filter { ids[index].contains($0.anchor) }
            return (parts[index].file, try page(body: content, headings: pageHeadings, parts: parts, current: index, frame: frame))
        }
    }

    private static func page(body: String, headings: [Heading], parts: [Part], current: Int?, frame: Frame) throws -> String {
        // Every page ends here: a link of a scheme other than http, https or mailto is made text (HTMLLinkFilter).
        HTMLLinkFilter.filter(try page(content: body, headings: headings, parts: parts, current: current, frame: frame))
    }

    /// The page template rendered around `content`, not yet filtered.
    private static func page(content body: String, headings: [Heading], parts: [Part], current: Int?, frame: Frame) throws -> String {
        let page = PageValues(
            title: frame.title, date: frame.date, commit: frame.commit, generator: frame.generator, printFooter: cssString(frame.label.map { "\($0) · \(frame.title)" } ?? frame.title),
            style: frame.templates.texts["style.css"] ?? "", content: body,
            headings: TemplateList(headings.map { heading in
                PageValues.Heading(level: heading.level, title: heading.title, anchor: heading.anchor,
                                   page: frame.contentsPages?[heading.anchor].map(String.init) ?? "", printed: frame.contentsPages != nil)
            }),
            hasParts: !parts.isEmpty,
            parts: TemplateList(parts.enumerated().map { index, part in PageValues.Part(file: part.file, title: part.title, current: index == current) }))
        return try frame.library.render(page, withTemplate: "page.html") ?? ""
    }

    /// Text as the inside of a CSS string: everything but letters, digits and spaces as a CSS escape (`\3C `), so that
    /// no quote, backslash or `</style>` in a device name or tag can leave the string or the style element.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " " ? String(scalar)
                : "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
        }.joined()
    }

    /// The values of the `id="…"` attributes in converted HTML (dossier's own anchors: user text cannot make one).
    private static func anchorIds(_ html: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        for start in ByteSearch.offsets(of: " id=\"", in: html) {
            let value = start + 5
            let end = ByteSearch.next(UInt8(ascii: "\""), in: html, from: value)
            guard end < html.count else { continue }
            ids.insert(String(decoding: html[value..<end], as: UTF8.self))
        }
        return ids
    }

    /// `html` with each `href="#x"` whose anchor is not on this page pointed at the page that has it.
    private static func pointingLinks(_ html: [UInt8], awayFrom local: Set<String>, to home: [String: String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 16)
        var position = 0
        for start in ByteSearch.offsets(of: "href=\"#", in: html) {
            out += html[position..<start]
            position = start + 7
            let end = ByteSearch.next(UInt8(ascii: "\""), in: html, from: position)
            let anchor = String(decoding: html[position..<end], as: UTF8.self)
            if !local.contains(anchor), let file = home[anchor] {
                out += "href=\"\(file)#".utf8
            } else {
                out += "href=\"#".utf8
            }
        }
        out += html[position...]
        return String(decoding: out, as: UTF8.self)
    }
}

/// The values `page.html.mustache` sees (keys: docs/templates.md).
struct PageValues: Sendable {
    var title, date, commit, generator, printFooter, style, content: String
    var headings: TemplateList<Heading>
    var hasParts: Bool
    var parts: TemplateList<Part>

    struct Heading: Sendable {
        var level: Int
        var title, anchor: String
        /// The page the heading is printed on, in the printed copy ("" where it is not known).
        var page: String
        /// Whether this is the printed copy, whose contents show page numbers.
        var printed: Bool
    }
    struct Part: Sendable { var file, title: String; var current: Bool }
}
