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
