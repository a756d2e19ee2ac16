import Evidence
import Foundation
import Support

/// The device the software belongs to, as dossier.yml describes it.
public struct Device: Sendable, Codable, Hashable {
    /// The device name, as the SUF identifies it.
    public var name: String
    /// The legal manufacturer.
    public var manufacturer: String?
    /// The model or catalogue number.
    public var model: String?
    /// The UDI device identifier (UDI-DI).
    public var udiDI: String?
    /// A short description of the device.
    public var description: String?
    /// The IEC 62304 class of the software system.
    public var safetyClass: SafetyClass?
    /// The markets the device is placed on, e.g. EU, US.
    public var markets: [String]
    /// The device's risk class under the EU MDR (Annex VIII), e.g. IIa.
    public var euClass: String?
    /// basic or enhanced (FDA guidance on premarket software documentation).
    public var fdaDocumentationLevel: String?
}

/// dossier.yml: the device, where records live, which tags are releases, trust, trailers and policy.
public struct Config: Sendable, Hashable {
    /// The device; `nil` when there is no dossier.yml.
    public var device: Device?
    /// Glob over tag names that selects release tags.
    public var tagPattern: String = "v*"
    /// Where each kind of record lives (a file or a folder of `*.yml`), in the release's tree.
    public var recordPaths: [RecordKind: String] = [:]
    /// The file or folder of overall residual risk evaluations and risk management reviews (ISO 14971 8, 9).
    public var riskManagementPath: String?
    /// The SBOM (CycloneDX or SPDX JSON) in the release's tree that is the SOUP list; `records.soup` then names
    /// the overlay, if any.
    public var sbom: String?
    /// The SSH allowed-signers file in the release's tree.
    public var allowedSigners: String?
    /// The folder of armored OpenPGP public keys in the release's tree.
    public var openpgpKeys: String?
    /// The folder of PEM public keys trusted to sign update packages (Mender Artifacts) in the release's tree.
    public var updateKeys: String?
    /// Trailer keys whose values name records (split on commas).
    public var trailerKeys: [String] = ["Change-Request", "Refs", "Implements", "Fixes"]
    /// A folder of templates in the release's tree that override the built-in ones.
    public var templates: String?
    /// How an issue tracker's export maps to change requests (`tracker:`).
    public var tracker = TrackerMapping.standard
    /// Globs over repository paths that are not part of the software system (records, configuration, test code):
    /// no software item needs to claim them (`not_software:`), and the SUF lists them apart.
    public var notSoftware: [String] = []
    /// Per-rule levels: error, warning or off.
    public var policy: [RuleID: RuleSetting] = [:]
    /// Clauses the manufacturer declares not applicable, by reference (`IEC 62304 5.1.10`), with the reason
    /// (`clauses: {not_applicable: …}`).
    public var notApplicableClauses: [String: String] = [:]
    /// The documents' ids (`documents: {suf_id: …, dhf_id: …}`).
    public var documents = DocumentNaming()
    /// The approvals a release's bundle needs (`approvals.required`: role → meaning), in the file's order.
    public var requiredApprovals: [RequiredApproval] = []
    /// Where the configuration was read from, or `nil` when the defaults apply.
    public var source: String?
    /// Where dossier.yml wrote what the identification rules read, by dotted key: `file` (its start), `device` (the
    /// mapping), `device.name`, `device.manufacturer`, … (each value, empty ones too) and `releases.tag_pattern`.
    public var locations: [String: SourceLocation] = [:]

    /// The configuration of a repository that has no dossier.yml: history alone, no records.
    public static let historyOnly = Config()

    /// The record paths a dossier.yml without `records:` uses.
    public static let defaultRecordPaths: [RecordKind: String] = [
        .requirement: "regulatory/requirements.yml", .risk: "regulatory/risks.yml",
        .threat: "regulatory/threats.yml", .ifuChange: "regulatory/ifu.yml", .softwareItem: "regulatory/items.yml",
        .soup: "regulatory/soup.yml", .changeRequest: "regulatory/change-requests.yml",
        .problemReport: "regulatory/problem-reports.yml",
    ]

    init() {}

