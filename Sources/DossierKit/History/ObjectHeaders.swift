/// The header lines and message of a raw commit or tag object, split the way git splits them:
/// headers up to the first blank line, each with its continuation lines (those starting with a space).
struct ObjectHeaders: Sendable {
    /// One header: its name and its value with continuation lines joined by `\n` (leading space removed).
    struct Header: Sendable {
        var name: Substring
        var value: String
    }

    var headers: [Header] = []
    /// Everything after the first blank line.
    var message: Substring

    init(_ text: String) {
        var headers: [Header] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            if line.isEmpty { break }
            if line.first == " ", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line.dropFirst()
                continue
            }
            let space = line.firstIndex(of: " ") ?? line.endIndex
            let value = space == line.endIndex ? "" : String(line[line.index(after: space)...])
            headers.append(Header(name: line[..<space], value: value))
        }
        self.headers = headers
        self.message = rest
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

/// Splits a message into git's subject (`%s`) and body (`%b`).
enum MessageParts {
    static func split(_ message: Substring) -> (subject: String, body: String) {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        var subjectLines: [Substring] = []
        while let first = lines.first, !first.allSatisfy(\.isWhitespace) {
            subjectLines.append(first)
            lines = lines.dropFirst()
        }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        var bodyLines = Array(lines)
        while let last = bodyLines.last, last.allSatisfy(\.isWhitespace) { bodyLines.removeLast() }
        let subject = subjectLines.map { $0.trimmingSpaces() }.joined(separator: " ")
        return (subject, bodyLines.map { String($0.trimmingTrailingSpaces()) }.joined(separator: "\n"))
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
