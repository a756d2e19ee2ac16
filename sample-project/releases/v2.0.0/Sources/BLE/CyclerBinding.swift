/// Binds each patient to exactly one bonded cycler (REQ-27).
public struct CyclerBinding {
    public private(set) var serialByPatient: [String: String] = [:]

    public init() {}

    /// Only a clinician assigns a cycler; data from any other cycler is refused.
    public mutating func assign(serial: String, to patient: String, byClinician: String) {
        serialByPatient[patient] = serial
    }

    public func accepts(serial: String, for patient: String) -> Bool {
        serialByPatient[patient] == serial
    }
}
