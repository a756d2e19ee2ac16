import Evidence
import Foundation
import Support

/// Reads the configuration and every record file from a source (a release's tree), strictly.
public enum RecordLoader {
    /// Reads dossier.yml from the source, or returns `Config.historyOnly` when there is none.
    /// - Throws: `DossierError` for a dossier.yml that does not parse.
    public static func config(from source: RecordSource) throws -> Config {
        guard let data = try source.readFile("dossier.yml") else { return .historyOnly }
        return try annotate(source) { try Config.parse(data, file: "dossier.yml") }
    }

    /// Reads every record file the configuration names. Missing files are fine.
    ///
    /// The SOUP list is the SBOM when there is one: `sbom` (given with `--evidence`) or the file `config.sbom`
    /// names in the tree. The SOUP YAML is then an overlay that adds what the SBOM lacks.
    /// - Throws: `DossierError` for syntax errors, wrong types, unknown fields, duplicate ids and bad SBOMs.
    public static func records(from source: RecordSource, config: Config, sbom evidenceSBOM: SBOM? = nil) throws -> RecordSet {
        try annotate(source) {
            var set = RecordSet()
            var sbom = evidenceSBOM
            if sbom == nil, let path = config.sbom, let data = try source.readFile(path) {
                sbom = try SBOMReader.read(data, file: path)
            }
            for kind in RecordKind.allCases {
                guard let path = config.recordPaths[kind] else { continue }
                if kind == .threat {
                    try readThreats(files(at: path, in: source, models: true), into: &set)
                    continue
                }
                if kind == .changeRequest && TrackerExportReader.isExport(path) {
                    guard let data = try source.readFile(path) else { continue }
                    set.changeRequests = try TrackerExportReader.changeRequests(data, file: path, mapping: config.tracker)
                    continue
                }
                let roots = try files(at: path, in: source).compactMap { file, data in try YAMLValue.parse(data, file: file) }
                // The risk policy may sit in any file of a risks folder: read it before any risk.
                if kind == .risk { try readPolicy(roots, into: &set) }
                if kind == .soup && (sbom != nil || config.sbom != nil) { continue }
                for root in roots { try read(kind, root: root, into: &set) }
            }
            if let path = config.riskManagementPath {
                for (file, data) in try files(at: path, in: source) {
                    if let root = try YAMLValue.parse(data, file: file) { try RiskManagementRecords.read(root, into: &set) }
                }
            }
            if sbom != nil || config.sbom != nil {
                let overlay = try config.recordPaths[.soup].map { path in
                    try files(at: path, in: source).compactMap { file, data in try YAMLValue.parse(data, file: file) }.flatMap(readOverlay)
                } ?? []
                try joinSOUP(sbom: sbom, fromEvidence: evidenceSBOM != nil, overlay: overlay, config: config, source: source, into: &set)
            }
            try checkDuplicates(set)
            set.resolveLinks()
            return set
        }
    }

    /// The files at a record path: the file itself, or the `*.yml` files of a folder in name order (and, for
    /// `models`, the `*.json` threat models too).
    private static func files(at path: String, in source: RecordSource, models: Bool = false) throws -> [(String, Data)] {
        switch try source.entryKind(path) {
        case nil: return []
        case .file?: return [(path, try source.readFile(path) ?? Data())]
        case .folder?:
            return try source.fileNames(inFolder: path)
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") || (models && $0.lowercased().hasSuffix(".json")) }
                .map { name in
                    let file = path.hasSuffix("/") ? path + name : path + "/" + name
                    return (file, try source.readFile(file) ?? Data())
                }
        }
    }

    private static func readPolicy(_ roots: [YAMLValue], into set: inout RecordSet) throws {
        for root in roots {
            guard let policy = try root.mapping(root.file, allowed: ["policy", "risks"])["policy"] else { continue }
            if let existing = set.riskPolicy {
                throw DossierError("a second risk policy; the first is at \(existing.source)", at: policy.location)
            }
            set.riskPolicy = try RiskPolicy(policy.mapping("the risk policy", allowed: ["severity", "probability", "acceptability", "safety_class_by_severity"]))
        }
    }

