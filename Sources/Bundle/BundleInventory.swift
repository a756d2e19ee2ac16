import Foundation
import Support

/// What a bundle folder holds, seen as it is: symbolic links are never followed, neither to read a file nor to
/// walk into a folder.
struct BundleInventory {
    /// What one entry is.
    enum Kind: Equatable {
        /// A regular file.
        case file
        /// A symbolic link (never followed).
        case symlink
        /// A FIFO, socket or device.
        case special
        /// A folder with nothing in it (a folder with entries is walked into instead).
        case emptyFolder
    }

    /// Every entry below the folder but folders with entries, by path relative to it (`v1.0.0/suf.json`), keyed by
    /// the bytes of its name, so that two names differing only in Unicode normalization are two entries.
    var entries: [RawName: Kind]

    /// The paths of the regular files, but for the top manifest and its signature.
    var listedFiles: Set<RawName> {
        Set(entries.filter { $0.value == .file }.keys).subtracting([RawName(BundleWriter.manifestName), RawName(BundleWriter.signatureName)])
    }

    /// The entry at `path` (its UTF-8 bytes, not normalized).
    subscript(_ path: String) -> Kind? { entries[RawName(path)] }

    /// Walks `folder` (itself a folder, or a symbolic link to one given by the user), reading names as bytes.
    /// - Throws: `DossierError` when a folder cannot be read.
    init(folder: String) throws {
        var entries: [RawName: Kind] = [:]
        let root = Array(folder.utf8)
        func walk(_ relative: [UInt8]) throws {
            let path = relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative
            let names = try Self.names(in: path)
            if names.isEmpty, !relative.isEmpty { entries[RawName(bytes: relative)] = .emptyFolder }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let child = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
                var status = stat()
                let full = root + [UInt8(ascii: "/")] + child
                guard (full + [0]).withUnsafeBufferPointer({ lstat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &status) }) == 0 else {
                    throw DossierError("cannot read \(BundlePath.escaped(RawName(bytes: full).string)): \(String(cString: strerror(errno)))")
                }
                switch status.st_mode & S_IFMT {
                case S_IFREG: entries[RawName(bytes: child)] = .file
                case S_IFDIR: try walk(child)
                case S_IFLNK: entries[RawName(bytes: child)] = .symlink
                default: entries[RawName(bytes: child)] = .special
                }
            }
        }
        try walk([])
        self.entries = entries
    }

    /// The names in the folder at `path` (bytes), but `.` and `..`, as bytes.
    private static func names(in path: [UInt8]) throws -> [[UInt8]] {
        let directory = (path + [0]).withUnsafeBufferPointer { opendir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        guard let directory else {
            throw DossierError("cannot read the bundle folder \(BundlePath.escaped(RawName(bytes: path).string)): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [UInt8(ascii: ".")], name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        return names
    }

    /// The bytes of the regular file at `path`; nil when it is missing, a symbolic link (not followed), not a
    /// regular file (a FIFO is never waited on) or unreadable.
    static func readFile(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return data }
            data.append(buffer, count: count)
        }
    }
}
