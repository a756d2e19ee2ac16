import Foundation

/// Finds the `Release` an auditor names: a `suf.json` file, a bundle folder, or a release of a repository
/// (its attached bundle when there is one, else built now from the repository).
public enum ReleaseReader {
    /// Reads or builds the release named by `name`.
    /// - Parameters:
    ///   - name: a path to a suf.json, a path to a bundle folder, or a release (tag or revision) of `repository`.
    ///   - request: the repository and options used when the release has to be built.
    /// - Throws: `DossierError` for a folder that is not a bundle, a file that is not a suf.json, a suf.json of a
    ///   newer format, or an unknown release.
    public static func release(named name: String, request: ReleaseRequest) throws -> Release {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: name, isDirectory: &isFolder) {
            if isFolder.boolValue {
                let file = (name as NSString).appendingPathComponent("suf.json")
                guard manager.fileExists(atPath: file) else {
                    throw DossierError("\(name) is not a dossier bundle: it holds no suf.json (a bundle is a folder that dossier suf wrote, e.g. dist/dossier/v2.0.0)")
                }
                return try read(file: file)
            }
            return try read(file: name)
        }
        if let attached = try AttachedBundle.read(release: name, repository: request.repository, file: "suf.json") {
            return try decode(attached, file: "\(name):suf.json (attached)")
        }
        var request = request
        request.release = name
        request.since = nil
        return try ReleaseAssembler.assemble(request).release
    }

    /// Reads a suf.json file.
    /// - Throws: `DossierError` when it cannot be read, is not a suf.json, or is of a newer format.
    public static func read(file: String) throws -> Release {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DossierError("cannot read \(file)")
        }
        return try decode(data, file: file)
    }

    /// Decodes suf.json text, checking its format version first.
    /// - Throws: `DossierError` naming `file` and what is wrong.
    public static func decode(_ data: Data, file: String) throws -> Release {
        try decode(data, file: file) { try JSONDecoder().decode(Release.self, from: $0) }
    }

    /// Decodes suf.json text with `decode`, checking its format version first.
    /// - Throws: `DossierError` naming `file` and what is wrong.
    static func decode<T>(_ data: Data, file: String, _ decode: (Data) throws -> T) throws -> T {
        let version: Version
        do {
            version = try JSONDecoder().decode(Version.self, from: data)
        } catch {
            throw DossierError("not a suf.json: the file is not a JSON object (\(describe(error)))", at: SourceLocation(file: file))
        }
        guard let format = version.formatVersion else {
            throw DossierError("not a suf.json: it has no formatVersion", at: SourceLocation(file: file))
        }
        guard format <= Release.currentFormatVersion else {
            throw DossierError("suf.json format \(format) was written by a newer dossier; this one reads format \(Release.currentFormatVersion) and older: use a newer dossier",
                               at: SourceLocation(file: file))
        }
        do {
            return try decode(data)
        } catch {
            throw DossierError("not a suf.json of format \(format): \(describe(error))", at: SourceLocation(file: file))
        }
    }

    /// The one field read before the rest: which format a suf.json is written in.
    private struct Version: Decodable { var formatVersion: Int? }

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
