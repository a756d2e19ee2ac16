import Evidence
import Foundation
import Git
import Model
import Support

/// Reads the release and its assessment a bundle holds: its suf.json, checked against the formats this dossier reads. (An auditor's
/// name for a release, which may be a tag to build, is read by `release(named:request:)` in Actions.)
public enum ReleaseReader {
    /// Reads a suf.json file.
    /// - Throws: `DossierError` when it cannot be read, is not a suf.json, or is of a newer format.
    public static func read(file: String) throws -> AssessedRelease {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DossierError("cannot read \(file)")
        }
        return try decode(data, file: file)
    }

    /// Decodes suf.json text, checking its format version first.
    /// - Throws: `DossierError` naming `file` and what is wrong.
    public static func decode(_ data: Data, file: String) throws -> AssessedRelease {
        try decode(data, file: file) { try JSONDecoder().decode(AssessedRelease.self, from: $0) }
    }

    /// Decodes suf.json text with `decode`, checking its format version first.
    /// - Throws: `DossierError` naming `file` and what is wrong.
    package static func decode<T>(_ data: Data, file: String, _ decode: (Data) throws -> T) throws -> T {
        let version: Version
        do {
            version = try JSONDecoder().decode(Version.self, from: data)
        } catch {
            throw failure("not a suf.json: the file is not a JSON object", error, in: data, file: file)
        }
        guard let format = version.formatVersion else {
            throw failure("not a suf.json: it has no formatVersion", nil, in: data, file: file)
        }
        guard format <= Release.currentFormatVersion else {
            throw failure("suf.json format \(format) was written by a newer dossier; this one reads format \(Release.currentFormatVersion) and older: use a newer dossier",
                          nil, at: [Version.CodingKeys.formatVersion], in: data, file: file)
        }
        do {
            return try decode(data)
        } catch {
            throw failure("not a suf.json of format \(format)", error, in: data, file: file)
        }
    }

    /// Decodes another JSON file of a bundle with `decode`; `what` names the kind of file in the error.
    /// - Throws: `DossierError` naming `file`, the line and column of what is wrong, and what was expected.
    package static func decodeJSON<T>(_ data: Data, file: String, what: String, _ decode: (Data) throws -> T) throws -> T {
        do {
            return try decode(data)
        } catch {
            throw failure("not \(what)", error, in: data, file: file)
        }
    }

    /// The error for a suf.json that is refused, at the line and column of what is wrong: the syntax error, or the
    /// value at the decoding error's path (for a missing key, the object that lacks it). Foundation's decoder knows
    /// only the path, so the text is read again with dossier's JSON reader, which knows where every value starts;
    /// that is done only once the file is refused.
    private static func failure(_ message: String, _ error: Error?, at path: [any CodingKey] = [], in data: Data, file: String) -> DossierError {
        let top: JSONValue
        do {
            top = try JSONValue.parse(data, file: file)
        } catch let syntax as DossierError {
            return DossierError("\(message) (\(syntax.message))", at: syntax.location ?? SourceLocation(file: file))
        } catch {
            return DossierError("\(message) (\(error))", at: SourceLocation(file: file))
        }
        var path = path
        if let error = error as? DecodingError {
            switch error {
            case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                path = context.codingPath
            @unknown default: break
            }
        }
        let detail = error.map { "\(message): \(describe($0))" } ?? message
        return DossierError(detail, at: value(at: path, in: top).location)
    }

    /// The value at a coding path, or the deepest one on the path that is there.
    private static func value(at path: [any CodingKey], in top: JSONValue) -> JSONValue {
        var current = top
        for key in path {
            switch current.kind {
            case .object(let members):
                guard let member = members.last(where: { $0.key == key.stringValue }) else { return current }
                current = member.value
            case .array(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return current }
                current = items[index]
            default:
                return current
            }
        }
        return current
    }

    /// The one field read before the rest: which format a suf.json is written in.
    private struct Version: Decodable {
        var formatVersion: Int?
        enum CodingKeys: String, CodingKey { case formatVersion }
    }

    /// A decoding error in words: where in the JSON, what was expected.
    private static func describe(_ error: Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context)?: return "\(path(context.codingPath)) should be \(type)"
        case .valueNotFound(let type, let context)?: return "\(path(context.codingPath)) should be \(type), found null"
        case .dataCorrupted(let context)?: return "\(path(context.codingPath)): \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}
