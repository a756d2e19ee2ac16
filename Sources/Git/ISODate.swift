/// Formats times as ISO 8601 without Foundation's locale-dependent formatters.
public enum ISODate {
    /// The latest time shown as a date: 9999-12-31T23:59:59Z. git accepts any 64-bit number.
    static let latest: Int64 = 253_402_300_799

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` for a Unix time shown in the given offset; a time outside years
    /// 0000–9999 (only a crafted object has one) is shown as `invalid-date(SECONDS)`.
    public static func format(time: Int64, offsetMinutes: Int) -> String {
        guard time >= -62_167_219_200, time <= latest, offsetMinutes.magnitude <= Person.largestOffsetMinutes.magnitude else {
            return "invalid-date(\(time))"
        }
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
