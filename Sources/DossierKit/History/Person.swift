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

    /// Creates a person line.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// The date in ISO 8601 with the recorded offset, e.g. `2024-03-01T10:00:00+01:00` (what `git log --date=iso-strict` prints).
    public var date: String { ISODate.format(time: time, offsetMinutes: offsetMinutes) }

    /// Parses `Name <email> 1700000000 +0100`, the form git writes in commit and tag headers.
    static func parse(_ line: Substring) -> Person? {
        let bytes = Array(line.utf8)
        guard let open = bytes.lastIndex(of: UInt8(ascii: "<")), let close = bytes.lastIndex(of: UInt8(ascii: ">")),
              open < close else { return nil }
        var nameEnd = open
        while nameEnd > 0, bytes[nameEnd - 1] == UInt8(ascii: " ") { nameEnd -= 1 }
        let name = String(decoding: bytes[..<nameEnd], as: UTF8.self)
        let email = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard let first = fields.first, let time = Int64(String(decoding: first, as: UTF8.self)) else {
            return Person(name: name, email: email, time: 0, offsetMinutes: 0)
        }
        var offset = 0
        if fields.count >= 2, fields[1].count == 5, let zone = Int(String(decoding: fields[1].dropFirst(), as: UTF8.self)) {
            offset = (zone / 100) * 60 + zone % 100
            if fields[1].first == UInt8(ascii: "-") { offset = -offset }
        }
        return Person(name: name, email: email, time: time, offsetMinutes: offset)
    }
}

/// Formats times as ISO 8601 without Foundation's locale-dependent formatters.
public enum ISODate {
    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` for a Unix time shown in the given offset.
    public static func format(time: Int64, offsetMinutes: Int) -> String {
        let local = time + Int64(offsetMinutes) * 60
        let (days, seconds) = floorDivide(local, 86_400)
        let (y, m, d) = civilDate(days: days)
        let zone: String
        if offsetMinutes == 0 {
            zone = "Z"
        } else {
            let sign = offsetMinutes < 0 ? "-" : "+"
            zone = sign + pad(abs(offsetMinutes) / 60) + ":" + pad(abs(offsetMinutes) % 60)
        }
        return "\(pad(Int(y), 4))-\(pad(m))-\(pad(d))T\(pad(Int(seconds / 3600))):\(pad(Int(seconds % 3600 / 60))):\(pad(Int(seconds % 60)))\(zone)"
    }

    /// The calendar day `YYYY-MM-DD` of a Unix time in the given offset.
    public static func day(time: Int64, offsetMinutes: Int) -> String {
        String(format(time: time, offsetMinutes: offsetMinutes).prefix(10))
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    /// Howard Hinnant's days-from-civil inverse.
    private static func civilDate(days: Int64) -> (Int64, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
