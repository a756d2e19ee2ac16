import Foundation

/// Append-only audit trail of imports, views, uploads and changes of settings (REQ-12).
public struct AuditLog {
    public enum Action: String { case imported, viewed, uploaded, settingChanged }

    let database: EncryptedDatabase

    public func append(_ action: Action, user: String, patient: String, at time: Date) throws {
        try database.transaction { try $0.insert(AuditEntry(action, user, patient, time)) }
    }
}
