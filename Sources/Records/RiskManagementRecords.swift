import Foundation
import Support

/// The overall residual risk evaluation of a release (ISO 14971 clause 8): the manufacturer weighs all residual
/// risks together against the benefits of intended use, and writes who did it, when, and what they concluded.
public struct ResidualRiskEvaluation: Sendable, Codable, Hashable {
    /// The release it covers, e.g. `v2.0.0`.
    public var release: String
    /// Who evaluated.
    public var by: [String]
    /// When, as YYYY-MM-DD.
    public var date: String
    /// Whether the overall residual risk was judged acceptable.
    public var acceptable: Bool
    /// The conclusion as written.
    public var conclusion: String
    /// How the overall residual risk was evaluated, when stated.
    public var method: String?
    /// Where it is defined.
    public var source: SourceLocation

    static let allowed = ["release", "by", "date", "acceptable", "conclusion", "method"]

    init(_ m: YAMLMapping) throws {
        source = m.location
        release = try m.requiredText("release")
        by = try RiskManagementRecords.people(m)
        date = try RiskManagementRecords.date(m)
        guard let acceptable = try m.bool("acceptable") else {
            throw DossierError("\(m.what) is missing the required field 'acceptable' (true or false: is the overall residual risk acceptable)", at: m.location)
        }
        self.acceptable = acceptable
        conclusion = try m.requiredText("conclusion")
        method = try m.text("method")
    }
}

/// The risk management review before a release (ISO 14971 clause 9): the plan was carried out, the overall residual
/// risk is acceptable, and production and post-production information is collected.
public struct RiskManagementReview: Sendable, Codable, Hashable {
    /// The release it covers, e.g. `v2.0.0`.
    public var release: String
    /// Who reviewed.
    public var by: [String]
    /// When, as YYYY-MM-DD.
    public var date: String
    /// The conclusion as written.
    public var conclusion: String
    /// The risk management report it is documented in, when named.
    public var report: String?
    /// Where it is defined.
    public var source: SourceLocation

    static let allowed = ["release", "by", "date", "conclusion", "report"]

    init(_ m: YAMLMapping) throws {
        source = m.location
        release = try m.requiredText("release")
        by = try RiskManagementRecords.people(m)
        date = try RiskManagementRecords.date(m)
        conclusion = try m.requiredText("conclusion")
        report = try m.text("report")
    }
}

/// Reads the file `records.risk_management` names: `residual_risk_evaluations:` and `risk_management_reviews:`.
enum RiskManagementRecords {
    static let listKeys = ["residual_risk_evaluations", "risk_management_reviews"]

    static func read(_ root: YAMLValue, into set: inout RecordSet) throws {
        let top = try root.mapping(root.file, allowed: listKeys)
        if let list = top["residual_risk_evaluations"] {
            for entry in try list.list("a list of overall residual risk evaluations under 'residual_risk_evaluations'") {
                set.residualRiskEvaluations.append(try ResidualRiskEvaluation(entry.mapping("an overall residual risk evaluation", allowed: ResidualRiskEvaluation.allowed)))
            }
        }
        if let list = top["risk_management_reviews"] {
            for entry in try list.list("a list of risk management reviews under 'risk_management_reviews'") {
                set.riskManagementReviews.append(try RiskManagementReview(entry.mapping("a risk management review", allowed: RiskManagementReview.allowed)))
            }
        }
    }

    /// `by`: one name, or a list of names; required.
    static func people(_ m: YAMLMapping) throws -> [String] {
        let names: [String]
        if let value = m["by"], case .sequence = value.node {
            names = try m.texts("by")
        } else {
            names = try m.text("by").map { [$0] } ?? []
        }
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw DossierError("\(m.what) is missing the required field 'by' (who; a name or a list of names)", at: m["by"]?.location ?? m.location)
        }
        return names
    }

    /// `date`: YYYY-MM-DD; required.
    static func date(_ m: YAMLMapping) throws -> String {
        let text = try m.requiredText("date")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw DossierError("expected a date as YYYY-MM-DD for 'date', found \(Excerpt.quoted(text))", at: m["date"]?.location)
        }
        return text
    }
}
