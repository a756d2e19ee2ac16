import Foundation

/// An author, committer or tagger line of a git object: who, and when in which time zone.
public struct Person: Sendable, Codable, Hashable {
    /// The name, after `.mailmap` where one applies.
    public var name: String
    /// The e-mail address, after `.mailmap` where one applies.
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// The time zone offset in minutes east of UTC, as recorded in the object.
    public var offsetMinutes: Int

    /// The keys in sorted order, so that the synthesized `encode(to:)` writes them as canonical JSON orders them
    /// (CanonicalJSON need not put them in order again: a release has tens of thousands).
    enum CodingKeys: String, CodingKey { case email, name, offsetMinutes, time }

    /// The largest offset a commit or tag can give: `parse` reads at most nine digits of the zone (±HHHHHHHMM).
    public static let largestOffsetMinutes = 999_999_999 / 100 * 60 + 99

    /// Creates a person line.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// The date in ISO 8601 with the recorded offset, e.g. `2024-03-01T10:00:00+01:00` (what `git log --date=iso-strict` prints).
    public var date: String { ISODate.format(time: time, offsetMinutes: offsetMinutes) }

    /// Parses `Name <email> 1700000000 +0100`, the form git writes in commit and tag headers, as git's
    /// `split_ident_line` reads it (what `%an`, `%ae`, `%at` print): the name runs to the first `<`, without the
    /// blanks before it; the address from there to the first `>`; the date and zone follow the last `>`.
    static func parse(_ line: Substring) -> Person? {
        let bytes = Array(line.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "<")),
              let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: ">")),
              let lastClose = bytes.lastIndex(of: UInt8(ascii: ">")) else { return nil }
        var nameEnd = open
        while nameEnd > 0, GitCType.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        let name = String(decoding: bytes[..<nameEnd], as: UTF8.self)
        let email = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        // The date: blanks, digits, blanks, then a sign and digits; anything else leaves the person without a date.
        var index = lastClose + 1
        func skipSpaces() { while index < bytes.count, GitCType.isSpace(bytes[index]) { index += 1 } }
        func digits() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return bytes[start..<index]
        }
        skipSpaces()
        let date = digits()
        skipSpaces()
        guard !date.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
            return Person(name: name, email: email, time: 0, offsetMinutes: 0)
        }
        let negative = bytes[index] == UInt8(ascii: "-")
        index += 1
        let zoneDigits = digits()
        guard !zoneDigits.isEmpty, let time = Int64(String(decoding: date, as: UTF8.self)) else {
            return Person(name: name, email: email, time: 0, offsetMinutes: 0)
        }
        let zone = Int(String(decoding: zoneDigits.prefix(9), as: UTF8.self)) ?? 0
        let offset = (negative ? -1 : 1) * ((zone / 100) * 60 + zone % 100)
        return Person(name: name, email: email, time: time, offsetMinutes: offset)
    }
}
