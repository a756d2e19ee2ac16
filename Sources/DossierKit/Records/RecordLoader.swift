import Foundation

/// Reads the configuration and every record file from a source (a release's tree), strictly.
public enum RecordLoader {
    /// Reads dossier.yml from the source, or returns `Config.historyOnly` when there is none.
    /// - Throws: `DossierError` for a dossier.yml that does not parse.
    public static func config(from source: RecordSource) throws -> Config {
        guard let data = try source.readFile("dossier.yml") else { return .historyOnly }
        return try annotate(source) { try Config.parse(data, file: "dossier.yml") }
    }

    /// Reads every record file the configuration names. Missing files are fine.
    /// - Throws: `DossierError` for syntax errors, wrong types, unknown fields and duplicate ids.
    public static func records(from source: RecordSource, config: Config) throws -> RecordSet {
        try annotate(source) {
            var set = RecordSet()
            for kind in RecordKind.allCases {
                guard let path = config.recordPaths[kind] else { continue }
                let roots = try files(at: path, in: source).compactMap { file, data in try YAMLValue.parse(data, file: file) }
                // The risk policy may sit in any file of a risks folder: read it before any risk.
                if kind == .risk { try readPolicy(roots, into: &set) }
                for root in roots { try read(kind, root: root, into: &set) }
            }
            try checkDuplicates(set)
            set.resolveLinks()
            return set
        }
    }

    /// The files at a record path: the file itself, or the `*.yml` files of a folder in name order.
    private static func files(at path: String, in source: RecordSource) throws -> [(String, Data)] {
        switch try source.entryKind(path) {
        case nil: return []
        case .file?: return [(path, try source.readFile(path) ?? Data())]
        case .folder?:
            return try source.fileNames(inFolder: path)
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
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

    private static func checkDuplicates(_ set: RecordSet) throws {
        var seen: [String: SourceLocation] = [:]
        for record in set.all {
            if let first = seen[record.id] {
                throw DossierError("duplicate id \(record.id): first defined at \(first); ids are never reused", at: record.source)
            }
            seen[record.id] = record.source
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
