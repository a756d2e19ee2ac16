/// One clause's standing in a release: what the release holds for it, and whether a rule serving it found a gap.
public struct ClauseStatus: Sendable, Codable, Hashable {
    /// What the status is.
    public enum State: String, Sendable, Codable, Hashable {
        /// The release holds every kind of evidence the clause needs, and no rule serving it found an error.
        case evidenced
        /// A rule serving it found at least one error-level finding.
        case gap
        /// Does not apply: by the standard's class rule for the device's safety class, or by the manufacturer's
        /// reason in dossier.yml.
        case notApplicable = "not applicable"
        /// Applies, but the release does not hold what evidences it: the manufacturer's own records must.
        case notEvidenced = "not evidenced"

        /// Decodes a state; `not evidenced by dossier`, as suf.json files written before 2.1 say, is `notEvidenced`.
        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let state = State(rawValue: text == "not evidenced by dossier" ? State.notEvidenced.rawValue : text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown clause state \(text)"))
            }
            self = state
        }
    }

    /// `IEC 62304 5.2.3`.
    public var clause: String
    /// The clause's title.
    public var title: String
    /// What the release holds for the clause, each with where the SUF and the DHF show it.
    public var evidence: [ClauseEvidence]
    /// What the clause needs that the release does not hold, e.g. `no software items`.
    public var missing: [String]
    /// Why the clause does not apply (only when it does not).
    public var reason: String?
    /// Its state.
    public var state: State
    /// Rules serving the clause that found errors, with their counts, e.g. `T1 (3)`.
    public var gaps: [String]

    /// Creates a status.
    public init(clause: String, title: String, evidence: [ClauseEvidence], missing: [String], reason: String?, state: State, gaps: [String]) {
        self.clause = clause
        self.title = title
        self.evidence = evidence
        self.missing = missing
        self.reason = reason
        self.state = state
        self.gaps = gaps
    }

    private enum CodingKeys: String, CodingKey { case clause, title, evidence, missing, reason, state, gaps }

    /// Decodes a status; one from a suf.json written before evidence was listed (its evidence named sections, as
    /// text) has no evidence entries.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clause = try c.decode(String.self, forKey: .clause)
        title = try c.decode(String.self, forKey: .title)
        evidence = (try? c.decode([ClauseEvidence].self, forKey: .evidence)) ?? []
        missing = try c.decodeIfPresent([String].self, forKey: .missing) ?? []
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        state = try c.decode(State.self, forKey: .state)
        gaps = try c.decode([String].self, forKey: .gaps)
    }
}
