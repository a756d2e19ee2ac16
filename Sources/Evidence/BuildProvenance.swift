import Foundation
import Support

/// How a release was built, as a build's provenance says it (IEC 62304 5.8.5): an in-toto statement whose predicate
/// is SLSA provenance v1, read from `--provenance FILE` or stored with the release under `provenance/`, bare or inside
/// a DSSE envelope. It is evidence of what the file holds, and no more: dossier does not check an envelope's
/// signatures, and says so.
public struct BuildProvenance: Sendable, Codable, Hashable {
    /// A source the build resolved, with the git commit it names.
    public struct Source: Sendable, Codable, Hashable {
        /// The dependency's `uri` (for example `git+https://example.com/pdrm.git@refs/tags/v2.0.0`), possibly empty.
        public var uri: String
        /// The commit id its digest names (`gitCommit`, or `sha1` for a `git+` URI).
        public var commit: String
    }

    /// An artifact the statement is about: its name and SHA-256.
    public struct Subject: Sendable, Codable, Hashable {
        /// The subject's name.
        public var name: String
        /// Its SHA-256, lower-case hex; nil when the statement gives another digest only.
        public var sha256: String?
    }

    /// One parameter of the build, `externalParameters` or `internalParameters`, its value as compact JSON.
    public struct Parameter: Sendable, Codable, Hashable {
        /// `external` or `internal`.
        public var kind: String
        /// The parameter's name.
        public var name: String
        /// Its value as written (compact JSON, at most 200 characters, longer ones cut with `…`).
        public var value: String
    }

    /// The file the statement was read from (as given, or its name stored below `provenance/`).
    public var file: String
    /// The SHA-256 of that file.
    public var sha256: String
    /// Whether the statement came inside a DSSE envelope (whose signatures dossier does not check).
    public var enveloped: Bool
    /// `runDetails.builder.id`: who built it.
    public var builder: String
    /// `buildDefinition.buildType`: how it was built.
    public var buildType: String
    /// `runDetails.metadata.invocationId`, when given.
    public var invocation: String?
    /// `runDetails.metadata.startedOn` and `finishedOn`, when given.
    public var startedOn, finishedOn: String?
    /// The resolved dependencies that name a git commit, in the statement's order.
    public var sources: [Source]
    /// The statement's subjects, in its order.
    public var subjects: [Subject]
    /// The build's parameters, external then internal, each in the statement's order.
    public var parameters: [Parameter]

    /// The predicate type read.
    public static let predicateType = "https://slsa.dev/provenance/v1"
    /// The statement types read.
    public static let statementTypes = ["https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"]
    /// The payload type of a DSSE envelope around an in-toto statement.
    public static let payloadType = "application/vnd.in-toto+json"
    /// The folder of stored evidence that holds provenance files.
    public static let storedFolder = "provenance/"
    /// The largest provenance file read.
    public static let maximumSize: UInt64 = 16 << 20

