import CLibGit2
import Foundation

/// A release's bundle stored in the repository itself: a commit whose tree is the bundle, at
/// `refs/dossier/<tag>`, so that plain git can read it (`git ls-tree -r refs/dossier/v2.0.0`).
public enum AttachedBundle {
    /// The reference that holds a release's bundle.
    public static func referenceName(_ release: String) -> String { "refs/dossier/\(release)" }

    /// The commit holding the release's attached bundle, or `nil` when none is attached.
    public static func commit(release: String, in repository: Repository) -> String? {
        var id = git_oid()
        guard git_reference_name_to_id(&id, repository.pointer, referenceName(release)) == 0 else { return nil }
        return hex(&id)
    }

    /// One file of the release's attached bundle, or `nil` when no bundle is attached (or it lacks the file).
    /// - Throws: `DossierError` when `repository` is not a git repository.
    public static func read(release: String, repository path: String, file: String) throws -> Data? {
        let repository = try Repository(path: path)
        guard let commit = commit(release: release, in: repository) else { return nil }
        return try repository.readFile(file, at: commit)
    }
}
