import Foundation
import Mustache
@testable import Render
import Testing

/// A long document's template is cut into parts that render at once (`TemplateParts`): the parts joined must be what
/// the whole template renders, and they must count against one render budget.
@Suite("document templates cut into parts: the same text as the whole, one budget")
struct TemplatePartsTests {
    /// A context with a title, a flag, and a list of rows that each have a name and the list again.
    struct Values: MustacheParent, Sendable {
        var rows: TemplateList<Row>
        func child(named name: String) -> Any? {
            switch name {
            case "title": "A *title*"
            case "flag": true
            case "rows": rows
            default: nil
            }
        }
    }

    /// A row; one without rows of its own finds the list of a row it is in (swift-mustache looks down the stack).
    struct Row: MustacheParent, Sendable {
        var name: String
        var rows: TemplateList<Row>?
        func child(named name: String) -> Any? {
            switch name {
            case "name": self.name
            case "rows": rows
            default: nil
            }
        }
    }

    static func values(rows: Int) -> Values {
        let inner = TemplateList((0..<rows).map { Row(name: "r\($0) <b>", rows: []) })
        return Values(rows: TemplateList((0..<rows).map { Row(name: "row \($0) & co", rows: inner) }))
    }

    /// Templates whose cut must keep what they render: a content type set before the cut and after it, a `## ` line
    /// inside a section and inside a comment (no cut there), standalone tags at the cut, CR LF line ends, a partial.
    static let documents: [String] = [
        "{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n\n## 1\n{{#rows}}\n- {{name}}\n{{/rows}}\n## 2\n{{title}}\n",
        "# {{title}}\n## 1\n{{title}}\n{{% CONTENT_TYPE: MARKDOWN}}\n## 2\n{{title}}\n## 3\n{{{title}}}\n",
        "# x\n{{#flag}}\n## inside a section\n{{title}}\n{{/flag}}\n{{! a comment\n## inside a comment\n}}\n## after\n{{title}}\n",
        "# x\r\n## one\r\n{{#rows}}{{name}}{{/rows}}\r\n## two\r\n{{^rows}}none{{/rows}}\r\n",
        "{{% CONTENT_TYPE: MARKDOWN}}\n## a\n{{>delta}}\n## b\n{{#rows}}{{>delta}}{{/rows}}\n",
        "  ## not at the start of the line\n## at the start\n{{title}}\n",
    ]

    /// A template set whose suf.md is `text` (delta.mustache writes a title), read from a folder as `--templates` reads it.
    static func library(suf text: String) throws -> TemplateLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try text.write(toFile: folder + "/suf.md.mustache", atomically: true, encoding: .utf8)
        try "{{title}} ({{name}})\n".write(toFile: folder + "/delta.mustache", atomically: true, encoding: .utf8)
        return try TemplateSet.builtIn.overriding(withFolder: folder).library()
    }

    @Test("each document: the parts joined are the whole template's text", arguments: documents)
    func sameText(_ text: String) async throws {
        let library = try Self.library(suf: text)
        #expect((library.parts["suf.md"]?.count ?? 0) > 1, "the document is rendered in parts")
        let whole = try library.render(Self.values(rows: 3), withTemplate: "suf.md") ?? ""
        let joined = try await library.renderDocument(Self.values(rows: 3), withTemplate: "suf.md")
        #expect(joined == whole)
        #expect(!whole.isEmpty)
    }

    @Test("where it is cut: before `## ` lines outside sections and tags, the settings written again at each part's head")
    func cuts() throws {
        #expect(TemplateParts.cut(Self.documents[0]) == [
            "{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n\n",
            "{{% CONTENT_TYPE: MARKDOWN}}\n## 1\n{{#rows}}\n- {{name}}\n{{/rows}}\n",
            "{{% CONTENT_TYPE: MARKDOWN}}\n## 2\n{{title}}\n",
        ])
        #expect(TemplateParts.cut(Self.documents[2]) == ["# x\n{{#flag}}\n## inside a section\n{{title}}\n{{/flag}}\n{{! a comment\n## inside a comment\n}}\n",
                                                        "## after\n{{title}}\n"])
        #expect(TemplateParts.cut("# one part\n{{title}}\n") == nil)
        #expect(TemplateParts.cut("{{=<% %>=}}\n## a\n<%title%>\n## b\n") == nil, "delimiters changed: not cut")
        #expect(TemplateParts.cut("## a\n{{#rows}}\n## b\n") == nil, "a section left open: not cut")
    }

    @Test("a template of many `## ` lines and settings is cut into at most 32 parts, each headed by one setting (found by review: quadratic heads)")
    func manyHeadings() async throws {
        let text = String(repeating: "{{% CONTENT_TYPE: MARKDOWN}}\n## {{title}}\n", count: 20_000)
        let parts = try #require(TemplateParts.cut(text))
        #expect(parts.count == TemplateParts.maximumParts)
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix("{{% CONTENT_TYPE: MARKDOWN}}\n## ") })
        #expect(parts.reduce(0) { $0 + $1.count } < text.count + 32 * 40)
        let library = try Self.library(suf: text)
        let whole = try library.render(Self.values(rows: 1), withTemplate: "suf.md") ?? ""
        #expect(try await library.renderDocument(Self.values(rows: 1), withTemplate: "suf.md") == whole)
    }

    @Test("the built-in SUF and DHF templates are cut, each into more than ten parts")
    func builtInCut() throws {
        let library = try TemplateSet.builtIn.library()
        #expect((library.parts["suf.md"]?.count ?? 0) > 10)
        #expect((library.parts["dhf.md"]?.count ?? 0) > 10)
    }

    @Test("the parts count against one budget: five parts that each stay within it alone pass it together")
    func oneBudget() async throws {
        // 50 rows, each with 50 rows that find the 50 again: 125,000 rows a part, each weighing 20 (sections nest 20
        // deep): 2.5 million steps a part, 12.5 million for five, past the budget of 10 million.
        let flags = 17
        let part = String(repeating: "{{#flag}}", count: flags) + "{{#rows}}{{#rows}}{{#rows}}.{{/rows}}{{/rows}}{{/rows}}"
            + String(repeating: "{{/flag}}", count: flags) + "\n"
        let values = Values(rows: TemplateList((0..<50).map { _ in Row(name: "x", rows: TemplateList((0..<50).map { _ in Row(name: "y") })) }))
        let one = try Self.library(suf: "# doc\n## a\n" + part)
        #expect((one.parts["suf.md"]?.count ?? 0) == 2)
        #expect(try await one.renderDocument(values, withTemplate: "suf.md") == "# doc\n## a\n" + String(repeating: ".", count: 125_000) + "\n")
        let five = try Self.library(suf: "# doc\n" + (1...5).map { "## \($0)\n" + part }.joined())
        #expect((five.parts["suf.md"]?.count ?? 0) == 6)
        // The error is the one the whole template gives, whichever part passed a bound first.
        let error = try #require(await #expect(throws: (any Error).self) { _ = try await five.renderDocument(values, withTemplate: "suf.md") })
        let wholeError = try #require(#expect(throws: (any Error).self) { _ = try five.render(values, withTemplate: "suf.md") })
        #expect("\(error)" == "\(wholeError)")
    }
}
