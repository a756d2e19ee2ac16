/// The limits a template set must keep before anything parses or renders it: swift-mustache parses a section by
/// recursion and renders a partial by recursion, so a template with thousands of nested sections, or a partial that
/// includes itself, would overflow the stack (a crash, not an error). `TemplateSet.library()` checks every template
/// here, with a scan that does not recurse, first; it also measures the largest section body, which `RenderBudget`
/// counts for each list row rendered.
enum TemplateBounds {
    /// The most sections (`#`, `^`, `$`, `<`) one template may nest; dossier's own nest at most 4 deep.
    static let maxNesting = 100
    /// The most characters a template may have with its partials written out in place (each as often as it is
    /// included, through other partials too): dossier's own come to a few thousand. A partial included a thousand
    /// times by one included a thousand times would make billions of renders before any data is read.
    static let maxExpandedSize = 4 << 20

    /// A partial tag found by the scan: the name it includes (`*name` for a dynamic one) and where it is.
    struct Partial {
        var name: String
        var offset: Int
    }

    /// What the scan found in one template.
    enum Outline {
        /// Its partial tags, in order, where each section's body starts and ends, and how deep sections nest.
        case partials([Partial], sections: [Range<Int>], deepest: Int)
        /// Sections nest deeper than `maxNesting`; the offset of the first section past the bound.
        case tooDeep(offset: Int)
    }

    /// Scans `text` with swift-mustache's tag rules (delimiters, set-delimiter tags, comments, names) without
    /// recursing, counting how deep sections nest and collecting partial tags. Where swift-mustache's parser would
    /// stop with an error the scan stops too: that parser then reports the error, never nesting deeper.
    static func outline(_ characters: [Character]) -> Outline {
        var partials: [Partial] = []
        var sections: [Range<Int>] = []
        var open: [Int] = []
        var deepest = 0
        var tooDeep: Int?
        scan(characters) { tag in
            if let name = tag.partial { partials.append(Partial(name: name, offset: tag.range.lowerBound)) }
            if tag.opensSection {
                open.append(tag.range.upperBound)
                deepest = max(deepest, open.count)
                if open.count > maxNesting {
                    tooDeep = tag.range.lowerBound
                    return false
                }
            } else if tag.closesSection {
                guard let start = open.popLast() else { return false }
                sections.append(start..<tag.range.lowerBound)
            }
            return true
        }
        if let tooDeep { return .tooDeep(offset: tooDeep) }
        return .partials(partials, sections: sections, deepest: deepest)
    }

    /// One tag found by `scan`.
    struct Tag {
        /// From its start delimiter to the end of its end delimiter.
        var range: Range<Int>
        /// The character after the start delimiter that says what the tag is (`#`, `/`, `%`, `=`, `>`, …), or nil
        /// for a variable.
        var kind: Character?
        /// The name a partial tag (`>`) or a parent tag (`<`) includes, `*name` for a dynamic one.
        var partial: String?
        /// Whether it opens a section (`#`, `^`, `$`, `<`).
        var opensSection: Bool { kind == "#" || kind == "^" || kind == "$" || kind == "<" }
        /// Whether it closes one (`/`).
        var closesSection: Bool { kind == "/" }
    }

