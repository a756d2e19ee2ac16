import Foundation
import Git
import Records
import Support

/// `dossier init`: writes dossier.yml and regulatory/*.yml, with commented examples of every field, into a
/// repository's work tree, the release tag pattern chosen from the tags already there.
public struct InitAction: Sendable {
    /// The repository's work tree.
    public var repository: String
    /// The device's name (nil: the work tree folder's name).
    public var deviceName: String?
    /// Told about each tag that is no release (a tag of a tree or a blob, skipped), before anything is written.
    public var warn: @Sendable (String) -> Void

    /// Creates the action.
    public init(repository: String = ".", deviceName: String? = nil, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.repository = repository
        self.deviceName = deviceName
        self.warn = warn
    }

    /// What was written.
    public struct Result: Sendable {
        /// The files, in the order written.
        public var files: [RecordScaffold.File]
        /// The tag pattern chosen and the tags it matches.
        public var tags: RecordScaffold.TagPattern
    }

    /// Writes the files; nothing is written when any of them exists.
    /// - Throws: `DossierError` for a bare repository, or a file that exists already.
    public func perform() throws -> Result {
        let repo = try Repository(path: repository)
        guard let workTree = repo.workTree else {
            throw DossierError("dossier init writes into a work tree; \(repository) is a bare repository")
        }
        // Tags of trees and blobs are no releases: skipped, with a note.
        let tagList = try repo.tagList()
        for note in tagList.notes { warn(note) }
        let tags = RecordScaffold.tagPattern(for: tagList.commitTags, order: repo.versionOrder())
        let name = deviceName ?? URL(fileURLWithPath: workTree).standardizedFileURL.lastPathComponent
        let files = try RecordScaffold.files(deviceName: name, tags: tags)
        try RecordScaffold.write(files, into: workTree)
        return Result(files: files, tags: tags)
    }
}