    /// The statements in a provenance file: one JSON document (a statement or a DSSE envelope), or, for a file named
    /// `*.jsonl`, one per line (as SLSA's generators write `*.intoto.jsonl`).
    /// - Throws: `DossierError` with the file, line and column of what is not an in-toto statement of SLSA
    ///   provenance v1.
    public static func read(_ data: Data, file: String) throws -> [BuildProvenance] {
        guard UInt64(data.count) <= maximumSize else {
            throw DossierError("expected a build provenance file of at most \(maximumSize) bytes, found \(data.count) bytes",
                               at: SourceLocation(file: file))
        }
        let digest = sha256Hex(data)
        guard file.hasSuffix(".jsonl") else {
            return [try statement(JSONValue.parse(data, file: file), file: file, digest: digest)]
        }
        var statements: [BuildProvenance] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            do {
                statements.append(try statement(JSONValue.parse(Data(line), file: file), file: file, digest: digest))
            } catch var error as DossierError {
                if error.location != nil { error.location?.line = index + 1 }
                throw error
            }
        }
        guard !statements.isEmpty else {
            throw DossierError("expected one in-toto statement per line, found none", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return statements
    }

    private static func statement(_ value: JSONValue, file: String, digest: String) throws -> BuildProvenance {
        let top = try value.object("an in-toto statement or a DSSE envelope")
        guard top["payload"] != nil || top["payloadType"] != nil else {
            return try statement(top, file: file, digest: digest, enveloped: false)
        }
        let type = try top.requiredText("payloadType")
        guard type == payloadType else { throw top["payloadType"]!.fail("\"payloadType\": \"\(payloadType)\"") }
        let encoded = try top.requiredText("payload")
        guard let payload = base64(encoded) else { throw top["payload"]!.fail("the statement in base64") }
        do {
            return try statement(JSONValue.parse(payload, file: file).object("an in-toto statement"), file: file, digest: digest, enveloped: true)
        } catch let error as DossierError {
            // A position inside the decoded payload is no position in the file: every error in it names the payload.
            let inside = error.location.flatMap { location in
                location.line.map { "line \($0), column \(location.column ?? 1) of the decoded payload: " }
            } ?? ""
            throw DossierError("in the envelope's payload (\(inside)\(error.message))", at: top["payload"]!.location)
        }
    }

    private static func statement(_ top: JSONObject, file: String, digest: String, enveloped: Bool) throws -> BuildProvenance {
        let type = try top.requiredText("_type")
        guard statementTypes.contains(type) else { throw top["_type"]!.fail("\"_type\": \"\(statementTypes[0])\"") }
        let predicateKind = try top.requiredText("predicateType")
        guard predicateKind == predicateType else { throw top["predicateType"]!.fail("\"predicateType\": \"\(predicateType)\" (SLSA provenance v1)") }
        guard let predicate = try top.object("predicate") else { throw DossierError("the statement has no 'predicate'", at: top.location) }
        guard let definition = try predicate.object("buildDefinition") else {
            throw DossierError("the SLSA provenance has no 'buildDefinition'", at: predicate.location)
        }
        guard let run = try predicate.object("runDetails") else { throw DossierError("the SLSA provenance has no 'runDetails'", at: predicate.location) }
        guard let builder = try run.object("builder") else { throw DossierError("'runDetails' has no 'builder'", at: run.location) }
        let metadata = try run.object("metadata")

        var sources: [Source] = []
        for dependency in try definition.objects("resolvedDependencies", each: "a resolved dependency (an object)") {
            let uri = try dependency.text("uri") ?? ""
            guard let digests = try dependency.object("digest") else { continue }
            let key = digests["gitCommit"] != nil ? "gitCommit" : "sha1"
            if let commit = try digests.text("gitCommit") ?? (uri.hasPrefix("git+") ? digests.text("sha1") : nil) {
                try hex(commit, lengths: [40, 64], at: digests[key]!, "a git commit id (40 or 64 hex digits)")
                sources.append(Source(uri: uri, commit: commit.lowercased()))
            }
        }
        let subjects = try top.objects("subject", each: "a subject (an object)").map { subject in
            let digest = try subject.object("digest")
            let sha256 = try digest?.text("sha256")
            if let sha256, let value = digest?["sha256"] { try hex(sha256, lengths: [64], at: value, "a SHA-256 (64 hex digits)") }
            return Subject(name: try subject.text("name") ?? "", sha256: sha256?.lowercased())
        }
        var parameters: [Parameter] = []
        for (kind, key) in [("external", "externalParameters"), ("internal", "internalParameters")] {
            guard let object = try definition.object(key) else { continue }
            parameters += object.members.map { Parameter(kind: kind, name: $0.key, value: $0.value.compactText()) }
        }
        return BuildProvenance(file: file, sha256: digest, enveloped: enveloped, builder: try builder.requiredText("id"),
                               buildType: try definition.requiredText("buildType"), invocation: try metadata?.text("invocationId"),
                               startedOn: try metadata?.text("startedOn"), finishedOn: try metadata?.text("finishedOn"),
                               sources: sources, subjects: subjects, parameters: parameters)
    }

    /// Refuses a digest that is not hex of one of `lengths`, naming where it is.
    private static func hex(_ text: String, lengths: [Int], at value: JSONValue, _ expected: String) throws {
        // Digits, or a-f in either case (a byte's 0x20 bit lower-cases an ASCII letter).
        guard lengths.contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }) else {
            throw value.fail(expected)
        }
    }

    /// Base64, standard or URL-safe, padded or not (DSSE allows both alphabets).
    private static func base64(_ text: String) -> Data? {
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }
}
