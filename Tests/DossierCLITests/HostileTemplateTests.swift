import Foundation
import TestSupport
import Testing

/// Templates that would make swift-mustache recurse without bound (a stack overflow: a crash) are refused before
/// anything is parsed, rendered or written: exit 2, naming the template's file, line and column.
@Suite("hostile templates: recursion and nesting are refused")
struct HostileTemplateTests {
    /// The device fixture and a templates folder holding `files`.
    private func scratch(templates files: [String: String]) throws -> Scratch {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: scratch.file("tpl/\(name)"), atomically: true, encoding: .utf8) }
        return scratch
    }

    /// Runs suf, dhf and diff with the templates and expects each to stop with `stderr`, exit 2 and nothing written.
    private func expectRefused(_ scratch: Scratch, stderr expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for arguments in [["suf", "--repo", "repo", "--out", "out"], ["dhf", "--repo", "repo", "--out", "out"],
                          ["diff", "v1.0.0", "v1.1.0", "--repo", "repo"]] {
            let result = try dossier(arguments + ["--templates", "tpl"], in: scratch.path)
            #expect(result.status == 2, "\(arguments[0]): \(result.status) \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr == expected, "\(arguments[0])", sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(!scratch.exists("out"), sourceLocation: sourceLocation)
        }
    }

    @Test("a partial that includes itself: exit 2 naming the template and the partial tag (was a segfault)")
    func selfInclusion() throws {
        let scratch = try scratch(templates: [
            "delta.mustache": "{{! a delta that shows itself }}\n  text {{>delta}}\n",
            "diff.md.mustache": "# diff\n{{>delta}}\n",
            "dhf.md.mustache": "# DHF\n{{>delta}}\n",
        ])
        try expectRefused(scratch, stderr: "dossier: error: tpl/delta.mustache:2:8: the template includes itself as a partial ({{>delta}}); partials must not recurse\n")
    }

    @Test("partials that include each other (suf → delta → suf): exit 2 naming the chain")
    func mutualInclusion() throws {
        let scratch = try scratch(templates: [
            "suf.md.mustache": "# SUF\n{{#commits}}{{>delta}}{{/commits}}\n",
            "delta.mustache": "{{>suf.md}}\n",
            "dhf.md.mustache": "{{>suf.md}}\n",
            "diff.md.mustache": "{{>delta}}\n",
        ])
        try expectRefused(scratch, stderr: "dossier: error: tpl/suf.md.mustache:2:13: the template includes itself through its partials (suf.md.mustache → delta.mustache → suf.md.mustache); partials must not recurse\n")
    }

    @Test("20,000 nested sections: exit 2 at the first section past the bound (was a crash)")
    func deepSections() throws {
        let depth = 20_000
        let text = "# deep\n" + String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth) + "\n"
        let scratch = try scratch(templates: ["suf.md.mustache": text, "dhf.md.mustache": text, "diff.md.mustache": text])
        try expectRefused(scratch, stderr: "dossier: error: tpl/suf.md.mustache:2:601: sections nest more than 100 deep; expected at most 100\n")
    }

    @Test("nesting hidden behind changed delimiters and inverted sections is counted too")
    func deepSectionsOtherDelimiters() throws {
        let depth = 5_000
        let text = "{{=<% %>=}}\n" + String(repeating: "<%^a%>", count: depth) + String(repeating: "<%/a%>", count: depth) + "\n"
        let scratch = try scratch(templates: ["suf.md.mustache": text, "dhf.md.mustache": text, "diff.md.mustache": text])
        try expectRefused(scratch, stderr: "dossier: error: tpl/suf.md.mustache:2:601: sections nest more than 100 deep; expected at most 100\n")
    }

    @Test("a dynamic partial ({{>*name}}) is refused: its name would come from the repository's data")
    func dynamicPartial() throws {
        let text = "# SUF\n{{>*release}}\n"
        let scratch = try scratch(templates: ["suf.md.mustache": text, "dhf.md.mustache": text, "diff.md.mustache": text])
        try expectRefused(scratch, stderr: "dossier: error: tpl/suf.md.mustache:2:1: a dynamic partial ('*release') is not allowed: a partial must name a template\n")
    }

    @Test("a template in the release's tree (templates: in dossier.yml) that includes itself: exit 2 naming it in the tree")
    func selfInclusionInTree() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Our own SUF layout\n", files: [
            "dossier.yml": DeviceFixture.dossierYML + "templates: docs/tpl\n",
            "docs/tpl/suf.md.mustache": "# {{release}}\n{{>suf.md}}\n",
        ])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("docs/tpl/suf.md.mustache:2:1: the template includes itself as a partial ({{>suf.md}}); partials must not recurse\n"),
                "\(result.stderr)")
        #expect(!scratch.exists("out"))
    }

    @Test("sections nested as deep as the bound, and a partial included through another, still render")
    func withinBounds() throws {
        let depth = 100
        let scratch = try scratch(templates: [
            "suf.md.mustache": "# deep\n" + String(repeating: "{{#device}}", count: depth) + "{{name}}" + String(repeating: "{{/device}}", count: depth)
                + "\n{{#requirementsDelta}}{{>delta}}{{/requirementsDelta}}\n",
        ])
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("out/v1.1.0/SUF-v1.1.0.md")
        #expect(md.hasPrefix("# deep\nInfusion Pump Controller\n"), "\(md.prefix(200))")
    }

    @Test("five templates included one through the next, each nesting sections as deep as the bound, render without overflow")
    func deepestChain() throws {
        func deep(_ inner: String) -> String {
            String(repeating: "{{^zz}}", count: 100) + inner + String(repeating: "{{/zz}}", count: 100) + "\n"
        }
        let scratch = try scratch(templates: [
            "suf.md.mustache": deep("{{>delta}}"), "delta.mustache": deep("{{>diff.md}}"), "diff.md.mustache": deep("{{>dhf.md}}"),
            "dhf.md.mustache": deep("{{>page.html}}"), "page.html.mustache": deep("bottom"),
        ])
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scratch.read("out/v1.1.0/SUF-v1.1.0.md").hasPrefix("bottom"))
    }

    @Test("a partial included 1000 times by one included 1000 times by one included 1000 times: exit 2 at the tag (ran for 25 minutes)")
    func partialFanOut() throws {
        let scratch = try scratch(templates: [
            "suf.md.mustache": String(repeating: "{{>delta}}", count: 1000), "delta.mustache": String(repeating: "{{>diff.md}}", count: 1000),
            "diff.md.mustache": String(repeating: "{{>dhf.md}}", count: 1000), "dhf.md.mustache": "x",
        ])
        try expectRefused(scratch, stderr: "dossier: error: tpl/delta.mustache:1:4177: with its partials written out in place the template passes 4194304 characters "
                          + "here ({{>diff.md}} included too many times, through its partials too); expected at most 4194304\n")
    }

    /// Runs suf with `text` as its template and expects exit 2 naming it, with `limit` in the message, in well under 60 s
    /// (each of these ran for hours before: the bound on the time is generous, against a slow machine).
    private func expectStopped(_ text: String, limit: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let scratch = try scratch(templates: ["suf.md.mustache": text])
        let start = Date()
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(Date().timeIntervalSince(start) < 60, sourceLocation: sourceLocation)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("dossier: error: tpl/suf.md.mustache: rendering stopped: \(limit)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!scratch.exists("out"), sourceLocation: sourceLocation)
    }

    @Test("a list section nested in itself 60 deep ({{#commits}}{{#commits}}…): n^60 renders, stopped at the budget")
    func nestedListSections() throws {
        let text = String(repeating: "{{#commits}}", count: 60) + "x" + String(repeating: "{{/commits}}", count: 60) + "\n"
        try expectStopped(text, limit: "its list sections ran more than 10000000 times")
    }

    @Test("the same rendered by swift-mustache (changed delimiters): stopped too")
    func nestedListSectionsOtherDelimiters() throws {
        let text = "{{=<% %>=}}\n" + String(repeating: "<%#commits%>", count: 60) + "x" + String(repeating: "<%/commits%>", count: 60) + "\n"
        try expectStopped(text, limit: "its list sections ran more than")
    }

    @Test("a document past 1 GiB (a partial of 4 MiB in a list nested in itself): stopped at the output bound")
    func hugeOutput() throws {
        let scratch = try scratch(templates: [
            "suf.md.mustache": String(repeating: "{{#commits}}", count: 20) + "{{>delta}}" + String(repeating: "{{/commits}}", count: 20) + "\n",
            "delta.mustache": String(repeating: "y", count: 4_000_000),
        ])
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("dossier: error: tpl/suf.md.mustache: rendering stopped: the rendered document would grow past 1073741824 bytes (1 GiB)"),
                "\(result.stderr)")
        #expect(!scratch.exists("out"))
    }

    @Test("a large value written inside lists nested in themselves (8 MiB of style.css in {{#headings}}{{#headings}}): stopped at the output bound, not by running out of memory (was a crash)")
    func largeValueInNestedLists() throws {
        let scratch = try scratch(templates: [
            "style.css": String(repeating: "a", count: 8 << 20),
            "page.html.mustache": "{{#headings}}{{#headings}}{{{style}}}{{/headings}}{{/headings}}",
        ])
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--format", "html", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 2, "\(result.status) \(result.stderr)")
        #expect(result.stderr.hasPrefix("dossier: error: tpl/page.html.mustache: rendering stopped: the rendered document would grow past 1073741824 bytes (1 GiB)"),
                "\(result.stderr)")
        #expect(!scratch.exists("out"))
    }
}
