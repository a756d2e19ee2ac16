import Assembly
import Checks
import Foundation
import Git
import Model
import Records
import Support

/// What `dossier check` reports: the release checked, the rules that ran and their findings.
public struct CheckResult: Sendable, Codable {
    /// The release checked (`work tree` for `--worktree`).
    public var release: String
    /// The release commit (HEAD for the work tree).
    public var commit: String
    /// Commits in the range.
    public var commits: Int
    /// The previous release, when there is one.
    public var previousRelease: String?
    /// The rules that ran (the policy's `off` rules left out).
    public var rules: [RuleInfo]
    /// The findings, errors first.
    public var findings: [Finding]
    /// The findings counted by level.
    public var summary: FindingSummary { FindingSummary(findings: findings, rules: rules.count) }
    /// Error-level findings.
    public var errors: Int { summary.errors }
    /// Warning-level findings.
    public var warnings: Int { summary.warnings }

    /// Checks the release a request names: the same assembly as `dossier suf`, without the documents.
    /// - Throws: `DossierError` for bad input.
    public static func run(_ request: ReleaseRequest) async throws -> (result: CheckResult, warnings: [String]) {
        let assembled = try await ReleaseAssembler.assemble(request)
        let release = assembled.release
        let result = CheckResult(release: release.identification.release, commit: release.identification.commit,
                                 commits: release.statistics.commits, previousRelease: release.identification.previousRelease,
                                 rules: Checker.rulesInForce(policy: assembled.config.policy), findings: release.findings)
        return (result, assembled.warnings)
    }

    /// The text report: findings grouped by level, errors first, then a one-line summary.
    public var text: String {
        var out = "dossier check \(release) (\(commits) commits since \(previousRelease ?? "the root"))\n"
        for level in FindingLevel.allCases {
            let group = findings.filter { $0.level == level }
            guard !group.isEmpty else { continue }
            out += "\n\(level == .error ? "Errors" : "Warnings") (\(group.count)):\n"
            for finding in group { out += "  \(finding.rule)  \(finding.message)\n" }
        }
        out += "\n\(summary.counts)"
        out += errors > 0 ? ": the check fails.\n" : ": the check passes.\n"
        return out
    }

    /// The report as canonical JSON (with `errors` and `warnings` counts).
    public func json() throws -> Data {
        struct Report: Encodable {
            var release: String, commit: String, commits: Int, previousRelease: String?
            var rules: [RuleInfo], findings: [Finding], errors: Int, warnings: Int
        }
        return try CanonicalJSON.encode(Report(release: release, commit: commit, commits: commits, previousRelease: previousRelease,
                                               rules: rules, findings: findings, errors: errors, warnings: warnings))
    }

    /// The report as JUnit XML: one test case per rule, so CI dashboards show each rule.
    public var junit: String { FindingReport.junit(findings: findings, rules: rules, release: release) }

    /// The report as SARIF 2.1.0, with file and line locations for code-review annotations.
    public var sarif: String { FindingReport.sarif(findings: findings, rules: rules, toolVersion: DossierVersion.current) }
}
