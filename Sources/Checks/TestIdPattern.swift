import Support

/// Matches test ids (`classname.name`) against the entries of a requirement's `verified_by` or a problem
/// report's `tests`: an exact id, or a shell wildcard over the whole id (`Suite.*`; `*` matches dots too).
struct TestIdPattern: Sendable, Hashable {
    private let text: String

    /// Reads one entry.
    init(_ text: String) { self.text = text }

    /// The test ids among `ids` that the entry names: a set lookup for an exact id, a scan for a wildcard.
    func matches(in ids: Set<String>) -> [String] {
        guard Wildcard.isPattern(text) else { return ids.contains(text) ? [text] : [] }
        return ids.filter { Wildcard.matches(text, $0) }.sorted()
    }
}
