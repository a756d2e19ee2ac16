import Assembly
import Checks
import Foundation
import Support

/// `dossier check`: runs the gap rules over a release (or the work tree), with the same assembly as `dossier suf`,
/// without the documents.
public struct CheckAction: Sendable {
    /// The release checked, and how it is read (`workTree` for the uncommitted state).
    public var release: ReleaseRequest

    /// Creates the action.
    public init(release: ReleaseRequest) {
        self.release = release
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
        return Result(report: report, warnings: assembled.warnings)
    }
}
