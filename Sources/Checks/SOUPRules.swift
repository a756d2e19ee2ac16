import Model

/// S1, S4, S5 and S6: what the SOUP list and the SBOM must say about each component and its known vulnerabilities.
enum SOUPRules {
    private static func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    /// S1: a SOUP item without name, version or supplier (IEC 62304 8.1.2).
    static func s1(_ c: CheckContext) -> [Finding] {
        c.release.records.soup.filter { $0.obsolete == nil }.compactMap { soup -> Finding? in
            let missing = [("name", soup.name), ("version", soup.version), ("supplier", soup.supplier)].filter { blank($0.1) }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return c.finding(.S1, "\(c.named(soup.id, soup.source)) has no \(missing.joined(separator: ", "))", subjects: [soup.id], at: soup.source)
        }
    }

    /// S4: the SBOM and the SOUP overlay disagree, or the SBOM the configuration names is missing.
    static func s4(_ c: CheckContext) -> [Finding] {
        c.release.records.soupDisagreements.map { disagreement in
            c.finding(.S4, disagreement.message, subjects: disagreement.soup.map { [$0] } ?? [], at: disagreement.location)
        }
    }

    /// S5: a SOUP item without support level or end-of-support date.
    static func s5(_ c: CheckContext) -> [Finding] {
        c.release.records.soup.filter { $0.obsolete == nil }.compactMap { soup -> Finding? in
            let missing = [("support_level", soup.supportLevel?.rawValue), ("end_of_support", soup.endOfSupport)].filter { blank($0.1) }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return c.finding(.S5, "\(c.named(soup.id, soup.source)) (\(soup.name) \(soup.version)) has no \(missing.joined(separator: " or "))",
                             subjects: [soup.id], at: soup.source)
        }
    }

    /// S6: a known vulnerability without a VEX analysis state, or an exploitable one without a response or without a
    /// threat in the threat model that covers it.
    static func s6(_ c: CheckContext) -> [Finding] {
        let threats = c.release.records.threats.filter { $0.obsolete == nil }
        return c.release.records.vulnerabilities.compactMap { vulnerability -> Finding? in
            let affected = vulnerability.affects.isEmpty ? "" : " (affects \(vulnerability.affects.joined(separator: ", ")))"
            let subjects = [vulnerability.id] + vulnerability.affects
            guard let state = vulnerability.state else {
                return c.finding(.S6, "\(vulnerability.id)\(affected) has no VEX analysis state (analysis.state) in \(vulnerability.location.file)",
                                 subjects: subjects, at: vulnerability.location)
            }
            guard state == "exploitable" else { return nil }
            let covering = threats.filter { $0.vulnerabilities.contains(vulnerability.id) }.map(\.id)
            var missing: [String] = []
            if vulnerability.response.isEmpty { missing.append("no response (analysis.response)") }
            if covering.isEmpty { missing.append("no threat that names it in 'vulnerabilities'") }
            guard !missing.isEmpty else { return nil }
            return c.finding(.S6, "\(vulnerability.id)\(affected) is exploitable, with \(missing.joined(separator: " and "))",
                             subjects: subjects + covering, at: vulnerability.location)
        }
    }
}
