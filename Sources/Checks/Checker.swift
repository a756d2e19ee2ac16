import Evidence
import Git
import Model
import Records
import Support

/// Runs the gap rules over a release and its test evidence, with dossier.yml's `policy:` applied.
public enum Checker {
    /// The rules that run under `policy` (those not turned off), in catalog order.
    public static func rulesInForce(policy: [RuleID: RuleSetting]) -> [RuleInfo] {
        RuleCatalog.rules.filter { policy[$0.id] != .off }
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
            let level = policy[rule.id]?.level
            findings += rule.id.check(context).map { finding in
                var finding = finding
                if let level { finding.level = level }
                if finding.location == nil { finding.location = SourceLocation(file: CheckContext.configurationFile) }
                return finding
            }
        }
        // Errors first, then rules in catalogue order, then as found: one sort key per finding, made once.
        let keys = findings.enumerated().map { offset, finding in
            (level: finding.level == .error ? 0 : 1, rule: finding.rule.position, offset: offset)
        }
        return keys.sorted { $0 < $1 }.map { findings[$0.offset] }
    }
}
