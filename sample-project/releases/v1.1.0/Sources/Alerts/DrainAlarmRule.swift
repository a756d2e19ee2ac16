import Telemetry

/// Forwards cycler drain alarms as high-priority alerts, once per treatment (REQ-16).
public struct DrainAlarmRule: AlertRule {
    public init() {}

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        guard record.alarms.contains(where: { $0 == .lowDrainVolume || $0 == .incompleteDrain }) else { return nil }
        guard !history.contains(where: { $0.start == record.start && $0.cyclerSerial == record.cyclerSerial }) else {
            return nil   // the same treatment imported again (PR-2)
        }
        return Alert(id: "drain-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .high, message: "Cycler drain alarm", raised: record.end)
    }
}
