import Assembly
import Bundle
import Evidence
import Foundation
import Git
import Model
import Records
import Signatures
import Support

/// `dossier approve RELEASE`: records an electronic signature on the release's attached bundle — the signer's
/// printed name, the date and time, the role and the meaning (21 CFR 11.50) — as a commit signed with the signer's
/// SSH key at `refs/dossier/approvals/<tag>`, bound to the SHA-256 of the bundle's `MANIFEST.sha256`.
public struct ApproveAction: Sendable {
    /// The repository.
    public var repository: String
    /// The release tag whose attached bundle is approved.
    public var release: String
    /// The role the signer approves in.
    public var role: String
    /// What the signature means.
    public var meaning: ApprovalMeaning
    /// The signer's unencrypted OpenSSH private key; its public key must be in the release's allowed signers.
    public var signingKeyFile: String
    /// The signer's printed name; nil: git's `user.name`.
    public var name: String?
    /// When the approval is made (unix seconds).
    public var time: Int64
    /// The SHA-256 of the `MANIFEST.sha256` the signer reviewed; when given, the attached bundle must be that one.
    public var reviewedManifest: String?

    /// Creates the action.
    public init(repository: String, release: String, role: String, meaning: ApprovalMeaning, signingKeyFile: String,
                name: String? = nil, time: Int64, reviewedManifest: String? = nil) {
        self.repository = repository
        self.release = release
        self.role = role
        self.meaning = meaning
        self.signingKeyFile = signingKeyFile
        self.name = name
        self.time = time
        self.reviewedManifest = reviewedManifest
    }

    /// What happened.
    public enum Outcome: String, Sendable {
        /// A new approval was recorded.
        case recorded
        /// The same signer had already given this approval of this bundle: nothing was written.
        case unchanged
    }

    /// The approval recorded (or found), judged as every reader judges it.
    public struct Result: Sendable {
        /// Whether anything was written.
        public var outcome: Outcome
        /// The approval.
        public var approval: Approval
        /// `refs/dossier/approvals/<tag>`.
        public var reference: String
        /// Things the signer should know that did not stop the approval, one line each.
        public var warnings: [String]
    }

