import Foundation

/// Security events of the BLE link, uploaded with the treatment data (REQ-30).
public struct SecurityEventLog {
    public enum Event: Equatable {
        case paired(serial: String), unpaired(serial: String)
        case frameAuthenticationFailed(serial: String), frameReplayed(serial: String, sequence: UInt32)
        case connectionRefused(address: String)
    }

    let database: EncryptedDatabase

    public func log(_ event: Event, at time: Date) throws {
        try database.transaction { try $0.insert(SecurityEntry(event, time)) }
    }
}
