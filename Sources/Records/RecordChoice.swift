/// A record field whose values are a closed set that the YAML reader checks: read with `YAMLMapping.choice(_:_:)`,
/// which names the cases in their declared order when a value is not one of them, and written (suf.json, the
/// record's fields) as its raw value, the text the YAML holds.
public protocol RecordChoice: RawRepresentable<String>, CaseIterable, Sendable, Codable, Hashable {}

extension YAMLMapping {
    /// One of `T`'s values at `key`, or nil when absent.
    /// - Throws: `DossierError` at the value when it is not text or not one of `T`'s raw values.
    func choice<T: RecordChoice>(_ key: String, _ type: T.Type) throws -> T? {
        try choice(key, T.allCases.map(\.rawValue)).flatMap(T.init(rawValue:))
    }
}