    /// Parses dossier.yml.
    /// - Throws: `DossierError` naming the file, line and column of the first problem.
    public static func parse(_ data: Data, file: String) throws -> Config {
        var config = Config()
        config.source = file
        config.recordPaths = defaultRecordPaths
        config.locations["file"] = SourceLocation(file: file, line: 1, column: 1)
        config.riskManagementPath = "regulatory/risk-management.yml"
        guard let root = try YAMLValue.parse(data, file: file) else { return config }
        let m = try root.mapping("dossier.yml", allowed: ["device", "releases", "records", "trust", "commits", "templates", "tracker", "policy",
                                                         "not_software", "clauses", "approvals", "documents"])
        if let value = m["device"] {
            let d = try value.mapping("device", allowed: ["name", "manufacturer", "model", "udi_di", "description", "safety_class",
                                                          "markets", "eu_class", "fda_documentation_level"])
            config.locations["device"] = value.location
            for (key, field) in d.entries { config.locations["device.\(key)"] = field.location }
            config.device = Device(
                name: try d.requiredText("name"), manufacturer: try d.text("manufacturer"), model: try d.text("model"),
                udiDI: try d.text("udi_di"), description: try d.text("description"), safetyClass: try d.safetyClass("safety_class"),
                markets: try d.texts("markets"), euClass: try d.text("eu_class"),
                fdaDocumentationLevel: try d.choice("fda_documentation_level", ["basic", "enhanced"]))
        }
        if let value = m["releases"] {
            let r = try value.mapping("releases", allowed: ["tag_pattern"])
            config.tagPattern = try r.text("tag_pattern") ?? config.tagPattern
            if let pattern = r["tag_pattern"] { config.locations["releases.tag_pattern"] = pattern.location }
        }
        if let value = m["records"] {
            let r = try value.mapping("records", allowed: RecordKind.allCases.map(\.configKey) + ["risk_management"])
            config.riskManagementPath = try r.text("risk_management") ?? config.riskManagementPath
            for kind in RecordKind.allCases where kind != .soup {
                if let path = try r.text(kind.configKey) { config.recordPaths[kind] = path }
            }
            if let soup = r["soup"] {
                if case .mapping = soup.node {
                    // soup: {sbom: build/sbom.cdx.json, overlay: regulatory/soup.yml}
                    let m = try soup.mapping("records.soup", allowed: ["sbom", "overlay"])
                    config.sbom = try m.text("sbom")
                    config.recordPaths[.soup] = try m.text("overlay")
                } else {
                    let path = try soup.text("a file or folder for 'soup', or a mapping with 'sbom' and 'overlay'")
                    // soup: build/sbom.cdx.json is an SBOM alone; soup: regulatory/soup.yml the SOUP list in YAML.
                    if SBOMReader.looksLikeSBOM(path) {
                        config.sbom = path
                        config.recordPaths[.soup] = nil
                    } else {
                        config.recordPaths[.soup] = path
                    }
                }
            }
        }
        if let value = m["trust"] {
            let t = try value.mapping("trust", allowed: ["allowed_signers", "openpgp_keys", "update_keys"])
            config.allowedSigners = try t.text("allowed_signers")
            config.openpgpKeys = try t.text("openpgp_keys")
            config.updateKeys = try t.text("update_keys")
        }
        if let value = m["commits"] {
            let c = try value.mapping("commits", allowed: ["trailers"])
            if c["trailers"] != nil { config.trailerKeys = try c.texts("trailers") }
        }
        config.templates = try m.text("templates")
        if m["not_software"] != nil { config.notSoftware = try m.texts("not_software") }
        if let value = m["tracker"] {
            config.tracker = try TrackerMapping(value.mapping("tracker", allowed: ["id", "type", "status", "safety_impact", "regulatory_decision"]))
        }
        if let value = m["policy"] {
            guard case .mapping(let mapping) = value.node else { throw value.fail("a mapping of rule ids to levels") }
            for (key, level) in mapping {
                let keyValue = YAMLValue(node: key, file: file)
                let rule = try keyValue.text("a rule id")
                guard let letter = rule.first, letter.isUppercase, rule.dropFirst().allSatisfy(\.isNumber), rule.count > 1 else {
                    throw DossierError("expected a rule id such as G1 or C5 in 'policy', found \(Excerpt.quoted(rule))", at: keyValue.location)
                }
                guard let id = RuleID(rawValue: rule) else {
                    throw DossierError("unknown rule \(Excerpt.quoted(rule)) in 'policy'; the rules are \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))",
                                       at: keyValue.location)
                }
                let levelValue = YAMLValue(node: level, file: file)
                let text = try levelValue.text("error, warning or off")
                guard let setting = RuleSetting(rawValue: text) else {
                    throw DossierError("expected error, warning or off for rule \(rule), found \(Excerpt.quoted(text))", at: levelValue.location)
                }
                config.policy[id] = setting
            }
        }
        if let value = m["clauses"] { config.notApplicableClauses = try notApplicableClauses(value) }
        if let value = m["approvals"] { config.requiredApprovals = try requiredApprovals(value) }
        if let value = m["documents"] {
            let d = try value.mapping("documents", allowed: ["suf_id", "dhf_id"])
            for (key, needsRelease) in [("suf_id", true), ("dhf_id", false)] {
                guard let field = d[key] else { continue }
                let text = try field.text("a document id")
                if let problem = DocumentNaming.problem(text, needsRelease: needsRelease) {
                    throw DossierError("expected \(problem) in 'documents.\(key)', found \(Excerpt.quoted(text))", at: field.location)
                }
                if needsRelease { config.documents.sufPattern = text } else { config.documents.dhfID = text }
            }
        }
        return config
    }
}