    /// Calls `visit` with each tag in order, read with swift-mustache's tag rules, until `visit` returns false or a
    /// tag does not read (where swift-mustache's parser would stop with an error). Returns whether it read every tag
    /// to the end of the text.
    @discardableResult
    static func scan(_ characters: [Character], _ visit: (Tag) -> Bool) -> Bool {
        var scanner = Scanner(characters: characters)
        while let tag = scanner.nextTag() {
            guard let kind = scanner.peek() else { return false }
            var partial: String?
            switch kind {
            case "#", "^", "$", "<":
                scanner.position += 1
                if kind == "<" {
                    scanner.skipWhitespace()
                    partial = scanner.read(partialNameChars)
                    scanner.skipWhitespace()
                    guard scanner.readEnd() else {
                        // swift-mustache stops here with an error; the name is still recorded.
                        _ = visit(Tag(range: tag..<scanner.position, kind: nil, partial: partial))
                        return false
                    }
                } else {
                    guard scanner.readName() else { return false }
                }
            case "/":
                scanner.position += 1
                guard scanner.readName() else { return false }
            case "!", "%":
                scanner.position += 1
                guard scanner.skipPastEnd() else { return false }
            case "=":
                scanner.position += 1
                guard scanner.setDelimiters() else { return false }
            case ">":
                scanner.position += 1
                scanner.skipWhitespace()
                let dynamic = scanner.peek() == "*"
                if dynamic { scanner.position += 1 }
                scanner.skipWhitespace()
                partial = (dynamic ? "*" : "") + scanner.read(partialNameChars)
                scanner.skipWhitespace()
                guard scanner.readEnd() else {
                    _ = visit(Tag(range: tag..<scanner.position, kind: nil, partial: partial))
                    return false
                }
            case "{":
                scanner.position += 1
                guard scanner.readName(), scanner.read(string: ["}"]) else { return false }
            case "&":
                scanner.position += 1
                guard scanner.readName() else { return false }
            default:
                guard scanner.readName() else { return false }
                guard visit(Tag(range: tag..<scanner.position, kind: nil)) else { return false }
                continue
            }
            guard visit(Tag(range: tag..<scanner.position, kind: kind, partial: partial)) else { return false }
        }
        return true
    }

    /// The 1-based line and column of `offset` in `characters` (a CR LF pair is one character, as swift-mustache counts).
    static func lineAndColumn(_ offset: Int, in characters: [Character]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in characters[..<min(offset, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// The reading operations of swift-mustache's parser that the scan needs, with its current delimiters.
    struct Scanner {
        let characters: [Character]
        var position = 0
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]

        func peek() -> Character? { position < characters.count ? characters[position] : nil }

        /// Moves past the next start delimiter and returns where it began; nil when there is none.
        mutating func nextTag() -> Int? {
            guard let first = start.first else { return nil }
            while position < characters.count {
                if characters[position] == first, matches(start) {
                    let tag = position
                    position += start.count
                    return tag
                }
                position += 1
            }
            return nil
        }

        func matches(_ string: [Character]) -> Bool {
            position + string.count <= characters.count && characters[position..<(position + string.count)].elementsEqual(string)
        }

        mutating func read(string: [Character]) -> Bool {
            guard matches(string) else { return false }
            position += string.count
            return true
        }

        mutating func readEnd() -> Bool { read(string: end) }

        mutating func skipWhitespace() { _ = read { $0.isWhitespace } }

        @discardableResult
        mutating func read(_ set: Set<Character>) -> String { read { set.contains($0) } }

        mutating func read(while predicate: (Character) -> Bool) -> String {
            let from = position
            while position < characters.count, predicate(characters[position]) { position += 1 }
            return String(characters[from..<position])
        }

        /// A tag's name and its end delimiter, as swift-mustache's `parseName` reads them.
        mutating func readName() -> Bool {
            skipWhitespace()
            read(TemplateBounds.sectionNameChars)
            skipWhitespace()
            return readEnd()
        }

        /// Moves past the next end delimiter (a comment's or a config variable's end).
        mutating func skipPastEnd() -> Bool {
            while position < characters.count {
                if read(string: end) { return true }
                position += 1
            }
            return false
        }

        /// A set-delimiter tag's body (`start end=` and the old end delimiter), as swift-mustache reads it.
        mutating func setDelimiters() -> Bool {
            skipWhitespace()
            let newStart = read { !$0.isWhitespace }
            guard position < characters.count else { return false }
            skipWhitespace()
            let newEnd = read { $0 != "=" && !$0.isWhitespace }
            guard position < characters.count else { return false }
            skipWhitespace()
            guard read(string: ["="]), readEnd(), !newStart.isEmpty, !newEnd.isEmpty else { return false }
            start = Array(newStart)
            end = Array(newEnd)
            return true
        }
    }
}
