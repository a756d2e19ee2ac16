import Records
import Signatures
import Support

/// One electronic signature on a release's bundle (21 CFR 11.50): who signed, in which role, meaning what, when, and
/// which bundle — named by the SHA-256 of its `MANIFEST.sha256` — with git's verdict on the signature.
public struct Approval: Sendable, Codable, Hashable {
    /// The approval commit at `refs/dossier/approvals/<tag>`.
    public var commit: String
    /// The release the approval names (the one whose reference holds it, or `problem` says otherwise).
    public var release: String
    /// The role the signer approves in, e.g. "Quality Assurance".
    public var role: String
    /// What the signature means; nil when the approval names no meaning dossier knows (`problem` says so).
    public var meaning: ApprovalMeaning?
    /// The signer's printed name, as the signer wrote it when signing (the commit's author name).
    public var name: String
    /// The signer's email as written in the approval; a good approval's is the principal its key is trusted for.
    public var email: String
    /// When the approval was made (the commit's author date, ISO 8601).
    public var date: String
    /// The SHA-256 of the `MANIFEST.sha256` approved.
    public var manifestSHA256: String
    /// The attached bundle's commit the approval names, when it names one.
    public var bundleCommit: String?
    /// git's verdict on the approval commit's signature, judged with the release's trust.
    public var verdict: Verdict
    /// Why the approval counts for nothing although its signature may be good (it names another release, its tree
    /// does not hold the manifest it names, its email is not the signer's, …); nil when nothing is wrong.
    public var problem: String?

    /// Creates an approval.
    public init(commit: String, release: String, role: String, meaning: ApprovalMeaning?, name: String, email: String,
                date: String, manifestSHA256: String, bundleCommit: String?, verdict: Verdict, problem: String?) {
        self.commit = commit
        self.release = release
        self.role = role
        self.meaning = meaning
        self.name = name
        self.email = email
        self.date = date
        self.manifestSHA256 = manifestSHA256
        self.bundleCommit = bundleCommit
        self.verdict = verdict
        self.problem = problem
    }

    /// Whether the approval signs the bundle whose `MANIFEST.sha256` has the SHA-256 `manifest`: a good signature by
    /// a trusted signer, nothing wrong with it, and that very manifest.
    public func covers(manifest: String) -> Bool {
        verdict.letter == .good && problem == nil && manifestSHA256 == manifest
    }
}

/// A release's approvals and the ones its dossier.yml requires, judged against one bundle of the release: the one
/// attached, or the one a DHF holds.
public struct ReleaseApprovals: Sendable, Codable, Hashable {
    /// The release tag.
    public var release: String
    /// `refs/dossier/approvals/<tag>`.
    public var reference: String
    /// The approvals, oldest first.
    public var approvals: [Approval]
    /// What the release's dossier.yml requires (`approvals.required`), in its order.
    public var required: [RequiredApproval]
    /// The SHA-256 of the `MANIFEST.sha256` of the bundle judged; nil when there is none (no bundle attached).
    public var manifestSHA256: String?
    /// The required approvals that no approval covering that bundle gives (all of them when there is no bundle).
    public var missing: [RequiredApproval]

    /// The approvals read, judged against no bundle yet.
    public init(release: String, reference: String, approvals: [Approval], required: [RequiredApproval]) {
        self.release = release
        self.reference = reference
        self.approvals = approvals
        self.required = required
        self.manifestSHA256 = nil
        self.missing = required
    }

    /// The same approvals judged against the bundle whose `MANIFEST.sha256` has the SHA-256 `manifest`: a required
    /// approval is given by an approval in that role with that meaning that covers the bundle.
    public func judged(against manifest: String?) -> ReleaseApprovals {
        var judged = self
        judged.manifestSHA256 = manifest
        judged.missing = required.filter { need in
            guard let manifest else { return true }
            return !approvals.contains {
                $0.role.sameBytes(as: need.role) && $0.meaning == need.meaning && need.allows($0.email) && $0.covers(manifest: manifest)
            }
        }
        return judged
    }

    /// The approvals that cover the bundle judged.
    public var covering: [Approval] {
        guard let manifestSHA256 else { return [] }
        return approvals.filter { $0.covers(manifest: manifestSHA256) }
    }

    /// Whether there is anything to show: an approval recorded, or one required.
    public var isEmpty: Bool { approvals.isEmpty && required.isEmpty }
}
