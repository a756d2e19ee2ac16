/// The header lines and message of a raw commit or tag object, split the way git splits them:
/// headers up to the first blank line, each with its continuation lines (those starting with a space).
/// Works on bytes: this runs once per commit of a release.
struct ObjectHeaders: Sendable {
    /// One header: its name and its value with continuation lines joined by `\n` (leading space removed).
    struct Header: Sendable {
        var name: String
        var value: String
        /// Whether the value's bytes were UTF-8 (else each bad sequence became U+FFFD).
        var isUTF8 = true
    }

    private(set) var headers: [Header] = []
    /// Everything after the first blank line.
    private(set) var message: String
    /// Whether the message's bytes were UTF-8 (else each bad sequence became U+FFFD).
    private(set) var messageIsUTF8 = true

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
                var isUTF8 = true
                headers[headers.count - 1].value += "\n" + Self.text(line.dropFirst(), isUTF8: &isUTF8)
                if !isUTF8 { headers[headers.count - 1].isUTF8 = false }
            } else {
                let gap = line.firstIndex(of: space) ?? line.count
                var isUTF8 = true
                let value = gap < line.count ? Self.text(line[(gap + 1)...], isUTF8: &isUTF8) : ""
                headers.append(Header(name: String(decoding: line[..<gap], as: UTF8.self), value: value, isUTF8: isUTF8))
            }
            start = end + 1
        }
        self.headers = headers
        var isUTF8 = true
        message = start < count ? Self.text(bytes[start...], isUTF8: &isUTF8) : ""
        messageIsUTF8 = isUTF8
    }

    /// The bytes as text; a sequence that is not UTF-8 becomes U+FFFD and clears `isUTF8`. Valid bytes, nearly
    /// always the case, are checked once.
    private static func text(_ bytes: Slice<UnsafeRawBufferPointer>, isUTF8: inout Bool) -> String {
        let bytes = UnsafeRawBufferPointer(rebasing: bytes)
        if let text = String(utf8: bytes) { return text }
        isUTF8 = false
        return String(decoding: bytes, as: UTF8.self)
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
