import Support

/// The kinds of record a manufacturer keeps, each with its id prefix.
public enum RecordKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The kinds in the order records are loaded, listed by `RecordSet.all` and compared in the delta.
    case requirement, risk, threat, ifuChange, softwareItem, soup, changeRequest, problemReport

    /// The id prefix, e.g. `REQ-`.
    public var prefix: String {
        switch self {
        case .requirement: "REQ-"
        case .risk: "RISK-"
        case .threat: "THR-"
        case .ifuChange: "IFU-"
        case .softwareItem: "ITEM-"
        case .soup: "SOUP-"
        case .changeRequest: "CR-"
        case .problemReport: "PR-"
        }
    }

    /// The top-level key of the YAML file that lists such records.
    public var listKey: String {
        switch self {
        case .requirement: "requirements"
        case .risk: "risks"
        case .threat: "threats"
        case .ifuChange: "ifu_changes"
        case .softwareItem: "items"
        case .soup: "soup"
        case .changeRequest: "change_requests"
        case .problemReport: "problem_reports"
        }
    }

    /// The `records:` key in dossier.yml naming the file or folder.
    public var configKey: String {
        switch self {
        case .ifuChange: "ifu"
        default: listKey
        }
    }

    /// The name a reader sees, e.g. "requirement".
    public var title: String {
        switch self {
        case .requirement: "requirement"
        case .risk: "risk"
        case .threat: "threat"
        case .ifuChange: "IFU change"
        case .softwareItem: "software item"
        case .soup: "SOUP item"
        case .changeRequest: "change request"
        case .problemReport: "problem report"
        }
    }

    /// The kind whose ids start with the prefix of `id`, if any.
    public static func of(id: String) -> RecordKind? {
        allCases.first { id.hasPrefix($0.prefix) }
    }
}

/// A retired record: it stays in the files, marked with the release that retired it and why.
public struct Obsolescence: Sendable, Codable, Hashable {
    /// The release that retired it.
    public var release: String
    /// Why (IEC 62304 6.2.3).
    public var rationale: String
}

/// One named field of a record as text, for deltas and documents.
public struct RecordField: Sendable, Codable, Hashable {
    /// The field name as written in YAML.
    public var name: String
    /// The value as text; lists are joined with ", ".
    public var value: String
}

/// A link a record writes to other records (back-links are computed).
public struct RecordLink: Sendable, Codable, Hashable {
    /// The field that holds the link, e.g. `controls`.
    public var field: String
    /// The id linked to.
    public var target: String
}

/// What every record has: an id, where it is defined, whether it is retired, its fields and links.
public protocol Record: Sendable, Codable, Hashable {
    /// The kind of record.
    static var kind: RecordKind { get }
    /// The record's id, e.g. `REQ-12`.
    var id: String { get }
    /// Where it is defined: file and line in the release's tree.
    var source: SourceLocation { get }
    /// Set when the record is retired.
    var obsolete: Obsolescence? { get }
    /// Its fields as text, in a fixed order, for deltas.
    var fields: [RecordField] { get }
    /// The links it writes to other records.
    var links: [RecordLink] { get }
    /// A one-line name for tables, e.g. a requirement's title.
    var headline: String { get }
}

extension Record {
    /// The fields that are set, as text, in the order given.
    static func fields(_ pairs: [(String, Any?)]) -> [RecordField] {
        pairs.compactMap { name, value in
            switch value {
            case let text as String: text.isEmpty ? nil : RecordField(name: name, value: text)
            case let list as [String]: list.isEmpty ? nil : RecordField(name: name, value: list.joined(separator: ", "))
            case let choice as any RecordChoice: RecordField(name: name, value: choice.rawValue)
            case let flag as Bool: RecordField(name: name, value: flag ? "yes" : "no")
            case let obsolete as Obsolescence: RecordField(name: name, value: "\(obsolete.release): \(obsolete.rationale)")
            default: nil
            }
        }
    }

    /// Links from list fields of ids.
    static func links(_ pairs: [(String, [String])]) -> [RecordLink] {
        pairs.flatMap { field, ids in ids.map { RecordLink(field: field, target: $0) } }
    }
}

extension YAMLMapping {
    /// The record id at `id`, checked against the kind's prefix.
    func recordId(_ kind: RecordKind) throws -> String {
        try id(prefix: kind.prefix, naming: "a \(kind.title)")
    }

    /// The id at `id`: `prefix` then ASCII letters, digits and `._-` only, checked on the bytes (each is then one
    /// character). `naming` says what the id is of in the error, e.g. "an interface".
    func id(prefix: String, naming: String) throws -> String {
        let id = try requiredText("id")
        let valid = id.hasPrefix(prefix) && id.utf8.count > prefix.utf8.count
            && id.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        guard valid else {
            throw DossierError("expected \(naming) id like \(prefix)1, found \(Excerpt.quoted(id))", at: self["id"]?.location ?? location)
        }
        return id
    }

    /// The optional `obsolete:` mapping.
    func obsolescence() throws -> Obsolescence? {
        guard let value = self["obsolete"] else { return nil }
        let mapping = try value.mapping("obsolete", allowed: ["release", "rationale"])
        return Obsolescence(release: try mapping.requiredText("release"), rationale: try mapping.text("rationale") ?? "")
    }
}
