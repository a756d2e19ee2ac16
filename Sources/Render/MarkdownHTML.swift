import CCmarkGFM
import Foundation
import Support

/// A heading found while converting, for the table of contents.
public struct Heading: Sendable, Hashable {
    /// 2 for a section, 3 for a subsection.
    public var level: Int
    /// The heading's text.
    public var title: String
    /// The id given to it in the page.
    public var anchor: String
}

/// GitHub-flavoured Markdown to HTML with cmark-gfm and its table extension. Raw HTML in the Markdown is
/// never passed through: it is shown as text. The exceptions are what dossier's templates write themselves: the
/// record anchor `<a id="…"></a>` with a plain id, and `<ins>`/`<del>`/`<br>` without attributes (user text cannot
/// make these: `MarkdownText.inline` escapes its `<`). Headings get ids for the table of contents; hyphenated
/// words in table cells are kept on one line (`MarkdownIdSpans`).
public enum MarkdownHTML {
    /// Converts a document; returns the HTML fragment and its level-2 and level-3 headings (every heading gets an
    /// anchor, unique in the document, in document order).
    ///
    /// The document is converted section by section: it is cut before each `##` and `###` heading line outside
    /// fenced code blocks (`sections`), and each section is parsed (its raw HTML neutralised), given its headings'
    /// anchors through cmark's node API, rendered and freed. Sections are parsed and rendered at once on the
    /// machine's cores; anchors are given one section after the other, in document order, so each is unique among
    /// those before it whichever section parsed first. At most one section more than there are cores is held parsed
    /// at a time: the syntax tree of a release with tens of thousands of commits is never held whole, and peak memory
    /// grows with the largest sections, not with the document. Link reference definitions apply within their section.
    public static func convert(_ markdown: String) async -> (html: String, headings: [Heading]) {
        let (pieces, headings) = await convertInPieces(markdown)
        return (pieces.joined(), headings)
    }

    /// `convert`, the HTML left in one piece per section (joined, they are `convert`'s HTML): a page can be written
    /// from them without the whole fragment in one string.
    static func convertInPieces(_ markdown: String) async -> (pieces: [String], headings: [Heading]) {
        _ = extensionsRegistered
        let sections = sections(markdown)
        let window = ProcessInfo.processInfo.activeProcessorCount + 1
        var html: [String] = []
        html.reserveCapacity(sections.count)
        var headings: [Heading] = []
        var used = HeadingAnchors(reserving: recordAnchors(markdown))
        await withTaskGroup(of: SectionStep.self) { group in
            var nextToParse = 0, nextToAnchor = 0, nextToJoin = 0, held = 0
            var parsed: [Int: ParsedSection] = [:], rendered: [Int: String] = [:]
            func parseMore() {
                while nextToParse < sections.count, held < window {
                    let index = nextToParse, text = sections[index]
                    group.addTask { .parsed(index, ParsedSection(text)) }
                    nextToParse += 1
                    held += 1
                }
            }
            parseMore()
            for await step in group {
                switch step {
                case let .parsed(index, section):
                    parsed[index] = section
                    while let next = parsed.removeValue(forKey: nextToAnchor) {
                        headings += next.anchor(&used)
                        let anchored = nextToAnchor
                        group.addTask { .rendered(anchored, next.render()) }
                        nextToAnchor += 1
                    }
                case let .rendered(index, text):
                    rendered[index] = text
                    held -= 1
                    while let next = rendered.removeValue(forKey: nextToJoin) {
                        html.append(next)
                        nextToJoin += 1
                    }
                    parseMore()
                }
            }
        }
        return (html, headings.filter { $0.level == 2 || $0.level == 3 })
    }

    /// What a task of `convert` hands back: a section parsed, or rendered.
    private enum SectionStep: Sendable {
        case parsed(Int, ParsedSection)
        case rendered(Int, String)
    }

    /// One section's syntax tree, from its parse (raw HTML neutralised, headings found) through its anchors to its
    /// HTML. Handed from task to task through `convert`'s task group, which gives it to one task at a time; freed
    /// with the last reference to it.
    private final class ParsedSection: @unchecked Sendable {
        private let parser: OpaquePointer
        private let root: OpaquePointer
        private let headingNodes: [OpaquePointer]
        /// A table row starts with `|`: a section without one has no table cell to keep ids whole in.
        private let mayHoldTable: Bool

