/// Escapes text from commits and YAML so that it reads as itself in GitHub-flavoured Markdown:
/// no emphasis, links, HTML, table breaks or block markers can come from user text.
public enum MarkdownText {
    /// One line of text (line breaks become spaces), safe in a paragraph, a heading or a table cell:
    /// punctuation that Markdown reads is backslash-escaped, a leading `1.` cannot start a list, and
    /// `scheme://`, `www.` and `@` are broken up so that GitHub's autolinks make no link of user text.
    public static func inline(_ text: String) -> String {
        var text = text
        return text.withUTF8 { escaped($0) } ?? text
    }

    /// `inline` of the text `bytes` hold, or nil when that is the text unchanged (most values of a document are:
    /// they are then handed back without a copy).
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8]?  // nil while what is written equals the bytes read so far
        var last: UInt8?  // the last byte written
        var onlyDigits = false  // whether what is written is one or more digits and nothing else
        let backslash = UInt8(ascii: "\\")
        var atStart = true
        func differs(from index: Int) {
            guard out == nil else { return }
            var copy = [UInt8]()
            copy.reserveCapacity(bytes.count + 8)
            copy.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            out = copy
        }
        func write(_ byte: UInt8) {
            out?.append(byte)
            onlyDigits = (last == nil || onlyDigits) && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            last = byte
        }
        for index in bytes.indices {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                differs(from: index)
                if last != UInt8(ascii: " ") { write(UInt8(ascii: " ")) }
                continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "&"),
                 UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
                 UInt8(ascii: "@"):
                differs(from: index)
                write(backslash)
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "!"):
                if atStart { differs(from: index); write(backslash) }
            case UInt8(ascii: ":"):
                // `scheme://` would be an autolink on GitHub.
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    differs(from: index)
                    write(backslash)
                }
            case UInt8(ascii: "."), UInt8(ascii: ")"):
                // `www.` would be an autolink; `12.` or `12)` at the start would begin a list.
                let www = index >= 3 && bytes[(index - 3)..<index].elementsEqual("www".utf8)
                    && (index == 3 || !(bytes[index - 4].isASCIILetterOrDigit))
                if (byte == UInt8(ascii: ".") && www) || onlyDigits { differs(from: index); write(backslash) }
            default:
                break
            }
            write(byte)
            if byte != UInt8(ascii: " ") { atStart = false }
        }
        return out.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Collapses runs of blank lines that empty template sections leave behind, and ends with one newline.
    public static func collapsingBlankLines(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var newlines = 2  // at the start, as if after a blank line: leading blank lines are dropped
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                if newlines > 2 { continue }
            } else {
                newlines = 0
            }
            out.append(byte)
        }
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The anchor the HTML gives a heading (before it is made unique in its page): its text without dots, as
    /// `anchor` makes it, e.g. `9-verification-evidence` for `9. Verification evidence`.
    public static func headingAnchor(_ title: String) -> String {
        let anchor = anchor(title.replacingOccurrences(of: ".", with: ""))
        return anchor.isEmpty ? "section" : anchor
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

extension UInt8 {
    package var isASCIILetterOrDigit: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}
