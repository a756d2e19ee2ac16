import Foundation
@testable import Render
import Testing

@Suite("PDF destinations")
struct PDFDestinationsTests {
    /// A PDF written as Chromium writes one (classic cross-reference table), with the offsets computed.
    private func pdf(_ objects: [(Int, String)], root: Int, junkBefore: String = "") -> Data {
        var text = "%PDF-1.4\n" + junkBefore
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = text.utf8.count
            text += "\(number) 0 obj\n\(body)\nendobj\n"
        }
        let size = (objects.map(\.0).max() ?? 0) + 1
        let start = text.utf8.count
        text += "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<size {
            text += offsets[number].map { String(format: "%010d 00000 n \n", $0) } ?? "0000000000 00000 f \n"
        }
        text += "trailer\n<</Size \(size)\n/Root \(root) 0 R>>\nstartxref\n\(start)\n%%EOF\n"
        return Data(text.utf8)
    }

    @Test("named destinations by page, through a nested page tree, a /Dests dictionary and a /Names tree")
    func pages() {
        let file = pdf([
            (1, "<</Type /Catalog /Pages 2 0 R /Dests 7 0 R /Names 9 0 R>>"),
            (2, "<</Type /Pages /Kids [3 0 R 4 0 R] /Count 3>>"),
            (3, "<</Type /Page /Parent 2 0 R>>"),
            (4, "<</Type /Pages /Kids [5 0 R 6 0 R] /Count 2>>"),
            (5, "<</Type /Page /Note (a string with 3 0 obj inside \\) and a paren)>>"),
            (6, "<</Type /Page>>"),
            (7, "<</1-identification [3 0 R /XYZ 0 670.9 0]\n/risk#2D1 [6 0 R /XYZ 0 10 0] /gone [99 0 R /Fit]>>"),
            (8, "<</Kids [10 0 R]>>"),
            (9, "<</Dests 8 0 R>>"),
            (10, "<</Names [(from-tree) [5 0 R /Fit] <FEFF0061> <</D [6 0 R /Fit]>>]>>"),
        ], root: 1)
        #expect(PDFDestinations.pages(in: file) == ["1-identification": 1, "risk-1": 3, "from-tree": 2, "a": 3])
    }

    @Test("what this reader does not follow gives no pages, and never crashes")
    func notFollowed() {
        #expect(PDFDestinations.pages(in: Data("%PDF-1.7\nno xref at all\n".utf8)).isEmpty)
        #expect(PDFDestinations.pages(in: Data()).isEmpty)
        // A trailer whose Root is no dictionary, a reference loop in the page tree.
        #expect(PDFDestinations.pages(in: pdf([(1, "[1 0 R]")], root: 1)).isEmpty)
        let loop = pdf([(1, "<</Pages 2 0 R /Dests <</x [2 0 R]>> >>"), (2, "<</Kids [2 0 R 3 0 R]>>"), (3, "<<>>")], root: 1)
        #expect(PDFDestinations.pages(in: loop).isEmpty)
        // Every prefix of a good file is read without a crash.
        let good = pdf([(1, "<</Pages 2 0 R /Dests <</x [3 0 R]>> >>"), (2, "<</Kids [3 0 R]>>"), (3, "<<>>")], root: 1)
        #expect(PDFDestinations.pages(in: good) == ["x": 1])
        for cut in 0..<good.count { _ = PDFDestinations.pages(in: good.prefix(cut)) }
        // Nesting deeper than the parser goes.
        let deep = pdf([(1, "<</Pages 2 0 R /Dests " + String(repeating: "[", count: 5000) + ">>")], root: 1)
        #expect(PDFDestinations.pages(in: deep).isEmpty)
    }

    @Test("a cross-reference subsection past any real file, and trees nested deeper than Chromium's, give no pages and no crash")
    func hostileShapes() {
        let overflow = Data("%PDF-1.4\nxref\n9223372036854775807 3\n0000000000 65535 f \ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n".utf8)
        #expect(PDFDestinations.pages(in: overflow).isEmpty)
        // A page tree 50,000 levels deep: followed to 64 levels, then left.
        var objects: [(Int, String)] = [(1, "<</Pages 2 0 R /Dests <</x [50002 0 R]>> >>")]
        for level in 2...50_001 { objects.append((level, "<</Kids [\(level + 1) 0 R]>>")) }
        objects.append((50_002, "<<>>"))
        #expect(PDFDestinations.pages(in: pdf(objects, root: 1)).isEmpty)
    }
}
