/// The tool's version, named in every document it writes.
public enum DossierVersion {
    /// The version string.
    public static let current = "0.1.0"
    /// How documents name the tool.
    public static var generator: String { "dossier \(current)" }
}
