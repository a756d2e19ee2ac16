import Foundation
@testable import Render
import Support
import Testing

/// A long SUF's HTML page is written in pieces (`HTMLPage.piecewise`): the bytes must be those of the page made whole
/// (`HTMLPage.render`), whatever the page template does with the content.
@Suite("HTML pages written in pieces: the same bytes as the page made whole")
struct HTMLPageTests {
    static let markdown = "# T\n\n## A\n\n| a | b |\n|---|---|\n| <a id=\"x\"></a>REQ-1 | <i>2</i> |\n\n[l](javascript:alert(1)) https://ok.example\n\n"
        + "### A\n\n<div>raw</div>\n\n## B\n\ntext <a href=\"javascript:x\">y</a>\n"

    @Test("the built-in page, and templates that write the content twice, not at all, or inside an attribute",
          arguments: [nil, "<main>{{{content}}}</main><aside>{{{content}}}</aside>", "<p>{{title}}</p>",
                      "<a title=\"{{{content}}}\">{{title}}</a> <a href=\"javascript:1\">z</a>", "<p>{{content}}</p>",
                      "<p>{{uppercased(content)}}</p>", "{{#headings}}{{{content}}}{{/headings}}", "<main>{{{content}}}</main>{{#hasParts}}x{{/hasParts}}",
                      "{{^content}}no content{{/content}}<main>{{{content}}}</main>"])
    func piecewiseAgrees(pageTemplate: String?) async throws {
        try await piecewiseAgrees(pageTemplate: pageTemplate, markdown: Self.markdown)
        // An empty document converts to no HTML at all, which a template can tell from a marker (found by review).
        try await piecewiseAgrees(pageTemplate: pageTemplate, markdown: "\n")
    }

    private func piecewiseAgrees(pageTemplate: String?, markdown: String) async throws {
        var templates = TemplateSet.builtIn
        if let pageTemplate {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try pageTemplate.write(toFile: folder + "/page.html.mustache", atomically: true, encoding: .utf8)
            templates = try templates.overriding(withFolder: folder)
        }
        let library = try templates.library()
        let whole = try await HTMLPage.render(markdown: markdown, title: "T <1>", date: "2026-01-01", commit: "abc",
                                              generator: "g", templates: templates, library: library)
        let frame = HTMLPage.Frame(title: "T <1>", date: "2026-01-01", commit: "abc", generator: "g", templates: templates, library: library)
        let page = try await HTMLPage.piecewise(markdown: markdown, frame: frame)
        var bytes: [UInt8] = []
        try page.write { bytes += $0 }
        #expect(String(decoding: bytes, as: UTF8.self) == whole)
        // The built-in page is written in pieces; a template that escapes or transforms its content, or repeats it,
        // and an empty document, are made whole.
        let inPieces = markdown != "\n" && [nil, "<a title=\"{{{content}}}\">{{title}}</a> <a href=\"javascript:1\">z</a>",
                                            "<main>{{{content}}}</main>{{#hasParts}}x{{/hasParts}}",
                                            "{{^content}}no content{{/content}}<main>{{{content}}}</main>"].contains(pageTemplate)
        #expect(page.isInPieces == inPieces, "\(pageTemplate ?? "built-in")")
        #expect(!whole.contains("dossier-page-content"))
    }

    /// A document in parts: one page per level-2 heading, links to an anchor on another page pointed at that page,
    /// links to one on the same page left alone. A heading that begins with a combining mark is a part too (a
    /// Character search for `<h2>` missed it, so the document stayed one page).
    @Test("a document split into pages: every part a page, links pointed at the page that has their anchor")
    func pagesInParts() async throws {
        let templates = TemplateSet.builtIn
        let frame = HTMLPage.Frame(title: "T", date: "2026-01-01", commit: "abc", generator: "g", templates: templates,
                                   library: try templates.library())
        let markdown = "# T\n\n## A\n\n<a id=\"req-1\"></a>REQ-1 [to 2](#req-2) [to 1](#req-1)\n\n"
            + "## \u{301}B\n\n<a id=\"req-2\"></a>REQ-2 [to 1](#req-1) [nowhere](#none)\n\n## C\n\nend\n"
        let pages = try await HTMLPage.pages(markdown: markdown, layout: .parts, firstFile: "D.html", frame: frame)
        #expect(pages.map(\.file) == ["D.html", "D-\(MarkdownText.headingAnchor("\u{301}B")).html", "D-c.html"])
        let first = pages[0].html, second = pages[1].html
        #expect(first.contains("href=\"\(pages[1].file)#req-2\"") && first.contains("href=\"#req-1\""))
        #expect(second.contains("href=\"D.html#req-1\"") && second.contains("href=\"#none\""))
        #expect(!pages[2].html.contains("REQ-"))
        #expect(ByteSearch.offsets(of: "aa", in: Array("aaaxaa".utf8)) == [0, 4])
        #expect(ByteSearch.offsets(of: "<h2>", in: Array("<h2".utf8)).isEmpty)
    }

    @Test("a heading's anchor is never one of the document's own record anchors, so links and the contents reach the heading")
    func headingAvoidsRecordAnchors() async {
        let markdown = "| Release |\n|---|\n| <a id=\"release-tags\"></a>tags |\n\n## Release tags\n\nText.\n"
        let (html, headings) = await MarkdownHTML.convert(markdown)
        #expect(headings.map(\.anchor) == ["release-tags-2"])
        #expect(html.contains("<a id=\"release-tags\"></a>tags"))
        #expect(html.contains("<a id=\"release-tags-2\"></a>Release tags"))
    }
}
