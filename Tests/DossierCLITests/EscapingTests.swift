import Foundation
import TestSupport
import Testing

@Suite("text from commits and YAML stays inert")
struct EscapingTests {
    @Test("script tags, pipes and Markdown control characters are escaped in Markdown and HTML")
    func hostileText() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let hostileRequirements = DeviceFixture.requirementsV2 + """
              - id: REQ-4
                title: "<img src=x onerror=alert(1)> | *bold* [link](javascript:alert(1))"
                text: "# not a heading\\n<script>alert('yaml')</script> & &amp;"
                status: draft

            """
        try repo.commit("Add <script>alert('commit')</script> | pipe *stars* _under_ `tick`\n\nChange-Request: CR-1\n",
                        files: ["regulatory/requirements.yml": hostileRequirements])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")

        let md = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md")
        #expect(md.contains("Add \\<script\\>alert('commit')\\</script\\> \\| pipe \\*stars\\* \\_under\\_ \\`tick\\`"))
        #expect(md.contains("\\<img src=x onerror=alert(1)\\> \\| \\*bold\\* \\[link\\](javascript:alert(1))"))
        // Every "<" that comes from the commit or the YAML is escaped.
        let unescaped = md.replacingOccurrences(of: "\\<", with: "")
        #expect(!unescaped.contains("<script"))
        #expect(!unescaped.contains("<img"))

        let html = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("Add &lt;script&gt;alert('commit')&lt;/script&gt; | pipe *stars* _under_ `tick`"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; | *bold* [link](javascript:alert(1))"))
        #expect(html.contains("&amp; &amp;amp;"))
        // The pipe did not split the table row: the subject's cell is followed by the author's.
        #expect(html.contains("<td>Add &lt;script&gt;alert('commit')&lt;/script&gt; | pipe *stars* _under_ `tick`</td>\n<td>Alice Example</td>"))

        // The DHF shows the same record in its baseline, on one page and split into parts.
        for layout in ["one", "parts"] {
            let dhf = try dossier(["dhf", "--repo", "repo", "--html-pages", layout, "--out", layout], in: scratch.path)
            #expect(dhf.status == 0, "\(dhf.stderr)")
            let dhfMarkdown = try scratch.read("\(layout)/dhf/DHF.md")
            #expect(dhfMarkdown.contains("| <a id=\"req-4\"></a>REQ-4 | \\<img src=x onerror=alert(1)\\> \\| \\*bold\\* \\[link\\](javascript:alert(1)) |"))
            #expect(!dhfMarkdown.replacingOccurrences(of: "\\<", with: "").contains("<img"))
            for page in try FileManager.default.contentsOfDirectory(atPath: scratch.file("\(layout)/dhf")) where page.hasSuffix(".html") {
                let text = try scratch.read("\(layout)/dhf/\(page)")
                #expect(!text.contains("<script") && !text.contains("<img") && !text.contains("href=\"javascript"), "\(page)")
            }
            let baseline = try scratch.read("\(layout)/dhf/\(layout == "one" ? "DHF.html" : "DHF-3-requirements-baseline.html")")
            #expect(baseline.contains("<td><a id=\"req-4\"></a><span class=\"id\">REQ-4</span></td>\n<td>&lt;img src=x onerror=alert(1)&gt; | *bold* [link](javascript:alert(1))</td>"))
        }
    }

    @Test("links, list markers, heading markers and odd ids from records come out as text, with working anchors")
    func autolinksAndAnchors() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("See https://evil.example, www.evil.example and bob@evil.example\n\nChange-Request: CR-X_1\n", files: [
            "regulatory/requirements.yml": DeviceFixture.requirementsV2 + """
              - id: REQ-A_1
                title: "1. Numbered title"
                text: "Mail bob@evil.example or open https://evil.example/x or www.evil.example."
                status: draft

            """,
            "regulatory/change-requests.yml": DeviceFixture.changeRequests + """
              - id: CR-X_1
                title: "Fix crash #"
                type: fix
                status: closed
                description: "2) not a list"

            """,
        ])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md")
        #expect(md.contains("### CR-X\\_1: Fix crash \\#"))
        #expect(md.contains("https\\://evil.example"))
        let html = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.html")
        // The HTML is made with GitHub's autolink extension: no link may come from user text.
        #expect(!html.contains("href=\"http"))
        // E-mail addresses are linked as GitHub links them (no escape prevents it there); nothing else is.
        #expect(html.contains("See https://evil.example, www.evil.example and <a href=\"mailto:bob@evil.example\">bob@evil.example</a>"))
        let targets = Set(html.matches(of: /href="([a-z]+):/).map { String($0.1) })
        #expect(targets == ["mailto"])
        #expect(html.contains("CR-X_1: Fix crash #</h3>"))
        #expect(html.contains("<td><a id=\"req-a_1\"></a><span class=\"id\">REQ-A_1</span></td>\n<td>1. Numbered title</td>"))
        #expect(html.contains("<a href=\"#req-a_1\"><span class=\"id\">REQ-A_1</span></a>"))
        #expect(html.contains("<a href=\"#cr-x_1\"><span class=\"id\">CR-X_1</span></a>"))
        #expect(!html.contains("<ol"))
    }

    @Test("raw HTML written into a template is shown as text, not passed through")
    func rawHTMLInTemplate() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n\n<script>alert(1)</script>\n\nInline <b onclick=x>bold</b> and <a id=\"ok\"></a>anchor.\n"
            .write(toFile: scratch.file("tpl/suf.md.mustache"), atomically: true, encoding: .utf8)
        #expect(try dossier(["suf", "--repo", "repo", "--templates", "tpl"], in: scratch.path).status == 0)
        let html = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b onclick=x&gt;bold&lt;/b&gt;"))
        #expect(html.contains("<a id=\"ok\"></a>anchor."))
    }
}
