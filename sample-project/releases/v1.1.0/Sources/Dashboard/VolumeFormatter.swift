/// Formats volumes for display: whole millilitres, unit always shown, sign of negative UF (REQ-4).
public struct VolumeFormatter {
    public init() {}

    public func string(millilitres: Int) -> String {
        "\(millilitres) mL"
    }

    /// Net UF: a negative value keeps its minus sign and is labelled and highlighted.
    public func ultrafiltration(millilitres: Int) -> (text: String, colour: Colour) {
        millilitres < 0
            ? ("\(millilitres) mL (Fluid retained)", .caution)
            : ("+\(millilitres) mL", .neutral)
    }
}
