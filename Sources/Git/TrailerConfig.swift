/// What of a repository's git configuration changes how git (2.39) reads a message's trailers:
/// `trailer.separators`, `core.commentChar` and the trailers named by `trailer.<name>.*` settings.
public struct TrailerConfig: Sendable, Hashable {
    /// The bytes any of which ends a trailer's key (`trailer.separators`; git's default is `:`).
    public var separators: [UInt8]
    /// The byte that starts a comment line (`core.commentChar`; git's default is `#`).
    public var commentChar: UInt8
    /// The trailers configured with `trailer.<name>.key` (or any other `trailer.<name>.*` setting), in the order
    /// git first reads each name: a line starting with one of them makes its paragraph a trailer block more easily,
    /// and its key replaces the key as written.
    public var configured: [ConfiguredTrailer]

    /// Creates a configuration.
    public init(separators: [UInt8] = [UInt8(ascii: ":")], commentChar: UInt8 = UInt8(ascii: "#"),
                configured: [ConfiguredTrailer] = []) {
        self.separators = separators
        self.commentChar = commentChar
        self.configured = configured
    }

    /// git's defaults: `:` separates, `#` comments, no configured trailers.
    public static let git = TrailerConfig()

    /// Builds the configuration from `trailer.*` entries in the order git reads them (system, global, local) and
    /// the `core.commentChar` value, as git 2.39's `trailer.c` and `config.c` interpret them.
    public init(entries: [(name: String, value: String?)], commentChar: String?) {
        self.init()
        // core.commentChar: one byte, else git keeps `#` (`auto` only matters to `git commit`; a longer value is
        // an error to git, which then reads nothing at all).
        if let commentChar, commentChar.utf8.count == 1 { self.commentChar = commentChar.utf8.first! }
        for (name, value) in entries {
            let lowered = name.lowercased()
            guard lowered.hasPrefix("trailer.") else { continue }
            let item = name.dropFirst("trailer.".count)
            guard let dot = item.lastIndex(of: ".") else {
                if lowered == "trailer.separators", let value { separators = Array(value.utf8) }
                continue
            }
            let variable = item[item.index(after: dot)...].lowercased()
            guard ["key", "command", "cmd", "where", "ifexists", "ifmissing"].contains(variable) else { continue }
            let trailerName = String(item[..<dot])
            // Names are one item case-insensitively (git's get_conf_item); the last key wins.
            let index = configured.firstIndex { $0.name.lowercased() == trailerName.lowercased() } ?? {
                configured.append(ConfiguredTrailer(name: trailerName, key: nil))
                return configured.count - 1
            }()
            if variable == "key", let value { configured[index] = ConfiguredTrailer(name: configured[index].name, key: value) }
        }
    }
}

/// A trailer named in git's configuration (`[trailer "<name>"]`).
public struct ConfiguredTrailer: Sendable, Hashable {
    /// The name of the configuration section, e.g. `sign` for `trailer.sign.key`.
    public let name: String
    /// `trailer.<name>.key`, the key git writes for it, e.g. `Signed-off-by`.
    public let key: String?
    let nameBytes: [UInt8]
    let keyBytes: [UInt8]?

    /// Creates a configured trailer.
    public init(name: String, key: String?) {
        self.name = name
        self.key = key
        nameBytes = Array(name.utf8)
        keyBytes = key.map { Array($0.utf8) }
    }

    /// git's token_matches_item: the first `count` bytes of `token` start the name or the key, ignoring ASCII case
    /// (strncasecmp, which stops at the shorter string's end).
    func matches(_ token: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> Bool {
        func startsWith(_ word: [UInt8]) -> Bool {
            guard word.count >= count else { return false }
            for offset in 0..<count where GitCType.lower(token[start + offset]) != GitCType.lower(word[offset]) {
                return false
            }
            return true
        }
        return startsWith(nameBytes) || keyBytes.map(startsWith) == true
    }
}
