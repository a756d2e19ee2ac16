import Evidence
import Support

/// A link to an id that no record has.
public struct BrokenLink: Sendable, Codable, Hashable {
    /// The record that writes the link.
    public var from: String
    /// Where that record is defined.
    public var source: SourceLocation
    /// The field holding the link.
    public var field: String
    /// The id that does not exist.
    public var target: String
}

/// A computed back-link: `from` links to the record through `field`.
public struct BackLink: Sendable, Codable, Hashable {
    /// The record that writes the link.
    public var from: String
    /// The field holding the link, e.g. `controls`.
    public var field: String
}

/// Every record as it stood in one tree, with links resolved and back-links computed.
public struct RecordSet: Sendable, Codable, Hashable {
    /// The risk policy (ISO 14971 4.2), when the risk files define one.
    public var riskPolicy: RiskPolicy?
    /// Software requirements (IEC 62304 5.2), in file order.
    public var requirements: [Requirement] = []
    /// Risks (ISO 14971), in file order.
    public var risks: [Risk] = []
    /// Threats of the threat model, in file order.
    public var threats: [Threat] = []
    /// Labeling and IFU changes, in file order.
    public var ifuChanges: [IFUChange] = []
    /// Software items (IEC 62304 5.3), in file order.
    public var items: [SoftwareItem] = []
    /// SOUP items (IEC 62304 8.1.2), in file order.
    public var soup: [SOUP] = []
    /// Change requests, in file order.
    public var changeRequests: [ChangeRequest] = []
    /// Problem reports (IEC 62304 9), in file order.
    public var problemReports: [ProblemReport] = []
    /// Overall residual risk evaluations (ISO 14971 8), in file order.
    public var residualRiskEvaluations: [ResidualRiskEvaluation] = []
    /// Risk management reviews (ISO 14971 9), in file order.
    public var riskManagementReviews: [RiskManagementReview] = []
    /// The SBOM the SOUP list was read from, when it was.
    public var sbom: SBOMSource?
    /// The known vulnerabilities the SBOM lists, with their VEX analysis; affected components named by SOUP id.
    public var vulnerabilities: [SBOMVulnerability] = []
    /// Where the SBOM and the SOUP overlay disagree (rule S4).
    public var soupDisagreements: [SOUPDisagreement] = []
    /// Links to ids that do not exist.
    public var brokenLinks: [BrokenLink] = []
    /// For each id, the records that link to it.
    public var backLinks: [String: [BackLink]] = [:]

    /// An empty set (a repository documented from its history alone).
    public init() {}

    /// Every record of every kind, in kind order then file order.
    public var all: [any Record] {
        requirements as [any Record] + risks + threats + ifuChanges + items + soup + changeRequests + problemReports
    }

    /// The records of one kind.
    public func records(of kind: RecordKind) -> [any Record] {
        switch kind {
        case .requirement: requirements
        case .risk: risks
        case .threat: threats
        case .ifuChange: ifuChanges
        case .softwareItem: items
        case .soup: soup
        case .changeRequest: changeRequests
        case .problemReport: problemReports
        }
    }

    /// Resolves links by id: records broken links and computes back-links.
    mutating func resolveLinks() {
        let records = all
        let ids = Set(records.map(\.id))
        var broken: [BrokenLink] = []
        var back: [String: [BackLink]] = [:]
        for record in records {
            for link in record.links {
                if ids.contains(link.target) {
                    back[link.target, default: []].append(BackLink(from: record.id, field: link.field))
                } else {
                    broken.append(BrokenLink(from: record.id, source: record.source, field: link.field, target: link.target))
                }
            }
        }
        // Interfaces are not trace links, but where they lead is checked alike: an item's interface to an item, a
        // threat's interface.
        let interfaces = Set(items.flatMap(\.interfaces).map(\.id))
        for item in items {
            for interface in item.interfaces where interface.isToItem && !ids.contains(interface.to) {
                broken.append(BrokenLink(from: item.id, source: interface.source, field: "interfaces \(interface.id) to", target: interface.to))
            }
        }
        for threat in threats {
            for target in threat.interfaces where !interfaces.contains(target) {
                broken.append(BrokenLink(from: threat.id, source: threat.source, field: "interfaces", target: target))
            }
        }
        brokenLinks = broken
        backLinks = back
    }

    /// Every software item's interfaces, in item order then list order.
    public var interfaces: [ItemInterface] { items.flatMap(\.interfaces) }

    /// The trust zone of each element outside the software that an interface of an item in force leads to, as an
    /// interface to it states it (the loader refuses an element put in two zones); the pictures and the interfaces
    /// table both read it.
    public var outsideZones: [String: String] {
        var zones: [String: String] = [:]
        for interface in items.filter({ $0.obsolete == nil }).flatMap(\.interfaces) where !interface.isToItem {
            if let zone = interface.zone, zones[interface.to] == nil { zones[interface.to] = zone }
        }
        return zones
    }
}

extension RecordSet {
    private enum CodingKeys: String, CodingKey {
        case riskPolicy, requirements, risks, threats, ifuChanges, items, soup, changeRequests, problemReports, sbom,
             vulnerabilities, soupDisagreements, brokenLinks, backLinks, residualRiskEvaluations, riskManagementReviews
    }

    /// Decodes a record set from a suf.json; one written before SBOMs were read has no SBOM fields.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        riskPolicy = try c.decodeIfPresent(RiskPolicy.self, forKey: .riskPolicy)
        requirements = try c.decode([Requirement].self, forKey: .requirements)
        risks = try c.decode([Risk].self, forKey: .risks)
        threats = try c.decode([Threat].self, forKey: .threats)
        ifuChanges = try c.decode([IFUChange].self, forKey: .ifuChanges)
        items = try c.decode([SoftwareItem].self, forKey: .items)
        soup = try c.decode([SOUP].self, forKey: .soup)
        changeRequests = try c.decode([ChangeRequest].self, forKey: .changeRequests)
        problemReports = try c.decode([ProblemReport].self, forKey: .problemReports)
        residualRiskEvaluations = try c.decodeIfPresent([ResidualRiskEvaluation].self, forKey: .residualRiskEvaluations) ?? []
        riskManagementReviews = try c.decodeIfPresent([RiskManagementReview].self, forKey: .riskManagementReviews) ?? []
        sbom = try c.decodeIfPresent(SBOMSource.self, forKey: .sbom)
        vulnerabilities = try c.decodeIfPresent([SBOMVulnerability].self, forKey: .vulnerabilities) ?? []
        soupDisagreements = try c.decodeIfPresent([SOUPDisagreement].self, forKey: .soupDisagreements) ?? []
        brokenLinks = try c.decode([BrokenLink].self, forKey: .brokenLinks)
        backLinks = try c.decode([String: [BackLink]].self, forKey: .backLinks)
    }
}
