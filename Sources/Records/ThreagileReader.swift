import Foundation

/// Reads the threats of a Threagile model (YAML): the manually identified risks of `individual_risk_categories`,
/// with their category's STRIDE class, description and mitigation, and every `risk_tracking` entry (which also
/// tracks the risks Threagile's own rules find), with its status as the disposition. Asset ids are named by the
/// titles of `technical_assets`, their `communication_links` and `trust_boundaries`. Each threat keeps
/// Threagile's risk id as its origin.
enum ThreagileReader {
    /// Threagile's risk-tracking status as a disposition: unchecked, in-discussion and in-progress are still open.
    static let dispositions: [String: Threat.Disposition] = ["mitigated": .mitigated, "accepted": .accepted, "false-positive": .notApplicable]

    /// Whether a YAML file is a Threagile model: it has `threagile_version`.
    static func isModel(_ root: YAMLValue) -> Bool {
        members(root)?.contains { $0.0 == "threagile_version" } ?? false
    }

    /// The threats of the model.
    /// - Throws: `DossierError` for a field of the wrong type, with its position.
    static func threats(_ root: YAMLValue) throws -> [Threat] {
        let top = members(root) ?? []
        var names: [String: String] = [:]  // element id → title
        for (title, asset) in try section("technical_assets", top) {
            guard let id = try text(asset, "id") else { continue }
            names[id] = title
            for (linkTitle, _) in try section("communication_links", members(asset) ?? []) {
                names["\(id)>\(linkTitle.lowercased().replacingOccurrences(of: " ", with: "-"))"] = "\(linkTitle) (from \(title))"
            }
        }
        for (title, boundary) in try section("trust_boundaries", top) {
            if let id = try text(boundary, "id") { names[id] = title }
        }
        let tracking = try section("risk_tracking", top).map { key, value in
            (key: key, status: try text(value, "status"), justification: try text(value, "justification"),
             ticket: try text(value, "ticket"), checkedBy: try text(value, "checked_by"), date: try text(value, "date"),
             location: value.location)
        }
        var tracked = Set<String>()

        func where_(_ parts: [String]) -> String {
            parts.map { $0 == "*" ? "any" : names[$0] ?? $0 }.joined(separator: ", ")
        }

        var threats: [Threat] = []
        for (_, category) in try section("individual_risk_categories", top) {
            let categoryId = try text(category, "id") ?? "individual-risk"
            for (riskTitle, risk) in try section("risks_identified", members(category) ?? []) {
                let relevant = try ["most_relevant_technical_asset", "most_relevant_communication_link", "most_relevant_trust_boundary",
                                    "most_relevant_shared_runtime"].compactMap { try text(risk, $0) }
                let riskId = ([categoryId] + relevant).joined(separator: "@")
                var threat = Threat(imported: Threat.importedId("", riskId), title: plain(riskTitle), origin: "Threagile \(riskId)",
                                    at: risk.location)
                threat.stride = try text(category, "stride").map(strideName)
                threat.description = try text(category, "description")
                threat.mitigationText = try text(category, "mitigation")
                threat.severity = try text(risk, "severity")
                threat.asset = relevant.isEmpty ? nil : where_(relevant)
                if let entry = tracking.first(where: { $0.key == riskId }) ?? tracking.first(where: { matches($0.key, riskId) }) {
                    tracked.insert(entry.key)
                    threat.disposition = entry.status.flatMap { dispositions[$0] }
                }
                threats.append(threat)
            }
        }
        // Tracked risks that are not manual ones: Threagile's rules find them; the tracking is what the model says.
        for entry in tracking where !tracked.contains(entry.key) {
            let parts = entry.key.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            let category = parts[0].replacingOccurrences(of: "-", with: " ")
            var threat = Threat(imported: Threat.importedId("", entry.key),
                                title: category.prefix(1).uppercased() + category.dropFirst() + (parts.count > 1 ? " at \(where_(Array(parts.dropFirst())))" : ""),
                                origin: "Threagile \(entry.key)", at: entry.location)
            threat.disposition = entry.status.flatMap { dispositions[$0] }
            let trail = [entry.ticket, entry.checkedBy, entry.date].compactMap { $0 }.joined(separator: ", ")
            threat.description = "Risk tracking: \(entry.status ?? "no status")" + (entry.justification.map { ", \($0)" } ?? "")
                + (trail.isEmpty ? "" : " (\(trail))")
            threats.append(threat)
        }
        return threats
    }

    /// A tracking key with `*` parts matches a risk id with the same number of `@` parts.
    static func matches(_ pattern: String, _ id: String) -> Bool {
        let p = pattern.split(separator: "@", omittingEmptySubsequences: false), i = id.split(separator: "@", omittingEmptySubsequences: false)
        return p.count == i.count && zip(p, i).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// `information-disclosure` → `Information disclosure`.
    private static func strideName(_ text: String) -> String {
        let words = text.replacingOccurrences(of: "-", with: " ").lowercased()
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A risk title without the `<b>` markup Threagile puts in it.
    private static func plain(_ title: String) -> String {
        title.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
    }

    private static func members(_ value: YAMLValue) -> [(String, YAMLValue)]? {
        guard case .mapping(let mapping) = value.node else { return nil }
        return mapping.compactMap { key, node in
            guard case .scalar(let scalar) = YAMLValue(node: key, file: value.file).node else { return nil }
            return (scalar.string, YAMLValue(node: node, file: value.file))
        }
    }

    /// A mapping section of the model, by title (an absent or empty one is empty).
    private static func section(_ key: String, _ entries: [(String, YAMLValue)]) throws -> [(String, YAMLValue)] {
        guard let value = entries.first(where: { $0.0 == key })?.1, !value.isNull else { return [] }
        guard let result = members(value) else { throw value.fail("a mapping for '\(key)'") }
        return result
    }

    private static func text(_ value: YAMLValue, _ key: String) throws -> String? {
        guard let found = members(value)?.first(where: { $0.0 == key })?.1, !found.isNull else { return nil }
        let text = try found.text("text for '\(key)'")
        return text.isEmpty ? nil : text
    }
}
