import Foundation
import Model
import Records

/// What the DHF keeps of one release: everything it shows of it, without the commits, and without the records
/// except for the newest release (whose records are the baseline). An attached bundle's facts are read from its
/// facts file (`ReleaseFactsFile`); from a suf.json (a bundle made before facts files), only these parts are decoded.
public struct ReleaseFacts: Sendable {
    /// What the release is.
    public var identification: Identification
    /// Its counts.
    public var statistics: Statistics
    /// The change requests its commits named, with their commits.
    public var changeRequests: [ChangeRequestEntry]
    /// What changed in the records since the previous release.
    public var delta: ReleaseDelta
    /// Its traceability matrix.
    public var traceMatrix: [TraceRow]
    /// Its findings, counted.
    public var findings: FindingTally
    /// Its clause coverage.
    public var coverage: [ClauseStatus]
    /// Its SOUP items.
    public var soup: [SOUP]
    /// Each record's one-line name, by id.
    public var headlines: [String: String]
    /// The problem reports open at the release (its known residual anomalies), by id; nil for a bundle made before
    /// dossier recorded them in its facts file.
    public var openAnomalies: [String]?
    /// All its records, when kept (the newest release).
    public var records: RecordSet?

    /// The facts of a release in memory.
    public init(_ assessed: AssessedRelease, keepingRecords: Bool) {
        let release = assessed.release
        identification = release.identification
        statistics = release.statistics
        changeRequests = release.changeRequests
        delta = release.delta
        traceMatrix = assessed.assessment.traceMatrix
        findings = DesignHistoryBuilder.tally(assessed.assessment.findings.map { ($0.rule.rawValue, $0.level) })
        coverage = assessed.assessment.coverage
        soup = release.records.soup
        headlines = Dictionary(release.records.all.map { ($0.id, $0.headline) }, uniquingKeysWith: { a, _ in a })
        openAnomalies = Self.openAnomalies(release.records.problemReports)
        records = keepingRecords ? release.records : nil
    }

    /// The ids of the release's known residual anomalies, as its SUF lists them.
    static func openAnomalies(_ reports: [ProblemReport]) -> [String] {
        reports.filter(\.isKnownAnomaly).map(\.id)
    }

    /// The facts from their parts (read from a facts file).
    init(identification: Identification, statistics: Statistics, changeRequests: [ChangeRequestEntry], delta: ReleaseDelta,
         traceMatrix: [TraceRow], findings: FindingTally, coverage: [ClauseStatus], soup: [SOUP],
         headlines: [String: String], openAnomalies: [String]?, records: RecordSet?) {
        self.identification = identification
        self.statistics = statistics
        self.changeRequests = changeRequests
        self.delta = delta
        self.traceMatrix = traceMatrix
        self.findings = findings
        self.coverage = coverage
        self.soup = soup
        self.headlines = headlines
        self.openAnomalies = openAnomalies
        self.records = records
    }

    /// Decodes only the records from suf.json text (whose format version the caller has checked): the baseline,
    /// for the newest release's facts read from a facts file.
    /// - Throws: `DecodingError` when the text is not a suf.json.
    public static func decodeRecords(_ data: Data) throws -> RecordSet {
        try JSONDecoder().decode(RecordsOnly.self, from: data).records
    }

    /// The records of a suf.json, and nothing else of it.
    private struct RecordsOnly: Decodable {
        var records: RecordSet
    }

    /// Decodes the facts from suf.json text (whose format version the caller has checked).
    /// - Throws: `DecodingError` when the text is not a suf.json.
    public static func decode(_ data: Data, keepingRecords: Bool) throws -> ReleaseFacts {
        let decoder = JSONDecoder()
        decoder.userInfo[keepRecordsKey] = keepingRecords
        return try decoder.decode(ReleaseFacts.self, from: data)
    }

    fileprivate static let keepRecordsKey = CodingUserInfoKey(rawValue: "dossier.keepRecords")!
}

extension ReleaseFacts: Decodable {
    /// Reads the parts of a suf.json the DHF needs; the others are skipped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AssessedRelease.CodingKeys.self)
        identification = try container.decode(Identification.self, forKey: .identification)
        statistics = try container.decode(Statistics.self, forKey: .statistics)
        changeRequests = try container.decode([ChangeRequestEntry].self, forKey: .changeRequests)
        delta = try container.decode(ReleaseDelta.self, forKey: .delta)
        traceMatrix = try container.decodeIfPresent([TraceRow].self, forKey: .traceMatrix) ?? []
        let briefs = try container.decodeIfPresent([FindingBrief].self, forKey: .findings) ?? []
        findings = DesignHistoryBuilder.tally(briefs.map { ($0.rule, $0.level) })
        coverage = try container.decodeIfPresent([ClauseStatus].self, forKey: .coverage) ?? []
        if decoder.userInfo[Self.keepRecordsKey] as? Bool == true {
            let all = try container.decode(RecordSet.self, forKey: .records)
            records = all
            soup = all.soup
            headlines = Dictionary(all.all.map { ($0.id, $0.headline) }, uniquingKeysWith: { a, _ in a })
            openAnomalies = Self.openAnomalies(all.problemReports)
        } else {
            let brief = try container.decode(RecordHeadlines.self, forKey: .records)
            records = nil
            soup = brief.soup
            headlines = brief.headlines
            openAnomalies = brief.openAnomalies
        }
    }
}

/// A finding's rule and level, without its message and location.
private struct FindingBrief: Decodable {
    var rule: String
    var level: FindingLevel
}

/// The records of a suf.json read for their ids and one-line names only (and the SOUP items whole).
private struct RecordHeadlines: Decodable {
    var soup: [SOUP]
    var headlines: [String: String] = [:]
    /// The problem reports open and in force.
    var openAnomalies: [String] = []

    /// Any record, with the fields that make up its headline.
    private struct Brief: Decodable {
        var id: String
        var title: String?
        var hazard: String?
        var name: String?
        var document: String?
        var section: String?
    }

    /// A problem report, with what says whether it is a known residual anomaly.
    private struct ProblemBrief: Decodable {
        var id: String
        var title: String
        var status: ProblemReport.Status?
        var obsolete: Obsolescence?
    }

    private enum Keys: String, CodingKey {
        case requirements, risks, threats, ifuChanges, items, soup, changeRequests, problemReports
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        soup = try container.decodeIfPresent([SOUP].self, forKey: .soup) ?? []
        for item in soup { headlines[item.id] = item.headline }
        for key in [Keys.requirements, .threats, .changeRequests] {
            for brief in try container.decodeIfPresent([Brief].self, forKey: key) ?? [] { headlines[brief.id] = brief.title ?? "" }
        }
        for brief in try container.decodeIfPresent([ProblemBrief].self, forKey: .problemReports) ?? [] {
            headlines[brief.id] = brief.title
            if ProblemReport.isOpen(brief.status), brief.obsolete == nil { openAnomalies.append(brief.id) }
        }
        for brief in try container.decodeIfPresent([Brief].self, forKey: .risks) ?? [] { headlines[brief.id] = brief.hazard ?? "" }
        for brief in try container.decodeIfPresent([Brief].self, forKey: .items) ?? [] { headlines[brief.id] = brief.name ?? "" }
        for brief in try container.decodeIfPresent([Brief].self, forKey: .ifuChanges) ?? [] {
            headlines[brief.id] = [brief.document, brief.section].compactMap { $0 }.joined(separator: ", ")
        }
    }
}
