import Telemetry

/// GATT client of the cycler's "PD Treatment" service (REQ-23).
public final class CyclerLink {
    public static let treatmentService = UUID(uuidString: "6E40A0B0-5D4C-4E5A-9C1B-5044524D0001")!

    let central: BluetoothCentral
    public var onRecord: (TreatmentRecord) -> Void = { _ in }

    public init(central: BluetoothCentral) { self.central = central }

    func received(frame: [UInt8]) throws {
        onRecord(try TelemetryDecoder().decode(frame))
    }
}
