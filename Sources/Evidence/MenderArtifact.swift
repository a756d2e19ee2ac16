import Foundation
import Support

/// A Mender Artifact (format version 3, as mender-artifact writes it) opened natively: a tar holding `version`,
/// `manifest` (the SHA-256 of `version`, `header.tar.gz` and of every payload file inside `data/NNNN.tar.gz`),
/// `manifest.sig` (when signed), `header.tar.gz` (`header-info`, `headers/NNNN/type-info`) and the payloads.
/// Every checksum of the manifest is checked against the bytes here; what the signature says is the release's
/// trust's to judge (`SignatureChecker.verdict(menderManifest:signature:)`).
public struct MenderArtifact: Sendable, Hashable {
    /// `artifact_provides.artifact_name` of `header-info`.
    public var name: String
    /// `artifact_depends.device_type`: the devices it may be installed on.
    public var deviceTypes: [String]
    /// What installing it provides (`header-info` and each payload's `type-info`), as `key: value`, sorted.
    public var provides: [String]
    /// What it depends on besides the device type, as `key: value`, sorted.
    public var depends: [String]
    /// Each payload's type (`rootfs-image`, `single-file`, …), in order.
    public var payloadTypes: [String]
    /// How many of the manifest's checksums were checked and match.
    public var checksumsMatching: Int
    /// What does not match: a file whose SHA-256 differs from the manifest's, one the manifest lists that is not
    /// there, one that is there but not listed, a payload that does not inflate. Empty when every checksum matches.
    public var problems: [String]
    /// Payloads dossier could not open (compressed with lzma or zstd): their files' checksums are not checked.
    public var unchecked: [String]
    /// The manifest's bytes, which the signature signs.
    public var manifest: Data
    /// `manifest.sig`'s bytes (base64 text), nil when the artifact is unsigned.
    public var signature: Data?

    /// The most bytes the payloads of an artifact may inflate to, together (one is held at a time).
    public static let maximumInflated = 1 << 30