        /// Parses `markdown` and neutralises its raw HTML.
        init(_ markdown: Substring) {
            let parser = MarkdownHTML.newParser()
            var text = markdown
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            self.parser = parser
            root = cmark_parser_finish(parser)!
            // Raw HTML starts with `<`: a section without one has none, and only its headings need finding.
            headingNodes = MarkdownHTML.neutralise(root, mayHoldHTML: markdown.utf8.contains(UInt8(ascii: "<")))
            mayHoldTable = markdown.utf8.contains(UInt8(ascii: "|"))
        }

        deinit {
            cmark_node_free(root)
            cmark_parser_free(parser)
        }

        /// Gives the headings anchors unique among `used`, in order.
        func anchor(_ used: inout HeadingAnchors) -> [Heading] {
            headingNodes.map { node in
                let level = Int(cmark_node_get_heading_level(node))
                let title = MarkdownHTML.plainText(node)
                let unique = used.unique(title)
                let tag = cmark_node_new(CMARK_NODE_HTML_INLINE)!
                cmark_node_set_literal(tag, "<a id=\"\(unique)\"></a>")
                cmark_node_prepend_child(node, tag)
                return Heading(level: level, title: title, anchor: unique)
            }
        }

        /// The section's HTML.
        func render() -> String {
            if mayHoldTable { MarkdownIdSpans.wrap(in: root) }
            let extensions = cmark_parser_get_syntax_extensions(parser)
            let raw = cmark_render_html(root, CMARK_OPT_UNSAFE, extensions)!
            defer { free(raw) }
            return String(cString: raw)
        }
    }

