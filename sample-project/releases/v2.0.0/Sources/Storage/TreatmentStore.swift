import Foundation

/// Encrypted local store of treatment records (REQ-7, REQ-8, REQ-13).
public final class TreatmentStore {
    public static let retention: TimeInterval = 2 * 366 * 24 * 3600

    private let database: EncryptedDatabase

    public init(path: String, key: SecureElementKey) throws {
        database = try EncryptedDatabase(path: path, cipher: .aes256, key: key)
    }

    /// Writes the record in one transaction: after a crash it is either complete or absent.
    public func save(_ record: StoredRecord) throws {
        try database.transaction { try $0.insert(record) }
    }
}
