/// Matches test ids (`classname.name`) against the entries of a requirement's `verified_by`: an exact id, or a
/// glob where `*` matches any run of characters (dots included) and `?` one character.
struct TestIdPattern: Sendable, Hashable {
    private let text: String
    private let pattern: [UInt8]
    /// Whether the entry holds `*` or `?`; otherwise it names one test id exactly.
    let isGlob: Bool

    /// Reads one `verified_by` entry.
    init(_ text: String) {
        self.text = text
        pattern = Array(text.utf8)
        isGlob = text.contains("*") || text.contains("?")
    }

    /// The test ids among `ids` that the entry names: a lookup for an exact id, a scan for a glob.
    func matches(in ids: TestIdIndex) -> [String] {
        guard isGlob else { return ids.contains(text) ? [text] : [] }
        return ids.all.filter { matches(utf8: $0.utf8) }.map(\.text)
    }

    /// Whether the test id matches.
    func matches(_ id: String) -> Bool {
        isGlob ? matches(utf8: Array(id.utf8)) : id == text
    }

    /// Glob matching over bytes with one backtracking point: linear in practice, never exponential.
    /// `?` matches one byte, so it is meant for ASCII ids.
    private func matches(utf8 text: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*"), any = UInt8(ascii: "?")
        var p = 0, t = 0, starAt = -1, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == any || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == star {
                starAt = p; resume = t; p += 1
            } else if starAt >= 0 {
                p = starAt + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }
}

/// The test ids of the evidence, held once for many patterns: a set for exact ids, bytes for globs.
struct TestIdIndex: Sendable {
    /// One id with its bytes.
    struct Entry: Sendable {
        let text: String
        let utf8: [UInt8]
    }
    /// Every id, in a stable order.
    let all: [Entry]
    private let ids: Set<String>

    /// Indexes the ids.
    init(_ ids: some Sequence<String>) {
        let sorted = Set(ids).sorted()
        all = sorted.map { Entry(text: $0, utf8: Array($0.utf8)) }
        self.ids = Set(sorted)
    }

    /// Whether the id is present.
    func contains(_ id: String) -> Bool { ids.contains(id) }
}
