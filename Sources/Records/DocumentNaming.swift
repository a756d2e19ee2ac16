import Support

/// How the documents are identified in a manufacturer's document control (dossier.yml `documents:`): the SUF's
/// document id, a pattern in which `{release}` stands for the release's name, and the DHF's.
public struct DocumentNaming: Sendable, Hashable {
    /// The SUF's id pattern, e.g. `PDRM-SUF-{release}`.
    public var sufPattern = "SUF-{release}"
    /// The DHF's id, e.g. `PDRM-DHF`.
    public var dhfID = "DHF"

    /// The default names: `SUF-{release}` and `DHF`.
    public init() {}

    /// The SUF's document id for `release`.
    public func sufID(release: String) -> String {
        sufPattern.replacingOccurrences(of: "{release}", with: release)
    }

    /// Why `text` cannot be a document id pattern; nil when it can: one line of 1 to 100 characters without control
    /// characters, whose only placeholder is `{release}` (and, for the SUF, which holds it, so that each release's
    /// document has its own id).
    static func problem(_ text: String, needsRelease: Bool) -> String? {
        if text.isEmpty || text.unicodeScalars.count > 100 { return "an id of 1 to 100 characters" }
        if !RequiredApproval.isPlainLine(text) { return "an id without control or formatting characters or line breaks" }
        let rest = text.replacingOccurrences(of: "{release}", with: "")
        if rest.contains("{") || rest.contains("}") { return "an id whose only placeholder is {release}" }
        if needsRelease, rest == text { return "an id that holds {release}, so that each release's SUF has its own" }
        return nil
    }
}
