/// S1 and S5: what the SOUP list must say about each component.
enum SOUPRules {
    private static func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty }

    /// S1: a SOUP item without name, version or supplier (IEC 62304 8.1.2).
    static func s1(_ c: CheckContext) -> [Finding] {
        c.release.records.soup.filter { $0.obsolete == nil }.compactMap { soup -> Finding? in
            let missing = [("name", soup.name), ("version", soup.version), ("supplier", soup.supplier)].filter { blank($0.1) }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return c.finding("S1", "\(c.named(soup.id, soup.source)) has no \(missing.joined(separator: ", "))", subjects: [soup.id], at: soup.source)
        }
    }

    /// S5: a SOUP item without support level or end-of-support date.
    static func s5(_ c: CheckContext) -> [Finding] {
        c.release.records.soup.filter { $0.obsolete == nil }.compactMap { soup -> Finding? in
            let missing = [("support_level", soup.supportLevel), ("end_of_support", soup.endOfSupport)].filter { blank($0.1) }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return c.finding("S5", "\(c.named(soup.id, soup.source)) (\(soup.name) \(soup.version)) has no \(missing.joined(separator: " or "))",
                             subjects: [soup.id], at: soup.source)
        }
    }
}
