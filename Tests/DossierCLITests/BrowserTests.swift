import Foundation
import TestSupport
import Testing

/// The HTML and PDF documents in a real browser: headless Chromium.
@Suite("Documents in a real browser, and printed to PDF")
struct BrowserTests {
    /// A script that, should it ever run, adds an element the test looks for in the browser's DOM.
    static let marker = "dossier-pwned"
    static let scriptPayload = "<script>document.body.appendChild(Object.assign(document.createElement('p'),{id:'\(marker)'}))</script>"
    static let imagePayload = "<img src=x onerror=\"document.body.appendChild(Object.assign(document.createElement('p'),{id:'\(marker)'}))\">"

    /// The device fixture with the payloads in a commit message and in a requirement's title and text.
    private func hostileRepository(_ scratch: Scratch) throws {
        var repo = try DeviceFixture.make(scratch)
        let requirements = DeviceFixture.requirementsV2 + """
              - id: REQ-9
                title: |-
                  Title \(Self.imagePayload)
                text: |-
                  Text \(Self.scriptPayload)
                status: approved

            """
        try repo.commit("Add \(Self.scriptPayload) \(Self.imagePayload)\n\nChange-Request: CR-1\nRefs: REQ-9\n",
                        files: ["regulatory/requirements.yml": requirements])
        try repo.tag("v1.2.0")
    }

    @Test("no script from a commit message or a YAML field runs in the SUF or DHF pages, and the same payload in a raw page does run")
    func scriptsStayInert() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        // The control: the detection works, so the test can fail.
        try "<!DOCTYPE html><html><body>\(Self.scriptPayload)\(Self.imagePayload)</body></html>"
            .write(toFile: scratch.file("control.html"), atomically: true, encoding: .utf8)
        #expect(try Browser.dumpDOM(scratch.file("control.html"), scratch: scratch).contains("id=\"\(Self.marker)\""))

