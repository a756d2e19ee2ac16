import Support
import Testing

/// `MarkdownText.inline` hands a text back without copying it when nothing in it needs escaping; what it writes must
/// be what the plain reading (every byte copied, `reference` below: the code before the copy was left out) writes.
@Suite("Markdown escaping: the text handed back unchanged where nothing needs escaping, the same bytes either way")
struct MarkdownTextTests {
    /// What matters to the escaping: every escaped byte, the ones escaped only at the start, after digits or before
    /// `//`, `www`, line breaks, spaces, letters, digits and text that is not ASCII.
    static let pieces: [String] = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "$", "{", "}", "#", "@",
                                   "+", "-", "=", "!", ":", "//", ".", ")", "www", "www.", "wwww.", "1", "12", "0",
                                   " ", "  ", "\n", "\r\n", "\t", "a", "Z", "é", "→", "REQ-1", ",", ";", "(", "/"]

    /// The escaping as it was written before, byte by byte into a new buffer.
    static func reference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        let backslash = UInt8(ascii: "\\")
        var atStart = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                if out.last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
                continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "&"),
                 UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
                 UInt8(ascii: "@"):
                out.append(backslash)
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "!"):
                if atStart { out.append(backslash) }
            case UInt8(ascii: ":"):
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { out.append(backslash) }
            case UInt8(ascii: "."), UInt8(ascii: ")"):
                let www = index >= 3 && bytes[(index - 3)..<index].elementsEqual("www".utf8)
                    && (index == 3 || !(bytes[index - 4].isASCIILetterOrDigit))
                let listMarker = !out.isEmpty && out.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                if (byte == UInt8(ascii: ".") && www) || listMarker { out.append(backslash) }
            default:
                break
            }
            out.append(byte)
            if byte != UInt8(ascii: " ") { atStart = false }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("20,000 generated texts: the same bytes as the byte-by-byte reading")
    func agreesWithReference() {
        var generator = SeededGenerator(seed: 0x3D_7E47)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let escaped = MarkdownText.inline(text)
            #expect(escaped == Self.reference(text), "\(generator): \(text.debugDescription)")
            if escaped != Self.reference(text) { return }
        }
    }

    @Test("examples: unchanged text, a list marker, an autolink, a line break")
    func examples() {
        #expect(MarkdownText.inline("Fix registry lookup, 2021-01-04 (REQ-682).") == "Fix registry lookup, 2021-01-04 (REQ-682).")
        #expect(MarkdownText.inline("12. item") == "12\\. item")
        #expect(MarkdownText.inline("see www.example.com or https://x") == "see www\\.example.com or https\\://x")
        #expect(MarkdownText.inline("a\n\n\tb") == "a b")
        #expect(MarkdownText.inline("- x") == "\\- x")
        #expect(MarkdownText.inline("") == "")
    }
}
