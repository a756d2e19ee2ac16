import Checks
import Foundation
import Git
import Model
import Records
import Support

/// What `dossier check` reports: the release checked, the rules that ran and their findings.
public struct CheckReport: Sendable, Codable {
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
    /// The release's approvals judged against its attached bundle; nil when the release is not a tag, or has none
    /// recorded or required and `--approved` was not asked for.
    public var approvals: ReleaseApprovals?
    /// Whether the check also requires the attached bundle to be approved (`--approved`).
    public var requiresApproval = false
    /// Whether `--approved` was asked for and the attached bundle is not approved.
    public var approvalFails: Bool { requiresApproval && !(approvals?.isApproved ?? false) }
    /// The findings counted by level.
    public var summary: FindingSummary { FindingSummary(findings: findings, rules: rules.count) }
    /// Error-level findings.
    public var errors: Int { summary.errors }
    /// Warning-level findings.
    public var warnings: Int { summary.warnings }

    /// The text report: findings grouped by level, errors first, then a one-line summary.
    public var text: String {
        var out = "dossier check \(release) (\(commits) commits since \(previousRelease ?? "the root"))\n"
        for level in FindingLevel.allCases {
            let group = findings.filter { $0.level == level }
            guard !group.isEmpty else { continue }
            out += "\n\(level == .error ? "Errors" : "Warnings") (\(group.count)):\n"
            for finding in group { out += "  \(finding.rule)  \(finding.message)\n" }
        }
        if let approvals { out += "\n" + approvals.text(bundle: "the bundle attached now") }
        if requiresApproval {
            out += approvalFails
                ? "\nThe attached bundle is not approved (--approved): \(approvals?.manifestSHA256 == nil ? "no bundle is attached" : approvals!.required.isEmpty ? "no good approval with the meaning approved covers it" : "required approvals are missing").\n"
                : "\nThe attached bundle is approved (--approved).\n"
        }
        out += "\n\(summary.counts)"
        out += errors > 0 || approvalFails ? ": the check fails.\n" : ": the check passes.\n"
        return out
    }

    /// The report as canonical JSON (with `errors` and `warnings` counts).
    public func json() throws -> Data {
        struct Report: Encodable {
            var release: String, commit: String, commits: Int, previousRelease: String?
            var rules: [RuleInfo], findings: [Finding], errors: Int, warnings: Int
            var approvals: ReleaseApprovals?, approved: Bool?
        }
        return try CanonicalJSON.encode(Report(release: release, commit: commit, commits: commits, previousRelease: previousRelease,
                                               rules: rules, findings: findings, errors: errors, warnings: warnings,
                                               approvals: approvals, approved: requiresApproval ? !approvalFails : nil))
    }

    /// The report as JUnit XML: one test case per rule, so CI dashboards show each rule.
    public var junit: String { FindingReport.junit(findings: findings, rules: rules, release: release) }

    /// The report as SARIF 2.1.0, with file and line locations for code-review annotations.
    public var sarif: String { FindingReport.sarif(findings: findings, rules: rules, toolVersion: DossierVersion.current) }
}

/// The forms `dossier check` writes its report in (`--format`).
public enum CheckReportFormat: String, Sendable, CaseIterable {
    /// Findings grouped by level and a summary line, for a person.
    case text
    /// Canonical JSON.
    case json
    /// JUnit XML, one test case per rule.
    case junit
    /// SARIF 2.1.0.
    case sarif
}

extension CheckReport {
    /// The report in `format`.
    /// - Throws: when the JSON cannot be encoded.
    public func data(_ format: CheckReportFormat) throws -> Data {
        switch format {
        case .json: try json()
        case .junit: Data(junit.utf8)
        case .sarif: Data(sarif.utf8)
        case .text: Data(text.utf8)
        }
    }
}
