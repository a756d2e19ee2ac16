import Evidence

/// A kind of thing a release can hold that evidences clauses: records of a kind, test results, signatures.
/// `ReleaseInventory` finds which kinds a release holds; `ClauseTable` says which kinds each clause needs.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The software system's safety class, stated in dossier.yml.
    case deviceClass
    /// Software items that state their safety class.
    case classifiedItems
    /// Requirements (not retired).
    case requirements
    /// Requirements with status approved.
    case approvedRequirements
    /// Risk controls of the risks that are requirements on record.
    case controlRequirements
    /// Risks (not retired).
    case risks
    /// Risks naming their hazardous situation.
    case risksWithSituation
    /// Risks naming their cause.
    case risksWithCause
    /// Risks naming the software items involved.
    case risksWithItems
    /// Risks with an initial severity and probability.
    case estimatedRisks
    /// The risk acceptability policy (the matrix of severity by probability).
    case riskPolicy
    /// Risks with risk controls.
    case risksWithControls
    /// Risk controls whose requirement passed its tests.
    case verifiedControls
    /// Risks whose residual risk the policy judges.
    case residualRisks
    /// Risks with a benefit-risk statement.
    case benefitRisk
    /// Software items (not retired).
    case items
    /// Interfaces of the software items in force (`interfaces` of the items).
    case interfaces
    /// SOUP items (not retired).
    case soup
    /// An SBOM with its list of known vulnerabilities.
    case sbom
    /// Test cases with results.
    case testCases
    /// Requirements with a linked test in the evidence.
    case testedRequirements
    /// Problem reports.
    case problemReports
    /// Problem reports with an evaluation.
    case evaluatedProblemReports
    /// Problem reports, every open one evaluated.
    case evaluatedAnomalies
    /// Problem reports that change requests name.
    case problemReportsInChangeControl
    /// Problem reports whose named tests of the resolution have results in the release's test evidence.
    case problemReportsWithTests
    /// An overall residual risk evaluation (ISO 14971 8) that names this release.
    case residualRiskEvaluation
    /// A risk management review (ISO 14971 9) that names this release.
    case riskManagementReview
    /// This release's change requests with a safety-impact analysis.
    case analysedChangeRequests
    /// This release's change requests with an approval.
    case approvedChangeRequests
    /// This release's change requests with a regulatory decision.
    case regulatoryDecisions
    /// This release's change requests stating the risk controls they affect.
    case controlImpactStated
    /// This release's change requests naming the risks they affect.
    case changeRequestsNamingRisks
    /// Commits naming a change request.
    case traceableCommits
    /// The commits of the release.
    case commits
    /// The release tag.
    case releaseTag
    /// The release before this one.
    case previousRelease
    /// A release tag with a good signature (G).
    case signedTag
    /// Commits with a good signature (G).
    case signedCommits
    /// Update packages, at least one, each with a detached signature whose verdict is G.
    case signedUpdatePackages
    /// Build provenance naming the release commit as its source (and, with update packages, each as a subject).
    case buildProvenance

    /// What a release lacks when it does not hold this kind, e.g. `no requirements`.
    public var missing: String {
        switch self {
        case .deviceClass: "no software safety class in dossier.yml"
        case .classifiedItems: "no software item with a safety class"
        case .requirements: "no requirements"
        case .approvedRequirements: "no approved requirement"
        case .controlRequirements: "no risk control that is a requirement"
        case .risks: "no risks"
        case .risksWithSituation: "no risk naming its hazardous situation"
        case .risksWithCause: "no risk naming its cause"
        case .risksWithItems: "no risk naming its software items"
        case .estimatedRisks: "no risk with severity and probability"
        case .riskPolicy: "no risk acceptability policy"
        case .risksWithControls: "no risk with controls"
        case .verifiedControls: "no risk control verified by a passing test"
        case .residualRisks: "no residual risk judged by the policy"
        case .benefitRisk: "no benefit-risk statement"
        case .items: "no software items"
        case .interfaces: "no interfaces of software items"
        case .soup: "no SOUP items"
        case .sbom: "no SBOM"
        case .testCases: "no test results"
        case .testedRequirements: "no requirement with a linked test result"
        case .problemReports: "no problem reports"
        case .evaluatedProblemReports: "no evaluated problem report"
        case .evaluatedAnomalies: "an open problem report without an evaluation, or no problem reports"
        case .problemReportsInChangeControl: "no problem report named by a change request"
        case .problemReportsWithTests: "no problem report whose named tests have results in the evidence"
        case .residualRiskEvaluation: "no overall residual risk evaluation naming this release"
        case .riskManagementReview: "no risk management review naming this release"
        case .analysedChangeRequests: "no change request of this release with a safety-impact analysis"
        case .approvedChangeRequests: "no approved change request in this release"
        case .regulatoryDecisions: "no change request of this release with a regulatory decision"
        case .controlImpactStated: "no change request of this release stating the risk controls it affects"
        case .changeRequestsNamingRisks: "no change request of this release naming the risks it affects"
        case .traceableCommits: "no commit naming a change request"
        case .commits: "no commits"
        case .releaseTag: "no release tag"
        case .previousRelease: "no previous release"
        case .signedTag: "no release tag with a good signature"
        case .signedCommits: "no commit with a good signature"
        case .signedUpdatePackages: "no update package (--artifact) whose every signature is good"
        case .buildProvenance: "no build provenance (--provenance) of the release commit naming every update package"
        }
    }
}
