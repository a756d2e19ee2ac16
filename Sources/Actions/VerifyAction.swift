import Assembly
import Bundle
import Foundation
import Git
import Model
import Support

/// `dossier verify BUNDLE`: checks every file of a bundle against its manifest, and the manifest's signature; with a
/// repository, also the approvals recorded there that sign this bundle.
public struct VerifyAction: Sendable {
    /// The bundle folder.
    public var bundle: String
    /// Who may sign bundles (git's allowed signers format); nil: any valid signature is reported as untrusted.
    public var allowedSignersFile: String?
    /// When key expiry is judged (unix seconds).
    public var verificationTime: Int64
    /// A repository whose approvals (`refs/dossier/approvals/*`) are looked through for this bundle's; nil: none.
    public var repository: String?

    /// Creates the action.
    public init(bundle: String, allowedSignersFile: String? = nil, verificationTime: Int64, repository: String? = nil) {
        self.bundle = bundle
        self.allowedSignersFile = allowedSignersFile
        self.verificationTime = verificationTime
        self.repository = repository
    }

    /// What the check found.
    public struct Result: Sendable {
        /// The files, the manifest and its signature.
        public var check: BundleCheck
        /// For each release tag with approvals in the repository that names this bundle's manifest, its approvals
        /// judged against this bundle (each judged with that release's trust), in tag order; empty without a repository.
        public var approvals: [ReleaseApprovals]
    }

    /// Checks the bundle, and finds its approvals.
    /// - Throws: `DossierError` when the bundle, the allowed signers file or the repository cannot be read.
    public func perform() throws -> Result {
        let check = try BundleVerifier.check(folder: bundle, allowedSignersFile: allowedSignersFile, now: verificationTime)
        guard let repository, let digest = check.manifestSHA256 else { return Result(check: check, approvals: []) }
        let opened = try Repository(path: repository)
        var found: [ReleaseApprovals] = []
        for tag in try opened.tagList().tags.map(\.name).sorted() where ApprovalLog.tip(tag, in: opened) != nil {
            let approvals = try ApprovalReview.approvals(of: tag, request: ReleaseRequest(repository: repository)).judged(against: digest)
            if approvals.approvals.contains(where: { $0.manifestSHA256 == digest }) { found.append(approvals) }
        }
        return Result(check: check, approvals: found)
    }
}
