/// The byte-level port of git 2.39's trailer parse behind `Trailers.parse`. Positions are offsets in `bytes`; the
/// message git sees starts at `start` (its subject) and ends at `end` (its first NUL byte, as C strings end).
struct TrailerReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let config: TrailerConfig
    private let start: Int
    private let end: Int
    private let newline = UInt8(ascii: "\n")

    init(bytes: UnsafeBufferPointer<UInt8>, config: TrailerConfig) {
        self.bytes = bytes
        self.config = config
        var end = 0
        while end < bytes.count, bytes[end] != 0 { end += 1 }
        self.end = end
        // pretty.c's skip_blank_lines: %(trailers) reads the message from its subject on.
        var start = 0
        while start < end {
            var index = start
            while index < end, bytes[index] != UInt8(ascii: "\n"), GitCType.isSpace(bytes[index]) { index += 1 }
            if index < end, bytes[index] != UInt8(ascii: "\n") { break }
            if index == end { start = end; break }
            start = index + 1
        }
        self.start = start
    }

    /// trailer_info_get and format_trailer_info (`only`, `unfold`): the `Key: value` entries of the trailer block.
    func trailers() -> [Trailer] {
        let (blockEnd, titleEnd) = endOfMessage()
        guard titleEnd < blockEnd, let blockStart = trailerStart(blockEnd: blockEnd, titleEnd: titleEnd) else { return [] }
        var trailers: [Trailer] = []
        // Each entry is a line and the lines after it that start with a blank (when the line is a trailer).
        var entry = blockStart
        while entry < blockEnd {
            var next = lineEnd(entry, limit: blockEnd)
            let separator = separatorOffset(at: entry)
            if separator >= 1 {
                while next < blockEnd, GitCType.isSpace(bytes[next]) { next = lineEnd(next, limit: blockEnd) }
                trailers.append(trailer(entry: entry, separator: entry + separator, entryEnd: next))
            }
            entry = next
        }
        return trailers
    }

    /// The end of the trailer block's search, and where the title paragraph ends (its first blank line).
    ///
    /// `ignore_non_trailer` (commit.c) with `wt_status_locate_end` (wt-status.c): the message stops at the first
    /// scissors line; before it, a final run of comment lines, empty lines and `Conflicts:` blocks (with the
    /// tab-indented paths after them) is not part of the message either. The title (trailer.c) runs to the first
    /// blank line that is not a comment.
    private func endOfMessage() -> (blockEnd: Int, titleEnd: Int) {
        let comment = config.commentChar
        var runStart = start  // `boc`: the start of the final run; `start` means none, as 0 does in git
        var inConflicts = false
        var titleEnd: Int?
        var line = start
        var cutoff = end
        while line < end {
            let next = lineEnd(line, limit: end)
            let first = bytes[line]
            if first == comment, isScissors(line) {
                cutoff = line
                break
            }
            if titleEnd == nil, first != comment, isBlankLine(line) { titleEnd = line }
            if first == comment || first == newline {
                if runStart == start { runStart = line }
            } else if startsWith(line, conflicts) {
                inConflicts = true
                if runStart == start { runStart = line }
            } else if inConflicts, first == UInt8(ascii: "\t") {
                // a path of the conflicts block
            } else if runStart != start {
                runStart = start
                inConflicts = false
            }
            line = next
        }
        let blockEnd = runStart != start ? runStart : cutoff
        return (blockEnd, titleEnd ?? end)
    }

    /// find_trailer_start: scanning back from `blockEnd`, the start of the last paragraph when it is a trailer block.
    private func trailerStart(blockEnd: Int, titleEnd: Int) -> Int? {
        var onlySpaces = true, recognised = false
        var trailerLines = 0, otherLines = 0, possibleContinuations = 0
        var line = lastLine(before: blockEnd)
        while let bol = line, bol >= titleEnd {
            line = lastLine(before: bol)
            if bytes[bol] == config.commentChar {
                otherLines += possibleContinuations
                possibleContinuations = 0
                continue
            }
            if isBlankLine(bol) {
                if onlySpaces { continue }
                otherLines += possibleContinuations
                if (recognised && trailerLines * 3 >= otherLines) || (trailerLines > 0 && otherLines == 0) {
                    return lineEnd(bol, limit: end)
                }
                return nil
            }
            onlySpaces = false
            if startsWith(bol, signedOffBy) || startsWith(bol, cherryPicked) {
                trailerLines += 1
                possibleContinuations = 0
                recognised = true
                continue
            }
            let separator = separatorOffset(at: bol)
            if separator >= 1, !GitCType.isSpace(bytes[bol]) {
                trailerLines += 1
                possibleContinuations = 0
                if !recognised, config.configured.contains(where: { $0.matches(bytes, from: bol, count: separator) }) {
                    recognised = true
                }
            } else if GitCType.isSpace(bytes[bol]) {
                possibleContinuations += 1
            } else {
                otherLines += 1 + possibleContinuations
                possibleContinuations = 0
            }
        }
        return nil
    }

    /// parse_trailer and unfold_value: the key (blanks trimmed, or the configured key it abbreviates) and the value
    /// (trimmed, each newline and the blanks after it made one space, then trimmed again).
    private func trailer(entry: Int, separator: Int, entryEnd: Int) -> Trailer {
        let (keyStart, keyEnd) = trimmed(entry, separator)
        let (valueStart, valueEnd) = trimmed(separator + 1, entryEnd)
        var key: String?
        if !config.configured.isEmpty {
            var tokenLength = keyEnd - keyStart  // token_len_without_separator: without final non-alphanumerics
            while tokenLength > 0, !GitCType.isAlnum(bytes[keyStart + tokenLength - 1]) { tokenLength -= 1 }
            if let item = config.configured.first(where: { $0.matches(bytes, from: keyStart, count: tokenLength) }) {
                key = item.key
            }
        }
        let keyText = key ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]), as: UTF8.self)
        var folded = false
        for index in valueStart..<valueEnd where bytes[index] == newline { folded = true; break }
        guard folded else {
            return Trailer(key: keyText, value: String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self))
        }
        var value: [UInt8] = []
        value.reserveCapacity(valueEnd - valueStart)
        var index = valueStart
        while index < valueEnd {
            let byte = bytes[index]
            index += 1
            if byte == newline {
                while index < valueEnd, GitCType.isSpace(bytes[index]) { index += 1 }
                value.append(UInt8(ascii: " "))
            } else {
                value.append(byte)
            }
        }
        var low = 0, high = value.count
        while low < high, GitCType.isSpace(value[low]) { low += 1 }
        while high > low, GitCType.isSpace(value[high - 1]) { high -= 1 }
        return Trailer(key: keyText, value: String(decoding: value[low..<high], as: UTF8.self))
    }

    // MARK: git's line helpers

    /// find_separator: the offset of the first separator after a token of ASCII letters, digits and `-` (then
    /// optional blanks); 0 when the line starts with a separator, -1 when it is no trailer. Scans to the end of
    /// the message as git scans to the end of its C string (a newline is no token byte, so it stops there).
    private func separatorOffset(at line: Int) -> Int {
        var whitespaceFound = false
        var index = line
        while index < end {
            let byte = bytes[index]
            if config.separators.contains(byte) { return index - line }
            if !whitespaceFound, GitCType.isAlnum(byte) || byte == UInt8(ascii: "-") {
                index += 1
                continue
            }
            if index != line, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                whitespaceFound = true
                index += 1
                continue
            }
            break
        }
        return -1
    }

    /// is_blank_line: only git's spaces up to the newline (or the end).
    private func isBlankLine(_ line: Int) -> Bool {
        var index = line
        while index < end, bytes[index] != newline {
            if !GitCType.isSpace(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    /// The start of the next line (after the newline), or `limit`.
    private func lineEnd(_ line: Int, limit: Int) -> Int {
        var index = line
        while index < limit {
            if bytes[index] == newline { return index + 1 }
            index += 1
        }
        return limit
    }

    /// last_line: the start of the line that ends at `position` (its newline excluded), nil at the start.
    private func lastLine(before position: Int) -> Int? {
        let length = position - start
        if length <= 0 { return nil }
        if length == 1 { return start }
        var index = position - 2
        while index >= start {
            if bytes[index] == newline { return index + 1 }
            index -= 1
        }
        return start
    }

    private func startsWith(_ line: Int, _ prefix: [UInt8]) -> Bool {
        guard end - line >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[line + offset] != prefix[offset] { return false }
        return true
    }

    /// wt_status_locate_end's pattern: the comment character, a space and the cut line, newline included.
    private func isScissors(_ line: Int) -> Bool {
        guard end - line >= scissors.count + 2, bytes[line + 1] == UInt8(ascii: " ") else { return false }
        for offset in 0..<scissors.count where bytes[line + 2 + offset] != scissors[offset] { return false }
        return true
    }

    /// strbuf_trim: the range without git's spaces at either end.
    private func trimmed(_ low: Int, _ high: Int) -> (Int, Int) {
        var low = low, high = high
        while low < high, GitCType.isSpace(bytes[low]) { low += 1 }
        while high > low, GitCType.isSpace(bytes[high - 1]) { high -= 1 }
        return (low, high)
    }
}

private let signedOffBy = Array("Signed-off-by: ".utf8)
private let cherryPicked = Array("(cherry picked from commit ".utf8)
private let conflicts = Array("Conflicts:\n".utf8)
private let scissors = Array("------------------------ >8 ------------------------\n".utf8)
