import Foundation
import Records

/// The record sets already loaded, shared by releases assembled at once (`dossier dhf`): a release's records are
/// the next release's previous records, so each tree is read once. Whoever asks first loads; others wait for it.
package actor RecordCache {
    /// Each tree's records, being loaded or loaded, by key; the keys in the order they were first asked for.
    private var entries: [String: Task<RecordSet, any Error>] = [:]
    private var order: [String] = []
    private let capacity: Int

    /// A cache that keeps the `capacity` record sets loaded last.
    package init(capacity: Int) {
        self.capacity = capacity
    }

    /// The records at `key` (a commit and the label its files are named with), loaded by `load` unless they were
    /// or are being loaded. The load runs in a task of its own that the cache keeps (not in a child of the first
    /// caller), so that a second caller can wait for the same load without holding the actor meanwhile.
    func records(_ key: String, load: @escaping @Sendable () throws -> RecordSet) async throws -> RecordSet {
        if let loading = entries[key] { return try await loading.value }
        let loading = Task { try load() }
        entries[key] = loading
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return try await loading.value
    }
}
