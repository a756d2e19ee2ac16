import Telemetry

/// Summary of one treatment with the patient header (REQ-3, REQ-6, REQ-27).
public struct TreatmentSummaryView {
    public var patient: Patient
    public var record: TreatmentRecord
    let volume = VolumeFormatter()
    let duration = DurationFormatter()

    public var header: String {
        "\(patient.fullName), born \(patient.dateOfBirth), patient no. \(patient.clinicNumber), cycler \(record.cyclerSerial)"
    }

    public var lines: [String] {
        [
            "Date: \(record.start.formatted(date: .abbreviated, time: .omitted))",
            "Duration: \(duration.string(from: record.start, to: record.end))",
            "Cycles: \(record.cycles.count)",
            "Fill: \(volume.string(millilitres: record.cycles.map(\.fillML).reduce(0, +)))",
            "Drain: \(volume.string(millilitres: record.cycles.map(\.drainML).reduce(0, +)))",
            "Net UF: \(volume.ultrafiltration(millilitres: record.netUltrafiltrationML).text)",
        ]
    }
}
