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
    /// Who may give it: the principals (as the allowed signers name them) whose approval in the role counts; empty:
    /// anyone the release's allowed signers trust.
    public var signers: [String] = []

    /// Names a required approval.
    public init(role: String, meaning: ApprovalMeaning, signers: [String] = []) {
        self.role = role
        self.meaning = meaning
        self.signers = signers
    }

    /// Whether an approval by `principal` can give it.
    public func allows(_ principal: String) -> Bool {
        signers.isEmpty || signers.contains { $0.sameBytes(as: principal) }
    }

    /// The requirement in words: `Quality Assurance (approved)`, or `… (approved, by jane@example.com or …)`.
    public var text: String {
        "\(role) (\(meaning.rawValue)\(signers.isEmpty ? "" : ", by " + signers.joined(separator: " or ")))"
    }

    /// Why `role` cannot name a role, in words; nil when it can: one line of 1 to 100 characters, no control
    /// characters, no spaces at its ends (it is written into a commit trailer and compared byte for byte).
    public static func problem(role: String) -> String? {
        if role.isEmpty { return "a role is not empty" }
        if role.count > 100 { return "a role has at most 100 characters" }
        if !isPlainLine(role) { return "a role has no control or formatting characters or line breaks" }
        if role.first!.isWhitespace || role.last!.isWhitespace { return "a role neither begins nor ends with a space" }
        return nil
    }

    /// Whether `text` is one line a person reads as it is: no control characters, no formatting characters (the
    /// bidirectional overrides and isolates, zero-width joiners and spaces that make text read otherwise than it is
    /// stored), no line or paragraph separators.
    public static func isPlainLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
    }
}
