import Foundation

/// Raises "No treatment data" when no record arrived for 36 hours (REQ-18).
public struct MissedTreatmentRule {
    public static let window: TimeInterval = 36 * 3600

    public init() {}

    public func evaluate(lastRecord: Date?, now: Date, patient: String) -> Alert? {
        guard let last = lastRecord, now.timeIntervalSince(last) < Self.window else {
            return Alert(id: "missed-\(patient)", patient: patient, priority: .medium,
                         message: "No treatment data", raised: now)
        }
        return nil
    }
}
