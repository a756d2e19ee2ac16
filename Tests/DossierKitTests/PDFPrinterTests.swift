import Foundation
@testable import Render
import Testing

@Suite("PDF dates")
struct PDFPrinterTests {
    @Test("the document's date as a PDF date, with its offset")
    func pdfDate() {
        #expect(PDFPrinter.pdfDate("2024-01-01T18:04:00+01:00") == "D:20240101180400+01'00'")
        #expect(PDFPrinter.pdfDate("2025-06-30T23:59:59-07:30") == "D:20250630235959-07'30'")
        #expect(PDFPrinter.pdfDate("2024-01-01T18:04:00Z") == "D:20240101180400+00'00'")
    }

    @Test("Chromium's creation and modification dates are replaced by the document's, other text left alone")
    func dated() {
        let pdf = Data("%PDF-1.4\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261125021947+00'00')\n/ModDate (D:20261125021947+00'00')>>\n".utf8)
        let out = String(decoding: PDFPrinter.dated(pdf, "D:20240101180400+01'00'"), as: UTF8.self)
        #expect(out == "%PDF-1.4\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20240101180400+01'00')\n/ModDate (D:20240101180400+01'00')>>\n")
        // A date of another length would move every offset after it: the file is left as it is.
        #expect(PDFPrinter.dated(pdf, "D:2024") == pdf)
    }
}
