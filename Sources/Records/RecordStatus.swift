extension Requirement {
    /// A requirement's status.
    public enum Status: String, RecordChoice {
        /// Written, not yet approved.
        case draft
        /// Approved: T1 wants a passing test for it.
        case approved
        /// Retired.
        case obsolete
    }
}

extension Threat {
    /// What was decided about a threat.
    public enum Disposition: String, RecordChoice {
        /// Requirements mitigate it.
        case mitigated
        /// The residual risk is accepted.
        case accepted
        /// Left to the user or operator, through the labeling (X3 wants an IFU entry).
        case transferred
        /// Does not apply to the device.
        case notApplicable = "not_applicable"
    }
}

extension ChangeRequest {
    /// Where a change request stands.
    public enum Status: String, RecordChoice {
        /// Raised, not yet decided.
        case open
        /// Approved for implementation.
        case approved
        /// Implemented, not yet closed.
        case implemented
        /// Done.
        case closed
        /// Decided against.
        case rejected
    }
}

extension ProblemReport {
    /// Where a problem report stands.
    public enum Status: String, RecordChoice {
        /// Reported, not yet looked at.
        case open
        /// Being looked at.
        case investigating
        /// Fixed.
        case resolved
        /// Done.
        case closed
        /// Left for a later release.
        case deferred
    }
}

extension SOUP {
    /// How far the supplier still supports a SOUP item.
    public enum SupportLevel: String, RecordChoice {
        /// Maintained: fixes and security updates.
        case maintained
        /// Security updates only.
        case securityOnly = "security-only"
        /// No longer supported.
        case unsupported
    }
}
