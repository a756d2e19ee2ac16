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
}
