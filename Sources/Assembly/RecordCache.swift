import Foundation
import Records

/// The record sets already loaded, shared by releases assembled at once (`dossier dhf`): a release's records are
/// the next release's previous records, so each tree is read once. Whoever asks first loads; others wait for it.
package final class RecordCache: @unchecked Sendable {
    /// One tree's records, loaded once.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var records: RecordSet?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private let capacity: Int

    /// A cache that keeps the `capacity` record sets loaded last.
    package init(capacity: Int) {
        self.capacity = capacity
    }

    /// The records at `key` (a commit and the label its files are named with), loaded by `load` unless they were.
    func records(_ key: String, load: () throws -> RecordSet) throws -> RecordSet {
        let entry = lock.withLock { () -> Entry in
            if let entry = entries[key] { return entry }
            let entry = Entry()
            entries[key] = entry
            order.append(key)
            if order.count > capacity { entries[order.removeFirst()] = nil }
            return entry
        }
        return try entry.lock.withLock {
            if let records = entry.records { return records }
            let records = try load()
            entry.records = records
            return records
        }
    }
}
