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
            MANIFEST.sha256.sig (SSH, namespace "dossier"). With --allowed-signers, the bundle must be signed by a signer listed there. Exit 0 when the \
            bundle is intact, 1 when anything is off, 2 when it cannot be read.
            """)

    @Argument(help: "The bundle folder, e.g. dist/dossier/v2.0.0.")
    var bundle: String

    @Option(name: .customLong("allowed-signers"), help: ArgumentHelp(
        "Who may sign bundles, in git's allowed signers format (namespaces=\"dossier\" or none).", valueName: "file"))
    var allowedSigners: String?

    func run() throws {
        let check = try VerifyAction(bundle: bundle, allowedSignersFile: allowedSigners,
                                     verificationTime: try Environment.verificationTime()).perform()
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
        out += check.isIntact ? "bundle \(bundle) is intact\n" : "bundle \(bundle) is NOT intact\n"
        Output.text(out)
        if !check.isIntact { throw ExitCode(1) }
    }
}
