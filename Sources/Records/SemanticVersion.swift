/// A SOUP's semantic version (`1.10.0` after `1.9.0`, `2.0.0-rc.1` before `2.0.0`), for saying whether a SOUP
/// version went up or down. Release tags are not ordered by it but as git orders them (`VersionOrder`).
public struct SemanticVersion: Sendable, Comparable, Hashable {
    /// Numeric components (major, minor, patch, …).
    public var numbers: [Int]
    /// Pre-release identifiers after `-`, empty for a release.
    public var prerelease: [String]

    /// Parses a tag name: any non-digit prefix (`v`, `release-`) is skipped, build metadata after `+` ignored.
    /// Returns `nil` when the name holds no version.
    public init?(tag: String) {
        guard let start = tag.firstIndex(where: \.isNumber) else { return nil }
        var text = tag[start...]
        if let plus = text.firstIndex(of: "+") { text = text[..<plus] }
        let core: Substring
        if let dash = text.firstIndex(of: "-") {
            core = text[..<dash]
            prerelease = text[text.index(after: dash)...].split(separator: ".").map(String.init)
        } else {
            core = text
            prerelease = []
        }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        for part in parts {
            guard let n = Int(part) else { return nil }
            numbers.append(n)
        }
        self.numbers = numbers
    }

    /// Orders by the numbers, then a pre-release before its release, then pre-release identifiers as semver says.
    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        for i in 0..<max(a.numbers.count, b.numbers.count) {
            let x = i < a.numbers.count ? a.numbers[i] : 0
            let y = i < b.numbers.count ? b.numbers[i] : 0
            if x != y { return x < y }
        }
        if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            switch (Int(x), Int(y)) {
            case let (m?, n?): return m < n
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }
}
