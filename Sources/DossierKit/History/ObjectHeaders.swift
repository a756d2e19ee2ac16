/// The header lines and message of a raw commit or tag object, split the way git splits them:
/// headers up to the first blank line, each with its continuation lines (those starting with a space).
/// Works on bytes: this runs once per commit of a release.
struct ObjectHeaders: Sendable {
    /// One header: its name and its value with continuation lines joined by `\n` (leading space removed).
    struct Header: Sendable {
        var name: String
        var value: String
    }

    private(set) var headers: [Header] = []
    /// Everything after the first blank line.
    private(set) var message: String

    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { ObjectHeaders(bytes: UnsafeRawBufferPointer($0)) }
    }

    init(bytes: UnsafeRawBufferPointer) {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var headers: [Header] = []
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count, bytes[end] != newline { end += 1 }
            if end == start { start = end + 1; break }  // the blank line ends the headers
            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if line[0] == space, !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + String(decoding: line.dropFirst(), as: UTF8.self)
            } else {
                let gap = line.firstIndex(of: space) ?? line.count
                let value = gap < line.count ? String(decoding: line[(gap + 1)...], as: UTF8.self) : ""
                headers.append(Header(name: String(decoding: line[..<gap], as: UTF8.self), value: value))
            }
            start = end + 1
        }
        self.headers = headers
        message = start < count ? String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start...]), as: UTF8.self) : ""
    }

    /// The first header with exactly this name.
    func first(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Every header with exactly this name, in order.
    func all(_ name: String) -> [String] {
        headers.filter { $0.name == name }.map(\.value)
    }
}

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

/// Splits a message into git's subject (`%s`) and body (`%b`).
enum MessageParts {
    static func split(_ message: String) -> (subject: String, body: String) {
        let lines = MessageLines(message)
        var index = 0
        while index < lines.lines.count, lines.isBlank(lines.lines[index]) { index += 1 }
        var subject: [String] = []
        while index < lines.lines.count, !lines.isBlank(lines.lines[index]) {
            subject.append(lines.text(lines.lines[index]).trimmingLeadingBlanks())
            index += 1
        }
        while index < lines.lines.count, lines.isBlank(lines.lines[index]) { index += 1 }
        var last = lines.lines.count - 1
        while last >= index, lines.isBlank(lines.lines[last]) { last -= 1 }
        let body = index <= last ? lines.lines[index...last].map { lines.text($0) }.joined(separator: "\n") : ""
        return (subject.joined(separator: " "), body)
    }
}

extension String {
    func trimmingLeadingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}

extension Substring {
    func trimmingSpaces() -> String {
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
