import Git
import Support

/// Reads an SPDX 2.3 JSON document as an SBOM: its packages, their purls, checksums, licenses and
/// `validUntilDate`, and the DEPENDS_ON / DEPENDENCY_OF relationships. The packages the document describes are
/// the product itself and are left out.
enum SPDXReader {
    /// The SPDX versions dossier reads.
    static let versions = ["SPDX-2.3"]

    /// Reads the document's top-level object.
    /// - Throws: `DossierError` for another SPDX version or a field of the wrong type, with its position.
    static func read(_ top: JSONObject, file: String) throws -> SBOM {
        let version = try top.requiredText("spdxVersion")
        guard versions.contains(version) else {
            throw DossierError("expected spdxVersion \(versions.joined(separator: ", ")), found \(Excerpt.of(version))", at: top["spdxVersion"]!.location)
        }
        let relationships = try top.objects("relationships", each: "a relationship").map { r in
            (from: try r.requiredText("spdxElementId"), type: try r.requiredText("relationshipType"), to: try r.requiredText("relatedSpdxElement"))
        }
        let documentId = try top.text("SPDXID") ?? "SPDXRef-DOCUMENT"
        let described = Set(try top.texts("documentDescribes")
            + relationships.filter { $0.from == documentId && $0.type == "DESCRIBES" }.map(\.to)
            + relationships.filter { $0.to == documentId && $0.type == "DESCRIBED_BY" }.map(\.from))
        var dependsOn: [String: [String]] = [:]
        for r in relationships {
            switch r.type {
            case "DEPENDS_ON": dependsOn[r.from, default: []].append(r.to)
            case "DEPENDENCY_OF": dependsOn[r.to, default: []].append(r.from)
            default: break
            }
        }
        let components = try top.objects("packages", each: "a package").map { p -> SBOMComponent in
            let ref = try p.requiredText("SPDXID")
            let purl = try p.objects("externalRefs", each: "an external reference")
                .first { try $0.text("referenceType") == "purl" }?.text("referenceLocator")
            let hashes = try p.objects("checksums", each: "a checksum").map {
                "\(algorithm(try $0.requiredText("algorithm"))):\(try $0.requiredText("checksumValue"))"
            }
            let licenses = try [p.text("licenseConcluded"), p.text("licenseDeclared")].compactMap { $0 }
                .filter { $0 != "NOASSERTION" && $0 != "NONE" }
            return SBOMComponent(ref: ref, name: try p.requiredText("name"), version: try p.text("versionInfo"),
                                 supplier: try party(p.text("supplier")) ?? party(p.text("originator")), purl: purl, hashes: hashes,
                                 licenses: Array(licenses.prefix(1)), dependsOn: dependsOn[ref] ?? [],
                                 endOfSupport: try p.text("validUntilDate"), location: p.location)
        }
        return SBOM(file: file, format: .spdx, specVersion: String(version.dropFirst("SPDX-".count)),
                    components: components.filter { !described.contains($0.ref) }, vulnerabilities: [])
    }

    /// `Organization: ACME` → `ACME`; NOASSERTION → nil.
    private static func party(_ text: String?) -> String? {
        guard let text, text != "NOASSERTION" else { return nil }
        for prefix in ["Organization:", "Person:", "Tool:"] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// SPDX's `SHA256` as CycloneDX and most people write it: `SHA-256`.
    private static func algorithm(_ name: String) -> String {
        guard name.hasPrefix("SHA"), let digit = name.dropFirst(3).first, digit.isNumber else { return name }
        return "SHA-" + name.dropFirst(3)
    }
}
