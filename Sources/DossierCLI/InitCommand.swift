import Actions
import ArgumentParser
import Foundation

/// `dossier init`: scaffold dossier.yml and regulatory/*.yml in a repository's work tree.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write dossier.yml and regulatory/*.yml, with commented examples of every field, into a repository.",
        discussion: """
            The release tag pattern is chosen from the tags already in the repository. Nothing is written when any \
            of the files exists. Edit the files, check them with `dossier check --worktree`, and commit them.
            """)

    @Option(help: "The repository's work tree.")
    var repo: String = "."

    @Option(name: .customLong("device-name"), help: "The device's name (default: the repository folder's name).")
    var deviceName: String?

    func run() throws {
        let result = try InitAction(repository: repo, deviceName: deviceName, warn: Output.warning).perform()
        let tags = result.tags
        var out = ""
        for file in result.files { out += "wrote \(file.path)\n" }
        switch tags.matches.count {
        case 0: out += "release tags: none yet; releases.tag_pattern is \(tags.pattern)\n"
        default: out += "release tags: \(tags.matches.count) match \(tags.pattern) (\(tags.matches.first!) … \(tags.matches.last!))\n"
        }
        out += "next: fill in the records, run `dossier check --worktree`, and commit dossier.yml and regulatory/\n"
        Output.text(out)
    }
}
