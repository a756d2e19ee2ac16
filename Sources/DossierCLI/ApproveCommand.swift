import Actions
import ArgumentParser
import Foundation
import Model
import Records

/// `dossier approve RELEASE`: record a signed approval of the release's attached bundle.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record a signed approval (role, meaning) of a release's attached bundle, in git.",
        discussion: """
            Writes one commit at refs/dossier/approvals/RELEASE, signed with your SSH key as git signs commits \
            (git verify-commit checks it). It holds the bundle's MANIFEST.sha256 and states, as 21 CFR 11.50 asks, \
            your printed name (--name, or git's user.name), the date and time, the role and the meaning; your email \
            is the principal the release's allowed signers trust your key for. The bundle must be attached \
            (dossier attach) and match its manifest; an approval binds to the SHA-256 of that manifest, so a bundle \
            attached later is not covered by it. The DHF, dossier check and dossier verify show the approvals with \
            their verdicts. Approving again with the same name, role and meaning changes nothing. Push them with: \
            git push origin 'refs/dossier/*'.
            """)

    @Argument(help: "The release tag whose attached bundle is approved.")
    var release: String

    @Option(help: "The role you sign in, e.g. \"Quality Assurance\" (dossier.yml approvals.required names those a release needs).")
    var role: String

    @Option(help: ArgumentHelp("What your signature means.", valueName: "authored|reviewed|approved"))
    var meaning: OptionChoice<ApprovalMeaning>

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "Your unencrypted OpenSSH private key; its public key must be in the release's allowed signers for namespace \"git\".", valueName: "key"))
    var signKey: String

    @Option(help: "Your printed name, as the approval shows it (default: git's user.name).")
    var name: String?

    @Option(name: .customLong("manifest-sha256"), help: ArgumentHelp(
        "The SHA-256 of the MANIFEST.sha256 you reviewed (sha256sum MANIFEST.sha256): refuse if the attached bundle is another.", valueName: "hex"))
    var manifestSHA256: String?

    @OptionGroup var repository: RepoOption

    func run() throws {
        let result = try ApproveAction(repository: repository.repo, release: release, role: role, meaning: try meaning.value(),
                                       signingKeyFile: signKey, name: name, time: Int64(Date().timeIntervalSince1970),
                                       reviewedManifest: manifestSHA256).perform()
        for warning in result.warnings { Output.warning(warning) }
        let approval = result.approval
        let who = "\(approval.name) <\(approval.email)> as \(approval.role), meaning \(approval.meaning?.rawValue ?? "")"
        switch result.outcome {
        case .recorded:
            Output.line("approved \(release): \(who), \(approval.date)")
            Output.line("recorded at \(result.reference) (commit \(approval.commit)), signature \(approval.verdict.letter.rawValue) \(approval.verdict.fingerprint)")
        case .unchanged:
            Output.line("\(release) is approved already by \(who) (\(result.reference), commit \(approval.commit)): nothing changed")
        }
        Output.line("it signs the bundle whose MANIFEST.sha256 has SHA-256 \(approval.manifestSHA256); push it with: git push origin 'refs/dossier/*'")
    }
}
