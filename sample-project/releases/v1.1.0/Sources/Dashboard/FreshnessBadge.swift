import Foundation

/// Shows when the newest treatment was imported and marks older data "Not current" (REQ-5, REQ-15).
public struct FreshnessBadge {
    public static let staleAfter: TimeInterval = 24 * 3600
    public var newestRecord: Date
    public var now: Date

    public var isStale: Bool { now.timeIntervalSince(newestRecord) > Self.staleAfter }
    public var label: String { isStale ? "Not current" : "Current" }
    public var colour: Colour { isStale ? .caution : .neutral }
}
