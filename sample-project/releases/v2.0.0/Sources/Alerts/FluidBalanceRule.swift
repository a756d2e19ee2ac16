import Telemetry

/// Alerts on negative net ultrafiltration (REQ-17).
public struct FluidBalanceRule: AlertRule {
    public var patientLimitML: Int?

    public init(patientLimitML: Int? = nil) { self.patientLimitML = patientLimitML }

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        let uf = record.netUltrafiltrationML
        let twoNegative = uf < 0 && (history.last?.netUltrafiltrationML ?? 0) < 0
        let belowLimit = patientLimitML.map { uf < $0 } ?? false
        guard twoNegative || belowLimit else { return nil }
        return Alert(id: "uf-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .medium, message: "Negative ultrafiltration", raised: record.end)
    }
}
