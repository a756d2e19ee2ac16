/// The IEC 62304 software safety class (4.3): A no injury possible, B non-serious injury, C death or serious injury.
public enum SafetyClass: String, Sendable, Codable, CaseIterable, Comparable, Hashable {
    /// Classes A, B and C, written as the letter in records.
    case a = "A", b = "B", c = "C"

    /// Orders A < B < C, so the highest class of a set is its maximum.
    public static func < (x: SafetyClass, y: SafetyClass) -> Bool { x.rawValue < y.rawValue }
}

extension YAMLMapping {
    func safetyClass(_ key: String) throws -> SafetyClass? {
        try choice(key, SafetyClass.allCases.map(\.rawValue)).flatMap(SafetyClass.init(rawValue:))
    }
}
