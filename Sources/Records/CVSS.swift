import Support

/// A parsed CVSS base vector (v3.1 or v4.0) with its base score and severity.
///
/// The base score is always the score of the **base metrics alone**:
/// - v3.1: the Base Score of the CVSS v3.1 specification (section 7.1, Roundup as in Appendix A).
///   Temporal (E, RL, RC) and environmental (CR, IR, AR, M…) metrics are validated but do not change it.
/// - v4.0: CVSS-B, the score of the base metrics with threat and environmental metrics left Not Defined,
///   computed with the macrovector method of FIRST's reference calculator. Threat (E), environmental
///   (CR, IR, AR, M…) and supplemental (S, AU, R, V, RE, U) metrics are validated but do not change it,
///   so for a vector that carries them this is not the CVSS-BTE score the FIRST calculator shows.
///   Rounding is half up at one decimal after lifting by 10⁻⁶, as RedHat's upstream calculator and
///   `cvss` library do since their 2024-11 fix: an interpolation landing one ulp below an x.x5 tie
///   (8.549999999999999) scores 8.6. FIRSTdotorg/cvss-v4-calculator's bare `Math.round` gives 8.5
///   there; that differs for 522 of the 104,976 base vectors, always by +0.1.
public struct CVSSVector: Sendable, Hashable, CustomStringConvertible {
    /// The CVSS version a vector declares in its prefix.
    public enum Version: String, Sendable {
        /// CVSS v3.1, prefix `CVSS:3.1/`.
        case v3_1 = "3.1"
        /// CVSS v4.0, prefix `CVSS:4.0/`.
        case v4_0 = "4.0"
    }

    /// The version from the vector's prefix.
    public var version: Version
    /// The base score, 0.0 to 10.0, rounded to one decimal as the specification of `version` rounds it.
    public var baseScore: Double
    /// The qualitative rating of `baseScore`: "None", "Low", "Medium", "High" or "Critical".
    public var severity: String
    /// The vector exactly as given (not reordered, not normalised).
    public var description: String

    /// Parses "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" or
    /// "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" and computes its base score.
    ///
    /// Accepted: every base metric exactly once, plus any temporal/threat, environmental and (v4.0)
    /// supplemental metric the specification defines, each at most once, values case-sensitive as the
    /// specification writes them (`X` allowed for the optional ones). v3.1 metrics may come in any order
    /// (v3.1 specification, section 6); v4.0 metrics must come in the specification's order
    /// (AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, E, CR, IR, AR, MAV, …, MSA, S, AU, R, V, RE, U),
    /// as FIRST's v4.0 calculator requires. No whitespace, no empty parts, no trailing `/`.
    /// - Throws: `CVSSError` saying what is wrong: an unknown prefix or version, a part that is not
    ///   `metric:value`, an unknown metric, a value that is not one of the metric's values, a duplicate
    ///   metric, a v4.0 metric out of order, or a missing base metric.
    /// A vector with its base score and severity, e.g. `9.8 Critical (CVSS:3.1/AV:N/…)`; says so when there is
    /// none or it does not parse.
    public static func describe(_ vector: String?) -> String {
        guard let vector else { return "not stated" }
        guard let parsed = try? CVSSVector(vector) else { return "\(vector) (invalid: see the gap report)" }
        return "\(parsed.baseScore) \(parsed.severity) (\(vector))"
    }

    public init(_ text: String) throws(CVSSError) {
        let parsed = try CVSSParser.parse(text)
        version = parsed.version
        switch parsed.version {
        case .v3_1: baseScore = CVSS31.baseScore(parsed.metrics)
        case .v4_0: baseScore = CVSS40.baseScore(parsed.metrics)
        }
        severity = CVSSVector.severity(of: baseScore)
        description = text
    }

    /// The qualitative severity rating of a score (the same scale in v3.1 and v4.0):
    /// 0.0 None, 0.1–3.9 Low, 4.0–6.9 Medium, 7.0–8.9 High, 9.0–10.0 Critical.
    public static func severity(of score: Double) -> String {
        let tenths = (score * 10).rounded()
        if !(tenths > 0) { return "None" }
        if tenths < 40 { return "Low" }
        if tenths < 70 { return "Medium" }
        if tenths < 90 { return "High" }
        return "Critical"
    }
}

