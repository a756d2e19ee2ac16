import Foundation
import Model
import Records
import Support

extension FindingReport {
    /// The `$schema` a SARIF log names: the OASIS SARIF 2.1.0 schema (errata 01).
    public static let sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run whose `tool.driver` is `dossier`
    /// at `toolVersion`, with `informationUri` when given and one rule per rule that ran (id, `shortDescription`
    /// the summary, `properties.clauses`, `defaultConfiguration.level`). Each finding is a result with `ruleId`,
    /// `ruleIndex` (its rule's place in the rules), `level`, `message.text`, `properties.subjects` and always one
    /// `locations[0]`, as GitHub code scanning requires: `physicalLocation` with the file as a repository-relative
    /// URI (`uriBaseId` `%SRCROOT%`; a file outside the repository as a `file:` URI) and `region.startLine` (1 when
    /// the finding is about the whole file) and `startColumn` when known; for a finding about a commit, also
    /// `logicalLocations[0]` naming the commit. A finding without a location (`Checker.run` gives every finding
    /// one) is placed at dossier.yml. Sorted keys, two-space indentation.
    public static func sarif(findings: [Finding], rules: [RuleInfo], toolVersion: String, informationURI: String? = nil) -> String {
        let reported = reportedRules(findings: findings, rules: rules)
        var index: [RuleID: Int] = [:]
        for (offset, rule) in reported.enumerated() where index[rule.id] == nil { index[rule.id] = offset }
        let driver = SARIFDriver(
            name: "dossier", version: toolVersion, informationUri: informationURI,
            rules: reported.map { rule in
                SARIFRule(id: rule.id.rawValue, shortDescription: SARIFMessage(text: rule.summary),
                          defaultConfiguration: SARIFConfiguration(level: rule.defaultLevel.rawValue),
                          properties: SARIFRuleProperties(clauses: rule.clauses))
            })
        let results = findings.map { finding in
            SARIFResult(ruleId: finding.rule.rawValue, ruleIndex: index[finding.rule], level: finding.level.rawValue,
                        message: SARIFMessage(text: finding.message),
                        locations: [SARIFLocation(finding.location ?? SourceLocation(file: CheckContext.configurationFile),
                                                  commit: finding.commit)],
                        properties: finding.subjects.isEmpty ? nil : SARIFResultProperties(subjects: finding.subjects))
        }
        let log = SARIFLog(schema: sarifSchema, version: "2.1.0",
                           runs: [SARIFRun(tool: SARIFTool(driver: driver), results: results, columnKind: "unicodeCodePoints")])
        // The model holds only strings, integers and arrays, which CanonicalJSON always encodes.
        let data = (try? CanonicalJSON.encode(log)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A repository-relative path as a relative URI reference: characters a URI path cannot hold are
    /// percent-encoded, and `./` goes before a first segment with a colon so it cannot read as a scheme.
    static func relativeURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%;?#")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        let firstSegment = encoded.prefix { $0 != "/" }
        return firstSegment.contains(":") ? "./" + encoded : encoded
    }
}

/// The SARIF log: the subset of SARIF 2.1.0 dossier writes.
struct SARIFLog: Encodable {
    var schema: String
    var version: String
    var runs: [SARIFRun]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }
}

/// One run of `dossier check`.
struct SARIFRun: Encodable {
    var tool: SARIFTool
    var results: [SARIFResult]
    var columnKind: String
}

/// The tool that ran.
struct SARIFTool: Encodable {
    var driver: SARIFDriver
}

/// dossier, its version and its rules.
struct SARIFDriver: Encodable {
    var name: String
    var version: String
    var informationUri: String?
    var rules: [SARIFRule]
}

/// A rule (SARIF's reportingDescriptor).
struct SARIFRule: Encodable {
    var id: String
    var shortDescription: SARIFMessage
    var defaultConfiguration: SARIFConfiguration
    var properties: SARIFRuleProperties
}

/// A rule's default level.
struct SARIFConfiguration: Encodable {
    var level: String
}

/// The clauses a rule serves.
struct SARIFRuleProperties: Encodable {
    var clauses: [String]
}

/// A text message.
struct SARIFMessage: Encodable {
    var text: String
}

/// One finding.
struct SARIFResult: Encodable {
    var ruleId: String
    var ruleIndex: Int?
    var level: String
    var message: SARIFMessage
    var locations: [SARIFLocation]
    var properties: SARIFResultProperties?
}

/// The records, commits or tests a finding involves.
struct SARIFResultProperties: Encodable {
    var subjects: [String]
}

/// Where a finding is: the file (and place in it), and the commit it is about.
struct SARIFLocation: Encodable {
    var physicalLocation: SARIFPhysicalLocation
    var logicalLocations: [SARIFLogicalLocation]?

    init(_ location: SourceLocation, commit: String?) {
        // GitHub code scanning needs a start line; a finding about a whole file starts at its first.
        let region = SARIFRegion(startLine: location.line ?? 1, startColumn: location.line == nil ? nil : location.column)
        let artifact = location.file.hasPrefix("/")
            ? SARIFArtifactLocation(uri: "file://" + FindingReport.relativeURI(location.file), uriBaseId: nil)
            : SARIFArtifactLocation(uri: FindingReport.relativeURI(location.file), uriBaseId: "%SRCROOT%")
        physicalLocation = SARIFPhysicalLocation(artifactLocation: artifact, region: region)
        logicalLocations = commit.map { [SARIFLogicalLocation(name: $0, fullyQualifiedName: "commit \($0)", kind: "commit")] }
    }
}

/// A commit, as a logical location.
struct SARIFLogicalLocation: Encodable {
    var name: String
    var fullyQualifiedName: String
    var kind: String
}

/// A file and a place in it.
struct SARIFPhysicalLocation: Encodable {
    var artifactLocation: SARIFArtifactLocation
    var region: SARIFRegion
}

/// A file, relative to the repository's root.
struct SARIFArtifactLocation: Encodable {
    var uri: String
    var uriBaseId: String?
}

/// A line and column, both 1-based.
struct SARIFRegion: Encodable {
    var startLine: Int
    var startColumn: Int?
}
