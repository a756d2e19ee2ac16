import Foundation
import Git
import Support

/// Where bundles go when the user names no folder: `dist/dossier` below the current directory, which is often a
/// repository's work tree. A repository may commit `dist` (or `dist/dossier`) as a symbolic link to make dossier
/// write somewhere else, so the default is used only when none of its parts is a link. A folder given with `--out`
/// is the user's own choice and is used as given.
public enum OutputFolder {
    /// The default output folder, relative to the current directory.
    public static let defaultPath = "dist/dossier"

    /// `given`, or the default output folder once each of its existing parts is checked not to be a link.
    /// - Throws: `DossierError` naming the link, when a part of the default folder is one.
    public static func resolve(_ given: String?) throws -> String {
        if let given { return given }
        var prefix = ""
        for part in defaultPath.split(separator: "/") {
            prefix += prefix.isEmpty ? String(part) : "/" + part
            var status = stat()
            guard lstat(prefix, &status) == 0 else { break }
            if status.st_mode & S_IFMT == S_IFLNK {
                throw DossierError("the default output folder \(defaultPath) passes through '\(prefix)', a symbolic link (a repository can commit one to make dossier write elsewhere); give --out DIR to write there")
            }
        }
        return defaultPath
    }
}
