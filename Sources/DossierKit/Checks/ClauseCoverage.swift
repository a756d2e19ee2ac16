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

/// The clause coverage table of a release: every clause of the table judged by what the release holds.
public enum ClauseCoverage {
    /// What a clause that needs nothing dossier reads lists as missing.
    public static let outsideDossier = "nothing dossier reads: the manufacturer's own records"

    /// The clauses in table order, judged against the assembled release. A clause is evidenced only when the
    /// release holds every kind of evidence it needs (`ReleaseInventory`); a gap when a rule serving it (named
    /// by the clause, or whose catalog clauses name it or a parent of it) found an error; not applicable by the
    /// standard's class rule for the device's class, or by the manufacturer's reason in `notApplicable`
    /// (dossier.yml's `clauses.not_applicable`, by clause reference); otherwise not evidenced.
    public static func statuses(release: Release, notApplicable: [String: String] = [:]) -> [ClauseStatus] {
        let inventory = ReleaseInventory(release: release)
        let safetyClass = release.identification.device?.safetyClass
        var errorsByRule: [String: Int] = [:]
        for finding in release.findings where finding.level == .error { errorsByRule[finding.rule, default: 0] += 1 }
        return ClauseTable.clauses.map { clause in
            var rules = Set(clause.rules)
            for rule in RuleCatalog.rules where rule.clauses.contains(where: { serves($0, clause) }) { rules.insert(rule.id) }
            let gaps = rules.sorted().compactMap { rule in errorsByRule[rule].map { "\(rule) (\($0))" } }
            var kinds: [EvidenceKind] = []
            for kind in clause.needs + clause.shows where !kinds.contains(kind) { kinds.append(kind) }
            let evidence = kinds.compactMap { inventory.holdings[$0] }
            let missing = clause.canBeEvidenced ? clause.needs.filter { inventory.holdings[$0] == nil }.map(\.missing) : [outsideDossier]
            func status(_ state: ClauseStatus.State, reason: String? = nil) -> ClauseStatus {
                let applies = state != .notApplicable
                return ClauseStatus(clause: clause.reference, title: clause.title, evidence: applies ? evidence : [],
                                    missing: applies && state != .evidenced ? missing : [], reason: reason, state: state,
                                    gaps: state == .gap ? gaps : [])
            }
            if let safetyClass, !clause.classes.contains(safetyClass) {
                return status(.notApplicable, reason: classReason(clause, safetyClass))
            }
            if !gaps.isEmpty { return status(.gap) }
            if let reason = notApplicable[clause.reference] { return status(.notApplicable, reason: "\(reason) (the manufacturer, in dossier.yml)") }
            return status(clause.canBeEvidenced && missing.isEmpty ? .evidenced : .notEvidenced)
        }
    }

    /// The standard's class rule in words: `IEC 62304 applies 5.2.3 to class B and C; the device is class A per dossier.yml`.
    static func classReason(_ clause: Clause, _ safetyClass: SafetyClass) -> String {
        let classes = clause.classes.sorted().map(\.rawValue)
        let list = classes.count == 1 ? classes[0] : classes.dropLast().joined(separator: ", ") + " and " + classes[classes.count - 1]
        return "\(clause.standard) applies \(clause.number) to class \(list); the device is class \(safetyClass.rawValue) per dossier.yml"
    }

    /// Whether a rule's clause reference (`IEC 62304 5.2`, `ISO 14971 7.1`) names this clause or a parent of it.
    private static func serves(_ reference: String, _ clause: Clause) -> Bool {
        reference == clause.reference || clause.reference.hasPrefix(reference + ".")
    }
}
