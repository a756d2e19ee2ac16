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
