import TestSupport
import Foundation
import Testing

/// Tables a person can read: nothing clipped or wider than the window at 1280 px, ids never broken over two
/// lines, one line per changed field, and a printed SUF whose text is 9 pt or more and inside the page.
@Suite("Tables a person can read, on screen and on paper")
struct TableLayoutTests {
    /// The sample project with its SUF (as PDF too), its DHF in parts and the diff of its two last releases.
    private func sampleDocuments(_ scratch: Scratch) throws -> [String] {
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/v2.0.0-junit.xml"
        let suf = try dossier(["suf", "--repo", "pd", "--out", "out", "--format", "md,html,json,pdf", "--evidence", evidence], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let dhf = try dossier(["dhf", "--repo", "pd", "--out", "out", "--html-pages", "parts"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let diff = try dossier(["diff", "v1.1.0", "v2.0.0", "--repo", "pd", "--format", "html", "--out", "diff.html"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        let dhfPages = try FileManager.default.contentsOfDirectory(atPath: scratch.file("out/dhf"))
            .filter { $0.hasSuffix(".html") }.sorted().map { "out/dhf/\($0)" }
        let copies = ["v1.0.0", "v1.1.0", "v2.0.0"].map { "out/dhf/\($0)/SUF-\($0).html" }
            .filter { FileManager.default.fileExists(atPath: scratch.file($0)) }
        #expect(dhfPages.count > 5 && copies.count == 3)
        return ["out/v2.0.0/SUF-v2.0.0.html", "diff.html"] + dhfPages + copies
    }

    @Test("no table of the sample's SUF, DHF or diff is clipped or wider than a 1280 px window, and no id breaks over two lines")
    func tablesFitTheWindow() throws {
        let scratch = try Scratch()
        // The control: the measurement sees a table that does not fit and an id that breaks, so the test can fail.
        try """
            <!DOCTYPE html><html><body><table><tr><td style="white-space: nowrap">\(String(repeating: "wide ", count: 400))</td></tr></table>
            <p style="width: 3em"><span class="id">REQ-23-ALPHA-BETA</span></p></body></html>
            """.write(toFile: scratch.file("control.html"), atomically: true, encoding: .utf8)
        let control = try Browser.layoutProblems(scratch.file("control.html"), scratch: scratch)
        #expect(control.contains { $0.hasPrefix("table 0 ends at") })
        #expect(control.contains { $0.hasPrefix("id broken over two lines: REQ-23") })

        for page in try sampleDocuments(scratch) {
            let problems = try Browser.layoutProblems(scratch.file(page), scratch: scratch)
            #expect(problems.isEmpty, "\(page): \(problems.prefix(10).joined(separator: "; "))")
        }
        // The ids of the threat model table are kept whole.
        let html = try scratch.read("out/v2.0.0/SUF-v2.0.0.html")
        #expect(html.contains("<td><span class=\"id\">REQ-22</span>, <span class=\"id\">REQ-12</span></td>"))
    }

    @Test("the printed SUF's text is 9 pt or more and inside the A4 page: nothing shrunk to fit or cut off")
    func printedTextIsReadable() throws {
        let scratch = try Scratch()
        // The control: text of 8 pt, and a line wider than the page that Chromium shrinks to fit, are both found.
        try """
            <!DOCTYPE html><html><head><style>@page { size: A4; margin: 18mm 14mm 20mm; } body { margin: 0 }</style></head>
            <body><p style="font-size: 8pt">small</p><p style="font-size: 12pt; white-space: nowrap">\(String(repeating: "wide ", count: 80))</p></body></html>
            """.write(toFile: scratch.file("control.html"), atomically: true, encoding: .utf8)
        let printed = try Shell.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                                 "--user-data-dir=\(scratch.file("profile"))", "--no-pdf-header-footer",
                                                 "--print-to-pdf=\(scratch.file("control.pdf"))",
                                                 URL(fileURLWithPath: scratch.file("control.html")).absoluteString])
        #expect(printed.status == 0, "\(printed.stderr.suffix(300))")
        let control = try Browser.pdfWordsOutside(scratch.file("control.pdf"), smallerThan: 9, margin: 39.6)
        #expect(control.problems.contains { $0.contains("'small'") })
        #expect(control.problems.count > 1)

        _ = try sampleDocuments(scratch)
        let suf = try Browser.pdfWordsOutside(scratch.file("out/v2.0.0/SUF-v2.0.0.pdf"), smallerThan: 9, margin: 39.6)
        #expect(suf.words > 2000)
        #expect(suf.problems.isEmpty, "\(suf.problems.count) words: \(suf.problems.prefix(10).joined(separator: "; "))")
    }

    @Test("a changed record's delta row has one line per changed field, in the Markdown and the HTML")
    func oneLinePerChangedField() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v2.0.0", "--repo", "pd", "--out", "out"], in: scratch.path).status == 0)
        let md = try scratch.read("out/v2.0.0/SUF-v2.0.0.md")
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| changed | [RISK-2](#risk-2) |") })
        #expect(row.hasSuffix("| controls: REQ-6 (protective\\_measure) → REQ-6 (protective\\_measure), REQ-27 (protective\\_measure)<br>items: ITEM-1, ITEM-3 → ITEM-1, ITEM-3, ITEM-6 |"),
                "\(row)")
        #expect(!md.contains("; items: "))
        let html = try scratch.read("out/v2.0.0/SUF-v2.0.0.html")
        #expect(html.contains("(protective_measure)<br>items: "))
    }
}
