/// The bytes of a report with its line starts, to turn XMLParser's positions into the `<` that opens an element.
///
/// XMLParser (libxml2, on Linux and on Apple platforms) reports, inside `didStartElement`, the line and column of the
/// *end* of the start tag: the `>`, or the `/` of `/>`, with the column counted in characters (Unicode scalars), and
/// lines counted at `\n` only (a lone `\r` does not start a line). A start tag holds no `<` (attribute values cannot),
/// so the nearest `<` before that position is where the element starts.
struct ReportText {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// The last position looked up, so a report written on one long line (pytest does) is walked once, not once per tag.
    private var cursor: (line: Int, column: Int, offset: Int) = (1, 1, 0)

    /// Indexes the bytes of a report.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The line and column (1-based, in characters) of the `<` opening the start tag XMLParser reports as ending at
    /// `line`, `column`; that position itself when no `<` is found before it.
    mutating func tagStart(endingAt line: Int, column: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count, column >= 1, !bytes.isEmpty else { return (line, column) }
        var offset = self.offset(line: line, column: column)
        var scalars = 0
        while offset >= 0 && bytes[offset] != UInt8(ascii: "<") {
            if bytes[offset] == UInt8(ascii: "\n") { scalars = -1 }
            if scalars >= 0 && !Self.isContinuation(bytes[offset]) { scalars += 1 }
            offset -= 1
        }
        guard offset >= 0 else { return (line, column) }
        if scalars >= 0 && column - scalars >= 1 { return (line, column - scalars) }
        return position(of: offset)
    }

    /// The line and column (1-based, in characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid }
        }
        let column = bytes[lineStarts[low]..<min(offset, bytes.count)].reduce(1) { $0 + (Self.isContinuation($1) ? 0 : 1) }
        return (low + 1, column)
    }

    /// The byte offset of a line and character column, clamped to that line and to the text.
    private mutating func offset(line: Int, column: Int) -> Int {
        let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        var (current, offset) = (1, lineStarts[line - 1])
        if cursor.line == line && cursor.column <= column { (current, offset) = (cursor.column, cursor.offset) }
        while current < column && offset < lineEnd {
            offset += 1
            while offset < lineEnd && Self.isContinuation(bytes[offset]) { offset += 1 }
            current += 1
        }
        cursor = (line, current, offset)
        return min(offset, bytes.count - 1)
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
