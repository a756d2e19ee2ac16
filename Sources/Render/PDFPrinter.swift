import Foundation
import Support

/// Prints a document's HTML page to PDF with headless Chromium, the browser regulators' portals are tested with.
/// The page's print style sheet puts the document's name and "Page N of M" in every footer (CSS page margin
/// boxes). The PDF's creation and modification dates are set to the document's date, so that the same page printed
/// by the same Chromium gives the same bytes.
public enum PDFPrinter {
    /// The environment variable that names the Chromium (or Chrome) executable to use.
    public static let chromiumVariable = "DOSSIER_CHROMIUM"

    /// The Chromium executable: `DOSSIER_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome` on the PATH.
    /// - Throws: `DossierError` saying how to install Chromium when there is none.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let manager = FileManager.default
        if let named = environment[chromiumVariable], !named.isEmpty {
            guard manager.isExecutableFile(atPath: named) else {
                throw DossierError("--format pdf: \(chromiumVariable) names \(named), which is not an executable file")
            }
            return named
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where manager.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        throw DossierError("--format pdf prints the HTML with headless Chromium, which is not installed: install it with `sudo apt-get install chromium` (Debian), or name its executable in \(chromiumVariable)")
    }

    /// The page as Chromium prints it: a page template comes from the repository, so a content security policy
    /// that lets no script run goes first in the page (after its doctype, so the page keeps its rendering mode; a
    /// `meta` there opens the head, where the policy counts). The bundle's own HTML is not changed.
    static func withoutScripts(_ html: String) -> String {
        let policy = #"<meta http-equiv="Content-Security-Policy" content="script-src 'none'">"#
        guard html.prefix(9).lowercased() == "<!doctype", let end = html.firstIndex(of: ">") else { return policy + html }
        return html[...end] + policy + html[html.index(after: end)...]
    }

    /// `html` with each link to a file beside the page (`<a href="trace-REQ-1.svg">`, `v1.0.0/SUF-v1.0.0.md`) made
    /// text: Chromium would write it into the PDF as a `file://` link into the temporary folder it printed from, which
    /// leads nowhere once the PDF is sent on, and differs from print to print. In-page links (`#…`) and links with a
    /// scheme (http, https, mailto: the others the link filter made text already) stay.
    static func withoutFileLinks(_ html: String) -> String {
        let open = "<a href=\"", close = "</a>"
        var out = "", rest = html[...]
        while let start = rest.range(of: open) {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "\""),
                  let tagEnd = rest[end...].firstIndex(of: ">") else { rest = rest[start.lowerBound...]; break }
            let target = rest[start.upperBound..<end]
            let schemeEnd = target.firstIndex { ":/?#".contains($0) }
            let local = !target.hasPrefix("#") && !(schemeEnd.map { target[$0] == ":" } ?? false)
            guard local, let closing = rest[tagEnd...].range(of: close) else {
                out += rest[start.lowerBound...tagEnd]
                rest = rest[rest.index(after: tagEnd)...]
                continue
            }
            out += "<span class=\"file-link\">" + rest[rest.index(after: tagEnd)..<closing.lowerBound] + "</span>"
            rest = rest[closing.upperBound...]
        }
        return out + rest
    }

    /// The PDF of an HTML page, dated `date` (ISO 8601, the document's date).
    /// - Throws: `DossierError` when Chromium fails or writes no PDF.
    public static func print(html: String, date: String, chromium: String) throws -> Data {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("dossier-pdf-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html"), pdf = folder.appendingPathComponent("page.pdf")
        try Data(withoutScripts(withoutFileLinks(html)).utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--disable-extensions", "--user-data-dir=\(folder.path)/profile", "--no-pdf-header-footer",
                             // A bookmark for every heading (the PDF's document outline), for a reviewer's navigation.
                             "--generate-pdf-document-outline",
                             "--print-to-pdf=\(pdf.path)", page.absoluteString]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = manager.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else {
            let last = String(decoding: messages, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: "; ")
            throw DossierError("Chromium (\(chromium)) did not print the PDF (exit \(process.terminationStatus)): \(last)")
        }
        return dated(data, pdfDate(date))
    }

    /// The PDF of a page whose contents give each heading's page number. Chromium cannot number them (CSS
    /// `target-counter` is not supported), so the page is printed with the numbers left empty, each heading's page is
    /// read from the PDF's named destinations (`PDFDestinations`), and it is printed again with them: the numbers are
    /// set apart in the contents (`nav.toc .toc-page`), so the second print breaks pages where the first did. Should
    /// the pages still move (a page template of the repository's that sets the numbers inline), it is printed up to
    /// twice more, and then without numbers rather than with wrong ones; a PDF whose destinations cannot be read
    /// keeps empty numbers.
    /// - Parameter page: the page's HTML for the pages given (empty the first time).
    /// - Throws: `DossierError` when Chromium fails, or what `page` throws.
    static func printWithContents(date: String, chromium: String, page: ([String: Int]) async throws -> String) async throws -> Data {
        var pages: [String: Int] = [:]
        var pdf = try print(html: try await page(pages), date: date, chromium: chromium)
        for _ in 0..<3 {
            let found = PDFDestinations.pages(in: pdf)
            if found.isEmpty || found == pages { return pdf }
            pages = found
            pdf = try print(html: try await page(pages), date: date, chromium: chromium)
        }
        return try print(html: try await page([:]), date: date, chromium: chromium)
    }

    /// `2024-01-01T18:04:00+01:00` as a PDF date, `D:20240101180400+01'00'`; `Z` is `+00'00'`.
    static func pdfDate(_ iso: String) -> String {
        let zone = iso.dropFirst(19)
        let offset = zone.count == 6 ? "\(zone.prefix(3))'\(zone.suffix(2))'" : "+00'00'"
        return "D:" + iso.prefix(19).filter(\.isNumber) + offset
    }

    /// The PDF with its `/CreationDate` and `/ModDate` set to `date`, when Chromium wrote a date of the same length,
    /// so that no offset in the file moves.
    static func dated(_ data: Data, _ date: String) -> Data {
        var data = data
        let replacement = Data(date.utf8)
        for key in ["/CreationDate (", "/ModDate ("] {
            var from = data.startIndex
            while let found = data.range(of: Data(key.utf8), in: from..<data.endIndex) {
                let start = found.upperBound
                guard let end = data[start...].firstIndex(of: UInt8(ascii: ")")) else { break }
                if end - start == replacement.count { data.replaceSubrange(start..<end, with: replacement) }
                from = end
            }
        }
        return data
    }
}
