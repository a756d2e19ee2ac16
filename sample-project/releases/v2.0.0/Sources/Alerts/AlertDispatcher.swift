import Foundation

/// Shows alerts until acknowledged (REQ-19) and escalates high-priority ones (REQ-20).
public final class AlertDispatcher {
    public static let escalateAfter: TimeInterval = 30 * 60
    public private(set) var open: [Alert] = []
    let onCall: OnCallNotifier
    let audit: AuditTrail
    var clock = MonotonicClock()   // counts time spent in suspend (PR-3)

    public init(onCall: OnCallNotifier, audit: AuditTrail) {
        self.onCall = onCall
        self.audit = audit
    }

    public func raise(_ alert: Alert) { open.append(alert) }

    public func acknowledge(_ id: Alert.ID, by clinician: String, at time: Date) {
        open.removeAll { $0.id == id }
        audit.record(.acknowledged(id), user: clinician, at: time)
    }

    public func tick(now: Date) {
        for alert in open where alert.priority == .high && clock.elapsed(since: alert.raised, now: now) >= Self.escalateAfter {
            onCall.escalate(alert)
        }
    }
}
