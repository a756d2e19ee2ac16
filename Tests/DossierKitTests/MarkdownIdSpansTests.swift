@testable import Render
import Testing

/// The ids kept whole in HTML tables are found byte by byte in ASCII text and Character by Character otherwise:
/// both readings must find the same words.
@Suite("Ids in table cells: the ASCII reading agrees with the Character reading")
struct MarkdownIdSpansTests {
    /// ASCII with what matters to the reading: hyphens, letters, digits, every ASCII whitespace and control byte
    /// (CR LF pairs included), the punctuation trimmed around words, and other symbols.
    static let pieces: [String] = ["-", "-", "--", "a", "Z", "7", "REQ", "CR", "12", " ", "  ", "\t", "\n", "\r\n", "\r",
                                   "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{00}", "\u{7F}", ",", ";", ":", ".", ")", "]",
                                   "(", "[", "_", "/", "#", "x", String(repeating: "a", count: 39)]

    static func offsets(_ text: String, _ ranges: [Range<String.Index>]) -> [Range<Int>] {
        ranges.map { text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)
            ..< text.utf8.distance(from: text.utf8.startIndex, to: $0.upperBound) }
    }

    @Test("5,000 generated ASCII texts: the same ranges either way")
    func asciiAgrees() {
        var generator = SeededGenerator(seed: 0x1D5)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...24, using: &generator))
                .map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let ascii = Self.offsets(text, MarkdownIdSpans.asciiIdRanges(text))
            let characters = Self.offsets(text, MarkdownIdSpans.characterIdRanges(text))
            #expect(ascii == characters, "\(generator): \(text.debugDescription)")
            if ascii != characters { return }
        }
    }

    @Test("the ids of a cell, and none in a text without an inner hyphen")
    func examples() {
        let text = "REQ-23, (CR-10) 2025-01-27 -x a- pre-\r\nfix"
        #expect(Self.offsets(text, MarkdownIdSpans.idRanges(text)).map { String(text.utf8.dropFirst($0.lowerBound).prefix($0.count)) ?? "" }
                == ["REQ-23", "CR-10", "2025-01-27"])
        #expect(MarkdownIdSpans.idRanges("no ids here").isEmpty)
    }
}
