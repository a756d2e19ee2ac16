import Foundation
import Model
import Records
import Support

/// The values of the partial `{{>risks}}` (risks.mustache), made from a `RiskFile`: the SUF, the DHF and the diff
/// all render their risk management file through it, so each shows the same facts in the same words.
extension SUFContext {
    /// What to show of a risk management file.
    struct RiskFileParts {
        /// The heading of the matrix.
        var matrixTitle = "Acceptability matrix"
        /// The risks to show in full; nil for every risk of the file.
        var entries: [RiskEntry]?
        /// The sentence above the risks.
        var entriesIntro = "Each risk in force, from hazard to harm, with its estimates, its controls and how each was verified, and its residual risk:"
        /// Whether to show the overall residual risk evaluations and risk management reviews.
        var management = true
        /// A risk's history across releases (the DHF), by id.
        var history: ((String) -> String)?
        /// Whether the matrix is drawn as a heat map beside the document (the SUF and DHF bundles); the diff, one file,
        /// has no place for it.
        var heatMap = true
    }

    /// The values of `{{>risks}}` (keys: docs/templates.md, `riskFile`).
    struct RiskFileValues: Sendable {
        var matrixTitle: String
        /// Absent without a policy (then `noPolicy`).
        var matrix: Matrix?
        var noPolicy: Bool
        var entriesIntro: String
        var showEntries: Bool
        var entries: TemplateList<Entry>
        var management: Bool
        var evaluations: TemplateList<Evaluation>?
        var reviews: TemplateList<Review>?

        struct Entry: Sendable { var id, anchor, hazard: String; var fields: TemplateList<Field> }
        struct Field: Sendable { var name, value: String }
        struct Evaluation: Sendable { var release, by, date, verdict, conclusion: String }
        struct Review: Sendable { var release, by, date, conclusion, report: String }
        struct Matrix: Sendable {
            var columns: TemplateList<Column>
            var rows: TemplateList<Row>
            var hasNotEstimated: Bool
            var notEstimated: String
            /// The heat map's file name in the bundle (`RiskHeatMap.fileName`); nil when it is not drawn.
            var picture: String?
        }
        /// The heat map itself, which the renderer writes beside the document and puts into its HTML (a template
        /// shows it by `matrix.picture`, its file name).
        var pictureSVG: String?
        struct Column: Sendable { var column: String }
        struct Row: Sendable { var severity: String; var cells: TemplateList<Cell> }
        struct Cell: Sendable { var cell: String }
    }

    /// The partial's values for `file`.
    static func riskFile(_ file: RiskFile, _ parts: RiskFileParts = RiskFileParts()) -> RiskFileValues {
        let entries = parts.entries ?? file.risks
        return RiskFileValues(
            matrixTitle: parts.matrixTitle, matrix: file.matrix.map { matrixValues($0, heatMap: parts.heatMap) }, noPolicy: file.matrix == nil,
            entriesIntro: parts.entriesIntro, showEntries: !entries.isEmpty,
            entries: TemplateList(entries.map { entry in
                var fields = riskFields(entry)
                if let history = parts.history?(entry.risk.id), !history.isEmpty { fields.append(row("History", history)) }
                return RiskFileValues.Entry(id: entry.risk.id, anchor: MarkdownText.anchor(entry.risk.id), hazard: entry.risk.hazard,
                                            fields: TemplateList(fields))
            }),
            management: parts.management,
            evaluations: !parts.management ? nil : TemplateList(file.evaluations.map { evaluation in
                RiskFileValues.Evaluation(release: evaluation.release, by: evaluation.by.joined(separator: ", "), date: evaluation.date,
                                          verdict: evaluation.acceptable ? "acceptable" : "not acceptable",
                                          conclusion: evaluation.conclusion + (evaluation.method.map { " Method: \($0)" } ?? ""))
            }),
            reviews: !parts.management ? nil : TemplateList(file.reviews.map { review in
                RiskFileValues.Review(release: review.release, by: review.by.joined(separator: ", "), date: review.date,
                                      conclusion: review.conclusion, report: review.report ?? "not named")
            }),
            pictureSVG: parts.heatMap ? RiskHeatMap.svg(file) : nil)
    }

