import Foundation
import Git
import Support
import Yams

/// One YAML node with the file it came from, read strictly: every accessor names what it expected and
/// what it found, with the file, line and column.
struct YAMLValue {
    let node: Node
    let file: String

    /// Parses a whole file.
    /// - Throws: `DossierError` for bytes that are not UTF-8, characters YAML does not allow, aliases past
    ///   `YAMLAliasBound.limit` or YAML syntax errors, with the position.
    static func parse(_ data: Data, file: String) throws -> YAMLValue? {
        guard let text = String(data: data, encoding: .utf8) else {
            try UTF8Check.validate([UInt8](data), file: file)
            throw DossierError("expected UTF-8 text, found bytes that are not UTF-8", at: SourceLocation(file: file))
        }
        try YAMLAliasBound.check(text, file: file)
        do {
            // The basic resolver keeps every scalar as text (no regex per scalar): fields are typed by dossier.
            guard let node = try Yams.compose(yaml: text, .basic) else { return nil }
            return YAMLValue(node: node, file: file)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    var foundDescription: String {
        switch node {
        case .scalar(let scalar): return "the text \(Excerpt.quoted(scalar.string))"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func fail(_ expected: String) -> DossierError {
        DossierError("expected \(expected), found \(foundDescription)", at: location)
    }

    /// A scalar as text (numbers and dates as written). `expected` is made only for the error.
    func text(_ expected: @autoclosure () -> String = "text") throws -> String {
        guard case .scalar(let scalar) = node else { throw fail(expected()) }
        return scalar.string
    }

    /// A list of values. `expected` is made only for the error.
    func list(_ expected: @autoclosure () -> String = "a list") throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw fail(expected()) }
        return sequence.map { YAMLValue(node: $0, file: file) }
    }

    /// A mapping whose keys must all be in `allowed`.
    func mapping(_ what: String, allowed: [String]) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw fail("\(what) (a mapping)") }
        var entries: [(String, YAMLValue)] = []
        entries.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, file: file)
            let name = try keyValue.text("a field name")
            guard allowed.contains(name) else {
                throw DossierError("unknown field \(Excerpt.quoted(name)) in \(what); expected one of: \(allowed.joined(separator: ", "))",
                                   at: keyValue.location)
            }
            entries.append((name, YAMLValue(node: value, file: file)))
        }
        return YAMLMapping(what: what, value: self, entries: entries)
    }

    /// The line and column (in Unicode scalars, as Yams counts them) of the character at `offset`.
    private static func position(ofCharacter offset: Int?, in text: String, file: String) -> SourceLocation {
        guard let offset, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else {
            return SourceLocation(file: file)
        }
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func describe(_ error: YamlError, file: String) -> DossierError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return DossierError("YAML syntax error: \(detail)\(problem)",
                                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            return DossierError("duplicate field \(duplicates.map(Excerpt.quoted).joined(separator: ", ")) in a mapping",
                                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case let .reader(problem, offset, value, yaml):
            // libyaml refuses a character YAML does not allow (a control character, say); Yams gives its offset in
            // characters, and the message names the character by its code, never the text around it.
            let character = value >= 0 ? String(format: " U+%04X", value) : ""
            return DossierError("expected YAML text, found a character YAML does not allow\(character) (\(problem))",
                                at: position(ofCharacter: offset, in: yaml, file: file))
        default:
            return DossierError("YAML error: \(Excerpt.of("\(error)"))", at: SourceLocation(file: file))
        }
    }
}

/// A YAML mapping whose keys were checked against the allowed fields.
struct YAMLMapping {
    let what: String
    let value: YAMLValue
    let entries: [(String, YAMLValue)]

    init(what: String, value: YAMLValue, entries: [(String, YAMLValue)]) {
        self.what = what
        self.value = value
        self.entries = entries
    }

    var location: SourceLocation { value.location }

    /// The value of `key` (the last one when a key repeats), nil when absent or null. A record has a handful of
    /// fields: a scan costs less than hashing them into an index.
    subscript(key: String) -> YAMLValue? {
        guard let entry = entries.last(where: { $0.0 == key }) else { return nil }
        return entry.1.isNull ? nil : entry.1
    }

    /// Optional text.
    func text(_ key: String) throws -> String? {
        try self[key]?.text("text for '\(key)'")
    }

    /// Required text.
    func requiredText(_ key: String) throws -> String {
        guard let value = try text(key), !value.isEmpty else {
            throw DossierError("\(what) is missing the required field '\(key)'", at: location)
        }
        return value
    }

    /// Optional text that must be one of `choices`.
    func choice(_ key: String, _ choices: [String]) throws -> String? {
        guard let value = self[key] else { return nil }
        let text = try value.text("one of \(choices.joined(separator: ", ")) for '\(key)'")
        guard choices.contains(text) else {
            throw DossierError("expected one of \(choices.joined(separator: ", ")) for '\(key)', found \(Excerpt.quoted(text))", at: value.location)
        }
        return text
    }

    /// A list of text (an absent field is an empty list).
    func texts(_ key: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        return try value.list("a list for '\(key)', e.g. [A, B]").map { try $0.text("text in '\(key)'") }
    }

    /// A list of record ids that must carry `prefix` (e.g. `REQ-`).
    func ids(_ key: String, prefix: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        return try value.list("a list of \(prefix) ids for '\(key)', e.g. [\(prefix)1]").map { item in
            let id = try item.text("a \(prefix) id in '\(key)'")
            guard id.hasPrefix(prefix) else {
                throw DossierError("expected a \(prefix) id in '\(key)', found \(Excerpt.quoted(id))", at: item.location)
            }
            return id
        }
    }

    /// An optional yes/no value.
    func bool(_ key: String) throws -> Bool? {
        guard let value = self[key] else { return nil }
        switch try value.text("true or false for '\(key)'").lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw value.fail("true or false for '\(key)'")
        }
    }
}
