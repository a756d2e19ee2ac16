import Crypto
import Foundation
#if canImport(FoundationXML)
import FoundationXML
import Support
#endif

/// Reads JUnit XML test reports, in the dialects real tools write.
///
/// Accepted: a `<testsuites>` root holding `<testsuite>`s (which may nest, as JUnit 5, Maven Surefire and bun write
/// them), or a bare `<testsuite>` root. Each `<testcase>` gives one ``TestCase``; its outcome is failed for a
/// `<failure>`, error for an `<error>`, skipped for a `<skipped>` (pytest's, jest-junit's, gtest's) or for gtest's
/// `status="notrun"` / `result="skipped"|"suppressed"`, passed otherwise. Elements and attributes not listed are ignored.
/// A document type declaration is refused before parsing, so no entity (external, or an expansion bomb) is ever read.
public enum JUnitReader {
    /// Parses one report. `file` is the path as the user gave it (used in errors and in EvidenceFile.path).
    /// - Throws: DossierError "FILE:LINE:COL: <what is wrong>" for malformed XML (XMLParser's line/column), for a root that is
    ///   neither <testsuites> nor <testsuite> ("expected <testsuites> or <testsuite> as the root element, found <html>"), for a
    ///   <testcase> without a name, and for a file that is not UTF-8.
    public static func read(_ data: Data, file: String) throws -> (file: EvidenceFile, cases: [TestCase]) {
        let bytes = [UInt8](data)
        try checkUTF8(bytes, file: file)
        try checkMarkup(bytes, file: file)
        let reader = JUnitReportParser(file: file, bytes: bytes)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        // libxml2 recovers from errors and `parse()` may still answer true: the delegate's first error is what counts.
        let finished = parser.parse()
        if let failure = reader.failure { throw failure }
        if !finished {
            let what = parser.parserError.map(JUnitReportParser.describe) ?? "expected well-formed XML"
            throw DossierError(what, at: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber))
        }
        guard reader.sawRoot else {
            throw DossierError("expected <testsuites> or <testsuite> as the root element, found no element",
                               at: SourceLocation(file: file, line: 1, column: 1))
        }
        let cases = reader.cases
        let evidence = EvidenceFile(
            path: file, sha256: sha256Hex(data), suites: reader.suites,
            tests: cases.count, failures: cases.count { $0.outcome == .failed }, errors: cases.count { $0.outcome == .error },
            skipped: cases.count { $0.outcome == .skipped }, timestamp: reader.timestamp)
        return (evidence, cases)
    }

    /// Refuses bytes that are not UTF-8 text: an invalid sequence (`UTF8Check`), a NUL (UTF-16 is mostly NULs), or an
    /// XML declaration naming another encoding (XMLParser would obey it and turn UTF-8 names into mojibake).
    static func checkUTF8(_ bytes: [UInt8], file: String) throws {
        try UTF8Check.validate(bytes, file: file)
        if let nul = bytes.firstIndex(of: 0) {
            let at = ReportText(bytes).position(of: nul)
            throw DossierError("expected UTF-8 text, found a NUL byte (is the file UTF-16?)",
                               at: SourceLocation(file: file, line: at.line, column: at.column))
        }
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
            throw DossierError("expected UTF-8 text, found an XML declaration saying encoding=\"\(Excerpt.of(encoding))\"",
                               at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Refuses, before Foundation's XMLParser sees them, the markup it crashes on (on Linux it reads a missing string
    /// as a C string: a null pointer): a document type declaration (its notations, attribute lists and entities
    /// crash it, and an entity can carry any markup; test reports never need one), and a processing instruction
    /// without data (`<?x?>`). Comments and CDATA sections are skipped, so a failure message quoting such text is
    /// read as it is.
    static func checkMarkup(_ bytes: [UInt8], file: String) throws {
        func at(_ offset: Int, _ marker: String) -> Bool { bytes[offset...].starts(with: marker.utf8) }
        func skip(from offset: Int, past marker: String) -> Int {
            var index = offset
            while index < bytes.count, !at(index, marker) { index += 1 }
            return min(bytes.count, index + marker.utf8.count)
        }
        func refuse(_ offset: Int, _ what: String, found end: Int) -> DossierError {
            let place = ReportText(bytes).position(of: offset)
            let found = String(decoding: bytes[offset..<min(end, bytes.count)], as: UTF8.self)
            return DossierError("expected \(what), found \(Excerpt.quoted(found))",
                                at: SourceLocation(file: file, line: place.line, column: place.column))
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var index = 0
        while let start = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if at(start, "<!--") {
                index = skip(from: start + 4, past: "-->")
            } else if at(start, "<![CDATA[") {
                index = skip(from: start + 9, past: "]]>")
            } else if at(start, "<!DOCTYPE") {
                throw refuse(start, "a test report without a document type declaration", found: start + 9)
            } else if at(start, "<?") {
                // A target, then data or none: `<?x?>` and `<?x ?>` have none.
                var end = start + 2
                while end < bytes.count, !isSpace(bytes[end]), !at(end, "?>") { end += 1 }
                while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                if at(end, "?>") {
                    throw refuse(start, "a processing instruction with data or none at all", found: end + 2)
                }
                index = skip(from: end, past: "?>")
            } else {
                index = start + 1
            }
        }
    }

    /// The `encoding` of the XML declaration at the start of the bytes, if there is one.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let head = bytes[start..<min(bytes.count, start + 512)]
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let declaration = String(decoding: head, as: UTF8.self).prefix { $0 != ">" }
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
