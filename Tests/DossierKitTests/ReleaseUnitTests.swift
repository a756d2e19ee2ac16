import Foundation
@testable import Model
@testable import Records
@testable import Render
@testable import Support
import Testing

@Suite("Release delta and rendering helpers")
struct ReleaseUnitTests {
    func records(_ requirements: String) throws -> RecordSet {
        let source = MemorySource(files: ["dossier.yml": "device: {name: P}\n", "regulatory/requirements.yml": requirements])
        return try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
    }

    @Test("the delta lists added, changed (field by field), obsoleted and removed records")
    func delta() throws {
        let before = try records("""
            requirements:
              - {id: REQ-1, title: A, text: Old text.}
              - {id: REQ-2, title: B, text: Same.}
              - {id: REQ-3, title: C, text: Gone.}
              - {id: REQ-4, title: D, text: Stays.}
            """)
        let after = try records("""
            requirements:
              - {id: REQ-1, title: A, text: New text., status: approved}
              - {id: REQ-2, title: B, text: Same., status: obsolete, obsolete: {release: v2, rationale: Not needed}}
              - {id: REQ-4, title: D, text: Stays.}
              - {id: REQ-5, title: E, text: New.}
            """)
        let delta = ReleaseDelta(previous: before, current: after)[.requirement]
        #expect(delta.added == ["REQ-5"])
        #expect(delta.removed == ["REQ-3"])
        #expect(delta.changed == [RecordChange(id: "REQ-1", headline: "A", fields: [
            FieldChange(field: "text", old: "Old text.", new: "New text."),
            FieldChange(field: "status", old: nil, new: "approved"),
        ])])
        #expect(delta.obsoleted.map(\.id) == ["REQ-2"])
        let unchanged = ReleaseDelta(previous: after, current: after)
        let allEmpty = unchanged.kinds.allSatisfy { $0.isEmpty }
        #expect(allEmpty)
    }

    @Test("ids sort the way people read them")
    func idOrder() {
        #expect(["REQ-10", "CR-2", "REQ-2", "REQ-1"].sorted(by: ReleaseJoin.idOrder) == ["CR-2", "REQ-1", "REQ-2", "REQ-10"])
    }

    @Test("Markdown escaping keeps user text literal")
    func markdownEscaping() {
        #expect(MarkdownText.inline("a|b *c* <d> [e](f) &amp;\nnext") == "a\\|b \\*c\\* \\<d\\> \\[e\\](f) \\&amp; next")
        #expect(MarkdownText.inline("# heading") == "\\# heading")
        #expect(MarkdownText.anchor("REQ-1.2_x") == "req-1.2_x")
    }

    @Test("Markdown to HTML: tables, heading anchors, raw HTML shown as text")
    func markdownToHTML() async {
        let (html, headings) = await MarkdownHTML.convert("## 1. Intro\n\n| a | b |\n|---|---|\n| <a id=\"x\"></a>1 | <i>2</i> |\n\n<div>raw</div>\n")
        #expect(headings == [Heading(level: 2, title: "1. Intro", anchor: "1-intro")])
        #expect(html.contains("<h2><a id=\"1-intro\"></a>1. Intro</h2>"))
        #expect(html.contains("<td><a id=\"x\"></a>1</td>"))
        #expect(html.contains("<td>&lt;i&gt;2&lt;/i&gt;</td>"))
        #expect(html.contains("<pre><code>&lt;div&gt;raw&lt;/div&gt;"))
    }

    @Test("ids in table cells are kept on one line; dossier's own <br> is kept and a record's is shown as text")
    func idsAndLineBreaksInTables() async {
        let cell = "REQ-22, REQ-12 (CR-1); 2025-01-27 x-y -z \(String(repeating: "a-", count: 30))b<br>next " + MarkdownText.inline("a<br>b")
        let (html, _) = await MarkdownHTML.convert("REQ-1 outside\n\n| a |\n|---|\n| \(cell) |\n")
        #expect(html.contains("<p>REQ-1 outside</p>"))
        #expect(html.contains("<td><span class=\"id\">REQ-22</span>, <span class=\"id\">REQ-12</span> (<span class=\"id\">CR-1</span>); <span class=\"id\">2025-01-27</span> <span class=\"id\">x-y</span> -z a-a-"))
        #expect(!html.contains("<span class=\"id\">a-a-"), "a word longer than an id may wrap")
        #expect(html.contains("b<br>next a&lt;br&gt;b</td>"))
    }

    @Test("a document is converted section by section: headings of every level get unique anchors in document order, code is left alone")
    func headingAnchorsAcrossSections() async {
        let markdown = "# T\n\n## A\n\n| x |\n|---|\n| 1 |\n\n```\n## not a heading\n```\n\n### B\n\ntext\n\n## A\n\nagain\n\n#### A\n\n### A\n"
        #expect(MarkdownHTML.sections(markdown).map { String($0.prefix(5)) } == ["# T\n\n", "## A\n", "### B", "## A\n", "### A"])
        let (html, headings) = await MarkdownHTML.convert(markdown)
        #expect(headings.map(\.anchor) == ["a", "b", "a-2", "a-4"])
        #expect(html.contains("<h4><a id=\"a-3\"></a>A</h4>"))
        #expect(html.contains("<pre><code>## not a heading\n</code></pre>"))
        #expect(html.contains("<td>1</td>"))
    }

    @Test("a fence closes only with its own character, at least as long, after up to three spaces; a heading inside it does not cut the document")
    func sectionsKeepFencesWhole() async {
        let markdown = "## A\n\n  ~~~~ text\n## in\n```\n## still in\n~~~\n## still in\n   ~~~~~  \n## B\n\n    ```\n## C\n"
        #expect(MarkdownHTML.sections(markdown).map { String($0.prefix(4)) } == ["## A", "## B", "## C"])
        let (html, headings) = await MarkdownHTML.convert(markdown)
        #expect(headings.map(\.anchor) == ["a", "b", "c"])
        #expect(html.contains("<pre><code class=\"language-text\">## in\n```\n## still in\n~~~\n## still in\n</code></pre>"))
    }

    @Test("a backtick line whose info string holds a backtick opens no fence, as cmark reads it")
    func backtickInfoStringIsNoFence() async {
        let markdown = "## A\n\n``` a`b\n## B\n"
        #expect(MarkdownHTML.sections(markdown).map { String($0.prefix(4)) } == ["## A", "## B"])
        #expect(await MarkdownHTML.convert(markdown).headings.map(\.anchor) == ["a", "b"])
    }

    @Test("a heading repeated 40,000 times gets anchors one step each (a hostile template took 106 s)")
    func repeatedHeadingsAreLinear() async {
        let markdown = "# T\n\n" + String(repeating: "## H\n\n", count: 40_000)
        let headings = await MarkdownHTML.convert(markdown).headings
        #expect(headings.count == 40_000)
        #expect(headings.first?.anchor == "h")
        #expect(headings.last?.anchor == "h-40000")
        #expect(Set(headings.map(\.anchor)).count == 40_000)
    }

    @Test("links are found alike when documents are converted in several tasks at once")
    func concurrentConversionsAgree() async {
        // cmark-gfm keeps the characters that start an autolink (`:`, `w`) in one process-wide table; a parse
        // that cleared it when it ended made another thread's parse miss the links after that point.
        let long = "## Links\n\n" + (1...3000).map { "Line \($0): see https://example.com/\($0) and www.example.org/\($0).\n" }.joined(separator: "\n")
        let expected = await MarkdownHTML.convert(long).html
        #expect(expected.components(separatedBy: "<a href=").count - 1 == 6000)
        async let converted: [String] = {
            var results: [String] = []
            for _ in 0..<4 { results.append(await MarkdownHTML.convert(long).html) }
            return results
        }()
        async let short: [String] = {
            var results: [String] = []
            for _ in 0..<3000 { results.append(await MarkdownHTML.convert("a https://example.com b\n").html) }
            return results
        }()
        let (longResults, shortResults) = await (converted, short)
        #expect(longResults.count == 4)
        for html in longResults { #expect(html == expected) }
        #expect(shortResults.allSatisfy { $0.contains("<a href=\"https://example.com\">") })
    }
}
