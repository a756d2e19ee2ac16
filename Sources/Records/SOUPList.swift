import Evidence
import Foundation
import Support

/// Where a release's SOUP list came from when an SBOM is its source.
public struct SBOMSource: Sendable, Codable, Hashable {
    /// The SBOM file, as named in the release's tree or on the command line.
    public var file: String
    /// `CycloneDX 1.6` or `SPDX 2.3`.
    public var standard: String
    /// The SHA-256 of the SBOM file, lower-case hex.
    public var sha256: String
    /// How many components it lists (the product itself left out).
    public var components: Int
    /// Whether it was given with `--evidence` rather than read from the release's tree.
    public var fromEvidence: Bool
    /// The overlay file or folder in the release's tree that adds what the SBOM lacks, when there is one.
    public var overlay: String?
}

/// A place where the SBOM and the SOUP overlay disagree, or where the SBOM the configuration names is missing:
/// what rule S4 reports.
public struct SOUPDisagreement: Sendable, Codable, Hashable {
    /// The SOUP item concerned, when there is one.
    public var soup: String?
    /// What disagrees, in words.
    public var message: String
    /// Where: the overlay entry, or the SBOM component.
    public var location: SourceLocation
}

/// One entry of a SOUP overlay (`soup.yml` beside an SBOM): the SOUP id and what an SBOM does not say (support
/// level, the items that use the component, purpose, anomaly-list review), matched to a component by purl or bom-ref.
struct SOUPOverlay {
    var record: SOUP
    var bomRef: String?
    /// Whether the entry states a name and a version of its own (then it stands as a record when no component matches).
    var complete: Bool

    static let allowed = SOUP.allowed + ["bom_ref"]

    init(_ m: YAMLMapping) throws {
        bomRef = try m.text("bom_ref")
        let name = try m.text("name")
        let version = try m.text("version")
        complete = name != nil && version != nil
        guard complete || bomRef != nil || m["purl"] != nil else {
            throw DossierError("a SOUP overlay entry needs a 'purl' or 'bom_ref' to find its component in the SBOM, or a name and version of its own",
                               at: m.location)
        }
        record = try SOUP(m, nameRequired: false)
    }
}

/// Joins an SBOM with its overlay into the release's SOUP list, its known vulnerabilities, and the disagreements
/// between the two.
enum SOUPList {
    struct Joined {
        var soup: [SOUP]
        var vulnerabilities: [SBOMVulnerability]
        var disagreements: [SOUPDisagreement]
    }

    /// The package URL without version, qualifiers and subpath: what stays the same from one release to the next.
    static func purlKey(_ purl: String) -> String {
        var key = Substring(purl)
        if let end = key.firstIndex(where: { $0 == "?" || $0 == "#" }) { key = key[..<end] }
        if let at = key.lastIndex(of: "@"), key[..<at].contains("/") { key = key[..<at] }
        return String(key)
    }

    /// The version written in a package URL, if any.
    static func purlVersion(_ purl: String) -> String? {
        let key = purlKey(purl)
        var rest = purl.dropFirst(key.count)
        guard rest.first == "@" else { return nil }
        rest = rest.dropFirst()
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return String(rest).removingPercentEncoding ?? String(rest)
    }

