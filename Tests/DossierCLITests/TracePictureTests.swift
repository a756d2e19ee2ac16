import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing

/// `dossier trace ID --format svg`: the chain laid out by Graphviz, every record linked to its row in the SUF.
@Suite("trace pictures")
struct TracePictureTests {
    /// The `id="…"` values of an HTML page.
    private func ids(_ html: String) -> Set<String> {
        Set(html.matches(of: /id="([^"]*)"/).map { String($0.1) })
    }

    @Test("an SVG whose every link is an anchor of the release's SUF HTML; the same bytes twice; no script")
    func linkedAndDeterministic() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let result = try dossier(["trace", "RISK-1", "--repo", "repo", "--format", "svg"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = result.stdout
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg "))
        #expect(!svg.lowercased().contains("<script"))
        // RISK-1 is controlled by REQ-1 and names ITEM-1: each a node, linked.
        let links = svg.matches(of: /xlink:href="([^"]*)"/).map { String($0.1) }
        #expect(Set(links) == ["SUF-v1.1.0.html#risk-1", "SUF-v1.1.0.html#req-1", "SUF-v1.1.0.html#item-1"], "\(links)")
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        let anchors = ids(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html"))
        #expect(links.allSatisfy { anchors.contains(String($0.split(separator: "#")[1])) })
        #expect(try dossier(["trace", "RISK-1", "--repo", "repo", "--format", "svg"], in: scratch.path).stdout == svg)
        // The text and JSON forms are as before; a format that is none is exit 2.
        #expect(try dossier(["trace", "RISK-1", "--repo", "repo", "--format", "json"], in: scratch.path).stdout
            == dossier(["trace", "RISK-1", "--repo", "repo", "--json"], in: scratch.path).stdout)
        let bad = try dossier(["trace", "RISK-1", "--repo", "repo", "--format", "png"], in: scratch.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown format 'png' in --format; expected text, json or svg"))
    }

    @Test("each requirement's trace is a file of its bundle, the bytes dossier trace draws, linked from the trace matrix; a chain of more than 60 nodes is left to dossier trace, and the SUF says so")
    func requirementPicturesInTheBundle() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        // 200 tests verify REQ-1: its chain is too long to draw in the bundle.
        let cases = (0..<200).map { index in
            "<testcase classname=\"DoseTests\" name=\"test\(index)\"><properties><property name=\"requirement\" value=\"REQ-1\"/></properties></testcase>"
        }
        try "<testsuites><testsuite name=\"DoseTests\" tests=\"200\">\(cases.joined())</testsuite></testsuites>\n"
            .write(toFile: scratch.file("many.xml"), atomically: true, encoding: .utf8)
        let run = try dossier(["suf", "v1.1.0", "--repo", "repo", "--evidence", "many.xml"], in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        let bundle = "dist/dossier/v1.1.0"
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file(bundle)).filter { $0.hasPrefix("trace-REQ-") }.sorted()
        #expect(files == ["trace-REQ-2.svg", "trace-REQ-3.svg"], "\(files)")
        let markdown = try scratch.read("\(bundle)/SUF-v1.1.0.md")
        #expect(markdown.contains("| [REQ-2](#req-2) Beep on start ([picture](trace-REQ-2.svg)) |"), "\(markdown)")
        #expect(markdown.contains("| [REQ-1](#req-1) Dose limit |"), "\(markdown)")
        #expect(markdown.contains("2 of 3 requirements link to a picture of their trace; a chain of more than 60 records"), "\(markdown)")
        let manifest = try scratch.read("\(bundle)/MANIFEST.sha256")
        #expect(manifest.contains("  trace-REQ-2.svg\n") && manifest.contains("  trace-REQ-3.svg\n"))
        // The same bytes as dossier trace draws for the release, and every link an anchor of the page beside it.
        let anchors = ids(try scratch.read("\(bundle)/SUF-v1.1.0.html"))
        for file in files {
            let id = String(file.dropFirst("trace-".count).dropLast(".svg".count))
            let traced = try dossier(["trace", id, "--repo", "repo", "--release", "v1.1.0", "--evidence", "many.xml", "--format", "svg"], in: scratch.path)
            #expect(traced.status == 0, "\(traced.stderr)")
            let svg = try scratch.read("\(bundle)/\(file)")
            #expect(svg == traced.stdout)
            let links = svg.matches(of: /xlink:href="([^"]*)"/).map { String($0.1) }
            #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("SUF-v1.1.0.html#") && anchors.contains(String($0.split(separator: "#")[1])) }, "\(links)")
        }
        // The page links to the picture, which is no script: a plain file beside it.
        #expect(try scratch.read("\(bundle)/SUF-v1.1.0.html").contains("<a href=\"trace-REQ-2.svg\">picture</a>"))
        #expect(try dossier(["verify", bundle], in: scratch.path).status == 0)
    }

    @Test("a hostile title is text in the picture: no markup, no Graphviz escape")
    func hostileTitle() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let hostile = #"</text><script>alert(1)</script> \N \G & "q" <b>"#
        try repo.commit("Hostile title\n", files: ["regulatory/requirements.yml": DeviceFixture.requirementsV1
            .replacingOccurrences(of: "title: Dose limit", with: "title: '\(hostile)'")])
        try repo.tag("v1.2.0")
        let result = try dossier(["trace", "REQ-1", "--repo", "repo", "--format", "svg"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = result.stdout
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;"))
        // \N would be the node's name and \G the graph's, had they not been escaped.
        #expect(svg.contains(#"\N \G"#), "\(svg)")
        #expect(!svg.contains("requirement REQ&#45;1 picture"))
    }

    @Test("the risk heat map: a file of the bundle, an image in the Markdown, inline SVG in the HTML; in the DHF too")
    func riskHeatMap() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        // A severity name that is markup is text in the picture.
        try repo.commit("Hostile scale\n", files: ["regulatory/risks.yml": DeviceFixture.risksV1
            .replacingOccurrences(of: "Critical", with: "'<script>x</script>'")])
        try repo.tag("v1.2.0")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path).status == 0)
        let bundle = "dist/dossier/v1.2.0"
        let svg = try scratch.read("\(bundle)/picture-risk-matrix.svg")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"picture\""))
        #expect(svg.contains(">Before control (initial)</text>") && svg.contains(">After control (residual)</text>"))
        // RISK-1 lies in the cell of its estimates, before and after control.
        #expect(svg.components(separatedBy: ">RISK-1</text>").count == 3, "\(svg)")
        #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;"))
        #expect(try scratch.read("\(bundle)/MANIFEST.sha256").contains("  picture-risk-matrix.svg\n"))
        #expect(try scratch.read("\(bundle)/SUF-v1.2.0.md").contains("](picture-risk-matrix.svg)"))
        let html = try scratch.read("\(bundle)/SUF-v1.2.0.html")
        #expect(html.contains(svg.trimmingCharacters(in: .newlines)))
        #expect(!html.contains("<img src=\"picture-risk-matrix.svg\""))
        #expect(try dossier(["verify", bundle], in: scratch.path).status == 0)
        #expect(try dossier(["dhf", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(try scratch.read("dist/dossier/dhf/picture-risk-matrix.svg") == svg)
        #expect(try scratch.read("dist/dossier/dhf/DHF.html").contains("class=\"picture\""))
    }

    @Test("the DHF's trends: a bar per release and series, its Markdown image, inline in its HTML")
    func trends() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["dhf", "--repo", "repo"], in: scratch.path).status == 0)
        let svg = try scratch.read("dist/dossier/dhf/picture-trends.svg")
        // Two releases: commits and change requests one bar each, findings, signed share and coverage two each, open
        // anomalies one.
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 2 * (1 + 1 + 2 + 2 + 2 + 1))
        #expect(svg.contains("<title>v1.1.0: 0 open anomalies</title>"), "\(svg)")
        #expect(svg.contains("<title>v1.1.0: 2 commits</title>"), "\(svg)")
        #expect(svg.contains(">Findings (errors dark, warnings light)</text>"))
        #expect(try scratch.read("dist/dossier/dhf/MANIFEST.sha256").contains("  picture-trends.svg\n"))
        #expect(try scratch.read("dist/dossier/dhf/DHF.md").contains("](picture-trends.svg)"))
        let html = try scratch.read("dist/dossier/dhf/DHF.html")
        #expect(html.contains(svg.trimmingCharacters(in: .newlines)))
        #expect(try dossier(["verify", "dist/dossier/dhf"], in: scratch.path).status == 0)
    }

    /// Whether Foundation's XML parser reads `text` to its end.
    private func wellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test("a tag's name is percent-encoded in the links and a title's character references stay text: the SVG stays well-formed (found by review)")
    func hostileNamesStayInPlace() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Titles\n", files: ["regulatory/requirements.yml": DeviceFixture.requirementsV1
            .replacingOccurrences(of: "title: Dose limit", with: "title: 'a&#1;b &lt;i&gt;'")])
        let tag = #"v3"onmouseover="alert(1)<!--"#
        try repo.tag(tag)
        let result = try dossier(["trace", "REQ-1", "--repo", "repo", "--release", tag, "--format", "svg"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = result.stdout
        #expect(wellFormed(svg), "\(svg)")
        #expect(svg.contains(#"xlink:href="SUF-v3%22onmouseover%3D%22alert%281%29%3C%21--.html#req-1""#))
        #expect(!svg.contains("onmouseover=\""))
        #expect(svg.contains("a&amp;#1;b &amp;lt;i&amp;gt;"))
    }

    @Test("a trace of more records than a picture shows is refused, not laid out for minutes")
    func boundedTrace() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let many = (1...1_001).map { "  - id: REQ-\($0 + 100)\n    title: R\($0)\n    text: T.\n    status: approved\n    items: [ITEM-1]\n" }.joined()
        try repo.commit("Many\n", files: ["regulatory/requirements.yml": DeviceFixture.requirementsV1 + many])
        try repo.tag("v1.2.0")
        let result = try dossier(["trace", "ITEM-1", "--repo", "repo", "--format", "svg"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than the 1000 a picture shows: use --format text or json"), "\(result.stderr)")
    }

    @Test("a template that shows a picture many times gets it inline once, the rest as images of the file")
    func pictureInlinedOnce() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        let line = "![x](picture-risk-matrix.svg)\n\n"
        try ("# Many\n\n{{#riskFile}}{{#matrix}}x{{/matrix}}{{/riskFile}}\n\n" + String(repeating: line, count: 2_000)
             + "## Later\n\n" + line).write(toFile: scratch.file("tpl/suf.md.mustache"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo", "--templates", "tpl", "--format", "md,html"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html")
        #expect(html.components(separatedBy: "<svg ").count - 1 == 1)
        #expect(html.components(separatedBy: "<img src=\"picture-risk-matrix.svg\"").count - 1 == 2_000)
    }
}
