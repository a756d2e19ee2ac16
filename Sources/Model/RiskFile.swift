import Foundation
import Git
import Records

/// The risk management file of one release as every document shows it (SUF, DHF and diff): each risk in force
/// with its chain from hazard to harm, its estimates and their cells of the acceptability matrix, each control with
/// its verification result, the residual risk's acceptability and benefit-risk; the matrix with the count of risks
/// in each cell before and after control; the overall residual risk evaluations and risk management reviews.
/// Computed in one place from the records and the trace matrix, so the documents cannot disagree.
public struct RiskFile: Sendable, Codable, Hashable {
    /// The risks in force, in file order.
    public var risks: [RiskEntry]
    /// The acceptability matrix with its counts; nil without a risk policy.
    public var matrix: RiskMatrix?
    /// Overall residual risk evaluations (ISO 14971 8), in file order.
    public var evaluations: [ResidualRiskEvaluation]
    /// Risk management reviews (ISO 14971 9), in file order.
    public var reviews: [RiskManagementReview]

    /// The risk management file of `records`, with each control's result from `verification` (by requirement id:
    /// the tests linked to it and their result taken together, as the trace matrix gives them).
    public init(records: RecordSet, verification: [String: (tests: [String], result: String)]) {
        let policy = records.riskPolicy
        let requirements = Dictionary(records.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let current = records.risks.filter { $0.obsolete == nil }
        risks = current.map { risk in
            RiskEntry(risk, policy: policy, requirements: requirements, verification: verification)
        }
        matrix = policy.map { RiskMatrix(policy: $0, risks: current) }
        evaluations = records.residualRiskEvaluations
        reviews = records.riskManagementReviews
    }

    /// The risk management file of a release, its controls' results from its trace matrix.
    public init(_ assessed: AssessedRelease) {
        self.init(records: assessed.release.records, verification: Dictionary(
            assessed.assessment.traceMatrix.map { ($0.requirement, (tests: $0.tests.map(\.id), result: $0.result)) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// A risk estimate as the documents show it: severity, probability (P1 and P2 where given) and its cell's verdict.
public struct EstimateEntry: Sendable, Codable, Hashable {
    /// The estimate as written.
    public var estimate: RiskEstimate
    /// The verdict of its cell in the acceptability matrix; nil without a policy or outside the matrix.
    public var verdict: Acceptability?
}

/// A risk control with the requirement it is and that requirement's verification result.
public struct ControlEntry: Sendable, Codable, Hashable {
    /// The requirement's id.
    public var requirement: String
    /// The requirement's title; nil when no requirement has the id.
    public var title: String?
    /// The kind of control.
    public var type: RiskControlType?
    /// The tests linked to the requirement.
    public var tests: [String]
    /// Their result taken together (passed, failed, skipped, no test), or why there is none.
    public var result: String
}

/// One risk of the risk management file.
public struct RiskEntry: Sendable, Codable, Hashable {
    /// The risk record.
    public var risk: Risk
    /// The estimate before control.
    public var initial: EstimateEntry?
    /// The controls, each with its verification result.
    public var controls: [ControlEntry]
    /// The estimate after control.
    public var residual: EstimateEntry?
    /// Whether the residual risk needs a benefit-risk statement (ISO 14971 7.4): its cell is not A.
    public var benefitRiskRequired: Bool
    /// Whether the residual risk is acceptable, in words.
    public var acceptability: String

    init(_ risk: Risk, policy: RiskPolicy?, requirements: [String: Requirement],
         verification: [String: (tests: [String], result: String)]) {
        self.risk = risk
        initial = risk.initial.map { EstimateEntry(estimate: $0, verdict: policy?.verdict($0)) }
        residual = risk.residual.map { EstimateEntry(estimate: $0, verdict: policy?.verdict($0)) }
        controls = risk.controls.map { control in
            let requirement = requirements[control.requirement]
            let check = verification[control.requirement]
            let result = requirement == nil ? "not a requirement in the records"
                : requirement?.obsolete != nil ? "obsolete requirement" : check?.result ?? "no test"
            return ControlEntry(requirement: control.requirement, title: requirement?.title, type: control.type,
                                tests: check?.tests ?? [], result: result)
        }
        let statement = !(risk.benefitRisk ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        benefitRiskRequired = residual.map { $0.verdict != nil && $0.verdict != .acceptable } ?? false
        acceptability = switch (policy, residual?.verdict, statement) {
        case (nil, _, _): "not evaluated: there is no risk policy"
        case (_, nil, _) where residual == nil: "not evaluated: no residual risk is estimated"
        case (_, nil, _): "not evaluated: the estimate is outside the acceptability matrix"
        case (_, .acceptable?, _): "acceptable"
        case (_, .reduce?, true): "acceptable: reduced as far as practicable, and the benefit outweighs the residual risk (ISO 14971 7.4)"
        case (_, .reduce?, false): "not shown acceptable: reduce as far as practicable, and no benefit-risk statement"
        case (_, .unacceptable?, true): "accepted on benefit-risk only (ISO 14971 7.4)"
        case (_, .unacceptable?, false): "not acceptable"
        }
    }
}

/// The acceptability matrix of the risk policy with the count of risks in force in each cell, before and after
/// control.
public struct RiskMatrix: Sendable, Codable, Hashable {
    /// The probability names, lowest first: the columns.
    public var probabilities: [String]
    /// One row per severity, highest first.
    public var rows: [RiskMatrixRow]
    /// Risks with no estimate before control, and with none after.
    public var notEstimated: BeforeAfterCount

    init(policy: RiskPolicy, risks: [Risk]) {
        probabilities = policy.probability
        func count(_ estimate: (Risk) -> RiskEstimate?, _ severity: String, _ probability: String) -> Int {
            risks.count { estimate($0).map { $0.severity == severity && $0.probability == probability } ?? false }
        }
        rows = policy.severity.reversed().map { severity in
            RiskMatrixRow(severity: severity, cells: policy.probability.enumerated().map { column, probability in
                RiskMatrixCell(verdict: policy.acceptability[severity]?[column],
                               count: BeforeAfterCount(before: count(\.initial, severity, probability),
                                                       after: count(\.residual, severity, probability)))
            })
        }
        notEstimated = BeforeAfterCount(before: risks.count { $0.initial == nil }, after: risks.count { $0.residual == nil })
    }
}

/// A count before control and after.
public struct BeforeAfterCount: Sendable, Codable, Hashable {
    /// Before control (initial estimates).
    public var before: Int
    /// After control (residual estimates).
    public var after: Int
}

/// One severity's row of the matrix.
public struct RiskMatrixRow: Sendable, Codable, Hashable {
    /// The severity.
    public var severity: String
    /// One cell per probability, lowest first.
    public var cells: [RiskMatrixCell]
}

/// One cell of the matrix: its verdict and how many risks fall in it.
public struct RiskMatrixCell: Sendable, Codable, Hashable {
    /// The policy's verdict; nil when the policy has no acceptability matrix.
    public var verdict: Acceptability?
    /// Risks in the cell before and after control.
    public var count: BeforeAfterCount
}
