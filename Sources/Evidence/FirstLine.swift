/// The first non-empty line of a text that may arrive in pieces (as XMLParser hands out characters), trimmed and
/// cut to at most ``limit`` characters. Stops looking once it has the line, so a long stack trace costs nothing.
struct FirstLine {
    /// The most characters a message keeps.
    static let limit = 200

    private var line = ""
    private var count = 0
    private var done = false

    /// The line found so far: trimmed, nil when there is none.
    var value: String? {
        let trimmed = Self.trimmed(line)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first non-empty line of a whole text.
    static func of(_ text: String?) -> String? {
        guard let text else { return nil }
        var first = FirstLine()
        first.add(text)
        return first.value
    }

    /// A text without leading and trailing white space (newlines included).
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...end])
    }

    /// Feeds the next piece of the text.
    mutating func add<S: StringProtocol>(_ piece: S) {
        guard !done else { return }
        for character in piece {
            if character.isNewline {
                if value != nil { done = true; return }
                line = ""
                count = 0
            } else if count > 0 || !character.isWhitespace {
                line.append(character)
                count += 1
                if count >= Self.limit { done = true; return }
            }
        }
    }
}

