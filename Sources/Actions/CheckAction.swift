import Assembly
import Checks
import Foundation
import Model
import Support

/// `dossier check`: runs the gap rules over a release (or the work tree), with the same assembly as `dossier suf`,
/// without the documents.
public struct CheckAction: Sendable {
    /// The release checked, and how it is read (`workTree` for the uncommitted state).
    public var release: ReleaseRequest

    /// Whether the release's attached bundle must be approved too (`--approved`): every approval dossier.yml
    /// requires given (or, when it requires none, one approval with the meaning `approved`), each covering that bundle.
    public var requireApproval: Bool

    /// Creates the action.
    public init(release: ReleaseRequest, requireApproval: Bool = false) {
        self.release = release
        self.requireApproval = requireApproval
    }

    /// What the check found.
    public struct Result: Sendable {
        /// The report: the release, the rules that ran and their findings.
        public var report: CheckReport
        /// Problems that did not stop the check, one line each.
        public var warnings: [String]
    }

    /// Reads the release and runs the rules in force over it.
    /// - Throws: `DossierError` for bad input.
    public func perform() async throws -> Result {
        let assembled = try await ReleaseAssembler.assemble(release)
        let facts = assembled.release
        let report = CheckReport(release: facts.identification.release, commit: facts.identification.commit,
                                 commits: facts.statistics.commits, previousRelease: facts.identification.previousRelease,
                                 rules: Checker.rulesInForce(policy: assembled.config.policy), findings: assembled.assessment.findings)
        var checked = report
        checked.requiresApproval = requireApproval
        if let tag = facts.identification.tag, !release.workTree {
            let approvals = try ReleaseApprovals.ofAttachedBundle(tag.name, request: release)
            checked.approvals = approvals.isEmpty && !requireApproval ? nil : approvals
        } else if requireApproval {
            throw DossierError("--approved checks the bundle attached to a release tag; \(facts.identification.release) is not one")
        }
        return Result(report: checked, warnings: assembled.warnings)
    }
}
