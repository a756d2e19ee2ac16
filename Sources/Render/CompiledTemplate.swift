/// A mustache template parsed exactly as swift-mustache parses it (the same tokens, the same standalone-line and
/// whitespace rules), for the part of mustache dossier's templates use: text, variables, sections, inverted
/// sections, transforms, comments, partials that are not indented, and the `CONTENT_TYPE` pragma. A template that
/// uses anything else (set delimiters, inheritance, blocks, dynamic or indented partials) is not compiled, and
/// swift-mustache renders it: the templates stay what users override, `CompiledTemplateRenderer` only renders
/// the common case faster.
struct CompiledTemplate: Sendable {
    /// How a value is escaped on output (`{{% CONTENT_TYPE: …}}`).
    enum Escaping: Sendable {
        case html, text, markdown
    }

    /// A variable's name: `.` (the current object), `.name` (the current object only), or a dotted path looked up
    /// in the stack of objects.
    struct Name: Sendable {
        enum Kind: Sendable { case current, sequenceContext, currentOnly, stack }
        var kind: Kind
        var path: [String]
        var transforms: [String]
    }

    indirect enum Token: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Token])
        case invertedSection(Name, [Token])
        case partial(String)
        case contentType(Escaping)
    }

    /// What is rendered.
    let tokens: [Token]

    /// Parses `text`; nil when it uses what this parser leaves to swift-mustache, or does not parse.
    init?(_ text: String) {
        var scanner = Scanner(Array(text))
        guard let tokens = try? Self.parse(&scanner, state: State()) else { return nil }
        self.tokens = tokens
    }

    private struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
    }

    /// Characters and a position, with the reading operations of swift-mustache's parser.
    private struct Scanner {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var reachedEnd: Bool { position == characters.count }
        func current() -> Character { reachedEnd ? "\0" : characters[position] }
        mutating func advance() { position += 1 }

        mutating func read(while predicate: (Character) -> Bool) -> String {
            let start = position
            while !reachedEnd, predicate(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        /// Reads `string` when it comes next; throws when fewer characters are left (swift-mustache's overflow).
        mutating func read(string: String) throws -> Bool {
            let wanted = Array(string)
            guard position + wanted.count <= characters.count else { throw Unsupported() }
            guard characters[position..<(position + wanted.count)].elementsEqual(wanted) else { return false }
            position += wanted.count
            return true
        }
    }

    private static let sectionNameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let blanks: Set<Character> = [" ", "\t"]

    private static func parse(_ scanner: inout Scanner, state: State) throws -> [Token] {
        var tokens: [Token] = []
        var state = state
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                tokens.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }
        while !scanner.reachedEnd {
            if state.newLine {
                whiteSpaceBefore = scanner.read { blanks.contains($0) }
            }
            let text = try readUntilDelimiterOrNewline(&scanner)
            if scanner.current().isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(scanner.current())))
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if scanner.reachedEnd { break }
            var setNewLine = false
            switch scanner.current() {
            case "#", "^":
                let inverted = scanner.current() == "^"
                scanner.advance()
                let (name, transforms) = try parseName(&scanner)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                var inner = state
                inner.sectionName = name
                inner.sectionTransforms = transforms
                if !setNewLine { inner.newLine = false }
                let body = try parse(&scanner, state: inner)
                let variable = try variableName(name, transforms)
                tokens.append(inverted ? .invertedSection(variable, body) : .section(variable, body))
            case "/":
                scanner.advance()
                let (name, transforms) = try parseName(&scanner)
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Unsupported() }
                if !isStandalone(&scanner, state: state) {
                    flushWhiteSpace()
                }
                return tokens
            case "!":
                scanner.advance()
                try skipComment(&scanner)
                setNewLine = isStandalone(&scanner, state: state)
            case "{":
                flushWhiteSpace()
                scanner.advance()
                let (name, transforms) = try parseName(&scanner)
                guard scanner.current() == "}" else { throw Unsupported() }
                scanner.advance()
                tokens.append(.variable(try variableName(name, transforms), escaped: false))
            case "&":
                flushWhiteSpace()
                scanner.advance()
                let (name, transforms) = try parseName(&scanner)
                tokens.append(.variable(try variableName(name, transforms), escaped: false))
            case ">":
                scanner.advance()
                _ = scanner.read { $0.isWhitespace }
                guard scanner.current() != "*" else { throw Unsupported() }  // dynamic partials: swift-mustache's
                let name = try parsePartialName(&scanner)
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                    // An indented partial indents each of its lines: swift-mustache's.
                    guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
                }
                tokens.append(.partial(name))
                whiteSpaceBefore = ""
            case "%":
                scanner.advance()
                tokens.append(.contentType(try readContentType(&scanner)))
                setNewLine = isStandalone(&scanner, state: state)
            case "<", "$", "=":
                throw Unsupported()
            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(&scanner)
                tokens.append(.variable(try variableName(name, transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return tokens
    }

    private static func variableName(_ name: String, _ transforms: [String]) throws -> Name {
        let path = name.split(separator: ".").map(String.init)
        if name == "." { return Name(kind: .current, path: [], transforms: transforms) }
        if name.isEmpty, !transforms.isEmpty { return Name(kind: .sequenceContext, path: [], transforms: transforms) }
        if name.first == "." { return Name(kind: .currentOnly, path: path, transforms: transforms) }
        return Name(kind: .stack, path: path, transforms: transforms)
    }

    private static func readUntilDelimiterOrNewline(_ scanner: inout Scanner) throws -> String {
        var total = ""
        while !scanner.reachedEnd {
            total += scanner.read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if scanner.current().isNewline {
                break
            } else if scanner.current() == "{" {
                if try scanner.read(string: "{{") { break }
                total += "{"
                scanner.advance()
            }
        }
        return total
    }

    private static func parseName(_ scanner: inout Scanner) throws -> (String, [String]) {
        _ = scanner.read { $0.isWhitespace }
        let text = scanner.read { sectionNameChars.contains($0) }
        _ = scanner.read { $0.isWhitespace }
        guard try scanner.read(string: "}}") else { throw Unsupported() }

        var nameScanner = Scanner(Array(text))
        let first = nameScanner.read { sectionNameCharsWithoutBrackets.contains($0) }
        if nameScanner.reachedEnd { return (text, []) }
        guard nameScanner.current() == "(" else { throw Unsupported() }
        nameScanner.advance()
        var transforms = [first]
        while true {
            let name = nameScanner.read { sectionNameCharsWithoutBrackets.contains($0) }
            switch nameScanner.current() {
            case ")":
                nameScanner.advance()
                let closing = nameScanner.read { $0 == ")" }.count
                guard closing + 1 == transforms.count, nameScanner.reachedEnd else { throw Unsupported() }
                return (name, transforms)
            case "(":
                nameScanner.advance()
                transforms.append(name)
            default:
                throw Unsupported()
            }
        }
    }

    private static func parsePartialName(_ scanner: inout Scanner) throws -> String {
        _ = scanner.read { $0.isWhitespace }
        let text = scanner.read { partialNameChars.contains($0) }
        _ = scanner.read { $0.isWhitespace }
        guard try scanner.read(string: "}}") else { throw Unsupported() }
        return text
    }

    /// Skips to just after the comment's `}}`, matching as swift-mustache's `read(untilString:)` does.
    private static func skipComment(_ scanner: inout Scanner) throws {
        let until: [Character] = ["}", "}"]
        var matched = 0
        while !scanner.reachedEnd {
            if scanner.characters[scanner.position] == until[matched] {
                matched += 1
                if matched == until.count {
                    scanner.advance()
                    return
                }
            } else {
                matched = 0
            }
            scanner.advance()
        }
        throw Unsupported()
    }

    private static func readContentType(_ scanner: inout Scanner) throws -> Escaping {
        _ = scanner.read { $0.isWhitespace }
        let variable = scanner.read { sectionNameCharsWithoutBrackets.contains($0) }
        _ = scanner.read { $0.isWhitespace }
        guard scanner.current() == ":" else { throw Unsupported() }
        scanner.advance()
        _ = scanner.read { $0.isWhitespace }
        let value = scanner.read { sectionNameCharsWithoutBrackets.contains($0) }
        _ = scanner.read { $0.isWhitespace }
        guard try scanner.read(string: "}}"), variable == "CONTENT_TYPE" else { throw Unsupported() }
        switch value {
        case "HTML": return .html
        case "TEXT": return .text
        case "MARKDOWN": return .markdown
        default: throw Unsupported()
        }
    }

    private static func hasLineFinished(_ scanner: inout Scanner) -> Bool {
        if scanner.reachedEnd { return true }
        var ahead = scanner
        _ = ahead.read { blanks.contains($0) }
        if ahead.current().isNewline {
            ahead.advance()
            scanner.position = ahead.position
            return true
        }
        return false
    }

    private static func isStandalone(_ scanner: inout Scanner, state: State) -> Bool {
        state.newLine && hasLineFinished(&scanner)
    }
}
