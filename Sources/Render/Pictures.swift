import Records

/// The pictures dossier draws for a document, and how its HTML holds them: the Markdown shows each by its file name
/// (an image, which GitHub and GitLab display from the bundle), and the HTML page puts the SVG itself where that
/// image is, so that the page, and the PDF printed from it, stand alone.
enum Pictures {
    /// The pictures of a document whose risk management file is `riskFile`, by file name.
    static func of(_ riskFile: SUFContext.RiskFileValues) -> [String: String] {
        riskFile.pictureSVG.map { [RiskHeatMap.fileName: $0] } ?? [:]
    }

    /// The architecture pictures `values` names (`architecturePicture`, `securityPicture`), drawn from `records`,
    /// their boxes linked to rows of `sufPage`.
    /// - Throws: `DossierError` when Graphviz fails.
    static func architecture(_ records: RecordSet, values: SUFValues, sufPage: String) throws -> [String: String] {
        var pictures: [String: String] = [:]
        if let file = values.architecturePicture { pictures[file] = try ArchitecturePicture.svg(records, sufPage: sufPage) }
        if let file = values.securityPicture { pictures[file] = try ArchitecturePicture.securitySVG(records, sufPage: sufPage) }
        return pictures
    }

    /// `pictures` as `page` holds them inline: a link to `page#anchor` becomes the in-page `#anchor`. The page's name
    /// is percent-encoded in the links (`TracePicture.urlComponent`), so no text of a record can look like it.
    static func inPage(_ pictures: [String: String], page: String) -> [String: String] {
        let prefix = "xlink:href=\"\(TracePicture.urlComponent(page))#"
        return pictures.mapValues { $0.replacingOccurrences(of: prefix, with: "xlink:href=\"#") }
    }

    /// `html` with the first `<img src="NAME" …>` of each of `pictures` replaced by that picture (which says what it
    /// shows in its `aria-label`). Only dossier's own drawings are put in, each once (a template that shows one a
    /// thousand times would otherwise multiply the page past what its render was allowed): a later image of the same
    /// file stays an image of the file beside the page.
    static func inline(_ html: String, _ pictures: [String: String]) -> String {
        inline([html], pictures)[0]
    }

    /// `inline` over a page converted in pieces, in order: each picture goes into the first piece that shows it.
    static func inline(_ pieces: [String], _ pictures: [String: String]) -> [String] {
        guard !pictures.isEmpty else { return pieces }
        var pieces = pieces
        for (name, svg) in pictures.sorted(by: { $0.key < $1.key }) {
            let start = Array("<img src=\"\(name)\" alt=\"".utf8), end = Array("\" />".utf8)
            for index in pieces.indices {
                guard let found = pieces[index].utf8.firstRange(of: start),
                      let close = pieces[index].utf8[found.upperBound...].firstRange(of: end) else { continue }
                pieces[index].replaceSubrange(found.lowerBound..<close.upperBound, with: svg)
                break
            }
        }
        return pieces
    }
}
