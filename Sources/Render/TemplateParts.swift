/// A document template cut into parts that swift-mustache renders one by one, each to the text its stretch of the
/// whole renders to: the parts of a long document then render at once, on as many cores as there are, and are
/// joined in order (`TemplateLibrary.renderDocument`).
///
/// A template is cut before each line that starts with `## ` outside every section and every tag: a document's
/// sections. Each part so holds whole sections and whole lines, so swift-mustache reads each tag in it, standalone
/// lines included, as it reads it in the whole. The one state of swift-mustache's that runs on from one stretch of a
/// template into the next is the content type a `{{% CONTENT_TYPE: … }}` tag outside sections sets (the one setting
/// swift-mustache has; the last one wins): the last such tag before a part is written again at the head of the part,
/// on a line of its own (which renders to nothing). A template that sets delimiters (`{{=<% %>=}}`) is not cut, nor
/// one that does not read to its end. A template of many `## ` lines is cut at no more than `maximumParts - 1` of
/// them, spread evenly: a hostile one of a hundred thousand would otherwise register as many templates.
enum TemplateParts {
    /// The most parts a template is cut into.
    static let maximumParts = 32

    /// The texts of the parts of `text`, in order; nil when it is not cut (see above) or has only one part.
    static func cut(_ text: String) -> [String]? {
        let characters = Array(text)
        var spans: [Range<Int>] = []  // the tags and whole sections outside every section, in order
        var settings: [(offset: Int, tag: String)] = []  // the `{{% … }}` tags outside every section
        var depth = 0, sectionStart = 0, setsDelimiters = false
        let readToEnd = TemplateBounds.scan(characters) { tag in
            if tag.kind == "=" {
                setsDelimiters = true
                return false
            }
            if tag.opensSection {
                if depth == 0 { sectionStart = tag.range.lowerBound }
                depth += 1
            } else if tag.closesSection {
                depth -= 1
                guard depth >= 0 else { return false }
                if depth == 0 { spans.append(sectionStart..<tag.range.upperBound) }
            } else if depth == 0 {
                spans.append(tag.range)
                if tag.kind == "%" { settings.append((tag.range.lowerBound, String(characters[tag.range]))) }
            }
            return true
        }
        guard readToEnd, !setsDelimiters, depth == 0 else { return nil }

        var possible: [Int] = []
        var span = 0
        for index in characters.indices where index > 0 && characters[index - 1].isNewline
            && characters[index...].starts(with: ["#", "#", " "]) {
            while span < spans.count, spans[span].upperBound <= index { span += 1 }
            if span < spans.count, spans[span].lowerBound < index { continue }  // inside a section or a tag
            possible.append(index)
        }
        guard !possible.isEmpty else { return nil }
        let step = (possible.count + maximumParts - 2) / (maximumParts - 1)  // at most maximumParts - 1 cuts
        let starts = [0] + stride(from: 0, to: possible.count, by: step).map { possible[$0] }
        var setting = 0  // the settings before the current part: settings[..<setting]
        return starts.indices.map { part in
            let range = starts[part]..<(part + 1 < starts.count ? starts[part + 1] : characters.count)
            while setting < settings.count, settings[setting].offset < range.lowerBound { setting += 1 }
            let head = part == 0 || setting == 0 ? "" : settings[setting - 1].tag + "\n"
            return head + String(characters[range])
        }
    }
}
