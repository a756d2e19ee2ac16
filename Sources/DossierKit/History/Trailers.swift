/// One `Key: value` line from a commit message's trailer block.
public struct Trailer: Sendable, Codable, Hashable {
    /// The key as written, e.g. `Change-Request`.
    public var key: String
    /// The value, continuation lines unfolded.
    public var value: String

    /// Creates a trailer.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Reads a commit message's trailers the way git does for `git log --format=%(trailers)` (which is
/// `git interpret-trailers --parse --no-divider`): a port of git's `find_trailer_start`. Scanning back from
/// the end, the last paragraph is the trailer block when every line in it is a `Key: value` trailer (or a
/// continuation), or when it holds a git-generated trailer (`Signed-off-by: `, `(cherry picked from
/// commit `) and trailers are at least a quarter of its lines. The title paragraph never counts.
public enum Trailers {
    /// Parses the trailers at the end of `message`.
    public static func parse(_ message: some StringProtocol) -> [Trailer] {
        parse(MessageLines(String(message)))
    }

    /// Parses the trailers of a message already split into lines.
    static func parse(_ text: MessageLines) -> [Trailer] {
        let lines = text.lines
        func isComment(_ line: Range<Int>) -> Bool { !line.isEmpty && text.utf8[line.lowerBound] == UInt8(ascii: "#") }
        func startsWithSpace(_ line: Range<Int>) -> Bool {
            !line.isEmpty && [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(text.utf8[line.lowerBound])
        }

        // Trailing blank and comment lines are not part of the message's end.
        var end = lines.count
        while end > 0, text.isBlank(lines[end - 1]) || isComment(lines[end - 1]) { end -= 1 }
        // The title runs to the first blank line.
        var titleEnd = 0
        while titleEnd < end, !text.isBlank(lines[titleEnd]) { titleEnd += 1 }

        var onlySpaces = true, recognised = false
        var trailerLines = 0, otherLines = 0, possibleContinuations = 0
        var blockStart: Int?
        var index = end - 1
        while index >= titleEnd {
            let line = lines[index]
            index -= 1
            if isComment(line) {
                otherLines += possibleContinuations
                possibleContinuations = 0
                continue
            }
            if text.isBlank(line) {
                if onlySpaces { continue }
                otherLines += possibleContinuations
                if (recognised && trailerLines * 3 >= otherLines) || (trailerLines > 0 && otherLines == 0) {
                    blockStart = index + 2
                }
                break
            }
            onlySpaces = false
            let content = Substring(text.text(line))
            if gitGenerated.contains(where: { content.hasPrefix($0) }) {
                trailerLines += 1
                possibleContinuations = 0
                recognised = true
            } else if !startsWithSpace(line), separatorIndex(content) != nil {
                trailerLines += 1
                possibleContinuations = 0
            } else if startsWithSpace(line) {
                possibleContinuations += 1
            } else {
                otherLines += 1 + possibleContinuations
                possibleContinuations = 0
            }
        }
        guard let blockStart else { return [] }

        // Within the block: `Key: value` lines, with continuation lines unfolded into the value.
        var trailers: [Trailer] = []
        var lastWasTrailer = false
        for line in lines[blockStart..<end] where !isComment(line) {
            let content = Substring(text.text(line))
            if startsWithSpace(line) {
                if lastWasTrailer { trailers[trailers.count - 1].value += " " + content.trimmingSpaces() }
            } else if let separator = separatorIndex(content) {
                trailers.append(Trailer(key: content[..<separator].trimmingSpaces(),
                                        value: content[content.index(after: separator)...].trimmingSpaces()))
                lastWasTrailer = true
            } else {
                lastWasTrailer = false
            }
        }
        return trailers
    }

    /// The values of every trailer whose key matches one of `keys` (case-insensitively), split on commas.
    public static func values(_ trailers: [Trailer], keys: [String]) -> [String] {
        values(trailers, lowercasedKeys: Set(keys.map { $0.lowercased() }))
    }

    /// The same, with the keys already lowercased: for callers that ask once per commit of a long history.
    public static func values(_ trailers: [Trailer], lowercasedKeys wanted: Set<String>) -> [String] {
        var values: [String] = []
        for trailer in trailers where wanted.contains(trailer.key.lowercased()) {
            for part in trailer.value.split(separator: ",") {
                let value = part.trimmingSpaces()
                if !value.isEmpty { values.append(value) }
            }
        }
        return values
    }

    private static let gitGenerated = ["Signed-off-by: ", "(cherry picked from commit "]

    /// git's `find_separator`: a token of letters, digits and `-`, optional blanks, then `:`.
    private static func separatorIndex(_ line: Substring) -> Substring.Index? {
        // Most lines are ASCII, where each byte is a character: scanned as bytes. Other lines character by character.
        if let offset = asciiSeparatorOffset(line.utf8) {
            return offset < 0 ? nil : line.utf8.index(line.startIndex, offsetBy: offset)
        }
        var whitespaceFound = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == ":" { return index == line.startIndex ? nil : index }
            if !whitespaceFound, c.isASCII, c.isLetter || c.isNumber || c == "-" {
                index = line.index(after: index)
                continue
            }
            if index != line.startIndex, c == " " || c == "\t" {
                whitespaceFound = true
                index = line.index(after: index)
                continue
            }
            return nil
        }
        return nil
    }

    /// `separatorIndex` for an ASCII line, as an offset in its bytes: -1 when there is no separator, nil when the
    /// line is not ASCII.
    private static func asciiSeparatorOffset(_ line: Substring.UTF8View) -> Int? {
        guard line.allSatisfy({ $0 < 0x80 }) else { return nil }
        var whitespaceFound = false
        for (offset, byte) in line.enumerated() {
            if byte == UInt8(ascii: ":") { return offset == 0 ? -1 : offset }
            let tokenByte = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            if !whitespaceFound, tokenByte { continue }
            if offset != 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                whitespaceFound = true
                continue
            }
            return -1
        }
        return -1
    }
}