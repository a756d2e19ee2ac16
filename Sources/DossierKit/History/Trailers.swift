/// Reads a commit message's trailers the way `git interpret-trailers --parse` does (and `git log`'s
/// `%(trailers)`, which ignores `---` dividers): the last paragraph counts when every line in it is a
/// `Key: value` trailer (or a continuation), or when it holds a git-generated trailer and trailers are
/// at least a quarter of its lines. The subject paragraph never counts.
public enum Trailers {
    /// Parses the trailers at the end of `message`.
    public static func parse(_ message: some StringProtocol) -> [Trailer] {
        var lines = Substring(message).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingTrailingSpaces() }
        // Comment lines (as `git commit` would strip) and trailing blank lines are not part of the block.
        lines.removeAll { $0.hasPrefix("#") }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        guard let lastBlank = lines.lastIndex(where: { $0.allSatisfy(\.isWhitespace) }) else { return [] }
        // The title paragraph (before the first blank line) is never a trailer block.
        let block = lines[(lastBlank + 1)...]
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
