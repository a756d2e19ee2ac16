import Evidence
import Support

/// Software of unknown provenance (IEC 62304 8.1.2): a third-party component, its version and support.
public struct SOUP: Record {
    /// The record kind: SOUP item, with `SOUP-` ids.
    public static let kind = RecordKind.soup
    /// Its id, e.g. `SOUP-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// The component's name, as its supplier publishes it.
    public var name: String
    /// The exact version the release uses.
    public var version: String
    /// Who supplies or maintains the component.
    public var supplier: String?
    /// Its license, e.g. an SPDX identifier.
    public var license: String?
    /// Its package URL, to find it in SBOMs and vulnerability databases.
    public var purl: String?
    /// What the software system uses it for.
    public var purpose: String?
    /// Software items that use it.
    public var items: [String]
    /// maintained, security-only or unsupported.
    public var supportLevel: SupportLevel?
    /// When its supplier stops supporting it, as written in the record.
    public var endOfSupport: String?
    /// The evaluation of its published anomaly list (IEC 62304 7.1.3), e.g. a date or a reference.
    public var anomaliesReviewed: String?
    /// Its reference in the SBOM it was read from (CycloneDX `bom-ref`, SPDX `SPDXID`); `nil` for a YAML record.
    public var bomRef: String?
    /// Its digests as the SBOM gives them, `ALG:hex`.
    public var hashes: [String] = []
    /// The SOUP items it depends on, as the SBOM says.
    public var dependsOn: [String] = []

    static let allowed = ["id", "name", "version", "supplier", "license", "purl", "purpose", "items",
                          "support_level", "end_of_support", "anomalies_reviewed", "obsolete"]

    /// A SOUP item as the SBOM lists it, before any overlay: its id is the component's key.
    init(component: SBOMComponent, id: String) {
        self.id = id
        source = component.location
        name = component.name
        version = component.version ?? ""
        supplier = component.supplier
        license = component.licenses.isEmpty ? nil : component.licenses.joined(separator: " AND ")
        purl = component.purl
        items = []
        endOfSupport = component.endOfSupport
        bomRef = component.ref
        hashes = component.hashes
    }

    /// A SOUP item as written in YAML; in an overlay beside an SBOM, name and version may come from the SBOM.
    init(_ m: YAMLMapping, nameRequired: Bool = true) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        name = nameRequired ? try m.requiredText("name") : try m.text("name") ?? ""
        version = nameRequired ? try m.requiredText("version") : try m.text("version") ?? ""
        supplier = try m.text("supplier")
        license = try m.text("license")
        purl = try m.text("purl")
        purpose = try m.text("purpose")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        supportLevel = try m.choice("support_level", SupportLevel.self)
        endOfSupport = try m.text("end_of_support")
        anomaliesReviewed = try m.text("anomalies_reviewed")
        obsolete = try m.obsolescence()
    }

    /// How a version changed between releases: `version up`, `version down`, or `version changed` when either is
    /// not a semantic version.
    public static func versionChange(from old: String, to new: String) -> String {
        guard let x = SemanticVersion(tag: old), let y = SemanticVersion(tag: new), x != y else { return "version changed" }
        return x < y ? "version up" : "version down"
    }

    /// Name and version, the name tables show.
    public var headline: String { "\(name) \(version)" }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("name", name), ("version", version), ("supplier", supplier), ("license", license),
                     ("purl", purl), ("purpose", purpose), ("items", items), ("support_level", supportLevel),
                     ("end_of_support", endOfSupport), ("anomalies_reviewed", anomaliesReviewed), ("hashes", hashes),
                     ("depends_on", dependsOn), ("obsolete", obsolete)])
    }
    /// Its links to the software items that use it.
    public var links: [RecordLink] { Self.links([("items", items)]) }
}

extension SOUP {
    private enum CodingKeys: String, CodingKey {
        case id, source, obsolete, name, version, supplier, license, purl, purpose, items, supportLevel, endOfSupport,
             anomaliesReviewed, bomRef, hashes, dependsOn
    }

    /// Decodes a SOUP item from a suf.json; one written before SBOMs were read has no hashes or dependencies.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decode(SourceLocation.self, forKey: .source)
        obsolete = try c.decodeIfPresent(Obsolescence.self, forKey: .obsolete)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(String.self, forKey: .version)
        supplier = try c.decodeIfPresent(String.self, forKey: .supplier)
        license = try c.decodeIfPresent(String.self, forKey: .license)
        purl = try c.decodeIfPresent(String.self, forKey: .purl)
        purpose = try c.decodeIfPresent(String.self, forKey: .purpose)
        items = try c.decode([String].self, forKey: .items)
        supportLevel = try c.decodeIfPresent(SupportLevel.self, forKey: .supportLevel)
        endOfSupport = try c.decodeIfPresent(String.self, forKey: .endOfSupport)
        anomaliesReviewed = try c.decodeIfPresent(String.self, forKey: .anomaliesReviewed)
        bomRef = try c.decodeIfPresent(String.self, forKey: .bomRef)
        hashes = try c.decodeIfPresent([String].self, forKey: .hashes) ?? []
        dependsOn = try c.decodeIfPresent([String].self, forKey: .dependsOn) ?? []
    }
}
