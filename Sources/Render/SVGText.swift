import Support

/// The text of the pictures dossier draws directly (the risk heat map, the DHF's trends): one `<text>` element, its
/// content escaped for XML, and text cut to fit.
enum SVGText {
    /// One `<text>` element at (`x`, `y`); `fill` nil: the picture's black.
    static func text(x: Int, y: Int, _ content: String, anchor: String = "start", weight: String? = nil,
                     fill: String? = nil) -> String {
        var element = #"<text x="\#(x)" y="\#(y)" text-anchor="\#(anchor)""#
        if let fill { element += #" fill="\#(fill)""# }
        if let weight { element += #" font-weight="\#(weight)""# }
        return element + ">" + XMLText.xmlEscaped(content, attribute: false) + "</text>\n"
    }

    /// Text cut to `limit` characters, the cut marked.
    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count > limit ? text.prefix(limit - 1) + "…" : text
    }
}
