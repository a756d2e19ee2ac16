import Support

/// What a signer means by an electronic signature (21 CFR 11.50(a)(3)): the meaning an approval states, and the one
/// a required role must state.
public enum ApprovalMeaning: String, Sendable, Codable, Hashable, CaseIterable {
    /// The signer wrote the document.
    case authored
    /// The signer reviewed it.
    case reviewed
    /// The signer approved it for release.
    case approved
}

/// An approval a release needs before its bundle is released (dossier.yml `approvals.required`): a role, and the
/// meaning its signature must state.
public struct RequiredApproval: Sendable, Codable, Hashable {
    /// The role, e.g. "Quality Assurance", as approvals name it.
    public var role: String
    /// The meaning the role's approval states.
    public var meaning: ApprovalMeaning

    /// Names a required approval.
    public init(role: String, meaning: ApprovalMeaning) {
        self.role = role
        self.meaning = meaning
    }

    /// Why `role` cannot name a role, in words; nil when it can: one line of 1 to 100 characters, no control
    /// characters, no spaces at its ends (it is written into a commit trailer and compared byte for byte).
    public static func problem(role: String) -> String? {
        if role.isEmpty { return "a role is not empty" }
        if role.count > 100 { return "a role has at most 100 characters" }
        if role.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "a role has no control characters or line breaks"
        }
        if role.first!.isWhitespace || role.last!.isWhitespace { return "a role neither begins nor ends with a space" }
        return nil
    }
}
