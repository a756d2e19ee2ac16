import Foundation

/// Supervises the alert service; the dashboard shows "Alerting unavailable" when it is silent (REQ-21).
public struct AlertHeartbeat {
    public static let timeout: TimeInterval = 5 * 60
    public var lastBeat: Date

    public func banner(now: Date) -> String? {
        now.timeIntervalSince(lastBeat) > Self.timeout ? "Alerting unavailable" : nil
    }
}
