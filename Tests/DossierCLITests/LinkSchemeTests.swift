import Foundation
import TestSupport
import Testing

/// A link whose scheme is not http, https or mailto (nor a same-document anchor) is text in every HTML page, even when
/// a user's template puts a commit message or a YAML field in raw (`{{{x}}}`) into the Markdown or into the page.
@Suite("links of other schemes are text in every HTML page")
struct LinkSchemeTests {
    static let hostileSubject = #"Fix [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) ![c](data:text/html,x) [d](vbscript:msgbox(3))"#
        + #" <a href="java&#x09;script:alert(4)">e</a>"#
    static let templates = [
        "suf.md.mustache": "## {{{device.name}}}\n\n{{#commits}}\n- {{{subject}}}\n{{/commits}}\n\n[ok](https://example.com/ok) <mailto:qa@example.com> [top](#top)\n",
        "dhf.md.mustache": "## {{{title}}}\n\n[ok](https://example.com/ok)\n",
        "page.html.mustache": """
            <!DOCTYPE html><html><body><a id="top"></a>
            {{#headings}}<a href="{{{title}}}">heading</a> <a href={{{title}}}>again</a>{{/headings}}
            <a href="java&#x09;script:alert(5)">static</a><iframe src="data:text/html,x"></iframe>
            {{{content}}}
            </body></html>
            """,
    ]

    /// Every URL-valued attribute (href, src, action, …) of a tag in `html`, with the character references a scheme could hide in decoded.
    static func urls(_ html: String) throws -> [String] {
        let tags = try NSRegularExpression(pattern: #"<[A-Za-z][^>]*>"#)
        let attributes = try NSRegularExpression(pattern: #"(?i)[\s/"'](?:href|src|action|data|poster|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"#)
        return try tags.matches(in: html, range: NSRange(html.startIndex..., in: html)).flatMap { tag in
            let text = String(html[try #require(Range(tag.range, in: html))])
            return try attributes.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[try #require(Range($0.range(at: 1), in: text))]) }
        }.map { found in
            var value = found.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            for (reference, character) in [("&#x09;", ""), ("&#9;", ""), ("&Tab;", ""), ("&colon;", ":"), ("&#x3a;", ":"), ("&amp;", "&")] {
                value = value.replacingOccurrences(of: reference, with: character, options: .caseInsensitive)
            }
            return value.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }

    func expectOnlySafeLinks(_ html: String, _ page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bad = try Self.urls(html).filter { url in ["javascript:", "vbscript:", "data:"].contains { url.hasPrefix($0) } }
        #expect(bad.isEmpty, "\(page) links to \(bad)", sourceLocation: sourceLocation)
    }

    @Test("commit messages and a YAML field put raw into the Markdown and the page by user templates: no javascript:, vbscript: or data: link; http, https, mailto and #anchors stay")
    func userTemplates() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit(Self.hostileSubject + "\n", files: [
            "dossier.yml": DeviceFixture.dossierYML.replacingOccurrences(of: "name: Infusion Pump Controller", with: "name: \"JaVaScRiPt:alert(6)\""),
        ])
        try repo.tag("v1.2.0")
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        for (name, text) in Self.templates { try text.write(toFile: scratch.file("tpl/\(name)"), atomically: true, encoding: .utf8) }

        let suf = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let html = try scratch.read("out/v1.2.0/SUF-v1.2.0.html")
        #expect(try scratch.read("out/v1.2.0/SUF-v1.2.0.md").contains("## JaVaScRiPt:alert(6)"))  // the template did put it raw
        try expectOnlySafeLinks(html, "the SUF")
        #expect(html.contains(#"<a href="https://example.com/ok">ok</a>"#))
        #expect(html.contains(#"<a href="mailto:qa@example.com">"#))
        #expect(html.contains(##"<a href="#top">top</a>"##))
        // The refused links are shown as text.
        #expect(html.contains(#"&lt;a href="javascript:alert(1)">a</a>"#), "\(html)")
        #expect(html.contains(#"&lt;a href="JaVaScRiPt:alert(6)">heading</a>"#))
        #expect(html.contains(#"&lt;a href="java&#x09;script:alert(5)">static</a>"#))

        let dhf = try dossier(["dhf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: scratch.file("out/dhf")).filter { $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages { try expectOnlySafeLinks(scratch.read("out/dhf/\(page)"), page) }

        let diff = try dossier(["diff", "v1.1.0", "v1.2.0", "--repo", "repo", "--format", "html", "--templates", "tpl"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        try expectOnlySafeLinks(diff.stdout, "the diff")
        #expect(diff.stdout.contains(#"&lt;iframe src="data:text/html,x">"#))
    }

    @Test("a style sheet that closes its <style> element cannot add a link either")
    func styleSheet() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "body {}\n</style><a href=\"javascript:alert(1)\">x</a><style>\n".write(toFile: scratch.file("tpl/style.css"), atomically: true, encoding: .utf8)
        let suf = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let html = try scratch.read("out/v1.1.0/SUF-v1.1.0.html")
        try expectOnlySafeLinks(html, "the SUF")
        #expect(html.contains(##"<a href="#1-identification">"##))
    }

    @Test("a page template's meta refresh to another scheme (read as a browser reads it) and an iframe srcdoc are text (review finding 3)")
    func refreshAndSrcdoc() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try """
            <!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;javascript:alert(1)">
            <meta http-equiv="refresh" content="0; data:text/html,x//url=https://ok">
            <meta http-equiv="refresh" content="5; url=https://example.com/ok"></head>
            <body><iframe srcdoc="<a href=javascript:alert(2)>x</a>"></iframe>{{{content}}}</body></html>
            """.write(toFile: scratch.file("tpl/page.html.mustache"), atomically: true, encoding: .utf8)
        let suf = try dossier(["suf", "--repo", "repo", "--out", "out", "--templates", "tpl"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let html = try scratch.read("out/v1.1.0/SUF-v1.1.0.html")
        #expect(html.contains(#"&lt;meta http-equiv="refresh" content="0;javascript:alert(1)">"#), "\(html.prefix(600))")
        #expect(html.contains(#"&lt;meta http-equiv="refresh" content="0; data:text/html,x//url=https://ok">"#))
        #expect(html.contains(#"<meta http-equiv="refresh" content="5; url=https://example.com/ok">"#))
        #expect(html.contains(#"&lt;iframe srcdoc="&lt;a href=javascript:alert(2)>x&lt;/a>"></iframe>"#))
        #expect(!html.contains("<iframe"))
    }
}
