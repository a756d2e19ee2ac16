import Assembly
import Bundle
import Foundation
import Git
import Model
import Support

extension ReleaseApprovals {
    /// A release's approvals judged against the bundle attached to it now (none attached: against none).
    /// - Throws: `DossierError` for a bad dossier.yml or trust file at the release, approvals dossier does not read,
    ///   or an attached bundle that does not match its manifest.
    static func ofAttachedBundle(_ release: String, request: ReleaseRequest) throws -> ReleaseApprovals {
        let repository = try Repository(path: request.repository)
        let approvals = try ApprovalReview.approvals(of: release, request: request)
        guard let bundle = try AttachedBundle.wholeBundle(release: release, in: repository) else { return approvals.judged(against: nil) }
        return approvals.judged(against: sha256Hex(bundle.files[BundleWriter.manifestName]!))
    }

    /// Whether the bundle judged is approved: attached, every required approval given, and — when dossier.yml
    /// requires none — at least one approval with the meaning `approved` covering it.
    public var isApproved: Bool {
        guard manifestSHA256 != nil, missing.isEmpty else { return false }
        return !required.isEmpty || covering.contains { $0.meaning == .approved }
    }

    /// The approvals as `check` and `verify` print them: one line each, with whether it counts for the bundle judged,
    /// which `bundle` names ("the bundle attached now").
    public func text(bundle: String) -> String {
        var out = "Approvals of \(release) (\(reference)), "
        out += manifestSHA256.map { "judged against \(bundle) (MANIFEST.sha256 SHA-256 \($0)):\n" }
            ?? "judged against no bundle: none is attached to \(release):\n"
        if approvals.isEmpty { out += "  none recorded\n" }
        for approval in approvals {
            let counts = manifestSHA256.map(approval.covers(manifest:)) ?? false
            out += "  \(counts ? "counts" : "does not count")  \(approval.verdict.letter.rawValue)  \(approval.name) <\(approval.email)>  \(approval.role), \(approval.meaning?.rawValue ?? "no meaning"), \(approval.date)"
            if !counts { out += ": \(Self.whyNot(approval, manifest: manifestSHA256))" }
            out += "\n"
        }
        if !missing.isEmpty {
            out += "  missing (dossier.yml approvals.required): \(missing.map(\.text).joined(separator: ", "))\n"
        }
        return out
    }

    /// Why an approval does not count for the bundle with the manifest digest `manifest`.
    static func whyNot(_ approval: Approval, manifest: String?) -> String {
        if let problem = approval.problem { return problem }
        if approval.verdict.letter != .good {
            return "the signature is \(approval.verdict.letter.rawValue), \(approval.verdict.letter.meaning)" + (approval.verdict.reason.isEmpty ? "" : " (\(approval.verdict.reason))")
        }
        if manifest == nil { return "no bundle of the release is attached" }
        return "it signs another bundle of the release (MANIFEST.sha256 SHA-256 \(approval.manifestSHA256))"
    }
}
