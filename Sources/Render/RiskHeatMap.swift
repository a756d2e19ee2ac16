import Model
import Records
import Support

/// The risk policy's acceptability matrix as a heat map, before and after control: one grid each, one above the
/// other, severities
/// highest at the top, probabilities rising to the right, each cell shaded by its verdict (A white, R light grey,
/// U dark grey, so it reads in black and white) and holding its verdict, how many risks fall in it and their ids. A
/// picture drawn directly (a grid needs no layout), in the same bytes for the same risks.
enum RiskHeatMap {
    /// The file name the picture has in a bundle, and that the documents' Markdown shows it by.
    static let fileName = "picture-risk-matrix.svg"

    /// The heat map of the file's matrix; nil without a risk policy.
    static func svg(_ file: RiskFile) -> String? {
        guard let matrix = file.matrix, !matrix.rows.isEmpty, !matrix.probabilities.isEmpty else { return nil }
        // Drawn at the width of an A4 page's text (688 px at 96 dpi), so that printed it is not scaled down: every
        // text is 12 px, 9 pt, the least the print style allows.
        let columns = matrix.probabilities.count, rows = matrix.rows.count
        let labelWidth = 96, cellWidth = max(60, min(114, (676 - labelWidth) / columns)), cellHeight = 64
        let charactersPerLine = cellWidth / 7
        let top = 46, bottom = 42, gap = 30
        let width = labelWidth + columns * cellWidth + 10
        let panelHeight = top + rows * cellHeight + bottom, height = 2 * panelHeight + gap
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" class="picture" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="Risk acceptability matrix before and after control" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
        svg += "\n"
        for (panel, after) in [(0, false), (1, true)] {
            let y0 = panel * (panelHeight + gap), middle = labelWidth + columns * cellWidth / 2
            svg += SVGText.text(x: middle, y: y0 + 18, after ? "After control (residual)" : "Before control (initial)", anchor: "middle",
                        weight: "bold", fill: black)
            svg += SVGText.text(x: 2, y: y0 + top - 8, "severity ↓", fill: black)
            for (rowIndex, row) in matrix.rows.enumerated() {
                let y = y0 + top + rowIndex * cellHeight
                svg += SVGText.text(x: labelWidth - 6, y: y + cellHeight / 2 + 4, SVGText.clipped(row.severity, 12), anchor: "end", fill: black)
                for (columnIndex, matrixCell) in row.cells.enumerated() {
                    let x = labelWidth + columnIndex * cellWidth
                    let probability = matrix.probabilities[columnIndex]
                    let ids = file.risks.filter { entry in
                        let estimate = after ? entry.residual?.estimate : entry.initial?.estimate
                        return estimate?.severity == row.severity && estimate?.probability == probability
                    }.map(\.risk.id)
                    let (fill, ink) = shade(matrixCell.verdict)
                    svg += #"<rect x="\#(x)" y="\#(y)" width="\#(cellWidth)" height="\#(cellHeight)" fill="\#(fill)" stroke="black" stroke-width="1"/>"#
                    svg += "\n"
                    let verdict = matrixCell.verdict?.rawValue ?? "–"
                    svg += SVGText.text(x: x + cellWidth / 2, y: y + 20, ids.isEmpty ? verdict : "\(verdict) · \(ids.count)", anchor: "middle",
                                weight: ids.isEmpty ? nil : "bold", fill: ink)
                    for (line, words) in idLines(ids, width: charactersPerLine).enumerated() {
                        svg += SVGText.text(x: x + cellWidth / 2, y: y + 38 + line * 15, words, anchor: "middle", fill: ink)
                    }
                }
            }
            let below = y0 + top + rows * cellHeight
            for (columnIndex, probability) in matrix.probabilities.enumerated() {
                svg += SVGText.text(x: labelWidth + columnIndex * cellWidth + cellWidth / 2, y: below + 16, SVGText.clipped(probability, charactersPerLine),
                            anchor: "middle", fill: black)
            }
            svg += SVGText.text(x: middle, y: below + 34, "probability of harm →", anchor: "middle", fill: black)
        }
        return svg + "</svg>\n"
    }

    /// The text colour outside the cells.
    private static let black = "#000000"

    /// A cell's fill and text colour for its verdict: A white, R light grey, U dark grey with white text.
    private static func shade(_ verdict: Acceptability?) -> (fill: String, ink: String) {
        switch verdict {
        case .acceptable?: ("#ffffff", "#000000")
        case .reduce?: ("#d0d0d0", "#000000")
        case .unacceptable?: ("#505050", "#ffffff")
        case nil: ("#ffffff", "#000000")
        }
    }

    /// The ids of a cell's risks on at most two lines of about `width` characters, the rest counted (`+3`).
    static func idLines(_ ids: [String], width: Int = 24) -> [String] {
        var lines: [String] = [], current = "", shown = 0
        for id in ids.map({ SVGText.clipped($0, width - 3) }) {
            let next = current.isEmpty ? id : current + ", " + id
            if next.count <= width {
                current = next
            } else {
                if lines.count == 1 { break }
                lines.append(current)
                current = id
            }
            shown += 1
        }
        if !current.isEmpty { lines.append(current) }
        if shown < ids.count, !lines.isEmpty { lines[lines.count - 1] += " +\(ids.count - shown)" }
        return lines
    }

}
