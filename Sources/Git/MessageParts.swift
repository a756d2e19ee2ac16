/// Lines of a message as byte ranges, for scanning long histories without grapheme breaking.
struct MessageLines {
    let utf8: [UInt8]
    /// The [start, end) byte ranges of each line, without the newline.
    let lines: [Range<Int>]

    init(_ message: String) {
        utf8 = Array(message.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<utf8.count)
        self.lines = lines
    }

    func isBlank(_ line: Range<Int>) -> Bool {
        utf8[line].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// The line's text without trailing blanks.
    func text(_ line: Range<Int>) -> String {
        var end = line.upperBound
        while end > line.lowerBound, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(utf8[end - 1]) { end -= 1 }
        return String(decoding: utf8[line.lowerBound..<end], as: UTF8.self)
    }
}

/// Splits a message into git's subject (`%s`) and body (`%b`), as git's pretty.c does: blank lines (only
/// spaces, tabs and `\r`) before the subject are skipped; the subject is the first paragraph, each line without
/// its trailing blanks, joined with spaces; the body is everything after the blank lines that follow it, byte for
/// byte (its `\r`, trailing blanks and trailing blank lines kept).
enum MessageParts {
    static func split(_ message: String) -> (subject: String, body: String) {
        split(MessageLines(message))
    }

    static func split(_ lines: MessageLines) -> (subject: String, body: String) {
        var index = 0
        while index < lines.lines.count, lines.isBlank(lines.lines[index]) { index += 1 }
        var subject: [String] = []
        while index < lines.lines.count, !lines.isBlank(lines.lines[index]) {
            subject.append(lines.text(lines.lines[index]))  // git keeps leading blanks, drops trailing ones
            index += 1
        }
        while index < lines.lines.count, lines.isBlank(lines.lines[index]) { index += 1 }
        let body = index < lines.lines.count ? String(decoding: lines.utf8[lines.lines[index].lowerBound...], as: UTF8.self) : ""
        return (subject.joined(separator: " "), body)
    }
}

extension Substring {
    package func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces())
    }

    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)] as Character?, c == " " || c == "\t" || c == "\r" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
