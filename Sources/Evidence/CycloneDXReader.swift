import Support

/// Reads a CycloneDX JSON SBOM (spec versions 1.4, 1.5 and 1.6): components (nested ones too), dependencies and
/// vulnerabilities with their VEX analysis.
enum CycloneDXReader {
    /// The spec versions dossier reads.
    static let specVersions = ["1.4", "1.5", "1.6"]
    /// The property that carries a component's end of support (CycloneDX property taxonomy).
    static let endOfSupportProperty = "cdx:lifecycle:milestone:endOfSupport"

    /// Reads the document's top-level object.
    /// - Throws: `DossierError` for an unsupported spec version or a field of the wrong type, with its position.
    static func read(_ top: JSONObject, file: String) throws -> SBOM {
        let format = try top.requiredText("bomFormat")
        guard format == "CycloneDX" else { throw top["bomFormat"]!.fail("\"bomFormat\": \"CycloneDX\"") }
        let version = try top.requiredText("specVersion")
        guard specVersions.contains(version) else {
            throw DossierError("expected CycloneDX specVersion \(specVersions.joined(separator: ", ")), found \(Excerpt.of(version))",
                               at: top["specVersion"]!.location)
        }
        let product = try top.object("metadata")?.object("component").flatMap { try $0.text("bom-ref") }

        var components: [SBOMComponent] = []
        func collect(_ list: [JSONObject]) throws {
            for object in list {
                components.append(try component(object))
                try collect(object.objects("components", each: "a component"))
            }
        }
        try collect(top.objects("components", each: "a component"))
        components.removeAll { $0.ref == product }

        var dependsOn: [String: [String]] = [:]
        for dependency in try top.objects("dependencies", each: "a dependency") {
            dependsOn[try dependency.requiredText("ref"), default: []] += try dependency.texts("dependsOn")
        }
        for index in components.indices { components[index].dependsOn = dependsOn[components[index].ref] ?? [] }

        let vulnerabilities = try top.objects("vulnerabilities", each: "a vulnerability").map(vulnerability)
        return SBOM(file: file, format: .cycloneDX, specVersion: version, components: components, vulnerabilities: vulnerabilities)
    }

    private static func component(_ c: JSONObject) throws -> SBOMComponent {
        let name = try c.requiredText("name")
        let version = try c.text("version")
        let purl = try c.text("purl")
        let group = try c.text("group")
        // bom-ref is optional in CycloneDX; without it, the purl or name@version is the reference.
        let ref = try c.text("bom-ref") ?? purl ?? [name, version].compactMap { $0 }.joined(separator: "@")
        let supplier = try c.object("supplier")?.text("name") ?? c.object("manufacturer")?.text("name")
            ?? c.text("publisher") ?? c.text("author")
        let hashes = try c.objects("hashes", each: "a hash").map { "\(try $0.requiredText("alg")):\(try $0.requiredText("content"))" }
        let licenses = try c.objects("licenses", each: "a license choice").compactMap { choice -> String? in
            if let expression = try choice.text("expression") { return expression }
            guard let license = try choice.object("license") else { return nil }
            return try license.text("id") ?? license.text("name")
        }
        let endOfSupport = try c.objects("properties", each: "a property")
            .first { try $0.text("name") == endOfSupportProperty }?.text("value")
        return SBOMComponent(ref: ref, name: group.map { "\($0)/\(name)" } ?? name, version: version, supplier: supplier, purl: purl,
                             hashes: hashes, licenses: licenses, dependsOn: [], endOfSupport: endOfSupport, location: c.location)
    }

    private static func vulnerability(_ v: JSONObject) throws -> SBOMVulnerability {
        let ratings = try v.objects("ratings", each: "a rating").map { rating -> (score: Double, text: String) in
            let score = try rating.text("score")
            let severity = try rating.text("severity")
            let method = try rating.text("method")
            let vector = try rating.text("vector")
            let how = [method, vector].compactMap { $0 }.joined(separator: " ")
            let text = [score, severity].compactMap { $0 }.joined(separator: " ") + (how.isEmpty ? "" : " (\(how))")
            return (Double(score ?? "") ?? -1, text)
        }
        let best = ratings.enumerated().max { a, b in a.element.score < b.element.score || (a.element.score == b.element.score && a.offset > b.offset) }
        let analysis = try v.object("analysis")
        return SBOMVulnerability(
            id: try v.requiredText("id"), source: try v.object("source")?.text("name"),
            rating: best.map(\.element.text).flatMap { $0.isEmpty ? nil : $0 }, description: try v.text("description"),
            affects: try v.objects("affects", each: "an affected component").map { try $0.requiredText("ref") },
            state: try analysis?.text("state"), justification: try analysis?.text("justification"),
            response: try analysis?.texts("response") ?? [], detail: try analysis?.text("detail"), location: v.location)
    }
}
