/// Matches repository paths against a software item's globs: `**` any number of folders, `*` and `?`
/// within one name, and `!pattern` to exclude; later patterns win, as in `.gitignore`.
public struct PathGlob: Sendable {
    private let patterns: [(negated: Bool, segments: [[UInt8]])]

    /// Compiles a list of patterns.
    public init(_ patterns: [String]) {
        self.patterns = patterns.map { pattern in
            let negated = pattern.hasPrefix("!")
            let body = negated ? pattern.dropFirst() : Substring(pattern)
            return (negated, body.split(separator: "/").map { Array($0.utf8) })
        }
    }

    /// Whether `path` is claimed by the patterns.
    public func matches(_ path: String) -> Bool {
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map(Array.init)
        var matched = false
        for pattern in patterns where pattern.negated == matched {
            if Self.match(pattern.segments[...], parts[...]) { matched = !pattern.negated }
        }
        return matched
    }

    private static let doubleStar = Array("**".utf8)

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == doubleStar {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let name = path.first, matchName(first[...], name[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchName(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        guard let p = pattern.first else { return name.isEmpty }
        switch p {
        case UInt8(ascii: "*"):
            var tail = name
            while true {
                if matchName(pattern.dropFirst(), tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case UInt8(ascii: "?"):
            return !name.isEmpty && matchName(pattern.dropFirst(), name.dropFirst())
        default:
            return name.first == p && matchName(pattern.dropFirst(), name.dropFirst())
        }
    }
}
