import Evidence
import Git
import Model
import Records
import Support

/// Makes a release's `Assessment` from its facts: the trace matrix and the gap rules read the same trace graph and
/// nothing of each other, so they run at once; the clause coverage then reads both.
public enum Assessor {
    /// Assesses `release` (whose trace graph is `graph`) under `config`'s policy and clause choices; `order` is the
    /// repository's release order, for the rules that compare versions.
    public static func assess(_ release: Release, evidence: TestEvidence, graph: TraceGraph, config: Config,
                              order: VersionOrder) async -> Assessment {
        async let matrix = StageTimer.measure("trace matrix") { TraceMatrix.rows(release: release, graph: graph) }
        async let found = StageTimer.measure("checks") {
            Checker.run(release: release, evidence: evidence, graph: graph, config: config, order: order)
        }
        let (traceMatrix, findings) = await (matrix, found)
        return Assessment(traceMatrix: traceMatrix, findings: findings,
                          rulesOff: RuleID.allCases.filter { config.policy[$0] == .off },
                          coverage: ClauseCoverage.statuses(release: release, traceMatrix: traceMatrix, findings: findings,
                                                            notApplicable: config.notApplicableClauses))
    }
}
