/// A short quotation of what an input holds, for error messages: a message names what it found, but never
/// repeats more than `limit` characters of it (a file read by mistake, or a long secret, stays out of the log).
public enum Excerpt {
    /// The most characters of found text a message quotes.
    public static let limit = 60

    /// `text` when it is at most `limit` characters long, else its first `limit` characters and `…`.
    public static func of(_ text: some StringProtocol) -> String {
        var end = text.startIndex
        var count = 0
        while end < text.endIndex {
            if count == limit { return String(text[..<end]) + "…" }
            text.formIndex(after: &end)
            count += 1
        }
        return String(text)
    }

    /// The excerpt in single quotes, e.g. `'REQ-1'`.
    public static func quoted(_ text: some StringProtocol) -> String { "'\(of(text))'" }
}
