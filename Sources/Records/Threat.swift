import Support

/// A cybersecurity threat in the threat model (FDA premarket cybersecurity guidance; MDR GSPR 17.2/17.4).
public struct Threat: Record {
    /// The record kind: threat, with `THR-` ids.
    public static let kind = RecordKind.threat
    /// Its id, e.g. `THR-7`; ids are never reused.
    public var id: String
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation
    /// The release that retired it and why; `nil` while it is in force.
    public var obsolete: Obsolescence?
    /// A short name for the threat.
    public var title: String
    /// The STRIDE category.
    public var stride: String?
    /// The asset the threat is against, e.g. patient data or therapy settings.
    public var asset: String?
    /// How the threat could be carried out.
    public var description: String?
    /// The CVSS vector before mitigation.
    public var cvss: String?
    /// The CVSS vector after mitigation.
    public var residualCvss: String?
    /// Requirements that mitigate it.
    public var mitigations: [String]
    /// Safety risks it can lead to.
    public var risks: [String]
    /// mitigated, accepted, transferred or not_applicable.
    public var disposition: Disposition?
    /// Software items exposed to it.
    public var items: [String]
    /// The interfaces it attacks (`IF-` ids of the items' interfaces), for the security architecture view.
    public var interfaces: [String] = []
    /// Known vulnerabilities of SOUP (ids from the SBOM, e.g. `CVE-2024-3094`) that this threat covers.
    public var vulnerabilities: [String] = []
    /// The threat-modelling tool's id for it when it was imported, e.g. `Threat Dragon 7df716cd-…` or
    /// `Threagile untrusted-deserialization@erp-system`.
    public var origin: String?
    /// The severity the tool or the analyst gave, as written (e.g. High, critical).
    public var severity: String?
    /// The mitigation in words, as the tool holds it (requirements that implement it go in `mitigations`).
    public var mitigationText: String?
    /// Whether exploiting the threat could lead to harm to a patient or user (then it must link to a risk).
    public var safetyImpact: Bool?

    static let strideCategories = ["Spoofing", "Tampering", "Repudiation", "Information disclosure",
                                   "Denial of service", "Elevation of privilege"]
    static let allowed = ["id", "title", "stride", "asset", "description", "cvss", "residual_cvss", "mitigations",
                          "risks", "disposition", "safety_impact", "items", "interfaces", "vulnerabilities", "origin", "severity",
                          "mitigation_text", "obsolete"]

    /// A threat imported from a threat-modelling tool: only what the tool says is set.
    init(imported id: String, title: String, origin: String, at location: SourceLocation) {
        self.id = id
        source = location
        self.title = title
        self.origin = origin
        mitigations = []
        risks = []
        items = []
    }

    /// A record id made from a tool's id: `THR-` and the tool's id with what ids cannot hold replaced.
    static func importedId(_ prefix: String, _ toolId: String) -> String {
        let body = toolId.map { c -> String in
            if c == "@" { return "." }
            if c == "*" { return "any" }
            return c.isASCII && (c.isLetter || c.isNumber || "._-".contains(c)) ? String(c) : "-"
        }.joined()
        return RecordKind.threat.prefix + prefix + body
    }

    init(_ m: YAMLMapping) throws {
        id = try m.recordId(Self.kind)
        source = m.location
        title = try m.requiredText("title")
        stride = try m.choice("stride", Self.strideCategories)
        asset = try m.text("asset")
        description = try m.text("description")
        cvss = try m.text("cvss")
        residualCvss = try m.text("residual_cvss")
        mitigations = try m.ids("mitigations", prefix: RecordKind.requirement.prefix)
        risks = try m.ids("risks", prefix: RecordKind.risk.prefix)
        disposition = try m.choice("disposition", Disposition.self)
        safetyImpact = try m.bool("safety_impact")
        items = try m.ids("items", prefix: RecordKind.softwareItem.prefix)
        interfaces = try m.ids("interfaces", prefix: ItemInterface.prefix)
        vulnerabilities = try m.texts("vulnerabilities")
        origin = try m.text("origin")
        severity = try m.text("severity")
        mitigationText = try m.text("mitigation_text")
        obsolete = try m.obsolescence()
    }

    /// Its title, the name tables show.
    public var headline: String { title }
    /// Its fields as text, in a fixed order, for the delta and the appendix.
    public var fields: [RecordField] {
        Self.fields([("title", title), ("stride", stride), ("asset", asset), ("description", description),
                     ("cvss", cvss), ("residual_cvss", residualCvss), ("mitigations", mitigations), ("risks", risks),
                     ("disposition", disposition), ("safety_impact", safetyImpact), ("items", items), ("interfaces", interfaces),
                     ("vulnerabilities", vulnerabilities),
                     ("origin", origin), ("severity", severity), ("mitigation_text", mitigationText), ("obsolete", obsolete)])
    }
    /// Its links to mitigating requirements, safety risks and software items.
    public var links: [RecordLink] { Self.links([("mitigations", mitigations), ("risks", risks), ("items", items)]) }
}

extension Threat {
    private enum CodingKeys: String, CodingKey {
        case id, source, obsolete, title, stride, asset, description, cvss, residualCvss, mitigations, risks, disposition,
             items, interfaces, vulnerabilities, safetyImpact, origin, severity, mitigationText
    }

    /// Decodes a threat from a suf.json; one written before threats named vulnerabilities or interfaces has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decode(SourceLocation.self, forKey: .source)
        obsolete = try c.decodeIfPresent(Obsolescence.self, forKey: .obsolete)
        title = try c.decode(String.self, forKey: .title)
        stride = try c.decodeIfPresent(String.self, forKey: .stride)
        asset = try c.decodeIfPresent(String.self, forKey: .asset)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        cvss = try c.decodeIfPresent(String.self, forKey: .cvss)
        residualCvss = try c.decodeIfPresent(String.self, forKey: .residualCvss)
        mitigations = try c.decode([String].self, forKey: .mitigations)
        risks = try c.decode([String].self, forKey: .risks)
        disposition = try c.decodeIfPresent(Disposition.self, forKey: .disposition)
        items = try c.decode([String].self, forKey: .items)
        interfaces = try c.decodeIfPresent([String].self, forKey: .interfaces) ?? []
        vulnerabilities = try c.decodeIfPresent([String].self, forKey: .vulnerabilities) ?? []
        safetyImpact = try c.decodeIfPresent(Bool.self, forKey: .safetyImpact)
        origin = try c.decodeIfPresent(String.self, forKey: .origin)
        severity = try c.decodeIfPresent(String.self, forKey: .severity)
        mitigationText = try c.decodeIfPresent(String.self, forKey: .mitigationText)
    }
}
