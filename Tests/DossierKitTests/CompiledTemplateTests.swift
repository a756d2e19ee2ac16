import Foundation
@testable import Git
import Mustache
@testable import Render
@testable import Support
import Testing

@Suite("Compiled templates render as swift-mustache does")
struct CompiledTemplateTests {
    /// Renders `template` (with `partials`) both ways; fails unless the compiled renderer took it and agrees.
    private func agree(_ template: String, _ context: Any, partials: [String: String] = [:],
                       compiles: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        MarkdownContentType.register()
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate?] = [:]
        for (name, text) in partials.merging(["main": template], uniquingKeysWith: { a, _ in a }) {
            library.register(try MustacheTemplate(string: text), named: name)
            compiled.updateValue(CompiledTemplate(text), forKey: name)
        }
        let expected = library.render(context, withTemplate: "main")
        let fast = try CompiledTemplateRenderer.render(context, template: "main", in: compiled, budget: RenderBudget())
        if compiles {
            #expect(fast != nil, "not compiled: \(template)", sourceLocation: sourceLocation)
            #expect(fast == expected, "template: \(template)", sourceLocation: sourceLocation)
        } else {
            #expect(fast == nil, "compiled, but swift-mustache should render it: \(template)", sourceLocation: sourceLocation)
        }
        #expect(try TemplateLibrary(mustache: library, compiled: compiled, files: [:], expandedSize: 1).render(context, withTemplate: "main") == expected,
                sourceLocation: sourceLocation)
        // swift-mustache renders a context wrapped by a budget (its lists counted) exactly as the context itself.
        #expect(library.render(RenderBudget().wrap(context), withTemplate: "main") == expected, "wrapped: \(template)", sourceLocation: sourceLocation)
    }

    private final class Row: TemplateRow {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
        override func child(named name: String) -> Any? { values[name] }
    }

    private struct Plain {
        var name = "struct"
        var note: String? = "optional"
        var none: String?
    }

    private let context: [String: Any] = [
        "title": "A <b>\"title\"</b> & 'more' *emph* [link](x) | pipe",
        "count": 3, "zero": 0, "yes": true, "no": false, "empty": "", "list": ["a", "b", "c"], "none": [String](),
        "rows": [["id": "REQ-1", "text": "one_two"], ["id": "REQ-2", "flag": true], ["id": "REQ-3", "text": "x\ny"]],
        "objects": [Row(["id": "R1", "nested": ["deep": "d1"]]), Row(["other": 5])],
        "nested": ["inner": ["value": "deep value"], "id": "outer"],
        "plain": Plain(), "id": "top id", "text": "top text",
        "optional": Optional<String>.some("wrapped") as Any, "missing": Optional<String>.none as Any,
        "set": Set(["only"]), "number": 2.5,
    ]

    @Test("variables, escaping and content types")
    func variables() throws {
        try agree("{{title}}|{{{title}}}|{{&title}}|{{count}}|{{yes}}|{{number}}|{{nothing}}|{{ title }}|{{optional}}|{{missing}}", context)
        try agree("{{% CONTENT_TYPE: MARKDOWN}}\n{{title}} {{{title}}} {{count}}\n", context)
        try agree("{{% CONTENT_TYPE: TEXT}}{{title}}\n{{%CONTENT_TYPE:HTML}}{{title}}", context)
        try agree("{{nested.inner.value}} {{nested.id}} {{nested.missing.value}} {{.nested.id}} {{plain.name}} {{plain.note}} {{plain.none}}", context)
        try agree("{{#nested}}{{id}} {{.id}} {{title}} {{inner.value}}{{/nested}}", context)
    }

    @Test("sections, inverted sections, sequences and transforms")
    func sections() throws {
        try agree("{{#rows}}{{id}}:{{text}}:{{title}};{{/rows}}", context)
        try agree("{{#rows}}\n| {{id}} | {{text}} | {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}} |\n{{/rows}}\n", context)
        try agree("{{#list}}{{.}}{{#first()}}<first>{{/first()}}{{#last()}}<last>{{/last()}}{{index()}}{{#even()}}e{{/even()}}{{/list}}", context)
        try agree("{{^empty(rows)}}has rows{{/empty(rows)}}{{#empty(none)}}none is empty{{/empty(none)}}{{count(list)}}{{#reversed(list)}}{{.}}{{/reversed(list)}}", context)
        try agree("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}not no{{/no}}{{#zero}}zero is truthy{{/zero}}{{#empty}}empty string{{/empty}}{{^missingKey}}missing{{/missingKey}}", context)
        try agree("{{#objects}}{{id}}-{{other}}-{{nested.deep}}-{{title}}\n{{/objects}}", context)
        try agree("{{#none}}never{{/none}}{{^none}}none: {{count}}{{/none}}{{#set}}{{.}}{{/set}}{{#plain}}{{name}}{{/plain}}", context)
        try agree("{{#count}}{{plusone(count)}} {{#even(count)}}even{{/even(count)}}{{#odd(count)}}odd{{/odd(count)}}{{/count}}{{uppercased(title)}}", context)
    }

    @Test("standalone lines, whitespace, comments and partials")
    func whitespace() throws {
        try agree("""
            Begin
              {{#rows}}
              | {{id}} |
              {{/rows}}
            {{! a comment }}
              {{! an indented comment }}
            {{^rows}}
            nothing
            {{/rows}}
            a {{#yes}} b {{/yes}} c
            \t{{#yes}}\t
            tabbed
            {{/yes}}  \t
            {{#rows}}{{id}}{{/rows}}
            End {{! trailing }}  x
              {{count}}
            {{#yes}}
            """ + "\n{{/yes}}", context)
        try agree("{{#rows}}{{>row}}{{/rows}}\n{{>row}}\n{{>missing}}\nafter", context, partials: ["row": "{{% CONTENT_TYPE: MARKDOWN}}\n* {{id}} {{title}}\n"])
        try agree("x {{>row}} y\n{{#yes}}\n{{>row}}\n{{/yes}}", context, partials: ["row": "[{{title}}]"])
        try agree("{ {x} {{title}}{ x", context)
        try agree("no newline at the end {{count}}", context)
        try agree("line\r\nother {{count}}\r\n  {{#yes}}\r\nin\r\n  {{/yes}}\r\n", context)
        try agree("é{{title}} e\u{301} {{#list}}ü{{.}}{{/list}}", context)
        // A combining mark after a tag's braces makes one character of them: neither parser reads the tag.
        #expect(CompiledTemplate("{{title}}\u{301}") == nil)
        #expect((try? MustacheTemplate(string: "{{title}}\u{301}")) == nil)
    }

    @Test("what the compiled renderer leaves to swift-mustache")
    func leftToSwiftMustache() throws {
        try agree("{{=<% %>=}}<% title %>", context, compiles: false)
        try agree("  {{>row}}\n", context, partials: ["row": "a\nb\n"], compiles: false)
        try agree("{{<row}}{{$block}}x{{/block}}{{/row}}", context, partials: ["row": "{{$block}}default{{/block}}"], compiles: false)
        let lambda = MustacheLambda { _ in "lambda" }
        try agree("{{#fn}}text{{/fn}}", ["fn": lambda], compiles: false)
    }

    @Test("the built-in SUF and delta templates render the same both ways")
    func builtIn() throws {
        let release = try Gap.release(commits: [
            Gap.commit(1, "Fix the *alarm* <now>", trailers: [Gap.cr("CR-1"), Trailer(key: "Refs", value: "REQ-1")], files: ["src/a.swift"]),
            Gap.commit(2, "Merge topic", merge: true),
        ])
        let library = try TemplateSet.builtIn.library()
        let context = SUFContext.make(release, generator: "dossier test")
        let compiled = try CompiledTemplateRenderer.render(context, template: "suf.md", in: library.compiled, budget: RenderBudget())
        #expect(compiled != nil)
        #expect(compiled == library.mustache.render(context, withTemplate: "suf.md"))
        #expect(compiled == library.mustache.render(RenderBudget().wrap(context), withTemplate: "suf.md"))
    }
}