extension Config {
    /// Reads a dossier.yml from disk, as `--config FILE` asks.
    /// - Throws: `DossierError` when the file cannot be read or does not parse.
    public static func load(file path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DossierError("cannot read the configuration file \(path)")
        }
        var config = try Config.parse(data, file: path)
        // Errors name the path given; findings, which go into documents, name the file without its folder.
        let name = (path as NSString).lastPathComponent
        config.locations = config.locations.mapValues { SourceLocation(file: name, line: $0.line, column: $0.column) }
        return config
    }
}

extension Config {
    /// Reads `approvals: {required: {ROLE: MEANING, …}}`, where a MEANING may also be `{meaning: M, signers: [P, …]}`.
    /// - Throws: `DossierError` at the entry that is not a role with one of the meanings.
    static func requiredApprovals(_ value: YAMLValue) throws -> [RequiredApproval] {
        let a = try value.mapping("approvals", allowed: ["required"])
        guard let required = a["required"] else { return [] }
        guard case .mapping(let mapping) = required.node else {
            throw required.fail("a mapping of roles to meanings (authored, reviewed or approved), e.g. {Quality Assurance: approved}")
        }
        var result: [RequiredApproval] = []
        for (key, meaning) in mapping {
            let keyValue = YAMLValue(node: key, file: value.file)
            let role = try keyValue.text("a role")
            if let problem = RequiredApproval.problem(role: role) {
                throw DossierError("expected a role in 'approvals.required': \(problem); found \(Excerpt.quoted(role))", at: keyValue.location)
            }
            guard !result.contains(where: { $0.role.sameBytes(as: role) }) else {
                throw DossierError("the role \(Excerpt.quoted(role)) is named twice in 'approvals.required'", at: keyValue.location)
            }
            var meaningValue = YAMLValue(node: meaning, file: value.file)
            var signers: [String] = []
            if case .mapping = meaningValue.node {
                let m = try meaningValue.mapping("approvals.required.\(role)", allowed: ["meaning", "signers"])
                guard let given = m["meaning"] else {
                    throw DossierError("expected 'meaning' (authored, reviewed or approved) for the role \(Excerpt.quoted(role))", at: meaningValue.location)
                }
                if m["signers"] != nil { signers = try m.texts("signers") }
                meaningValue = given
            }
            let text = try meaningValue.text("authored, reviewed or approved")
            guard let parsed = ApprovalMeaning(rawValue: text) else {
                throw DossierError("expected authored, reviewed or approved as the meaning of \(Excerpt.quoted(role))'s approval, found \(Excerpt.quoted(text))",
                                   at: meaningValue.location)
            }
            result.append(RequiredApproval(role: role, meaning: parsed, signers: signers))
        }
        return result
    }
}
