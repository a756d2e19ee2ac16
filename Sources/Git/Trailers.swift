/// One `Key: value` line from a commit message's trailer block.
public struct Trailer: Sendable, Codable, Hashable {
    /// The key as written, blanks before the separator dropped (or the configured `trailer.<name>.key` it
    /// abbreviates), e.g. `Change-Request`.
    public var key: String
    /// The value as git gives it: blanks trimmed at both ends, continuation lines unfolded into one space each.
    public var value: String

    /// Creates a trailer.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Reads a commit message's trailers exactly as git 2.39 does for `git log --format=%(trailers:unfold,only)`:
/// a port of `trailer.c`'s `trailer_info_get` with `no_divider` (the parse of `git interpret-trailers --parse
/// --no-divider`), on the message from its subject on (`pretty.c` skips leading blank lines).
///
/// The end of the message is found first (`commit.c`'s `ignore_non_trailer`): everything from a scissors line
/// (`# ------------------------ >8 ------------------------`) on, then a final run of comment lines, empty lines
/// and old `Conflicts:` blocks with their tab-indented paths. Scanning back from there to the title paragraph,
/// the last paragraph is the trailer block when every line is a `Key: value` trailer (or a continuation), or when
/// it holds a git-generated (`Signed-off-by: `, `(cherry picked from commit `) or configured trailer and
/// trailers are at least a quarter of its lines. Lines starting with a blank continue the trailer above; git
/// unfolds them into one space, keeping what ends the line before (a `\r` too).
public enum Trailers {
    /// Parses the trailers at the end of `message`, with git's default configuration unless `config` is given.
    public static func parse(_ message: some StringProtocol, config: TrailerConfig = .git) -> [Trailer] {
        Array(message.utf8).withUnsafeBufferPointer { parse($0, config: config) }
    }

    /// Parses the trailers of a message already split into lines.
    static func parse(_ text: MessageLines, config: TrailerConfig = .git) -> [Trailer] {
        text.utf8.withUnsafeBufferPointer { parse($0, config: config) }
    }

    /// Parses the trailers of a message's bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, config: TrailerConfig) -> [Trailer] {
        TrailerReader(bytes: bytes, config: config).trailers()
    }

    /// The values of every trailer whose key matches one of `keys` (case-insensitively), split on commas.
    public static func values(_ trailers: [Trailer], keys: [String]) -> [String] {
        values(trailers, lowercasedKeys: Set(keys.map { $0.lowercased() }))
    }

    /// The same, with the keys already lowercased: for callers that ask once per commit of a long history.
    public static func values(_ trailers: [Trailer], lowercasedKeys wanted: Set<String>) -> [String] {
        var values: [String] = []
        for trailer in trailers where wanted.contains(trailer.key.lowercased()) {
            for part in trailer.value.split(separator: ",") {
                let value = part.trimmingSpaces()
                if !value.isEmpty { values.append(value) }
            }
        }
        return values
    }
}
