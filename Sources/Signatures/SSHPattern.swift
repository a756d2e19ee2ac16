/// OpenSSH's pattern lists (ssh_config(5) PATTERNS), as `match_pattern_list` matches them: comma-separated
/// patterns with `*` and `?`, a leading `!` negates, case-sensitive.
enum SSHPattern {
    /// Whether `text` matches the glob `pattern` (`*` any run, `?` any one byte). Linear-time backtracking
    /// over the last `*`, so a hostile pattern cannot make it hang; the result equals OpenSSH's recursive `match_pattern`.
    static func matches(_ text: some Collection<UInt8>, pattern: some Collection<UInt8>) -> Bool {
        let s = Array(text), p = Array(pattern)
        var si = 0, pi = 0
        var starPattern = -1, starText = 0
        while si < s.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                starPattern = pi; starText = si; pi += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == s[si] {
                si += 1; pi += 1
            } else if starPattern >= 0 {
                pi = starPattern + 1; starText += 1; si = starText
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// `match_pattern_list`: 1 for a positive match, -1 when a negated pattern matches, 0 otherwise
    /// (also 0 when a pattern is 1023 bytes or longer, as OpenSSH's fixed buffer makes it).
    static func matchList(_ text: String, _ list: String) -> Int {
        let string = Array(text.utf8)
        let bytes = Array(list.utf8)
        var gotPositive = false
        var index = 0
        while index < bytes.count {
            var negated = false
            if bytes[index] == UInt8(ascii: "!") { negated = true; index += 1 }
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
            if end - index >= 1023 { return 0 }
            let sub = bytes[index ..< end]
            index = end < bytes.count ? end + 1 : end
            if matches(string, pattern: sub) {
                if negated { return -1 }
                gotPositive = true
            }
        }
        return gotPositive ? 1 : 0
    }

    /// Whether `text` matches the list positively (`match_pattern_list(…) == 1`).
    static func listMatches(_ text: String, _ list: String) -> Bool { matchList(text, list) == 1 }
}
