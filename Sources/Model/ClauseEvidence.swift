import Records

/// One thing a release holds for a clause, e.g. `30 requirements`, with the anchors where the SUF and the DHF
/// show it.
public struct ClauseEvidence: Sendable, Codable, Hashable {
    /// The kind of evidence.
    public var kind: EvidenceKind
    /// What and how many, e.g. `142 test cases (140 passed)`.
    public var what: String
    /// The anchor in the release's SUF where it is shown, e.g. `req-1`.
    public var sufAnchor: String
    /// The anchor in the DHF where it is shown.
    public var dhfAnchor: String

    /// Creates an evidence entry.
    public init(kind: EvidenceKind, what: String, sufAnchor: String, dhfAnchor: String) {
        self.kind = kind
        self.what = what
        self.sufAnchor = sufAnchor
        self.dhfAnchor = dhfAnchor
    }
}
