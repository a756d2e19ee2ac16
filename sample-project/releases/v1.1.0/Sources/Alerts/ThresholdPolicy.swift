/// Only clinicians change alert thresholds; every change is audited (REQ-22).
public struct ThresholdPolicy {
    public enum Role { case clinician, nurse, technician }

    let audit: AuditTrail

    public func change(_ limit: inout Int, to value: Int, by user: String, role: Role) throws {
        guard role == .clinician else { throw PolicyError.clinicianRoleRequired }
        audit.record(.thresholdChanged(old: limit, new: value), user: user)
        limit = value
    }
}
