import Model
import Records
import Support

/// The risk management files of two releases (`RiskFile`, as each release's SUF shows it), and the risks whose
/// entry differs: a changed field, a control's verification result, a cell of the matrix. Where a record is
/// defined (its line) is not a difference.
public struct RiskFileDiff: Sendable, Codable, Hashable {
    /// The old release's risk management file.
    public var old: RiskFile
    /// The new release's risk management file.
    public var new: RiskFile
    /// Risks in force on the new side whose entry is new or differs, in the new side's order.
    public var changed: [String]
    /// Risks in force on the old side and not on the new one.
    public var gone: [String]

    /// Whether the two files say the same.
    public var isEmpty: Bool {
        changed.isEmpty && gone.isEmpty && old.matrix == new.matrix
            && old.evaluations.map(Self.located) == new.evaluations.map(Self.located)
            && old.reviews.map(Self.located) == new.reviews.map(Self.located)
    }

    init(old: AssessedRelease, new: AssessedRelease) {
        self.old = RiskFile(old)
        self.new = RiskFile(new)
        let before = Dictionary(self.old.risks.map { ($0.risk.id, Self.located($0)) }, uniquingKeysWith: { a, _ in a })
        let after = Set(self.new.risks.map(\.risk.id))
        changed = self.new.risks.filter { before[$0.risk.id] != Self.located($0) }.map(\.risk.id)
        gone = self.old.risks.map(\.risk.id).filter { !after.contains($0) }
    }

    /// The value with its source location blanked, for comparing facts only.
    private static func located(_ entry: RiskEntry) -> RiskEntry {
        var entry = entry
        entry.risk.source = SourceLocation(file: entry.risk.source.file)
        return entry
    }

    private static func located(_ evaluation: ResidualRiskEvaluation) -> ResidualRiskEvaluation {
        var evaluation = evaluation
        evaluation.source = SourceLocation(file: evaluation.source.file)
        return evaluation
    }

    private static func located(_ review: RiskManagementReview) -> RiskManagementReview {
        var review = review
        review.source = SourceLocation(file: review.source.file)
        return review
    }
}
