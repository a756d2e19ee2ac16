import Records
import Signatures

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

/// A release's approvals and the ones its dossier.yml requires.
public struct ReleaseApprovals: Sendable, Codable, Hashable {
    /// The release tag.
    public var release: String
    /// `refs/dossier/approvals/<tag>`.
    public var reference: String
    /// The approvals, oldest first.
    public var approvals: [Approval]
    /// What the release's dossier.yml requires (`approvals.required`), in its order.
    public var required: [RequiredApproval]

    /// Creates the value.
    public init(release: String, reference: String, approvals: [Approval], required: [RequiredApproval]) {
        self.release = release
        self.reference = reference
        self.approvals = approvals
        self.required = required
    }

    /// The required approvals no approval covering the bundle with SHA-256 `manifest` (of its MANIFEST.sha256)
    /// gives: the role with the meaning, signed good; all of them when no bundle is given.
    public func missing(manifest: String?) -> [RequiredApproval] {
        required.filter { need in
            guard let manifest else { return true }
            return !approvals.contains { $0.role == need.role && $0.meaning == need.meaning && $0.covers(manifest: manifest) }
        }
    }
}
