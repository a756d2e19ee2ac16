/// Times as OpenSSH's `parse_absolute_time` reads them: `YYYYMMDD`, `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`,
/// optionally followed by `Z` or `UTC`.
///
/// Without the suffix OpenSSH reads the time in the system time zone; dossier reads it as UTC, so that a
/// document does not depend on the machine that makes it (with TZ=UTC the two agree).
enum SSHTime {
    /// The unix time, or nil where OpenSSH would refuse the text (including a result at or before the epoch).
    static func parse(_ text: String) -> Int64? {
        var digits = Array(text.utf8)
        if digits.count > 1, digits.last == UInt8(ascii: "Z") || digits.last == UInt8(ascii: "z") {
            digits.removeLast()
        } else if digits.count > 3, String(decoding: digits.suffix(3), as: UTF8.self).uppercased() == "UTC" {
            digits.removeLast(3)
        }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy({ (0x30 ... 0x39).contains($0) }) else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64 {
            digits[from ..< from + count].reduce(0) { $0 * 10 + Int64($1 - 0x30) }
        }
        let year = number(0, 4), month = number(4, 2), day = number(6, 2)
        let hour = digits.count >= 12 ? number(8, 2) : 0
        let minute = digits.count >= 12 ? number(10, 2) : 0
        let second = digits.count == 14 ? number(12, 2) : 0
        // strptime's ranges; like timegm, an impossible day such as 31 February rolls over into March.
        guard (1 ... 12).contains(month), (1 ... 31).contains(day), hour <= 23, minute <= 59, second <= 61 else { return nil }
        let time = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
        return time > 0 ? time : nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a reason sentence.
    static func format(_ time: Int64) -> String {
        let days = time >= 0 ? time / 86400 : (time - 86399) / 86400
        let secondsOfDay = time - days * 86400
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
    }
}
