/// The order of `git tag --sort=version:refname`: git's `versioncmp()` (versioncmp.c in git 2.39, itself glibc's
/// `strverscmp` with pre-release suffixes) ported byte for byte.
///
/// Names are compared as `refs/tags/NAME`, as git compares them, byte by byte; where both hold a run of digits,
/// the runs are compared as numbers (`v1.10` after `v1.9`; a run with leading zeros as a fraction, `v1.01` before
/// `v1.1`). Where the names first differ, a name holding one of the `suffixes` there (at that byte, or ending just
/// before it) sorts before the other: with the suffix `-`, `v2.0.0-rc.1` before `v2.0.0`. When both hold a different
/// suffix there, the one configured first sorts first.
///
/// The suffixes are git's `versionsort.suffix` (or the older `versionsort.prereleaseSuffix`); when neither is set,
/// dossier uses `-` (``defaultSuffixes``), so its order is `git -c versionsort.suffix=- tag --sort=version:refname`.
public struct VersionOrder: Sendable {
    /// The pre-release suffixes, in the order configured (the first sorts first).
    public let suffixes: [String]
    /// The suffixes as bytes.
    private let suffixBytes: [[UInt8]]

    /// The suffixes dossier uses when the repository's configuration names none.
    public static let defaultSuffixes = ["-"]

    /// An order with these pre-release suffixes.
    public init(suffixes: [String] = VersionOrder.defaultSuffixes) {
        self.suffixes = suffixes
        suffixBytes = suffixes.map { Array($0.utf8) }
    }

    /// A tag name ready to be compared: `refs/tags/NAME` as bytes, followed by a zero byte as in C.
    public struct Key: Sendable {
        fileprivate let bytes: [UInt8]

        /// Makes the key of the tag `name`.
        public init(_ name: String) {
            bytes = Array("refs/tags/".utf8) + Array(name.utf8) + [0]
        }
    }

    /// The names in this order, oldest version first; each name is read once.
    public func sorted(_ names: [String]) -> [String] {
        sorted(names, by: \.self)
    }

    /// The items in the order of their names, oldest version first; each name is read once.
    public func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
        items.map { (Key(name($0)), $0) }.sorted { compare($0.0, $1.0) < 0 }.map(\.1)
    }

    /// Whether `a` comes before `b`.
    public func precedes(_ a: String, _ b: String) -> Bool { compare(Key(a), Key(b)) < 0 }

    /// Whether `name` is a pre-release: one of the suffixes appears in it after its first digit (`v2.0.0-rc.1`
    /// with the suffix `-`; not `release-2.0.0`). Such a tag sorts before the name without the suffix.
    public func isPrerelease(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let digit = bytes.firstIndex(where: Self.isDigit) else { return false }
        return suffixBytes.contains { suffix in
            !suffix.isEmpty && (digit + 1...max(digit + 1, bytes.count)).contains { Self.starts(bytes, at: $0, with: suffix) }
        }
    }

    // MARK: versioncmp.c

    // States: normal, comparing an integral part, a fractional part, a part of leading zeros only.
    private static let sN = 0, sI = 3, sF = 6, sZ = 9
    // Result types: return the byte difference, or compare the lengths of the digit runs.
    private static let cmp: Int8 = 2, len: Int8 = 3

    // Indexed by state plus the class of the byte (other 0, [1-9] 1, '0' 2).
    private static let nextState: [Int] = [
        sN, sI, sZ,
        sN, sI, sI,
        sN, sF, sF,
        sN, sF, sZ,
    ]

    // Indexed by (state plus the first byte's class) * 3 plus the second byte's class.
    private static let resultType: [Int8] = [
        cmp, cmp, cmp, cmp, len, cmp, cmp, cmp, cmp,
        cmp, -1, -1, +1, len, len, +1, len, len,
        cmp, cmp, cmp, cmp, cmp, cmp, cmp, cmp, cmp,
        cmp, +1, +1, -1, cmp, cmp, -1, cmp, cmp,
    ]

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// 0 for a byte that is no digit, 1 for 1-9, 2 for 0 (git's `(c == '0') + (isdigit(c) != 0)`).
    private static func kind(_ c: UInt8) -> Int { (c == 0x30 ? 1 : 0) + (isDigit(c) ? 1 : 0) }

    private static func starts(_ s: [UInt8], at i: Int, with prefix: [UInt8]) -> Bool {
        guard i >= 0, i + prefix.count <= s.count else { return false }
        return prefix.indices.allSatisfy { s[i + $0] == prefix[$0] }
    }

    /// Less than, equal to or greater than zero as `a` sorts before, with or after `b` (git's `versioncmp`).
    public func compare(_ a: Key, _ b: Key) -> Int {
        let s1 = a.bytes, s2 = b.bytes
        var i = 0
        var c1 = s1[0], c2 = s2[0]
        var state = Self.sN + Self.kind(c1)
        while c1 == c2 {
            if c1 == 0 { return 0 }
            state = Self.nextState[state]
            i += 1
            c1 = s1[i]
            c2 = s2[i]
            state += Self.kind(c1)
        }
        let diff = Int(c1) - Int(c2)
        if !suffixBytes.isEmpty, let swapped = swapPrereleases(s1, s2, offset: i) { return swapped }
        let result = Self.resultType[state * 3 + Self.kind(c2)]
        switch result {
        case Self.cmp:
            return diff
        case Self.len:
            var p1 = i + 1, p2 = i + 1
            while Self.isDigit(s1[p1]) {
                p1 += 1
                if !Self.isDigit(s2[p2]) { return 1 }
                p2 += 1
            }
            return Self.isDigit(s2[p2]) ? -1 : diff
        default:
            return Int(result)
        }
    }

    /// A suffix found in a name: its place in the configuration, where it starts and its length.
    private struct SuffixMatch {
        var position = -1, start: Int, length = -1
    }

    /// git's `find_better_matching_suffix`: a better match starts earlier, or at the same byte and is longer.
    private static func findBetterSuffix(_ name: [UInt8], _ suffix: [UInt8], from start: Int, position: Int,
                                         _ match: inout SuffixMatch) {
        let end = match.length < suffix.count ? match.start : match.start - 1
        guard start <= end else { return }
        for i in start...end where starts(name, at: i, with: suffix) {
            match = SuffixMatch(position: position, start: i, length: suffix.count)
            return
        }
    }

    /// git's `swap_prereleases`: the result when either name holds a suffix around `offset`, the first byte at which
    /// they differ; nil when neither does, or both hold the same one (then the bytes after it decide).
    private func swapPrereleases(_ s1: [UInt8], _ s2: [UInt8], offset: Int) -> Int? {
        var match1 = SuffixMatch(start: offset), match2 = SuffixMatch(start: offset)
        for (position, suffix) in suffixBytes.enumerated() {
            let start = suffix.count < offset ? offset - suffix.count : 0
            Self.findBetterSuffix(s1, suffix, from: start, position: position, &match1)
            Self.findBetterSuffix(s2, suffix, from: start, position: position, &match2)
        }
        if match1.position == -1 && match2.position == -1 { return nil }
        if match1.position == match2.position { return nil }
        if match1.position >= 0 && match2.position >= 0 { return match1.position - match2.position }
        return match1.position >= 0 ? -1 : 1
    }
}
