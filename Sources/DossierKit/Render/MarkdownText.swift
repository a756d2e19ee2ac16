/// Escapes text from commits and YAML so that it reads as itself in GitHub-flavoured Markdown:
/// no emphasis, links, HTML, table breaks or block markers can come from user text.
public enum MarkdownText {
    /// One line of text (line breaks become spaces), safe in a paragraph or a table cell.
    public static func inline(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var atStart = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
                continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "&"),
                 UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "!"):
                if atStart { out.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            out.append(byte)
            atStart = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Several lines, each escaped, joined with hard line breaks; blank lines separate paragraphs.
    public static func block(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var escaped = inline(String(line)).drop { $0 == " " }
            // A line that starts with digits and "." or ")" would begin an ordered list.
            if let dot = escaped.firstIndex(where: { !$0.isNumber }), dot != escaped.startIndex, ".)".contains(escaped[dot]) {
                escaped = escaped[..<dot] + "\\" + escaped[dot...]
            }
            return String(escaped)
        }
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            out.append(!line.isEmpty && !next.isEmpty ? line + "\\" : line)
        }
        return out.joined(separator: "\n").trimmingCharacters(in: "\n")
    }

    /// A URL-fragment-safe anchor for a record id or heading, e.g. `req-12`.
    public static func anchor(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isASCII, c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." { out.append(c) }
            else if c == " ", !out.hasSuffix("-") { out.append("-") }
        }
        return out
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
