import Foundation

/// Formats the therapy duration of a treatment from its UTC start and end.
public struct DurationFormatter {
    public init() {}

    public func string(from start: Date, to end: Date) -> String {
        let minutes = Int(end.timeIntervalSince(start) / 60)
        return String(format: "%d h %02d min", minutes / 60, minutes % 60)
    }
}
