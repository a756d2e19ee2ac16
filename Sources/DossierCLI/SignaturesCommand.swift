import Actions
import ArgumentParser
import Foundation

/// `dossier signatures`: git's verdict on every commit (or tag) signature, checked natively.
struct SignaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signatures",
        abstract: "Check the signature of every commit in a range (or of every tag), as git would.",
        discussion: """
            Prints one line per commit, oldest first: commit id, git's verdict letter (G B U X Y R E N), signer and \
            key fingerprint, the columns of git log --format='%H %G? %GS %GF'. Trust comes from dossier.yml's trust: \
            at the range's end (HEAD for --all and --tags), or from --allowed-signers and --openpgp-keys. OpenPGP key \
            and signature expiry is judged now, as git judges it, or at SOURCE_DATE_EPOCH when that is set.
            """)

    @Argument(help: "PREV..RELEASE, or one revision for its whole history (default: the newest release's range).")
    var range: String?

    @Flag(help: "Every commit reachable from HEAD, a branch or a tag.")
    var all = false

    @Flag(help: "List every tag instead of commits: name, letter, signer, fingerprint.")
    var tags = false

    @Flag(help: "Print JSON: the trust used and every verdict with its algorithm and reason.")
    var json = false

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var trust: TrustOptions

    func validate() throws {
        if all && tags { throw ValidationError("--all and --tags cannot be used together") }
        if range != nil && (all || tags) { throw ValidationError("a RANGE cannot be given with --all or --tags") }
    }

    func run() async throws {
        let listing = try await SignaturesAction(
            repository: repository.repo, range: range, all: all, tags: tags, configFile: repository.config,
            allowedSignersFile: trust.allowedSigners, openPGPKeysFolder: trust.openPGPKeys,
            verificationTime: try Environment.verificationTime()).perform()
        for note in listing.notes { Output.warning(note) }
        if json {
            Output.data(try listing.json())
        } else {
            Output.text(listing.text)
        }
    }
}
