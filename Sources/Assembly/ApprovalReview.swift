import Foundation
import Git
import Model
import Records
import Signatures
import Support

/// Reads a release's approvals from `refs/dossier/approvals/<tag>` and judges each: its signature with the trust at
/// the release's tree (as its commits' signatures are judged), what its message states, and the manifest its tree
/// holds. The one place that knows what an approval commit says, for the command that writes one and for every
/// command that reads them.
public enum ApprovalReview {
    /// The trailer keys an approval's message ends with.
    enum Key: String, CaseIterable {
        case release = "Release", role = "Role", meaning = "Meaning", manifest = "Manifest-SHA256", bundle = "Bundle-Commit"
    }

    /// The message of an approval commit: a subject line, a sentence a person reads in `git log`, and the trailers
    /// dossier reads back.
    public static func message(release: String, role: String, meaning: ApprovalMeaning, name: String,
                               manifestSHA256: String, bundleCommit: String) -> String {
        """
        Approval of \(release): \(meaning.rawValue) as \(role)

        \(name) signs the Software Update File of \(release) as \(role), meaning: \(meaning.rawValue). The bundle \
        signed is the one whose MANIFEST.sha256 has the SHA-256 below (attached at \(bundleCommit)).

        \(Key.release.rawValue): \(release)
        \(Key.role.rawValue): \(role)
        \(Key.meaning.rawValue): \(meaning.rawValue)
        \(Key.manifest.rawValue): \(manifestSHA256)
        \(Key.bundle.rawValue): \(bundleCommit)

        """
    }

    /// The configuration and trust at a release's tree, which decide who may approve it and what it needs.
    public struct Authority: Sendable {
        /// The release's configuration (or the one given with `--config`).
        public var config: Config
        /// Whose signatures count.
        public var trust: SignatureTrust

        /// Reads them at the tagged commit of `release`, with the files an auditor gives instead.
        /// - Throws: `DossierError` for a release that is not a tag, or a bad dossier.yml or trust file.
        public init(release: String, in repository: Repository, configFile: String? = nil, allowedSignersFile: String? = nil,
                    openPGPKeysFolder: String? = nil) throws {
            let tag = try repository.tag(named: release)
            let source = GitTreeSource(repository: repository, commit: tag.commit, label: release)
            config = try configFile.map(Config.load(file:)) ?? RecordLoader.config(from: source)
            trust = try SignatureTrust.load(config: config, from: source, allowedSignersFile: allowedSignersFile,
                                            openPGPKeysFolder: openPGPKeysFolder)
        }
    }

    /// The release's approvals judged with the trust `request` names for it (the release's, or the files given on the
    /// command line), with what its configuration requires.
    /// - Throws: `DossierError` for a bad dossier.yml or trust file, or approvals dossier does not read.
    public static func approvals(of release: String, request: ReleaseRequest) throws -> ReleaseApprovals {
        let repository = try Repository(path: request.repository)
        let authority = try Authority(release: release, in: repository, configFile: request.configFile,
                                      allowedSignersFile: request.allowedSignersFile, openPGPKeysFolder: request.openPGPKeysFolder)
        return try approvals(of: release, in: repository, authority: authority)
    }

    /// The release's approvals, each judged, with what its configuration requires.
    /// - Throws: `DossierError` when the approvals' reference holds something dossier does not read (`ApprovalLog`).
    public static func approvals(of release: String, in repository: Repository, authority: Authority) throws -> ReleaseApprovals {
        let entries = try ApprovalLog.entries(release, in: repository)
        return ReleaseApprovals(release: release, reference: ApprovalLog.referenceName(release),
                                approvals: entries.map { judge($0, release: release, trust: authority.trust) },
                                required: authority.config.requiredApprovals)
    }

    /// One approval commit judged.
    static func judge(_ entry: ApprovalLog.Entry, release: String, trust: SignatureTrust) -> Approval {
        // An SSH key's validity is judged at the committer's time, an OpenPGP key's at the time of signing.
        let checker = SignatureChecker(trust: trust, verificationTime: entry.committerTime)
        let verdict = checker.verdict(SignedContent.ofCommit(entry.object), signedAt: entry.committerTime)
        let (fields, formProblem) = trailers(entry.message)
        let author = entry.author
        var approval = Approval(commit: entry.commit, release: fields[.release] ?? "", role: fields[.role] ?? "",
                                meaning: fields[.meaning].flatMap(ApprovalMeaning.init(rawValue:)),
                                name: author?.name ?? "", email: author?.email ?? "",
                                date: author?.date ?? "", manifestSHA256: fields[.manifest] ?? "",
                                bundleCommit: fields[.bundle], verdict: verdict, problem: nil)
        approval.problem = formProblem ?? problem(of: approval, entry: entry, release: release)
        return approval
    }

    /// Why an approval whose message reads counts for nothing; nil when it counts.
    private static func problem(of approval: Approval, entry: ApprovalLog.Entry, release: String) -> String? {
        if !approval.release.sameBytes(as: release) {
            return "it names the release '\(approval.release)', not \(release), whose approvals' reference holds it"
        }
        if let problem = RequiredApproval.problem(role: approval.role) { return "its role is not one: \(problem)" }
        if approval.meaning == nil {
            return "its meaning is not authored, reviewed or approved"
        }
        guard approval.manifestSHA256.utf8.count == 64,
              approval.manifestSHA256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return "its Manifest-SHA256 is not 64 lower-case hexadecimal digits"
        }
        if let problem = entry.treeProblem { return problem }
        guard entry.manifestSHA256 == approval.manifestSHA256 else {
            return "its tree does not hold the MANIFEST.sha256 whose SHA-256 it names"
        }
        if entry.author == nil { return "its author line does not read as git writes one" }
        if approval.verdict.letter == .good, !(signerEmail(approval.verdict)?.sameBytes(as: approval.email) ?? false) {
            return "it is written in the name of <\(approval.email)>, but the key that signed it is trusted for '\(approval.verdict.signer)'"
        }
        return nil
    }

    /// The email a trusted signer is known by: an SSH principal as the allowed signers name it; the email in an
    /// OpenPGP user id `Name <email>` (one that holds more than one `<` or `>` names none).
    private static func signerEmail(_ verdict: Verdict) -> String? {
        guard verdict.kind == .openpgp else { return verdict.signer }
        let signer = verdict.signer
        guard signer.count(where: { $0 == "<" }) == 1, signer.count(where: { $0 == ">" }) == 1,
              let open = signer.firstIndex(of: "<"), let close = signer.firstIndex(of: ">"), open < close,
              signer.index(after: close) == signer.endIndex else { return nil }
        return String(signer[signer.index(after: open)..<close])
    }

    /// The trailers of the message's last paragraph, by key, and what is wrong with them: every key but
    /// `Bundle-Commit` exactly once, no key twice.
    static func trailers(_ message: String) -> (fields: [Key: String], problem: String?) {
        let paragraphs = message.split(separator: "\n\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy(\.isWhitespace) }
        var fields: [Key: String] = [:]
        guard let last = paragraphs.last else { return ([:], "its message is empty") }
        for line in last.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":"), let key = Key(rawValue: String(line[..<colon])) else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            guard fields[key] == nil else { return (fields, "its message names \(key.rawValue) twice") }
            fields[key] = String(value)
        }
        for key in Key.allCases where key != .bundle && fields[key] == nil {
            return (fields, "its message does not end with the trailers an approval has (no \(key.rawValue))")
        }
        return (fields, nil)
    }
}
