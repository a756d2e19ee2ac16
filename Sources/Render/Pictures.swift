/// The pictures dossier draws for a document, and how its HTML holds them: the Markdown shows each by its file name
/// (an image, which GitHub and GitLab display from the bundle), and the HTML page puts the SVG itself where that
/// image is, so that the page, and the PDF printed from it, stand alone.
enum Pictures {
    /// The pictures of a document whose risk management file is `riskFile`, by file name.
    static func of(_ riskFile: SUFContext.RiskFileValues) -> [String: String] {
        riskFile.pictureSVG.map { [RiskHeatMap.fileName: $0] } ?? [:]
    }

    /// `html` with each `<img src="NAME" …>` whose NAME is one of `pictures` replaced by that picture (which says
    /// what it shows in its `aria-label`). Only dossier's own drawings are put in: an image of any other source stays.
    static func inline(_ html: String, _ pictures: [String: String]) -> String {
        guard !pictures.isEmpty else { return html }
        var html = html
        for (name, svg) in pictures.sorted(by: { $0.key < $1.key }) {
            let start = Array("<img src=\"\(name)\" alt=\"".utf8), end = Array("\" />".utf8)
            while let found = html.utf8.firstRange(of: start) {
                guard let close = html.utf8[found.upperBound...].firstRange(of: end) else { break }
                html.replaceSubrange(found.lowerBound..<close.upperBound, with: svg)
            }
        }
        return html
    }
}
