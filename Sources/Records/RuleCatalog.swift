/// Every gap rule dossier knows, with the clauses it serves and its default level, as `RuleID`'s table gives them.
/// dossier.yml's `policy:` changes a level or turns a rule off by its id.
public enum RuleCatalog {
    /// The rules, in the order reports list them (`RuleID.allCases`).
    public static let rules: [RuleInfo] = RuleID.allCases.map { id in
        let row = id.row
        return RuleInfo(id: id, clauses: row.clauses, defaultLevel: row.defaultLevel, summary: row.summary)
    }

    /// The rule with this id.
    public static func rule(_ id: RuleID) -> RuleInfo { id.info }
}