/// Why a string is not a valid CVSS v3.1 or v4.0 vector.
public struct CVSSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence, e.g. "metric AC (Attack Complexity) is missing".
    public var message: String

    /// Creates an error with its message.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// One metric a CVSS version defines: its abbreviation, name and allowed values in specification order.
struct CVSSMetric: Sendable {
    /// The abbreviation used in vectors, e.g. `AV`.
    let key: String
    /// The specification's name, e.g. `Attack Vector`.
    let name: String
    /// The allowed values in the specification's order, e.g. `["N", "A", "L", "P"]`.
    let values: [String]
    /// Whether every vector must carry it (the base metrics).
    let mandatory: Bool

    /// `AV (Attack Vector)`.
    var label: String { "\(key) (\(name))" }
}

/// The vector syntax shared by v3.1 and v4.0: prefix, `/`-separated `metric:value` parts.
enum CVSSParser {
    /// A vector split into its version and metric values.
    struct Parsed: Sendable {
        /// The version from the prefix.
        let version: CVSSVector.Version
        /// Every metric given, by abbreviation.
        let metrics: [String: String]
    }

    /// The longest piece of the input quoted back in a message.
    /// `text` shortened with `…` when long, for a message (an `Excerpt`, as every message quotes what it found).
    static func shorten(_ text: Substring) -> String {
        Excerpt.of(text)
    }

    /// `text` shortened and in single quotes, for a message.
    static func quote(_ text: Substring) -> String {
        "'\(shorten(text))'"
    }

    /// "N, A, L or P".
    static func list(_ values: [String]) -> String {
        guard let last = values.last else { return "" }
        return values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Splits and validates `text`; see `CVSSVector.init(_:)` for the rules.
    static func parse(_ text: String) throws(CVSSError) -> Parsed {
        let expectation = "expected a vector starting CVSS:3.1/ or CVSS:4.0/"
        if text.isEmpty {
            throw CVSSError(message: "the vector is empty; \(expectation)")
        }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            throw CVSSError(message: "the vector \(quote(Substring(text))) contains whitespace or control characters")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let version: CVSSVector.Version
        let table: [CVSSMetric]
        let other: [CVSSMetric]
        switch parts[0] {
        case "CVSS:3.1": (version, table, other) = (.v3_1, CVSS31.metrics, CVSS40.metrics)
        case "CVSS:4.0": (version, table, other) = (.v4_0, CVSS40.metrics, CVSS31.metrics)
        default:
            let shown = parts.count > 1 ? quote(parts[0] + "/…") : quote(parts[0])
            throw CVSSError(message: "\(expectation), found \(shown)")
        }
        let name = "CVSS v\(version.rawValue)"
        var metrics: [String: String] = [:]
        var previous: (index: Int, metric: CVSSMetric)?
        for (position, part) in parts.dropFirst().enumerated() {
            if part.isEmpty {
                throw CVSSError(message: "part \(position + 1) after the prefix is empty (a '/' too many)")
            }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw CVSSError(message: "\(quote(part)) is not a metric:value pair such as AV:N")
            }
            let key = String(pieces[0]), value = String(pieces[1])
            guard let index = table.firstIndex(where: { $0.key == key }) else {
                var message = "\(quote(pieces[0])) is not a \(name) metric"
                if other.contains(where: { $0.key == key }) {
                    let otherVersion = version == .v3_1 ? "4.0" : "3.1"
                    message += " (it is a CVSS v\(otherVersion) metric)"
                } else if table.contains(where: { $0.key == key.uppercased() }) {
                    message += " (metric names are upper case: \(key.uppercased()))"
                }
                throw CVSSError(message: message)
            }
            let metric = table[index]
            guard metric.values.contains(value) else {
                throw CVSSError(message: "\(shorten(part)) is not a value of \(metric.label); "
                    + "expected \(list(metric.values))")
            }
            if metrics[key] != nil {
                throw CVSSError(message: "metric \(metric.label) appears more than once")
            }
            if version == .v4_0, let previous, previous.index > index {
                throw CVSSError(message: "metric \(metric.label) comes after \(previous.metric.label); "
                    + "CVSS v4.0 requires the specification's order "
                    + table.map(\.key).joined(separator: ", "))
            }
            metrics[key] = value
            previous = (index, metric)
        }
        if let missing = table.first(where: { $0.mandatory && metrics[$0.key] == nil }) {
            throw CVSSError(message: "metric \(missing.label) is missing")
        }
        return Parsed(version: version, metrics: metrics)
    }
}