    static func join(sbom: SBOM, overlay: [SOUPOverlay]) -> Joined {
        var disagreements: [SOUPDisagreement] = []
        var claimed: [Int: String] = [:]  // overlay index → the component ref that took it
        var soup: [SOUP] = []
        var usedIds = Set<String>()

        func overlayIndex(for component: SBOMComponent) -> Int? {
            if let exact = overlay.firstIndex(where: { $0.bomRef == component.ref }) { return exact }
            guard let purl = component.purl else { return nil }
            return overlay.firstIndex { entry in
                guard let written = entry.record.purl else { return false }
                // A purl with a version names that version only; without one, the component in any version.
                return purlVersion(written) == nil ? purlKey(written) == purlKey(purl) : written == purl
            }
        }

        for component in sbom.components {
            let key = component.purl.map(purlKey) ?? component.ref
            var record = SOUP(component: component, id: usedIds.contains(key) ? component.ref : key)
            if let index = overlayIndex(for: component) {
                let entry = overlay[index].record
                if let first = claimed[index] {
                    disagreements.append(SOUPDisagreement(
                        soup: entry.id, message: "\(entry.id) matches two components of \(sbom.file), \(first) and \(component.ref): write the version in its purl, or use bom_ref",
                        location: entry.source))
                } else {
                    claimed[index] = component.ref
                    disagreements += compare(entry, with: component, sbom: sbom)
                    record.id = entry.id
                    record.source = entry.source
                    record.purpose = entry.purpose
                    record.items = entry.items
                    record.supportLevel = entry.supportLevel
                    record.endOfSupport = component.endOfSupport ?? entry.endOfSupport
                    record.anomaliesReviewed = entry.anomaliesReviewed
                    record.obsolete = entry.obsolete
                    record.supplier = component.supplier ?? entry.supplier
                    record.license = record.license ?? entry.license
                }
            }
            usedIds.insert(record.id)
            soup.append(record)
        }

        // Overlay entries no component took: a SOUP item the SBOM does not list.
        for (index, entry) in overlay.enumerated() where claimed[index] == nil {
            let how = entry.bomRef.map { "bom_ref \($0)" } ?? entry.record.purl.map { "purl \($0)" }
            disagreements.append(SOUPDisagreement(
                soup: entry.record.id,
                message: "\(entry.record.id) is in the SOUP list but not in the SBOM \(sbom.file)" + (how.map { " (no component has \($0))" } ?? ""),
                location: entry.record.source))
            if entry.complete { soup.append(entry.record) }
        }

        // Dependencies and vulnerabilities name components by reference: name them by SOUP id instead.
        var idByRef: [String: String] = [:]
        for record in soup { if let ref = record.bomRef { idByRef[ref] = record.id } }
        // The first records are the components, in SBOM order.
        for (index, component) in sbom.components.enumerated() {
            soup[index].dependsOn = component.dependsOn.map { idByRef[$0] ?? $0 }
        }
        let vulnerabilities = sbom.vulnerabilities.map { vulnerability in
            var resolved = vulnerability
            resolved.affects = vulnerability.affects.map { idByRef[$0] ?? $0 }
            return resolved
        }
        return Joined(soup: soup, vulnerabilities: vulnerabilities, disagreements: disagreements)
    }

    /// What an overlay entry states that the SBOM states otherwise.
    private static func compare(_ entry: SOUP, with component: SBOMComponent, sbom: SBOM) -> [SOUPDisagreement] {
        var stated: [(String, String?, String?)] = [
            ("name", entry.name.isEmpty ? nil : entry.name, component.name),
            ("version", entry.version.isEmpty ? nil : entry.version, component.version),
            ("supplier", entry.supplier, component.supplier),
            ("end_of_support", entry.endOfSupport, component.endOfSupport),
        ]
        if let purl = entry.purl, let version = purlVersion(purl) { stated.append(("version in its purl", version, component.version)) }
        if !component.licenses.isEmpty { stated.append(("license", entry.license, component.licenses.joined(separator: " AND "))) }
        return stated.compactMap { field, overlay, sbomValue in
            guard let overlay, let sbomValue, overlay != sbomValue else { return nil }
            // A name written without the component's group (`zlib` for `madler/zlib`) is the same name.
            if field == "name", sbomValue.hasSuffix("/" + overlay) { return nil }
            return SOUPDisagreement(
                soup: entry.id,
                message: "\(entry.id) gives \(field) '\(overlay)', but \(sbom.file) gives '\(sbomValue)' for \(component.ref)",
                location: entry.source)
        }
    }
}
