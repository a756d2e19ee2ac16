import Foundation

/// Link-loss notice (REQ-28) and connection rate limit for unknown devices (REQ-29).
public struct LinkSupervisor {
    public static let linkLossAfter: TimeInterval = 10 * 60
    public static let maxForeignAttemptsPerMinute = 5

    public var lastConnected: Date
    var foreignAttempts: [Date] = []

    public init(lastConnected: Date) { self.lastConnected = lastConnected }

    public func notice(now: Date, inTreatmentWindow: Bool) -> String? {
        inTreatmentWindow && now.timeIntervalSince(lastConnected) >= Self.linkLossAfter ? "Cycler not connected" : nil
    }

    public mutating func admitForeignConnection(at now: Date) -> Bool {
        foreignAttempts.removeAll { now.timeIntervalSince($0) >= 60 }
        guard foreignAttempts.count < Self.maxForeignAttemptsPerMinute else { return false }
        foreignAttempts.append(now)
        return true
    }
}