    /// The document cut before each `##` or `###` heading line that is not inside a fenced code block.
    static func sections(_ markdown: String) -> [Substring] {
        var sections: [Substring] = []
        var start = markdown.startIndex
        var fence: (character: UInt8, length: Int)?
        var lineStart = markdown.startIndex
        let utf8 = markdown.utf8
        while lineStart < markdown.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? markdown.endIndex
            let line = utf8[lineStart..<lineEnd]
            if let opened = fence {
                // A fence closes with a line of at least as many of its characters, after up to three spaces.
                if let run = fenceRun(line), run.character == opened.character, run.length >= opened.length,
                   line.dropFirst(run.indent + run.length).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    fence = nil
                }
            } else if let run = fenceRun(line), run.character == UInt8(ascii: "~")
                        || !line.dropFirst(run.indent + run.length).contains(UInt8(ascii: "`")) {
                // A backtick fence's info string holds no backtick (CommonMark): such a line is no fence.
                fence = (run.character, run.length)
            } else if line.starts(with: "## ".utf8) || line.starts(with: "### ".utf8), lineStart != start {
                sections.append(markdown[start..<lineStart])
                start = lineStart
            }
            lineStart = lineEnd == markdown.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        if start < markdown.endIndex { sections.append(markdown[start...]) }
        return sections
    }

    /// The run of three or more backticks or tildes that opens or closes a fenced code block, after up to three
    /// spaces; nil when the line is no fence.
    private static func fenceRun(_ line: Substring.UTF8View.SubSequence) -> (character: UInt8, length: Int, indent: Int)? {
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        guard indent <= 3, let first = line.dropFirst(indent).first,
              first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = line.dropFirst(indent).prefix { $0 == first }.count
        return length >= 3 ? (first, length, indent) : nil
    }

    /// The ids of the anchors the document's templates set (`<a id="…"></a>`, before records, releases and rows):
    /// a heading's anchor must be none of them, or a link to the heading (and the contents' page number) would lead
    /// to the record (the DHF's row of a release tagged `tags` is `release-tags`, as the heading "Release tags" is).
    static func recordAnchors(_ markdown: String) -> Set<String> {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var ids: Set<String> = []
            let open = Array("<a id=\"".utf8)
            for start in ByteSearch.offsets(of: "<a id=\"", in: bytes) {
                let value = start + open.count
                guard let end = bytes[value...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
                ids.insert(String(decoding: bytes[value..<end], as: UTF8.self))
            }
            return ids
        }
    }

    /// The anchors given so far in one document, and for each anchor the next number to try after it: a title
    /// repeated thousands of times (a hostile template) costs one step per heading, not one per earlier repeat.
    struct HeadingAnchors {
        private var used: Set<String> = []
        private var next: [String: Int] = [:]

        /// No anchors given yet; `reserved` are taken by other elements of the document.
        init(reserving reserved: Set<String> = []) {
            used = reserved
        }

        /// The anchor of a heading titled `title`: its words, lower case and hyphenated, without dots (`1.2 Scope`
        /// is `12-scope`), with `-2`, `-3`, … added when it is taken already; it is taken from then on.
        mutating func unique(_ title: String) -> String {
            let anchor = MarkdownText.headingAnchor(title)
            var unique = anchor, n = next[anchor] ?? 1
            while used.contains(unique) {
                n += 1
                unique = "\(anchor)-\(n)"
            }
            next[anchor] = n
            used.insert(unique)
            return unique
        }
    }

    /// Registers cmark-gfm's extensions once, before any conversion: its own guard is not thread-safe, and a
    /// second registration while another thread converts renumbers the table node types under it (an assertion
    /// in table.c). A static constant is initialised exactly once, whichever thread comes first.
    ///
    /// cmark-gfm also keeps the characters that start an inline extension (autolink's `:` and `w`) in one
    /// process-wide table, which each parse sets when it starts on its inlines and clears when it is done: a
    /// parse on another thread then misses its links from that moment on. So the table is set here, once, and
    /// the extension's list of characters is emptied, so that no parse sets or clears them again. Every parser
    /// dossier makes attaches the autolink extension, so each still sees them. (The emptied list, two nodes,
    /// is left allocated: the extension API has no way to read it back.)
    private static let extensionsRegistered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = newParser()
        defer { cmark_parser_free(parser) }
        cmark_manage_extensions_special_characters(parser, 1)
        for name in extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_syntax_extension_set_special_inline_chars(extensionPointer, nil)
            }
        }
    }()

    /// Tables, and autolinks as GitHub makes them, so that the HTML shows what GitHub shows.
    private static let extensionNames = ["table", "autolink"]

    /// A parser with dossier's extensions attached.
    fileprivate static func newParser() -> OpaquePointer {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for name in extensionNames {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        return parser
    }

    /// Turns raw HTML nodes into text (except dossier's own anchors) and returns the headings, in document order.
    /// Without `mayHoldHTML` only the blocks that can hold headings are visited, not every inline node of every
    /// table row.
    fileprivate static func neutralise(_ root: OpaquePointer, mayHoldHTML: Bool) -> [OpaquePointer] {
        var htmlNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        if mayHoldHTML {
            let iterator = cmark_iter_new(root)!
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: htmlNodes.append(node)
                case CMARK_NODE_HEADING: headingNodes.append(node)
                default: break
                }
            }
        } else {
            collectHeadings(in: root, into: &headingNodes)
        }
        // cmark splits `<a id="x"></a>` into an opening and a closing inline node: keep such pairs.
        var kept = Set<OpaquePointer>()
        for node in htmlNodes where cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE {
            guard let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE,
                  literal(next) == "</a>", isRecordAnchor(literal(node) + "</a>") else { continue }
            kept.insert(node)
            kept.insert(next)
        }
        // `<ins>` and `<del>` without attributes mark added and removed text (dossier diff), `<br>` a line of its
        // own in a table cell (one changed field per line): harmless, kept.
        for node in htmlNodes where cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE
            && ["<ins>", "</ins>", "<del>", "</del>", "<br>"].contains(literal(node)) {
            kept.insert(node)
        }
        for node in htmlNodes where !kept.contains(node) {
            let literal = literal(node)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                cmark_node_set_type(node, CMARK_NODE_CODE_BLOCK)
            } else {
                cmark_node_set_type(node, CMARK_NODE_TEXT)
            }
            cmark_node_set_literal(node, literal)
        }
        return headingNodes
    }

    /// The headings among the descendants of `node`, in document order, descending only into the blocks that can
    /// hold other blocks (a heading is never inside a paragraph, a table or another heading).
    private static func collectHeadings(in node: OpaquePointer, into headings: inout [OpaquePointer]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HEADING:
                headings.append(current)
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK,
                 CMARK_NODE_FOOTNOTE_DEFINITION:
                collectHeadings(in: current, into: &headings)
            default:
                break
            }
            child = cmark_node_next(current)
        }
    }

    /// `<a id="x"></a>` where x is letters, digits, `-`, `_` or `.` only.
    static func isRecordAnchor(_ html: String) -> Bool {
        guard html.hasPrefix("<a id=\""), html.hasSuffix("\"></a>") else { return false }
        let id = html.dropFirst(7).dropLast(6)
        return !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    fileprivate static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            }
        }
        return text
    }
}