    /// Checks the attached bundle and the signer, then records the approval.
    /// - Throws: `DossierError` when the release is not a tag, has no attached bundle or one that does not match its
    ///   manifest, the role or name cannot be written, or the key is not trusted for commits by the release's allowed
    ///   signers (an approval it signed would count for nothing).
    public func perform() throws -> Result {
        if let problem = RequiredApproval.problem(role: role) { throw DossierError("cannot approve as \(Excerpt.quoted(role)): \(problem)") }
        let repository = try Repository(path: repository)
        guard try repository.tagList().isCommitTag(release) else {
            throw DossierError("'\(release)' is not a tag: an approval signs the bundle attached to a release tag")
        }
        if let problem = StoredEvidence.layoutProblem(tag: release) { throw DossierError("cannot approve \(problem)") }
        guard let bundleCommit = AttachedBundle.commit(release: release, in: repository),
              let bundle = try AttachedBundle.wholeBundle(release: release, in: repository) else {
            throw DossierError("\(release) has no attached bundle: an approval signs the bundle attached to the release; attach it first (dossier attach \(release))")
        }
        let manifest = bundle.files[BundleWriter.manifestName]!
        let digest = sha256Hex(manifest)
        if let reviewedManifest, !reviewedManifest.lowercased().sameBytes(as: digest) {
            throw DossierError("the bundle attached to \(release) now has a MANIFEST.sha256 with SHA-256 \(digest), not the \(Excerpt.quoted(reviewedManifest)) you reviewed: nothing was approved; review the bundle attached now (dossier show \(release))")
        }

        let authority = try ApprovalReview.Authority(release: release, in: repository)
        let key = try SUFAction.signingKey(file: signingKeyFile)
        guard let signers = authority.trust.allowedSigners, let source = authority.trust.allowedSignersSource else {
            throw DossierError("\(release) trusts no SSH signers (its dossier.yml names no trust.allowed_signers): an approval signed at \(release) would count for nothing")
        }
        let principals = signers.principals(for: key.publicKey, namespace: "git", at: time)
        guard let email = principals.first else {
            throw DossierError("the key \(key.publicKey.fingerprint) (\(signingKeyFile)) is not trusted to sign commits by \(source) (no principal lists it for namespace \"git\" now): an approval it signed would count for nothing (U); nothing was approved")
        }
        guard email.allSatisfy({ $0 != "<" && $0 != ">" && !$0.isNewline }), !email.contains("*"), !email.contains("?") else {
            throw DossierError("the key \(key.publicKey.fingerprint) is trusted for \(Excerpt.quoted(email)) in \(source), which is a pattern, not one signer's name: give the key a line of its own")
        }
        let signerName = name ?? repository.configValue("user.name") ?? ""
        if let problem = Self.nameProblem(signerName) { throw DossierError("cannot approve in the name \(Excerpt.quoted(signerName)): \(problem)") }

        var warnings: [String] = []
        let required = authority.config.requiredApprovals
        if !required.isEmpty, !required.contains(where: { $0.role.sameBytes(as: role) }) {
            warnings.append("\(release)'s dossier.yml requires approvals from \(required.map { Excerpt.quoted($0.role) }.joined(separator: ", ")); \(Excerpt.quoted(role)) is not among them")
        } else if let need = required.first(where: { $0.role.sameBytes(as: role) }), need.meaning != meaning {
            warnings.append("\(release)'s dossier.yml requires \(Excerpt.quoted(role)) to sign as \(need.meaning.rawValue), not \(meaning.rawValue)")
        } else if let need = required.first(where: { $0.role.sameBytes(as: role) }), !need.allows(email) {
            warnings.append("\(release)'s dossier.yml names who signs as \(Excerpt.quoted(role)): \(need.signers.joined(separator: ", ")); this approval by \(email) does not give the required one")
        }

        let reference = ApprovalLog.referenceName(release)
        let existing = try ApprovalReview.approvals(of: release, in: repository, authority: authority)
        if let same = existing.approvals.last(where: {
            $0.role.sameBytes(as: role) && $0.meaning == meaning && $0.email.sameBytes(as: email) && $0.name.sameBytes(as: signerName)
                && $0.covers(manifest: digest)
        }) {
            return Result(outcome: .unchanged, approval: same, reference: reference, warnings: warnings)
        }

        let message = ApprovalReview.message(release: release, role: role, meaning: meaning, name: signerName,
                                             manifestSHA256: digest, bundleCommit: bundleCommit)
        let checker = SignatureChecker(trust: authority.trust, verificationTime: time)
        _ = try ApprovalLog.append(release, manifest: manifest, message: message,
                                   signer: StoredTree.Author(name: signerName, email: email, time: time), in: repository) { content in
            let signature = try key.sign(content, namespace: "git")
            // The signature is checked as every reader will check it before anything points at it.
            let verdict = checker.verdict(SignedContent(payload: content, signature: signature), signedAt: time)
            guard verdict.letter == .good else {
                throw DossierError("the approval's signature would be \(verdict.letter.rawValue) (\(verdict.reason)): nothing was approved")
            }
            return signature
        }
        let written = try ApprovalReview.approvals(of: release, in: repository, authority: authority).approvals.last!
        return Result(outcome: .recorded, approval: written, reference: reference, warnings: warnings)
    }

    /// Why `name` cannot be a signer's printed name; nil when it can (git writes it in the author line).
    static func nameProblem(_ name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            return "a signer's printed name is not empty: give --name, or set git's user.name"
        }
        if name.count > 200 { return "a printed name has at most 200 characters" }
        if name.contains(where: { $0 == "<" || $0 == ">" }) || !RequiredApproval.isPlainLine(name) {
            return "a printed name holds no '<', '>', control or formatting characters or line breaks"
        }
        return nil
    }
}
