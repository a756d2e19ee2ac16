import Actions
import ArgumentParser
import Bundle
import Foundation

/// `dossier verify`: check a bundle's files against its manifest, and the manifest's signature.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a bundle: every file against MANIFEST.sha256, and the manifest's signature.",
        discussion: """
            Reports every altered, missing or extra file, every entry that is not a regular file (a symbolic link, \
            which is never followed, a FIFO, socket or device, an empty folder), every manifest line that is not \
            `sha256  name`, names a path outside the bundle or repeats a name, and the verdict on \
            MANIFEST.sha256.sig (SSH, namespace "dossier"). With --allowed-signers, the bundle must be signed by a signer listed there. \
            With --repo, also lists the approvals recorded in that repository (dossier approve) that sign this very \
            bundle, each judged with its release's trust; with --approved, the bundle must be approved as \
            dossier check --approved asks. Exit 0 when the bundle is intact (and approved, if asked), 1 when \
            anything is off, 2 when it cannot be read.
            """)

    @Argument(help: "The bundle folder, e.g. dist/dossier/v2.0.0.")
    var bundle: String

    @Option(name: .customLong("allowed-signers"), help: ArgumentHelp(
        "Who may sign bundles, in git's allowed signers format (namespaces=\"dossier\" or none).", valueName: "file"))
    var allowedSigners: String?

    @Option(help: "A repository whose approvals (refs/dossier/approvals/*) of this bundle are listed.")
    var repo: String?

    @Flag(help: "Also require the bundle to be approved (needs --repo): every approval its release's dossier.yml approvals.required names, or one meaning approved when it names none.")
    var approved = false

    func validate() throws {
        if approved && repo == nil { throw ValidationError("--approved looks up approvals in a repository: give --repo") }
    }

    func run() throws {
        let result = try VerifyAction(bundle: bundle, allowedSignersFile: allowedSigners,
                                      verificationTime: try Environment.verificationTime(), repository: repo).perform()
        let check = result.check
        var out = ""
        for line in check.malformedLines { out += "MALFORMED manifest \(line)\n" }
        for (path, state) in check.files where state != .ok { out += "\(state.rawValue.uppercased()) \(path)\n" }
        let ok = check.files.filter { $0.state == .ok }.count
        out += "files: \(ok) of \(check.files.count) match MANIFEST.sha256\n"
        if let verdict = check.signature {
            var line = "signature: \(verdict.letter.rawValue)"
            if !verdict.signer.isEmpty { line += " \(verdict.signer)" }
            if !verdict.fingerprint.isEmpty { line += " \(verdict.fingerprint)" }
            if !verdict.reason.isEmpty { line += " (\(verdict.reason))" }
            if verdict.letter == .untrusted && !check.trustGiven { line += "; pass --allowed-signers to check who signed" }
            out += line + "\n"
        } else {
            out += "signature: none (no \(BundleWriter.signatureName))\n"
        }
        if let approvals = result.approvals { out += approvals.text(bundle: "this bundle") }
        if let why = result.noApprovals { out += "approvals: none can count: \(why)\n" }
        out += check.isIntact ? "bundle \(bundle) is intact\n" : "bundle \(bundle) is NOT intact\n"
        if approved { out += result.isApproved ? "bundle \(bundle) is approved\n" : "bundle \(bundle) is NOT approved\n" }
        Output.text(out)
        if !check.isIntact || (approved && !result.isApproved) { throw ExitCode(1) }
    }
}
