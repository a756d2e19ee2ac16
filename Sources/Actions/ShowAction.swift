import Bundle
import Foundation
import Git
import Model
import Support

/// `dossier show RELEASE [FILE]`: reads a file of the bundle attached to a release, or extracts the whole bundle.
public struct ShowAction: Sendable {
    /// The release tag.
    public var release: String
    /// The file to read (nil: the Markdown SUF, `SUF-RELEASE.md`).
    public var file: String?
    /// A folder (which must not exist yet) to write every file of the bundle into, instead of reading one.
    public var extractFolder: String?
    /// The repository (work tree or bare).
    public var repository: String

    /// Creates the action.
    public init(release: String, file: String? = nil, extractFolder: String? = nil, repository: String = ".") {
        self.release = release
        self.file = file
        self.extractFolder = extractFolder
        self.repository = repository
    }

    /// What was shown.
    public enum Result: Sendable {
        /// The bytes of the file asked for.
        case file(Data)
        /// The number of files extracted into the folder.
        case extracted(count: Int, folder: String)
    }

    /// Reads the file, or extracts the bundle.
    /// - Throws: `DossierError` when no bundle is attached, the file is not in it, or the folder cannot be written.
    public func perform() throws -> Result {
        let repo = try Repository(path: repository)
        let names = try AttachedBundle.fileNames(release: release, in: repo)
        guard !names.isEmpty else {
            throw DossierError("no bundle is attached to \(release) (no \(DossierReference.bundle(release))); attach one with dossier attach \(release)")
        }
        if let extractFolder {
            try BundleWriter.extract(try AttachedBundle.files(release: release, in: repo), to: extractFolder)
            return .extracted(count: names.count, folder: extractFolder)
        }
        let name = file ?? "SUF-\(Release.fileStem(release)).md"
        guard names.contains(name), let data = try AttachedBundle.read(release: release, in: repo, file: name) else {
            throw DossierError("the bundle attached to \(release) has no file '\(name)'; it has: \(names.joined(separator: ", "))")
        }
        return .file(data)
    }
}
