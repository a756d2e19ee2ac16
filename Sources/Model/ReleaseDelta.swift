import Records

/// One field's value before and after.
public struct FieldChange: Sendable, Codable, Hashable {
    /// The field name as written in YAML.
    public var field: String
    /// The value at the previous release, `nil` when unset.
    public var old: String?
    /// The value at this release, `nil` when unset.
    public var new: String?
}

/// A record that differs between the two releases, with the fields that changed.
public struct RecordChange: Sendable, Codable, Hashable {
    /// The record's id.
    public var id: String
    /// The record's one-line name at this release.
    public var headline: String
    /// The fields whose values differ.
    public var fields: [FieldChange]
}

/// The delta of one record kind between two releases.
public struct KindDelta: Sendable, Codable, Hashable {
    /// The record kind compared.
    public var kind: RecordKind
    /// Ids new in this release.
    public var added: [String] = []
    /// Records present in both whose fields changed (not newly obsoleted).
    public var changed: [RecordChange] = []
    /// Records retired in this release, with the fields that changed.
    public var obsoleted: [RecordChange] = []
    /// Ids present before and gone now (records should be obsoleted, not removed).
    public var removed: [String] = []

    /// Whether nothing changed.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && obsoleted.isEmpty && removed.isEmpty }
}

/// What changed in the records between the previous release and this one, kind by kind.
public struct ReleaseDelta: Sendable, Codable, Hashable {
    /// One delta per record kind, in `RecordKind` order.
    public var kinds: [KindDelta]

    /// The delta of one kind.
    public subscript(kind: RecordKind) -> KindDelta {
        kinds.first { $0.kind == kind } ?? KindDelta(kind: kind)
    }

    /// Compares two record sets by id.
    public init(previous: RecordSet, current: RecordSet) {
        kinds = RecordKind.allCases.map { kind in
            let before = Dictionary(previous.records(of: kind).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let now = current.records(of: kind)
            var delta = KindDelta(kind: kind)
            for record in now {
                guard let old = before[record.id] else {
                    delta.added.append(record.id)
                    continue
                }
                let changes = Self.fieldChanges(old.fields, record.fields)
                if record.obsolete != nil, old.obsolete == nil {
                    delta.obsoleted.append(RecordChange(id: record.id, headline: record.headline, fields: changes))
                } else if !changes.isEmpty {
                    delta.changed.append(RecordChange(id: record.id, headline: record.headline, fields: changes))
                }
            }
            let nowIds = Set(now.map(\.id))
            delta.removed = previous.records(of: kind).map(\.id).filter { !nowIds.contains($0) }
            return delta
        }
    }

    /// The fields whose values differ between two versions of a record, in the order they are first named.
    package static func fieldChanges(_ old: [RecordField], _ new: [RecordField]) -> [FieldChange] {
        var names: [String] = []
        for field in old + new where !names.contains(field.name) { names.append(field.name) }
        return names.compactMap { name in
            let a = old.first { $0.name == name }?.value
            let b = new.first { $0.name == name }?.value
            return a == b ? nil : FieldChange(field: name, old: a, new: b)
        }
    }
}