        #expect(try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path).status == 0)
        #expect(try dossier(["dhf", "--repo", "repo", "--out", "out", "--html-pages", "parts"], in: scratch.path).status == 0)
        let pages = ["out/v1.2.0/SUF-v1.2.0.html"] + (try FileManager.default.contentsOfDirectory(atPath: scratch.file("out/dhf")))
            .filter { $0.hasSuffix(".html") }.sorted().map { "out/dhf/\($0)" }
        #expect(pages.count > 5)
        for page in pages {
            let dom = try Browser.dumpDOM(scratch.file(page), scratch: scratch)
            #expect(!dom.contains("id=\"\(Self.marker)\""), "a script ran in \(page)")
            #expect(!dom.contains("<script"), "\(page) has a script element")
        }
        let suf = try Browser.dumpDOM(scratch.file("out/v1.2.0/SUF-v1.2.0.html"), scratch: scratch)
        #expect(suf.contains("Title &lt;img src=x onerror="))
        // The pictures are in the pages Chromium built: the heat map in the SUF, it and the trends in the DHF.
        #expect(suf.contains("aria-label=\"Risk acceptability matrix before and after control\""))
        let dhf = try pages.filter { $0.hasPrefix("out/dhf/") }.map { try Browser.dumpDOM(scratch.file($0), scratch: scratch) }.joined()
        #expect(dhf.contains("aria-label=\"Trends per release\"") && dhf.contains("aria-label=\"Risk acceptability matrix before and after control\""))
    }

    @Test("the sample's pictures render in Chromium: every box of the architecture, security view and heat map links to an anchor of the page, and each trace picture's boxes to the SUF beside it")
    func picturesLinkToAnchors() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v2.0.0", "--repo", "pd", "--out", "out"], in: scratch.path).status == 0)
        let dom = try Browser.dumpDOM(scratch.file("out/v2.0.0/SUF-v2.0.0.html"), scratch: scratch)
        for label in ["Software architecture at this release", "Security architecture view at this release",
                      "Risk acceptability matrix before and after control"] {
            #expect(dom.contains("aria-label=\"\(label)\""), "\(label)")
        }
        let ids = Set(dom.matches(of: /\bid="([^"]*)"/).map { String($0.1) })
        let pictureLinks = dom.matches(of: /xlink:href="([^"]*)"/).map { String($0.1) }
        // Eight interfaces, seven items and four SOUP items, each linked; every link in-page, to an element of the page.
        #expect(Set(pictureLinks).count == 8 + 7 + 4, "\(Set(pictureLinks).sorted())")
        #expect(pictureLinks.allSatisfy { $0.hasPrefix("#") && ids.contains(String($0.dropFirst())) },
                "\(pictureLinks.filter { !ids.contains(String($0.dropFirst())) })")
        // A trace picture opened on its own: Chromium reads it, and its boxes lead back to the SUF's rows.
        let trace = try Browser.dumpDOM(scratch.file("out/v2.0.0/trace-REQ-24.svg"), scratch: scratch)
        let traceLinks = trace.matches(of: /xlink:href="([^"]*)"/).map { String($0.1) }
        #expect(!traceLinks.isEmpty && traceLinks.allSatisfy { $0.hasPrefix("SUF-v2.0.0.html#") && ids.contains(String($0.split(separator: "#")[1])) },
                "\(traceLinks)")
        #expect(!trace.contains("<script") && !dom.contains("<script"))
    }

    @Test("every link of the SUF's trace matrix and contents points at an anchor the page has; a screenshot is taken")
    func anchorsResolveAndScreenshot() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "out"], in: scratch.path).status == 0)
        let page = scratch.file("out/v1.2.0/SUF-v1.2.0.html")
        let dom = try Browser.dumpDOM(page, scratch: scratch)
        func values(_ attribute: String) -> [String] {
            dom.ranges(of: "\(attribute)=\"").compactMap { range in
                dom[range.upperBound...].firstIndex(of: "\"").map { String(dom[range.upperBound..<$0]) }
            }
        }
        let ids = Set(values("id"))
        let links = values("href").filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        #expect(links.count > 20)
        #expect(links.contains("req-9"))
        #expect(links.filter { !ids.contains($0) } == [])
        let matrix = try #require(dom.range(of: "Traceability matrix"))
        #expect(dom[matrix.lowerBound...].contains("href=\"#req-1\""))

        try Browser.screenshot(page, to: scratch.file("suf.png"), scratch: scratch)
        let size = try #require(Browser.pngSize(scratch.file("suf.png")))
        #expect(size.width == 1280 && size.height == 1600)
        #expect((try scratch.readData("suf.png")).count > 20_000)  // a page with text, not a blank image
    }

    @Test("--format pdf: the SUF, the DHF and a diff printed by Chromium, with the contents, page numbers and the release in every footer; listed in the manifest; the same bytes twice")
    func pdf() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        let result = try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "out", "--format", "md,pdf"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!scratch.exists("out/v1.2.0/SUF-v1.2.0.html"))
        let pdf = scratch.file("out/v1.2.0/SUF-v1.2.0.pdf")
        let first = try Browser.pdfText(pdf, first: 1, last: 1)
        #expect(first.contains("Contents"))
        // The footer: the document's name on the left, the page number on the right, on one line of every page.
        let footer = #"Software Update File: Infusion Pump Controller v1\.2\.0 +Page %d of [0-9]+"#
        #expect(first.range(of: String(format: footer, 1), options: .regularExpression) != nil, "\(first)")
        let second = try Browser.pdfText(pdf, first: 2, last: 2)
        #expect(second.range(of: String(format: footer, 2), options: .regularExpression) != nil, "\(second)")
        #expect(try scratch.read("out/v1.2.0/MANIFEST.sha256").contains("  SUF-v1.2.0.pdf\n"))
        // The document id and revision in every footer.
        #expect(first.contains("SUF-v1.2.0 rev. 1 · Software Update File: Infusion Pump Controller v1.2.0"), "\(first)")
        // The contents give each section's page, and pdftotext finds the section's heading on that very page.
        let contents = try Browser.pdfText(pdf, first: 1, last: 2).split(separator: "\n").compactMap { line -> (title: String, page: Int)? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let match = text.firstMatch(of: /^([0-9]+\. .*?) {2,}([0-9]+)$/) else { return nil }
            return (String(match.1), Int(match.2)!)
        }
        #expect(contents.count >= 15, "\(contents)")
        #expect(contents.map(\.page) == contents.map(\.page).sorted())
        for entry in contents {
            let page = try Browser.pdfText(pdf, first: entry.page, last: entry.page)
            #expect(page.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == entry.title },
                    "\(entry.title) is not on page \(entry.page)")
        }
        // One type family: every font the PDF embeds is of one family (its regular, bold and italic faces).
        let fonts = try Shell.run("pdffonts", [pdf])
        #expect(fonts.status == 0, "\(fonts.stderr)")
        let families = Set(fonts.stdout.split(separator: "\n").dropFirst(2).compactMap { line -> String? in
            guard let name = line.split(separator: " ").first else { return nil }
            let face = name.split(separator: "+").last.map(String.init) ?? String(name)
            return face.split(separator: "-").first.map(String.init)
        })
        #expect(families.count == 1, "\(fonts.stdout)")
        // The widest tables on landscape pages, the rest portrait.
        let info = try Shell.run("pdfinfo", ["-f", "1", "-l", "999", pdf])
        let sizes = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size: ") }.map { line in
            let parts = line.split(separator: " ")
            return (page: Int(parts[1]) ?? 0, wide: (Double(parts[3]) ?? 0) > (Double(parts[5]) ?? 0))
        }
        #expect(sizes.first?.wide == false && sizes.contains { $0.wide }, "\(info.stdout)")
        // No landscape page is blank (a named page that took no table would print one).
        for size in sizes where size.wide {
            let text = try Browser.pdfText(pdf, first: size.page, last: size.page)
            #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "page \(size.page)")
        }
        // A bookmark for every heading of the document, in its order, read back from the PDF.
        let outline = try Browser.pdfOutline(pdf)
        let markdown = try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "md", "--format", "md"], in: scratch.path)
        #expect(markdown.status == 0)
        let sections = try scratch.read("md/v1.2.0/SUF-v1.2.0.md").split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(sections.count >= 15)
        #expect(sections.allSatisfy { section in outline.contains { $0 == section.replacingOccurrences(of: "\\", with: "") } },
                "bookmarks: \(outline.prefix(40)); sections: \(sections)")
        let bytes = try scratch.readData("out/v1.2.0/SUF-v1.2.0.pdf")
        try FileManager.default.removeItem(atPath: scratch.file("out"))
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "out", "--format", "md,pdf"], in: scratch.path).status == 0)
        #expect(try scratch.readData("out/v1.2.0/SUF-v1.2.0.pdf") == bytes, "two runs gave different PDFs")
        // Links to files beside the page (the trace pictures) are text in the PDF: Chromium would make them file://
        // links into the folder it printed from, which differ from run to run (found when they did).
        #expect(!bytes.contains(Data("file://".utf8)) && !bytes.contains(Data("dossier-pdf-".utf8)))

        #expect(try dossier(["dhf", "--repo", "repo", "--out", "out", "--format", "md,pdf"], in: scratch.path).status == 0)
        // The DHF's links to each release's Markdown and HTML likewise (they were file:// links before).
        #expect(!(try scratch.readData("out/dhf/DHF.pdf")).contains(Data("file://".utf8)))
        let dhf = try Browser.pdfText(scratch.file("out/dhf/DHF.pdf"), first: 1, last: 1)
        #expect(dhf.contains("Design History File"), "\(dhf)")
        #expect(dhf.range(of: #"Page 1 of [0-9]+"#, options: .regularExpression) != nil)

        let diff = try dossier(["diff", "v1.0.0", "v1.1.0", "--repo", "repo", "--format", "pdf", "--out", "diff.pdf"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(try Browser.pdfText(scratch.file("diff.pdf"), first: 1, last: 1).contains("v1.0.0"))
    }

    @Test("--format pdf: a script in a repository's page template does not run while Chromium prints")
    func pdfRunsNoScript() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html><body>{{{content}}}<script>document.body.textContent = 'SCRIPT-RAN-' + 'IN-PRINT'</script></body></html>\n"
            .write(toFile: scratch.file("tpl/page.html.mustache"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--format", "pdf", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Browser.pdfText(scratch.file("out/v1.1.0/SUF-v1.1.0.pdf"), first: 1, last: 1)
        #expect(!text.contains("SCRIPT-RAN-IN-PRINT"), "\(text)")
        #expect(text.contains("v1.1.0"), "\(text)")
    }

    @Test("--format pdf without Chromium: exit 2, saying how to install it, and nothing written")
    func pdfWithoutChromium() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--format", "pdf"], in: scratch.path,
                                 environment: ["DOSSIER_CHROMIUM": "", "PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr == "dossier: error: --format pdf prints the HTML with headless Chromium, which is not installed: install it with `sudo apt-get install chromium` (Debian), or name its executable in DOSSIER_CHROMIUM\n")
        #expect(!scratch.exists("out"))
        let named = try dossier(["dhf", "--repo", "repo", "--out", "out", "--format", "pdf"], in: scratch.path,
                                environment: ["DOSSIER_CHROMIUM": "/nonexistent/chromium"])
        #expect(named.status == 2)
        #expect(named.stderr == "dossier: error: --format pdf: DOSSIER_CHROMIUM names /nonexistent/chromium, which is not an executable file\n")
        #expect(!scratch.exists("out"))
    }
}
