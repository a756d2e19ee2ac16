import Glibc

/// A folder of dossier's caches, `<git common dir>/dossier/cache/<name>/`, opened one component at a time relative
/// to the one above it, never following a symbolic link (the repository, and so the folder, may have been written
/// by an attacker): files are read, written and removed only through this handle, so nothing is ever written outside
/// it. Every failure (a link, a read-only repository, a full disk) means no cache, never an error.
final class CacheDirectory {
    private let descriptor: Int32

    /// Opens the folder, making the missing parts when `create` is set; nil when a part is a symbolic link or not a
    /// folder, or the folder is absent and cannot be made.
    init?(gitDirectory: String, name: String, create: Bool) {
        var current = open(gitDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { return nil }
        for component in ["dossier", "cache", name] {
            var next = Self.openFolder(component, in: current)
            if next < 0, errno == ENOENT, create, mkdirat(current, component, 0o755) == 0 || errno == EEXIST {
                next = Self.openFolder(component, in: current)
            }
            close(current)
            guard next >= 0 else { return nil }
            current = next
        }
        descriptor = current
    }

    deinit {
        close(descriptor)
    }

    private static func openFolder(_ name: String, in folder: Int32) -> Int32 {
        openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// The names in the folder, in byte order.
    func names() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The bytes of the regular file `name`, or nil when it is absent, a link, not a regular file (a FIFO is not
    /// waited on) or larger than `limit` bytes.
    func read(_ name: String, limit: Int) -> [UInt8]? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size >= 0,
              status.st_size <= limit else { return nil }
        let size = Int(status.st_size)
        // Read into uninitialised memory: a segment is tens of megabytes for a long history, zeroed for nothing.
        var whole = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let count = Glibc.read(file, buffer.baseAddress! + done, size - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }  // the file shrank while being read
                done += count
            }
            whole = done == size
            initialized = done
        }
        return whole ? bytes : nil
    }

    /// Writes `bytes` as `name` whole or not at all: a new temporary file in the folder, then a rename over the name.
    /// Returns whether it was written.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> Bool {
        let temporary = ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { return false }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + done, bytes.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        let closed = close(file) == 0
        guard done == bytes.count, closed, renameat(descriptor, temporary, descriptor, name) == 0 else {
            unlinkat(descriptor, temporary, 0)
            return false
        }
        return true
    }

    /// Removes the file `name` from the folder (a link is removed, not followed).
    func remove(_ name: String) {
        unlinkat(descriptor, name, 0)
    }
}
