import Foundation

/// Writes a file whole or not at all: the bytes go to a temporary file in the same folder, are flushed to disk,
/// and the temporary file is renamed into place. A full disk, a kill or any other failure leaves the file that
/// was there as it was, and no temporary file behind (but for a kill, whose `.NAME.partial-PID` the next bundle
/// written into that folder removes). Every file dossier writes outside a bundle goes through here.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing what is there (a file or a symbolic link, which is replaced, not
    /// followed); `replacing: false` refuses an existing `path` instead.
    /// - Throws: `DossierError` naming `path` and why it could not be written; `path` is then untouched.
    public static func write(_ data: Data, to path: String, replacing: Bool = true) throws {
        let (folder, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw DossierError("cannot write \(path): it names a folder, not a file")
        }
        let temporary = (folder == "/" ? "" : folder) + "/.\(name).partial-\(getpid())"
        func fail(_ code: Int32) -> DossierError {
            unlink(temporary)
            return DossierError("cannot write \(path): \(Rename.describe(code))")
        }
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw fail(errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw fail(failure) }
        let renamed = replacing ? (rename(temporary, path) == 0 ? 0 : errno) : Rename.withoutReplacing(temporary, path)
        if renamed != 0 { throw fail(renamed) }
        // The rename itself reaches the disk with the folder.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// The folder (`.` for a bare name) and the last name of `path`.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }
}
