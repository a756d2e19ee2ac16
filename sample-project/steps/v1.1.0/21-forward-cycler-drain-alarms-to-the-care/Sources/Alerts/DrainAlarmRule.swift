import Telemetry

/// Forwards cycler drain alarms as high-priority alerts (REQ-16).
public struct DrainAlarmRule: AlertRule {
    public init() {}

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        guard record.alarms.contains(where: { $0 == .lowDrainVolume || $0 == .incompleteDrain }) else { return nil }
        return Alert(id: "drain-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .high, message: "Cycler drain alarm", raised: record.end)
    }
}
