/// Matches test ids (`classname.name`) against the entries of a requirement's `verified_by`: an exact id, or a
/// glob where `*` matches any run of characters (dots included) and `?` one character.
struct TestIdPattern: Sendable, Hashable {
    private let pattern: [Character]
    private let isGlob: Bool

    /// Reads one `verified_by` entry.
    init(_ text: String) {
        pattern = Array(text)
        isGlob = text.contains("*") || text.contains("?")
    }

    /// Whether the test id matches.
    func matches(_ id: String) -> Bool {
        guard isGlob else { return String(pattern) == id }
        let text = Array(id)
        // Iterative glob matching with one backtracking point: linear in practice, never exponential.
        var p = 0, t = 0, star = -1, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; resume = t; p += 1
            } else if star >= 0 {
                p = star + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
