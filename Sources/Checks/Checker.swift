import Evidence
import Git
import Model
import Records
import Support

/// Runs the gap rules over a release and its test evidence, with dossier.yml's `policy:` applied.
public enum Checker {
    /// Every rule's check, by id.
    static let checks: [String: @Sendable (CheckContext) -> [Finding]] = [
        "T1": TestRules.t1, "T2": TestRules.t2, "A2": TestRules.a2,
        "R1": RiskRules.r1, "R2": RiskRules.r2, "R3": RiskRules.r3, "R4": RiskRules.r4, "R5": RiskRules.r5,
        "R6": RiskRules.r6, "R7": RiskRules.r7,
        "C1": ChangeRules.c1, "C2": ChangeRules.c2, "C5": ChangeRules.c5, "C6": ChangeRules.c6, "C8": ChangeRules.c8,
        "G1": IntegrityRules.g1, "G2": IntegrityRules.g2,
        "S1": SOUPRules.s1, "S4": SOUPRules.s4, "S5": SOUPRules.s5, "S6": SOUPRules.s6,
        "X1": ThreatRules.x1, "X2": ThreatRules.x2, "X3": ThreatRules.x3, "X5": ThreatRules.x5, "X6": CVSSRule.x6,
        "D1": DeviceRules.d1, "I1": IdentificationRules.i1, "I2": IdentificationRules.i2, "I3": IdentificationRules.i3,
    ]

    /// The rules that run under `policy` (those not turned off), in catalog order.
    public static func rulesInForce(policy: [String: String]) -> [RuleInfo] {
        RuleCatalog.rules.filter { policy[$0.id] != RuleSetting.off.rawValue }
    }

    /// The findings, errors first, then in rule order, then in the order each rule found them. `config` is the
    /// dossier.yml in force: its `policy:`, and where it wrote the device's fields. Every finding has a location:
    /// one a rule leaves without is placed at dossier.yml, the configuration that set the rule to run. `order` is the
    /// repository's release order, for reviews that name a release the work tree has not tagged yet.
    public static func run(release: Release, evidence: TestEvidence, graph: TraceGraph, config: Config,
                           order: VersionOrder = VersionOrder()) -> [Finding] {
        let policy = config.policy
        let context = CheckContext(release: release, evidence: evidence, graph: graph, config: config, order: order)
        var findings: [Finding] = []
        for rule in rulesInForce(policy: policy) {
            guard let check = checks[rule.id] else { continue }
            let level = policy[rule.id].flatMap(FindingLevel.init(rawValue:))
            findings += check(context).map { finding in
                var finding = finding
                if let level { finding.level = level }
                if finding.location == nil { finding.location = SourceLocation(file: CheckContext.configurationFile) }
                return finding
            }
        }
        // Errors first, then rules in catalogue order, then as found: one sort key per finding, made once.
        let order = Dictionary(uniqueKeysWithValues: RuleCatalog.rules.enumerated().map { ($1.id, $0) })
        let keys = findings.enumerated().map { offset, finding in
            (level: finding.level == .error ? 0 : 1, rule: order[finding.rule, default: 0], offset: offset)
        }
        return keys.sorted { $0 < $1 }.map { findings[$0.offset] }
    }
}
