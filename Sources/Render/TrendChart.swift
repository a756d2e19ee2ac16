import Support
import Views

/// The DHF's trends per release as small bar charts, one above the other, releases left to right: commits, change
/// requests, findings by level, the share of signed and of good (G) commits, clause coverage and open anomalies. Drawn directly
/// (bars need no layout) at the width of an A4 page's text with 12 px text, two shades where a chart pairs two
/// counts, so it reads in black and white; the same history gives the same bytes.
enum TrendChart {
    /// The file name the picture has in the DHF's folder, and that the DHF's Markdown shows it by.
    static let fileName = "picture-trends.svg"

    /// One chart: its title, the names of its one or two series, and each release's values.
    struct Series {
        var title: String
        var names: [String]
        /// Each release's values; nil where the release's bundle does not record the value (drawn as "n/a").
        var values: [[Int?]]
        /// The value the axis runs to (100 for shares); nil: the largest value.
        var maximum: Int?
    }

    /// The charts of `history`, with each release's clause counts (evidenced, gaps) as the DHF's table gives them;
    /// nil for a history of no release.
    static func svg(_ history: DesignHistory, coverage: [(evidenced: Int, gaps: Int)]) -> String? {
        let releases = history.releases
        guard !releases.isEmpty, coverage.count == releases.count else { return nil }
        func share(_ part: Int, _ whole: Int) -> Int { whole == 0 ? 0 : part * 100 / whole }
        let charts = [
            Series(title: "Commits", names: ["commits"], values: releases.map { [$0.commits] }),
            Series(title: "Change requests", names: ["change requests"], values: releases.map { [$0.changeRequests.count] }),
            Series(title: "Findings", names: ["errors", "warnings"], values: releases.map { [$0.findings.errors, $0.findings.warnings] }),
            Series(title: "Commits signed, and signed good (G), in %", names: ["signed", "good (G)"],
                   values: releases.map { [share($0.signedCommits, $0.commits), share($0.goodCommits, $0.commits)] }, maximum: 100),
            Series(title: "Clauses evidenced, and gaps", names: ["evidenced", "gaps"], values: coverage.map { [$0.evidenced, $0.gaps] }),
            Series(title: "Open anomalies (problem reports open at the release)", names: ["open anomalies"],
                   values: releases.map { [$0.openAnomalies] }),
        ]
        let width = 676, left = 56, right = 8, chartHeight = 110, titleHeight = 24, labelHeight = 56, gap = 14
        let panel = titleHeight + chartHeight + labelHeight + gap
        let height = charts.count * panel
        let slot = Double(width - left - right) / Double(releases.count)
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" class="picture" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" aria-label="Trends per release" font-family="Helvetica, Arial, sans-serif" font-size="12">"#
        svg += "\n"
        for (index, chart) in charts.enumerated() {
            let top = index * panel, base = top + titleHeight + chartHeight
            let maximum = max(1, chart.maximum ?? chart.values.flatMap { $0 }.compactMap { $0 }.max() ?? 1)
            let legend = chart.names.count > 1
                ? " (" + zip(chart.names, ["dark", "light"]).map { "\($0) \($1)" }.joined(separator: ", ") + ")" : ""
            svg += SVGText.text(x: 0, y: top + 16, chart.title + legend, weight: "bold")
            svg += SVGText.text(x: left - 6, y: top + titleHeight + 10, String(maximum), anchor: "end")
            svg += SVGText.text(x: left - 6, y: base, "0", anchor: "end")
            svg += #"<line x1="\#(left)" y1="\#(base)" x2="\#(width - right)" y2="\#(base)" stroke="black" stroke-width="1"/>"#
            svg += "\n"
            for (position, values) in chart.values.enumerated() {
                let x = Double(left) + Double(position) * slot
                let barWidth = max(1.0, min(36, (slot - 4) / Double(values.count)))
                // The release's bars, centred in its slot.
                let start = x + (slot - barWidth * Double(values.count)) / 2
                for (series, value) in values.enumerated() {
                    guard let value else {
                        // Not recorded by the release's bundle: said, not drawn as zero.
                        svg += SVGText.text(x: Int((start + Double(series) * barWidth + barWidth / 2).rounded()), y: base - 4, "n/a", anchor: "middle")
                        continue
                    }
                    let barHeight = Double(chartHeight) * Double(min(value, maximum)) / Double(maximum)
                    let fill = series == 0 ? "#404040" : "#b0b0b0"
                    svg += #"<rect x="\#(format(start + Double(series) * barWidth))" y="\#(format(Double(base) - barHeight))" width="\#(format(barWidth))" height="\#(format(barHeight))" fill="\#(fill)" stroke="black" stroke-width="0.5"><title>\#(XMLText.xmlEscaped("\(releases[position].release): \(value) \(chart.names[series])", attribute: false))</title></rect>"#
                    svg += "\n"
                }
                // The release's name, turned so that twenty of them fit under the bars.
                let labelX = format(x + slot / 2), labelY = base + 14
                svg += #"<text x="\#(labelX)" y="\#(labelY)" text-anchor="end" transform="rotate(-40 \#(labelX) \#(labelY))">\#(XMLText.xmlEscaped(SVGText.clipped(releases[position].release, 14), attribute: false))</text>"#
                svg += "\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// A coordinate with at most one decimal, the same text for the same value.
    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

}