    /// One row per fact of a risk, in a fixed order; the chain from hazard to harm says "not stated" where a field
    /// is missing, so a gap shows.
    static func riskFields(_ entry: RiskEntry) -> [RiskFileValues.Field] {
        let risk = entry.risk
        var rows: [RiskFileValues.Field] = [
            row("Hazard", risk.hazard),
            row("Sequence of events", risk.sequenceOfEvents ?? "not stated"),
            row("Hazardous situation", risk.hazardousSituation ?? "not stated"),
            row("Cause", risk.cause ?? "not stated"),
            row("Harm", risk.harm ?? "not stated"),
        ]
        rows += estimateRows(entry.initial, when: "before control")
        if entry.controls.isEmpty { rows.append(row("Controls", "none")) }
        for control in entry.controls {
            let name = "Control \(control.requirement)" + (control.type.map { " (\($0.rawValue.replacingUnderscores))" } ?? "")
            let tests = control.tests.isEmpty ? "" : " (\(control.tests.joined(separator: ", ")))"
            rows.append(row(name, (control.title.map { "\($0); " } ?? "") + "verification: \(control.result)" + tests))
        }
        rows += estimateRows(entry.residual, when: "after control")
        rows.append(row("Residual risk acceptability", entry.acceptability))
        let statement = (risk.benefitRisk ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        rows.append(row("Benefit-risk", !statement.isEmpty ? statement
                        : entry.benefitRiskRequired ? "required (ISO 14971 7.4), none written"
                        : entry.residual == nil ? "not assessed: no residual risk is estimated" : "not required"))
        if !risk.items.isEmpty { rows.append(row("Software items", risk.items.joined(separator: ", "))) }
        return rows
    }

    private static func estimateRows(_ entry: EstimateEntry?, when: String) -> [RiskFileValues.Field] {
        guard let entry else { return [row("Risk \(when)", "not estimated")] }
        let estimate = entry.estimate
        var rows = [row("Severity \(when)", estimate.severity)]
        if let p1 = estimate.p1 { rows.append(row("P1 \(when): hazardous situation occurs", p1)) }
        if let p2 = estimate.p2 { rows.append(row("P2 \(when): hazardous situation leads to harm", p2)) }
        rows.append(row("Probability of harm \(when)", estimate.probability))
        rows.append(row("Risk \(when)", entry.verdict.map { "\($0.rawValue): \($0.title)" } ?? "outside the acceptability matrix"))
        return rows
    }

    private static func row(_ name: String, _ value: String) -> RiskFileValues.Field { RiskFileValues.Field(name: name, value: value) }

    /// The matrix as a table: severities highest first, a cell `R: 3 → 1` for its verdict and the risks in it
    /// before and after control, the verdict alone when none falls in it.
    private static func matrixValues(_ matrix: RiskMatrix, heatMap: Bool) -> RiskFileValues.Matrix {
        var notes: [String] = []
        func risks(_ count: Int) -> String { count == 1 ? "1 risk has" : "\(count) risks have" }
        if matrix.notEstimated.before > 0 { notes.append("\(risks(matrix.notEstimated.before)) no estimate before control") }
        if matrix.notEstimated.after > 0 { notes.append("\(risks(matrix.notEstimated.after)) no estimate after control") }
        return RiskFileValues.Matrix(
            columns: TemplateList(matrix.probabilities.map(RiskFileValues.Column.init)),
            rows: TemplateList(matrix.rows.map { row in
                RiskFileValues.Row(severity: row.severity, cells: TemplateList(row.cells.map { cell in
                    let verdict = cell.verdict?.rawValue ?? "–"
                    let count = cell.count
                    return RiskFileValues.Cell(cell: count.before == 0 && count.after == 0 ? verdict : "\(verdict): \(count.before) → \(count.after)")
                }))
            }),
            hasNotEstimated: !notes.isEmpty, notEstimated: notes.joined(separator: "; ") + ".",
            picture: heatMap ? RiskHeatMap.fileName : nil)
    }
}
