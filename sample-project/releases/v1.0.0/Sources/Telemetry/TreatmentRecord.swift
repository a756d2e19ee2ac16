import Foundation

/// One completed treatment as reported by the cycler.
public struct TreatmentRecord: Equatable, Sendable {
    public struct Cycle: Equatable, Sendable {
        public var fillML: Int
        public var dwellMinutes: Int
        public var drainML: Int
    }

    public var cyclerSerial: String
    public var start: Date
    public var end: Date
    public var cycles: [Cycle]
    public var alarms: [CyclerAlarm]

    /// Net ultrafiltration: drained minus filled volume; negative means fluid was retained.
    public var netUltrafiltrationML: Int {
        cycles.reduce(0) { $0 + $1.drainML - $1.fillML }
    }
}

/// Alarms the cycler logs during a treatment.
public enum CyclerAlarm: String, Sendable {
    case lowDrainVolume = "LDV"
    case incompleteDrain = "IDR"
    case occlusion = "OCC"
}
