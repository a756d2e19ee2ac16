import Telemetry

/// A rule evaluated on every imported treatment record.
public protocol AlertRule {
    func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert?
}
