import Mustache

/// The self-contained HTML page of a document: its Markdown converted by cmark-gfm, in `page.html.mustache` with
/// the style sheet inlined and a table of contents.
enum HTMLPage {
    /// The page for `markdown`; `date` and `commit` name the document in its running header and footer.
    static func render(markdown: String, title: String, date: String, commit: String, generator: String,
                       templates: TemplateSet, library: MustacheLibrary) -> String {
        let (body, headings) = MarkdownHTML.convert(markdown)
        let page: [String: Any] = [
            "title": title, "date": date, "commit": commit, "generator": generator,
            "style": templates.texts["style.css"] ?? "", "content": body,
            "headings": headings.map { ["level": $0.level, "title": $0.title, "anchor": $0.anchor] },
        ]
        return library.render(page, withTemplate: "page.html") ?? ""
    }
}
