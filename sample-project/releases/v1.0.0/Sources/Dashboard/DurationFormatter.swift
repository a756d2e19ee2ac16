import Foundation

/// Formats the therapy duration of a treatment.
public struct DurationFormatter {
    public var calendar = Calendar.current

    public init() {}

    public func string(from start: Date, to end: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: start, to: end)
        return String(format: "%d h %02d min", parts.hour ?? 0, parts.minute ?? 0)
    }
}
