/// Text for XML: what the JUnit report, SARIF's neighbours and the pictures' SVG write from records and commits.
package enum XMLText {
    /// Text escaped for a double-quoted attribute or, with `attribute: false`, for element content. Line breaks
    /// and tabs are kept (in attributes as character references, so parsers do not turn them into spaces; a
    /// carriage return always so); other characters XML 1.0 forbids become U+FFFD.
    package static func xmlEscaped(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                out.unicodeScalars.append(allowed(scalar))
            }
        }
        return out
    }

    /// The character, or U+FFFD where XML 1.0 forbids it (control characters but tab and line breaks, surrogates,
    /// U+FFFE and U+FFFF).
    package static func allowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        return allowed ? scalar : "\u{FFFD}"
    }
}
