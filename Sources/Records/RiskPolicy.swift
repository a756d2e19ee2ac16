import Support

/// Where a risk estimate falls in the acceptability matrix.
public enum Acceptability: String, Sendable, Codable, Hashable {
    /// A: acceptable.
    case acceptable = "A"
    /// R: reduce as far as practicable, then weigh benefit against risk.
    case reduce = "R"
    /// U: unacceptable.
    case unacceptable = "U"

    /// The word a reader sees.
    public var title: String {
        switch self {
        case .acceptable: "acceptable"
        case .reduce: "reduce as far as practicable"
        case .unacceptable: "unacceptable"
        }
    }
}

/// The manufacturer's risk policy (ISO 14971 4.2): severity and probability scales and the acceptability matrix.
public struct RiskPolicy: Sendable, Codable, Hashable {
    /// Severity names, lowest first.
    public var severity: [String]
    /// Probability names, lowest first.
    public var probability: [String]
    /// For each severity, one verdict per probability.
    public var acceptability: [String: [Acceptability]]
    /// The IEC 62304 software safety class each severity of harm implies (4.3), when the policy states it:
    /// a software item whose risks reach a severity needs at least that class.
    public var safetyClassBySeverity: [String: SafetyClass]
    /// Where the policy is defined.
    public var source: SourceLocation

    init(_ m: YAMLMapping) throws {
        source = m.location
        severity = try m.texts("severity")
        probability = try m.texts("probability")
        guard !severity.isEmpty else { throw DossierError("the risk policy is missing 'severity' (a list of names, lowest first)", at: m.location) }
        guard !probability.isEmpty else { throw DossierError("the risk policy is missing 'probability' (a list of names, lowest first)", at: m.location) }
        var matrix: [String: [Acceptability]] = [:]
        if let value = m["acceptability"] {
            let rows = try value.mapping("acceptability", allowed: severity)
            for (name, row) in rows.entries {
                let cells = try row.list("a list of \(probability.count) letters (A, R or U)")
                guard cells.count == probability.count else {
                    throw DossierError("expected \(probability.count) letters (one per probability) in the row for \(Excerpt.quoted(name)), found \(cells.count)", at: row.location)
                }
                matrix[name] = try cells.map { cell in
                    guard let verdict = Acceptability(rawValue: try cell.text("A, R or U")) else { throw cell.fail("A, R or U") }
                    return verdict
                }
            }
            if let missing = severity.first(where: { matrix[$0] == nil }) {
                throw DossierError("the acceptability matrix has no row for severity \(Excerpt.quoted(missing))", at: value.location)
            }
        }
        acceptability = matrix
        var classes: [String: SafetyClass] = [:]
        if let value = m["safety_class_by_severity"] {
            let rows = try value.mapping("safety_class_by_severity", allowed: severity)
            for (name, cell) in rows.entries {
                guard let safetyClass = SafetyClass(rawValue: try cell.text("A, B or C")) else { throw cell.fail("A, B or C") }
                classes[name] = safetyClass
            }
        }
        safetyClassBySeverity = classes
    }

    /// The verdict for an estimate, or `nil` when the matrix does not cover it.
    public func verdict(_ estimate: RiskEstimate) -> Acceptability? {
        guard let column = probability.firstIndex(of: estimate.probability) else { return nil }
        return acceptability[estimate.severity]?[column]
    }
}
