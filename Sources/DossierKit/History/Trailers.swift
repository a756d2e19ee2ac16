/// Reads a commit message's trailers the way `git interpret-trailers --parse` does (and `git log`'s
/// `%(trailers)`, which ignores `---` dividers): the last paragraph counts when every line in it is a
/// `Key: value` trailer (or a continuation), or when it holds a git-generated trailer and trailers are
/// at least a quarter of its lines. The subject paragraph never counts.
public enum Trailers {
    /// Parses the trailers at the end of `message`.
    public static func parse(_ message: some StringProtocol) -> [Trailer] {
        let text = MessageLines(String(message))
        // Comment lines (as `git commit` would strip) and trailing blank lines are not part of the block.
        var lines = text.lines.filter { $0.isEmpty || text.utf8[$0.lowerBound] != UInt8(ascii: "#") }
        while let last = lines.last, text.isBlank(last) { lines.removeLast() }
        // The block is the last paragraph; the title paragraph (before the first blank line) never is.
        guard let lastBlank = lines.lastIndex(where: { text.isBlank($0) }) else { return [] }
        let block = lines[(lastBlank + 1)...].map { Substring(text.text($0)) }
        guard !block.isEmpty else { return [] }

        var trailerLines = 0, otherLines = 0, recognised = false
        var trailers: [Trailer] = []
        var lastWasTrailer = false
        for line in block {
            if let first = line.first, first == " " || first == "\t" {
                if lastWasTrailer, !trailers.isEmpty {
                    trailers[trailers.count - 1].value += " " + line.trimmingSpaces()
                }
                continue  // continuation lines count as neither
            }
            if let separator = separatorIndex(line) {
                let key = line[..<separator].trimmingSpaces()
                let value = line[line.index(after: separator)...].trimmingSpaces()
                trailers.append(Trailer(key: key, value: value))
                trailerLines += 1
                lastWasTrailer = true
                if gitGenerated.contains(where: { line.hasPrefix($0) }) { recognised = true }
            } else {
                otherLines += 1
                lastWasTrailer = false
            }
        }
        let isBlock = (trailerLines > 0 && otherLines == 0) || (recognised && trailerLines * 3 >= otherLines)
        return isBlock ? trailers : []
    }

    /// The values of every trailer whose key matches one of `keys` (case-insensitively), split on commas.
    public static func values(_ trailers: [Trailer], keys: [String]) -> [String] {
        let wanted = Set(keys.map { $0.lowercased() })
        return trailers.filter { wanted.contains($0.key.lowercased()) }.flatMap { trailer in
            trailer.value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
    }

    private static let gitGenerated = ["Signed-off-by: ", "(cherry picked from commit "]

    /// git's `find_separator`: a token of letters, digits and `-`, optional blanks, then `:`.
    private static func separatorIndex(_ line: Substring) -> Substring.Index? {
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
}
