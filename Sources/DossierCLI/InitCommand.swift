import ArgumentParser
import Foundation
import Git
import Records
import Support

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
        let repository = try Repository(path: repo)
        guard let workTree = repository.workTree else {
            throw DossierError("dossier init writes into a work tree; \(repo) is a bare repository")
        }
        // Tags of trees and blobs are no releases: skipped, with a note.
        let tagList = try repository.tagList()
        for note in tagList.notes { Output.warning(note) }
        let tags = RecordScaffold.tagPattern(for: tagList.commitTags, order: repository.versionOrder())
        let name = deviceName ?? URL(fileURLWithPath: workTree).standardizedFileURL.lastPathComponent
        let files = try RecordScaffold.files(deviceName: name, tags: tags)
        try RecordScaffold.write(files, into: workTree)
        var out = ""
        for file in files { out += "wrote \(file.path)\n" }
        switch tags.matches.count {
        case 0: out += "release tags: none yet; releases.tag_pattern is \(tags.pattern)\n"
        default: out += "release tags: \(tags.matches.count) match \(tags.pattern) (\(tags.matches.first!) … \(tags.matches.last!))\n"
        }
        out += "next: fill in the records, run `dossier check --worktree`, and commit dossier.yml and regulatory/\n"
        Output.text(out)
    }
}
