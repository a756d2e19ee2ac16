/// A plain byte search in UTF-8 text, for finding markup (which is ASCII) in converted HTML: linear in the text, and
/// blind to how characters combine (a `Character` search misses `<h2>` when a combining mark follows its `>`, and
/// Foundation's `range(of:)` on a substring converts the whole rest of the text at every call).
enum ByteSearch {
    /// The byte offsets in `text` at which `pattern` starts, left to right, not overlapping.
    static func offsets<Text: RandomAccessCollection<UInt8>>(of pattern: String, in text: Text) -> [Int] where Text.Index == Int {
        let needle = Array(pattern.utf8)
        guard let first = needle.first, text.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = text.startIndex
        let last = text.endIndex - needle.count
        while index <= last {
            if text[index] == first, text[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The offset of the first `byte` in `text` at or after `start`, or the end of `text`.
    static func next(_ byte: UInt8, in text: [UInt8], from start: Int) -> Int {
        text[start...].firstIndex(of: byte) ?? text.count
    }
}
