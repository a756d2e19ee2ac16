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
        /// The approvals of the bundle's release (the one its suf.json names), judged against this bundle with that
        /// release's trust; nil without a repository, or when the bundle names no release tag of it.
        public var approvals: ReleaseApprovals? = nil
        /// Why there are no approvals to show although a repository was given; nil when there are.
        public var noApprovals: String? = nil
        /// Whether the bundle is approved: intact, and its release's approvals (`ReleaseApprovals.isApproved`).
        public var isApproved: Bool { check.isIntact && (approvals?.isApproved ?? false) }
    }

    /// Checks the bundle, and finds its approvals.
    /// - Throws: `DossierError` when the bundle, the allowed signers file or the repository cannot be read.
    public func perform() throws -> Result {
        let check = try BundleVerifier.check(folder: bundle, allowedSignersFile: allowedSignersFile, now: verificationTime)
        guard let repository else { return Result(check: check) }
        // Only the approvals of the release the bundle says it documents count, judged with that release's trust and
        // against what its dossier.yml requires: an approval at another tag (one an attacker made, with trust of
        // their own) says nothing about this bundle.
        guard let digest = check.manifestSHA256, let stated = check.stated else {
            return Result(check: check, noApprovals: "the bundle has no intact suf.json that names its release")
        }
        let opened = try Repository(path: repository)
        guard let tag = try opened.tagList().tags.first(where: { $0.name.sameBytes(as: stated.release) }) else {
            return Result(check: check, noApprovals: "\(stated.release), the release the bundle documents, is not a tag in \(repository)")
        }
        guard tag.commit == stated.commit else {
            return Result(check: check, noApprovals: "the bundle documents \(stated.release) at \(stated.commit.prefix(12)), but the tag in \(repository) names \(tag.commit.prefix(12))")
        }
        let approvals = try ApprovalReview.approvals(of: tag.name, request: ReleaseRequest(repository: repository)).judged(against: digest)
        return Result(check: check, approvals: approvals)
    }
}