    private static func read(_ kind: RecordKind, root: YAMLValue, into set: inout RecordSet) throws {
        let allowed = kind == .risk ? ["policy", "risks"] : [kind.listKey]
        let top = try root.mapping(root.file, allowed: allowed)
        guard let list = top[kind.listKey] else { return }
        for entry in try list.list("a list of \(kind.title)s under '\(kind.listKey)'") {
            switch kind {
            case .requirement: set.requirements.append(try Requirement(entry.mapping("a requirement", allowed: Requirement.allowed)))
            case .risk: set.risks.append(try Risk(entry.mapping("a risk", allowed: Risk.allowed), policy: set.riskPolicy))
            case .threat: set.threats.append(try Threat(entry.mapping("a threat", allowed: Threat.allowed)))
            case .ifuChange: set.ifuChanges.append(try IFUChange(entry.mapping("an IFU change", allowed: IFUChange.allowed)))
            case .softwareItem: set.items.append(try SoftwareItem(entry.mapping("a software item", allowed: SoftwareItem.allowed)))
            case .soup: set.soup.append(try SOUP(entry.mapping("a SOUP item", allowed: SOUP.allowed)))
            case .changeRequest: set.changeRequests.append(try ChangeRequest(entry.mapping("a change request", allowed: ChangeRequest.allowed)))
            case .problemReport: set.problemReports.append(try ProblemReport(entry.mapping("a problem report", allowed: ProblemReport.allowed)))
            }
        }
    }

    /// Threats from dossier's threats YAML, a Threagile model (YAML with `threagile_version`) or an OWASP Threat
    /// Dragon v2 model (`.json`), in file order.
    private static func readThreats(_ files: [(String, Data)], into set: inout RecordSet) throws {
        for (file, data) in files {
            if file.lowercased().hasSuffix(".json") {
                set.threats += try ThreatDragonReader.threats(data, file: file)
            } else if let root = try YAMLValue.parse(data, file: file) {
                if ThreagileReader.isModel(root) {
                    set.threats += try ThreagileReader.threats(root)
                } else {
                    try read(.threat, root: root, into: &set)
                }
            }
        }
    }

    private static func readOverlay(_ root: YAMLValue) throws -> [SOUPOverlay] {
        guard let list = try root.mapping(root.file, allowed: ["soup"])["soup"] else { return [] }
        return try list.list("a list of SOUP items under 'soup'").map { try SOUPOverlay($0.mapping("a SOUP item", allowed: SOUPOverlay.allowed)) }
    }

    /// The SOUP list from the SBOM and its overlay; without the SBOM the configuration names, the overlay alone,
    /// and rule S4 says the SBOM is missing.
    private static func joinSOUP(sbom: SBOM?, fromEvidence: Bool, overlay: [SOUPOverlay], config: Config, source: RecordSource, into set: inout RecordSet) throws {
        guard let sbom else {
            set.soup = overlay.map { entry in
                var record = entry.record
                if record.name.isEmpty { record.name = record.purl ?? entry.bomRef ?? "" }
                return record
            }
            set.soupDisagreements = [SOUPDisagreement(
                soup: nil, message: "the SBOM \(config.sbom ?? "") that \(config.source ?? "dossier.yml") names is not in the tree of \(source.label), and no SBOM was given with --evidence",
                location: SourceLocation(file: config.source ?? "dossier.yml"))]
            return
        }
        let joined = SOUPList.join(sbom: sbom, overlay: overlay)
        set.soup = joined.soup
        set.vulnerabilities = joined.vulnerabilities
        set.soupDisagreements = joined.disagreements
        set.sbom = SBOMSource(file: sbom.file, standard: sbom.standard, sha256: sbom.sha256, components: sbom.components.count,
                              fromEvidence: fromEvidence, overlay: overlay.isEmpty ? nil : config.recordPaths[.soup])
    }

    private static func checkDuplicates(_ set: RecordSet) throws {
        var seen: [String: SourceLocation] = [:]
        for record in set.all {
            if let first = seen[record.id] {
                throw DossierError("duplicate id \(record.id): first defined at \(first); ids are never reused", at: record.source)
            }
            seen[record.id] = record.source
        }
        // Interface ids are anchors of the documents, which ignore case: IF-A and IF-a would be one.
        var interfaces: [String: (id: String, source: SourceLocation)] = [:]
        var zones: [String: (zone: String, source: SourceLocation)] = [:]
        for interface in set.interfaces {
            if let first = interfaces[interface.id.lowercased()] {
                let same = first.id == interface.id ? "" : " (as \(first.id): ids differ in more than case)"
                throw DossierError("duplicate interface id \(interface.id)\(same): first defined at \(first.source)", at: interface.source)
            }
            interfaces[interface.id.lowercased()] = (interface.id, interface.source)
            // An element outside the software lies in one trust zone.
            guard !interface.isToItem, let zone = interface.zone else { continue }
            if let first = zones[interface.to], first.zone != zone {
                throw DossierError("interface \(interface.id) puts \(Excerpt.quoted(interface.to)) in zone \(Excerpt.quoted(zone)), but \(first.source) puts it in \(Excerpt.quoted(first.zone)); an element outside the software lies in one zone",
                                   at: interface.source)
            }
            zones[interface.to] = zones[interface.to] ?? (zone, interface.source)
        }
    }

    /// Adds which tree a file was read from to errors.
    private static func annotate<T>(_ source: RecordSource, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as DossierError {
            error.message += " (in the tree of \(source.label))"
            throw error
        }
    }
}
