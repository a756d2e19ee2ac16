import Foundation

/// Headless Chromium, the real browser the HTML tests open pages in (`make test` installs it).
public enum Browser {
    /// The flags every run takes: no sandbox (tests may run as root in a container), no GPU, a profile of its own.
    private static func arguments(_ scratch: Scratch, _ extra: [String], _ page: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
         "--user-data-dir=\(scratch.file("chromium-profile"))"] + extra + [URL(fileURLWithPath: page).absoluteString]
    }

    /// The page's DOM as the browser holds it once the page has loaded and any script on it has run.
    public static func dumpDOM(_ page: String, scratch: Scratch) throws -> String {
        let result = try Shell.run("chromium", arguments(scratch, ["--dump-dom", "--virtual-time-budget=2000"], page))
        guard result.status == 0, !result.stdout.isEmpty else {
            throw TestFailure("chromium --dump-dom \(page) failed (\(result.status)): \(result.stderr.suffix(500))")
        }
        return result.stdout
    }

    /// A screenshot of the page, as PNG, at the given window size.
    public static func screenshot(_ page: String, to png: String, width: Int = 1280, height: Int = 1600, scratch: Scratch) throws {
        let result = try Shell.run("chromium", arguments(scratch, ["--screenshot=\(png)", "--window-size=\(width),\(height)",
                                                                    "--hide-scrollbars"], page))
        guard result.status == 0, FileManager.default.fileExists(atPath: png) else {
            throw TestFailure("chromium --screenshot \(page) failed (\(result.status)): \(result.stderr.suffix(500))")
        }
    }

    /// What overflows in the page laid out in a window `width` pixels wide: a table wider than its container or the
    /// window, a table cell whose content is clipped, a page wider than the window, and a record id (`span.id`)
    /// broken over two lines; one line each, empty when everything fits. The page is measured in a copy, with a
    /// measuring script added, in a browser window of that width; the page itself is not changed.
    public static func layoutProblems(_ page: String, width: Int = 1280, scratch: Scratch) throws -> [String] {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        guard let end = html.range(of: "</body>", options: .backwards) else { throw TestFailure("\(page) has no </body>") }
        let copy = (page as NSString).deletingLastPathComponent + "/.measured-" + (page as NSString).lastPathComponent
        try (html[..<end.lowerBound] + "<script>\(measuringScript)</script>" + html[end.lowerBound...])
            .write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let result = try Shell.run("chromium", arguments(scratch, ["--dump-dom", "--virtual-time-budget=3000", "--hide-scrollbars",
                                                                    "--window-size=\(width),1000"], copy))
        guard result.status == 0, let start = result.stdout.range(of: "<pre id=\"layout-report\">"),
              let stop = result.stdout[start.upperBound...].range(of: "</pre>") else {
            throw TestFailure("chromium did not measure \(page) (\(result.status)): \(result.stderr.suffix(500))")
        }
        let report = result.stdout[start.upperBound..<stop.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        guard report.hasPrefix("measured ") else { throw TestFailure("no measurement in \(page): \(report.prefix(200))") }
        return report.split(separator: "\n").dropFirst().map(String.init)
    }

    /// The script `layoutProblems` adds: it measures once the page has loaded and writes its report into the page.
    private static let measuringScript = """
        window.addEventListener('load', () => {
          const width = document.documentElement.clientWidth, problems = [];
          const text = (e) => (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80);
          document.querySelectorAll('table').forEach((table, i) => {
            const box = table.getBoundingClientRect(), container = table.parentElement.getBoundingClientRect();
            if (box.right > width + 0.5 || box.right > container.right + 0.5)
              problems.push('table ' + i + ' ends at ' + Math.round(box.right) + ' px in a ' + width + ' px window: ' + text(table.rows[0] || table));
            table.querySelectorAll('th, td').forEach((cell) => {
              if (cell.scrollWidth > cell.clientWidth + 1) problems.push('cell clipped in table ' + i + ': ' + text(cell));
            });
          });
          document.querySelectorAll('span.id').forEach((id) => {
            if (id.getClientRects().length > 1) problems.push('id broken over two lines: ' + text(id));
          });
          if (document.documentElement.scrollWidth > width) problems.push('page ' + document.documentElement.scrollWidth + ' px wide');
          const report = document.createElement('pre');
          report.id = 'layout-report';
          report.textContent = ['measured ' + document.querySelectorAll('table').length + ' tables, ' +
            document.querySelectorAll('span.id').length + ' ids'].concat(problems).join('\\n');
          document.body.appendChild(report);
        });
        """

    /// The text of a PDF whose glyphs are smaller than `points` or reach past the page's printable width (the page
    /// minus `margin` points on each side), one line per word, as `pdftotext -bbox` places them. A word's box is
    /// its font's ascent plus descent high, about 1.1 times the font size for the fonts Chromium prints with, so a
    /// box lower than 1.1 × `points` is a font smaller than `points`.
    public static func pdfWordsOutside(_ pdf: String, smallerThan points: Double, margin: Double) throws -> (words: Int, problems: [String]) {
        let result = try Shell.run("pdftotext", ["-bbox", pdf, "-"])
        guard result.status == 0 else { throw TestFailure("pdftotext -bbox \(pdf) failed (\(result.status)): \(result.stderr)") }
        var problems: [String] = [], words = 0, pageWidth = 0.0, page = 0
        func number(_ line: Substring, _ name: String) -> Double? {
            guard let start = line.range(of: " \(name)=\"") else { return nil }
            return Double(line[start.upperBound...].prefix { $0 != "\"" })
        }
        for line in result.stdout.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<page ") {
                pageWidth = number(trimmed, "width") ?? 0
                page += 1
            } else if trimmed.hasPrefix("<word "), let xMin = number(trimmed, "xMin"), let xMax = number(trimmed, "xMax"),
                      let yMin = number(trimmed, "yMin"), let yMax = number(trimmed, "yMax") {
                words += 1
                let word = trimmed.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                if yMax - yMin < 1.1 * points - 0.05 {
                    problems.append("page \(page): '\(word)' is \(String(format: "%.1f", (yMax - yMin) / 1.1)) pt")
                }
                if xMin < margin - 1 || xMax > pageWidth - margin + 1 {
                    problems.append("page \(page): '\(word)' at x \(Int(xMin))–\(Int(xMax)) of \(Int(pageWidth))")
                }
            }
        }
        return (words, problems)
    }

    /// The width and height a PNG file's IHDR chunk gives, or nil when it is not a PNG.
    public static func pngSize(_ png: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: png), data.count > 24,
              data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let bytes = [UInt8](data)
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// The text of a PDF's pages (first to last, 1-based) as `pdftotext -layout` reads it.
    public static func pdfText(_ pdf: String, first: Int = 1, last: Int = 2) throws -> String {
        let result = try Shell.run("pdftotext", ["-layout", "-f", "\(first)", "-l", "\(last)", pdf, "-"])
        guard result.status == 0 else { throw TestFailure("pdftotext \(pdf) failed (\(result.status)): \(result.stderr)") }
        return result.stdout
    }

    /// The titles of a PDF's bookmarks (its document outline), in file order, read back from the file's bytes: each
    /// `/Title` string of the outline items, a literal `(…)` (with its escapes) or UTF-16 hex `<FEFF…>`.
    public static func pdfOutline(_ pdf: String) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))
        // No outline dictionary, no bookmarks (a /Title elsewhere, such as the document's, is not one).
        guard bytes.indices.contains(where: { bytes[$0...].starts(with: Array("/Outlines".utf8)) }) else { return [] }
        var titles: [String] = []
        let key = Array("/Title".utf8)
        var index = 0
        while index < bytes.count - key.count {
            guard bytes[index...].starts(with: key) else { index += 1; continue }
            var at = index + key.count
            while at < bytes.count, bytes[at] == 0x20 { at += 1 }
            if at < bytes.count, bytes[at] == UInt8(ascii: "(") {
                var text: [UInt8] = [], depth = 0
                at += 1
                while at < bytes.count {
                    let byte = bytes[at]
                    if byte == UInt8(ascii: "\\"), at + 1 < bytes.count {
                        let next = bytes[at + 1]
                        if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) {
                            var value = 0, count = 0
                            at += 1
                            while count < 3, at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[at]) {
                                value = value * 8 + Int(bytes[at] - UInt8(ascii: "0")); at += 1; count += 1
                            }
                            text.append(UInt8(truncatingIfNeeded: value))
                            continue
                        }
                        let escaped: [UInt8: UInt8] = [UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09]
                        text.append(escaped[next] ?? next)
                        at += 2
                        continue
                    }
                    if byte == UInt8(ascii: "(") { depth += 1 }
                    if byte == UInt8(ascii: ")") { if depth == 0 { break }; depth -= 1 }
                    text.append(byte)
                    at += 1
                }
                titles.append(Self.pdfString(text))
            } else if at < bytes.count, bytes[at] == UInt8(ascii: "<") {
                var hex: [UInt8] = []
                at += 1
                while at < bytes.count, bytes[at] != UInt8(ascii: ">") { hex.append(bytes[at]); at += 1 }
                var decoded: [UInt8] = []
                var pair = hex.filter { $0 != 0x20 && $0 != 0x0A }[...]
                while pair.count >= 2, let value = UInt8(String(decoding: pair.prefix(2), as: UTF8.self), radix: 16) {
                    decoded.append(value); pair = pair.dropFirst(2)
                }
                titles.append(Self.pdfString(decoded))
            }
            index = at
        }
        return titles
    }

    /// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (read as Latin-1, which agrees on ASCII).
    private static func pdfString(_ bytes: [UInt8]) -> String {
        guard bytes.starts(with: [0xFE, 0xFF]) else { return String(bytes.map { Character(UnicodeScalar($0)) }) }
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
    }
}