    /// Opens `data` as a Mender Artifact named `file` in messages.
    /// - Throws: `DossierError` naming the file when it is not a Mender Artifact of format version 3 (not a tar, no
    ///   `version` of that format, no manifest, a manifest line that is not `SHA-256  NAME`, a header that does not
    ///   inflate or whose JSON is not what mender-artifact writes). A payload that does not match its manifest is
    ///   not an error: it is a problem the SUF shows, and the package's verdict.
    public static func read(_ data: Data, file: String) throws -> MenderArtifact {
        let at = SourceLocation(file: file)
        func fail(_ message: String) -> DossierError {
            DossierError("expected a Mender Artifact (format version 3, as mender-artifact writes it): \(message)", at: at)
        }
        let outer: [(name: String, data: Data)]
        do { outer = try TarArchive.files(data) } catch let error as DossierError { throw fail("the file is not a tar archive (\(error.message))") }
        var byName: [String: Data] = [:]
        for entry in outer {
            guard byName[entry.name] == nil else { throw fail("it holds '\(Excerpt.of(entry.name))' twice") }
            byName[entry.name] = entry.data
        }
        if let other = ["header.tar.xz", "header.tar.zst"].first(where: { byName[$0] != nil }) {
            throw fail("it is compressed otherwise than with gzip (\(other)); dossier opens gzip-compressed artifacts only (mender-artifact write --compression gzip, the default)")
        }
        // The order mender-artifact writes and Mender reads: version, manifest, [manifest.sig], header.tar.gz, then
        // the payloads data/0000…, one after the other.
        let names = outer.map(\.name)
        let head = byName["manifest.sig"] == nil ? ["version", "manifest", "header.tar.gz"] : ["version", "manifest", "manifest.sig", "header.tar.gz"]
        let payloadNames = names.dropFirst(head.count)
        guard Array(names.prefix(head.count)) == head,
              payloadNames.enumerated().allSatisfy({ $0.element.hasPrefix(String(format: "data/%04d.", $0.offset)) }) else {
            throw fail("its entries are not in the order mender-artifact writes them (\(head.joined(separator: ", ")), then data/0000.tar.gz, …): found \(names.prefix(8).map { Excerpt.of($0) }.joined(separator: ", "))")
        }
        guard let version = byName["version"], let versionObject = try? JSONValue.parse(version, file: file).object("version"),
              (try? versionObject.text("format")) == "mender", (try? versionObject.text("version")) == "3" else {
            throw fail("its 'version' is not {\"format\":\"mender\",\"version\":3}")
        }
        guard let manifest = byName["manifest"] else { throw fail("it has no 'manifest'") }
        let listing = ManifestListing(manifest)
        if let fault = listing.faults.first { throw fail("its manifest line \(fault.line) is not 'SHA-256  NAME': \(fault.text)") }
        guard let headerArchive = byName["header.tar.gz"] else { throw fail("it has no 'header.tar.gz'") }
        let header: [(name: String, data: Data)]
        do { header = try TarArchive.files(GzipMember.inflate(headerArchive, limit: 16 << 20)) } catch let error as DossierError {
            throw fail("its header.tar.gz does not open (\(error.message))")
        }
        guard let info = header.first(where: { $0.name == "header-info" }) else { throw fail("its header.tar.gz has no 'header-info'") }
        let headerInfo: JSONObject
        do { headerInfo = try JSONValue.parse(info.data, file: "\(file):header-info").object("header-info") } catch let error as DossierError {
            throw fail("its header-info is not JSON (\(error.message))")
        }
        var name = "", deviceTypes: [String] = [], provides: [String: String] = [:], depends: [String: String] = [:]
        var payloadTypes: [String] = []
        do {
            for payload in try headerInfo.objects("payloads", each: "a payload") { payloadTypes.append(try payload.text("type") ?? "") }
            if let provided = try headerInfo.object("artifact_provides") {
                for (key, value) in provided.members where key != "artifact_name" { provides[key] = Self.text(value) }
                name = try provided.text("artifact_name") ?? ""
            }
            if let depended = try headerInfo.object("artifact_depends") {
                for (key, value) in depended.members where key != "device_type" { depends[key] = Self.text(value) }
                deviceTypes = try depended.texts("device_type")
            }
            for typeInfo in header where typeInfo.name.hasPrefix("headers/") && typeInfo.name.hasSuffix("/type-info") {
                let object = try JSONValue.parse(typeInfo.data, file: "\(file):\(typeInfo.name)").object(typeInfo.name)
                for (key, value) in try object.object("artifact_provides")?.members ?? [] { provides[key] = Self.text(value) }
                for (key, value) in try object.object("artifact_depends")?.members ?? [] { depends[key] = Self.text(value) }
            }
        } catch let error as DossierError {
            throw fail("its header does not read as mender-artifact writes it (\(error.message))")
        }
        guard !name.isEmpty else { throw fail("its header-info names no artifact_provides.artifact_name") }

        // Every checksum the manifest lists, against the outer files and the files inside each data/NNNN.tar.gz: each
        // file's SHA-256 is kept, not its bytes, and all payloads together may inflate to `maximumInflated`.
        var found: [String: String] = [:]
        var inflated = 0
        var problems: [String] = []
        var unopened = Set<String>()  // payload folders whose archive did not open: their files are reported once
        var unchecked: [String] = []
        for entry in outer where entry.name.hasPrefix("data/") {
            guard entry.name.hasSuffix(".tar.gz") else {
                unchecked.append("\(entry.name) is compressed otherwise than with gzip, which dossier does not open: its files' checksums are not checked")
                unopened.insert(String(entry.name.split(separator: ".").first ?? ""))
                continue
            }
            let folder = String(entry.name.dropLast(".tar.gz".count))
            do {
                let contents = try GzipMember.inflate(entry.data, limit: maximumInflated - inflated)
                inflated += contents.count
                try TarArchive.forEachEntry(contents) { payload, bytes in
                    let path = folder + "/" + payload.name
                    // Mender reads every entry against the manifest: a folder, a link or a second file of a name
                    // is not what was signed.
                    guard payload.isFile else {
                        problems.append("\(path) is a tar entry of type '\(String(UnicodeScalar(payload.type)))', not a file the manifest can vouch for")
                        return
                    }
                    guard found[path] == nil else {
                        problems.append("\(path) is in its payload twice: only one of them can be the file the manifest lists")
                        return
                    }
                    found[path] = sha256Hex(Data(bytes))
                }
            } catch let error as DossierError {
                problems.append("\(entry.name) does not open (\(error.message)): its files are not checked")
                unopened.insert(folder)
            }
        }
        for (key, value) in byName where !key.hasPrefix("data/") && key != "manifest" && key != "manifest.sig" { found[key] = sha256Hex(value) }
        var matching = 0
        for (listed, digest) in listing.digests.sorted(by: { $0.key < $1.key }) {
            guard let actual = found[listed.string] else {
                let folder = listed.string.split(separator: "/").prefix(2).joined(separator: "/")
                if !unopened.contains(folder) { problems.append("\(listed.string), which the manifest lists, is not in the artifact") }
                continue
            }
            if actual == digest { matching += 1 } else {
                problems.append("\(listed.string) has SHA-256 \(actual), but the manifest lists \(digest)")
            }
        }
        let listedNames = Set(listing.digests.keys.map(\.string))
        for name in found.keys.sorted() where !listedNames.contains(name) {
            problems.append("\(name) is in the artifact but not in its manifest")
        }
        return MenderArtifact(name: name, deviceTypes: deviceTypes, provides: provides.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" },
                              depends: depends.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }, payloadTypes: payloadTypes,
                              checksumsMatching: matching, problems: problems, unchecked: unchecked, manifest: manifest,
                              signature: byName["manifest.sig"])
    }

    /// A header value as text: text as it is, a list joined with commas, anything else as compact JSON.
    private static func text(_ value: JSONValue) -> String {
        switch value.kind {
        case .string(let text): return text
        case .array(let items): return items.map(text).joined(separator: ", ")
        default: return value.compactText()
        }
    }
}
