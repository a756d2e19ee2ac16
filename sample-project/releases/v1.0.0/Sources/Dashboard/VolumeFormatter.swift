/// Formats volumes for display: whole millilitres, unit always shown (REQ-4).
public struct VolumeFormatter {
    public init() {}

    public func string(millilitres: Int) -> String {
        "\(millilitres) mL"
    }
}
