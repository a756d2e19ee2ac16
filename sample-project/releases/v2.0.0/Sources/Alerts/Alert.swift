import Foundation

/// An alert to the patient's care team.
public struct Alert: Identifiable, Equatable, Sendable {
    public enum Priority: Int, Comparable, Sendable {
        case medium = 1, high = 2
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var id: String
    public var patient: String
    public var priority: Priority
    public var message: String
    public var raised: Date
    public var acknowledged: Date?
}
