import Support

/// How an issue tracker's export becomes change requests: dossier.yml's `tracker:` mapping. Every part is optional.
///
/// ```yaml
/// tracker:
///   id: "CR-{number}"                      # GitHub: {number}; Jira: {key} (default CR-{number} / CR-{key})
///   type: {bug: fix, enhancement: feature, Story: feature}   # label (GitHub, Jira) or issue type (Jira) → type
///   status: {"In Review": implemented}     # a Jira status name → status (the usual names are known)
///   safety_impact: {label: "safety-impact:"}        # the text after a label prefix, or {field: customfield_10042}
///   regulatory_decision: {label: "regulatory:"}     # likewise: letter-to-file, new-510k, …
/// ```
public struct TrackerMapping: Sendable, Hashable {
    /// Where a value is found in an issue.
    public enum Source: Sendable, Hashable {
        /// The text after this prefix in a label, e.g. `safety-impact:` in `safety-impact: none`.
        case labelPrefix(String)
        /// A field of the issue: a Jira JSON field key or a CSV column name.
        case field(String)
    }

    /// The change request id, with `{number}` (GitHub) or `{key}` (Jira) in it; `nil` for the default.
    public var idFormat: String?
    /// Label or issue-type names to change request types.
    public var types: [String: String] = [:]
    /// Tracker status names to change request statuses, beside the usual ones.
    public var statuses: [String: ChangeRequest.Status] = [:]
    /// Where the safety-impact analysis is.
    public var safetyImpact: Source?
    /// Where the regulatory decision is.
    public var regulatoryDecision: Source?

    /// The mapping that applies without `tracker:`.
    public static let standard = TrackerMapping()

    static let crTypes = ["feature", "fix", "security", "maintenance", "labeling"]

    /// Reads `tracker:` from dossier.yml.
    /// - Throws: `DossierError` for an id without `CR-`, an unknown type or status, or a source that is neither label nor field.
    init(_ m: YAMLMapping) throws {
        if let id = try m.text("id") {
            guard id.hasPrefix(RecordKind.changeRequest.prefix), id.contains("{number}") || id.contains("{key}") else {
                throw DossierError("expected a change request id pattern such as CR-{number} or CR-{key} for 'id', found \(Excerpt.quoted(id))",
                                   at: m["id"]!.location)
            }
            idFormat = id
        }
        types = try Self.names(m, "type", into: Self.crTypes)
        statuses = try Self.names(m, "status", into: ChangeRequest.Status.allCases.map(\.rawValue)).compactMapValues(ChangeRequest.Status.init(rawValue:))
        safetyImpact = try Self.source(m, "safety_impact")
        regulatoryDecision = try Self.source(m, "regulatory_decision")
    }

    private init() {}

    private static func names(_ m: YAMLMapping, _ key: String, into choices: [String]) throws -> [String: String] {
        guard let value = m[key] else { return [:] }
        guard case .mapping(let mapping) = value.node else { throw value.fail("a mapping of names to \(key)s for '\(key)'") }
        var result: [String: String] = [:]
        for (name, target) in mapping {
            let targetValue = YAMLValue(node: target, file: value.file)
            let text = try targetValue.text("one of \(choices.joined(separator: ", "))")
            guard choices.contains(text) else {
                throw DossierError("expected one of \(choices.joined(separator: ", ")) in 'tracker.\(key)', found \(Excerpt.quoted(text))", at: targetValue.location)
            }
            result[try YAMLValue(node: name, file: value.file).text("a name")] = text
        }
        return result
    }

    private static func source(_ m: YAMLMapping, _ key: String) throws -> Source? {
        guard let value = m[key] else { return nil }
        let s = try value.mapping("tracker.\(key)", allowed: ["label", "field"])
        if let prefix = try s.text("label") { return .labelPrefix(prefix) }
        if let field = try s.text("field") { return .field(field) }
        throw DossierError("expected 'label' (a label prefix) or 'field' (a field or column name) in 'tracker.\(key)'", at: value.location)
    }

    /// Sets the change request's safety impact and regulatory decision from where the mapping says they are.
    func assess(_ cr: inout ChangeRequest, labels: [String], fields: (String) -> String?) {
        cr.safetyImpact = value(of: safetyImpact, labels: labels, fields: fields)
        cr.regulatoryAssessment = value(of: regulatoryDecision, labels: labels, fields: fields)
            .map { RegulatoryAssessment(decision: $0, rationale: nil) }
    }

    /// The value a source gives, from an issue's labels and fields.
    private func value(of source: Source?, labels: [String], fields: (String) -> String?) -> String? {
        switch source {
        case .labelPrefix(let prefix)?:
            return labels.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
        case .field(let name)?:
            return fields(name).flatMap { $0.isEmpty ? nil : $0 }
        case nil:
            return nil
        }
    }

    /// The change request id for a GitHub issue number or a Jira key.
    func id(number: String? = nil, key: String? = nil) -> String {
        let format = idFormat ?? (key != nil ? "CR-{key}" : "CR-{number}")
        return format.replacingOccurrences(of: "{number}", with: number ?? key ?? "")
            .replacingOccurrences(of: "{key}", with: key ?? number ?? "")
    }

    /// A change request type from the issue's labels or issue type.
    func type(from names: [String]) -> String? {
        for name in names {
            if let mapped = types[name] { return mapped }
            if Self.crTypes.contains(name.lowercased()) { return name.lowercased() }
        }
        return nil
    }

    /// A change request status from a tracker's status name and resolution.
    func status(name: String?, resolution: String?, category: String? = nil) -> ChangeRequest.Status? {
        if let name, let mapped = statuses[name] { return mapped }
        if let resolution {
            let rejected = ["won't do", "won't fix", "declined", "duplicate", "cannot reproduce", "not planned", "rejected"]
            return rejected.contains(resolution.lowercased()) ? .rejected : .closed
        }
        switch (category?.lowercased(), name?.lowercased()) {
        case ("new", _), (_, "open"?), (_, "to do"?), (_, "backlog"?), (_, "new"?): return .open
        case ("done", _), (_, "done"?), (_, "closed"?), (_, "resolved"?): return .closed
        case ("indeterminate", _), (_, "in progress"?), (_, "approved"?): return .approved
        default: return name == nil ? nil : .open
        }
    }
}
