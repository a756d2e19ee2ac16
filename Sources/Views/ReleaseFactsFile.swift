import Foundation
import Model
import Records
import Support

/// The facts file a SUF bundle holds beside suf.json (`dhf-facts.json`): what the DHF keeps of the release
/// (`ReleaseFacts`) without the records, so that a DHF over attached bundles reads a small file instead of the
/// whole suf.json. The newest release's records, the DHF's baseline, are read from its suf.json.
///
/// Canonical JSON, one object: `factsVersion` and the members of `ReleaseFacts` but `records`. Read strictly: every
/// member is required, no other member is allowed. A file of a newer `factsVersion` is not read (the DHF reads the
/// bundle's suf.json instead).
public enum ReleaseFactsFile {
    /// The file's name in a bundle.
    public static let name = "dhf-facts.json"
    /// The version of the file's format this dossier writes and reads.
    public static let version = 1

    /// The file's text for a release.
    /// - Throws: whatever encoding throws (nothing for a release made by dossier).
    public static func encode(_ assessed: AssessedRelease) throws -> Data {
        try CanonicalJSON.encode(Stored(ReleaseFacts(assessed, keepingRecords: false)))
    }

    /// The file's text for `assessed`, handed on in pieces as it is made (`CanonicalJSON.encode(_:into:)`).
    public static func encode(_ assessed: AssessedRelease, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try CanonicalJSON.encode(Stored(ReleaseFacts(assessed, keepingRecords: false)), into: sink)
    }

    /// Reads the file's text: the release's facts without records, or nil when the file is of a newer format.
    /// - Throws: `DecodingError` when the text is not a facts file of a format this dossier reads.
    public static func decode(_ data: Data) throws -> ReleaseFacts? {
        do {
            return try JSONDecoder().decode(Stored.self, from: data).facts
        } catch is NewerFormat {
            return nil
        }
    }

    /// Thrown by the decoder on a file of a newer format, which is not read.
    private struct NewerFormat: Error {}

    /// The file's one object.
    private struct Stored: Codable {
        var facts: ReleaseFacts

        init(_ facts: ReleaseFacts) {
            self.facts = facts
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case changeRequests, coverage, delta, factsVersion, findings, headlines, identification, openAnomalies, soup,
                 statistics, traceMatrix
        }

        /// The members in sorted key order, so that the text can be handed on while it is made
        /// (`CanonicalJSON.encode(_:into:)`).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(facts.changeRequests, forKey: .changeRequests)
            try container.encode(facts.coverage, forKey: .coverage)
            try container.encode(facts.delta, forKey: .delta)
            try container.encode(ReleaseFactsFile.version, forKey: .factsVersion)
            try container.encode(facts.findings, forKey: .findings)
            try container.encode(facts.headlines, forKey: .headlines)
            try container.encode(facts.identification, forKey: .identification)
            try container.encodeIfPresent(facts.openAnomalies, forKey: .openAnomalies)
            try container.encode(facts.soup, forKey: .soup)
            try container.encode(facts.statistics, forKey: .statistics)
            try container.encode(facts.traceMatrix, forKey: .traceMatrix)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let version = try container.decode(Int.self, forKey: .factsVersion)
            guard version <= ReleaseFactsFile.version else { throw NewerFormat() }
            guard version >= 1 else {
                throw DecodingError.dataCorruptedError(forKey: .factsVersion, in: container,
                                                       debugDescription: "expected a version from 1 to \(ReleaseFactsFile.version), found \(version)")
            }
            // Any member not listed is refused: a key that is not ours, or a member name that was misspelt.
            let known = Set(CodingKeys.allCases.map(\.stringValue))
            let all = try decoder.container(keyedBy: AnyKey.self)
            if let unknown = all.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: [], debugDescription: "unknown member '\(unknown.prefix(60))'; expected only \(CodingKeys.allCases.map(\.stringValue).joined(separator: ", "))"))
            }
            facts = ReleaseFacts(
                identification: try container.decode(Identification.self, forKey: .identification),
                statistics: try container.decode(Statistics.self, forKey: .statistics),
                changeRequests: try container.decode([ChangeRequestEntry].self, forKey: .changeRequests),
                delta: try container.decode(ReleaseDelta.self, forKey: .delta),
                traceMatrix: try container.decode([TraceRow].self, forKey: .traceMatrix),
                findings: try container.decode(FindingTally.self, forKey: .findings),
                coverage: try container.decode([ClauseStatus].self, forKey: .coverage),
                soup: try container.decode([SOUP].self, forKey: .soup),
                headlines: try container.decode([String: String].self, forKey: .headlines),
                openAnomalies: try container.decodeIfPresent([String].self, forKey: .openAnomalies),
                records: nil)
        }
    }

    /// Any member name of a JSON object.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
