import Foundation

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

    /// Every entry below the folder but folders with entries, by path relative to it (`v1.0.0/suf.json`).
    var entries: [String: Kind]

    /// The paths of the regular files, but for the top manifest and its signature.
    var listedFiles: Set<String> {
        Set(entries.filter { $0.value == .file }.keys).subtracting([BundleWriter.manifestName, BundleWriter.signatureName])
    }

    /// Walks `folder` (itself a folder, or a symbolic link to one given by the user).
    /// - Throws: `DossierError` when a folder cannot be read.
    init(folder: String) throws {
        var entries: [String: Kind] = [:]
        func walk(_ relative: String) throws {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw DossierError("cannot read the bundle folder \(path): \(error.localizedDescription)")
            }
            if names.isEmpty, !relative.isEmpty { entries[relative] = .emptyFolder }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder + "/" + child, &status) == 0 else {
                    throw DossierError("cannot read \(folder)/\(child): \(String(cString: strerror(errno)))")
                }
                switch status.st_mode & S_IFMT {
                case S_IFREG: entries[child] = .file
                case S_IFDIR: try walk(child)
                case S_IFLNK: entries[child] = .symlink
                default: entries[child] = .special
                }
            }
        }
        try walk("")
        self.entries = entries
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

/// `MANIFEST.sha256` read as `sha256sum -c` reads it, and refused where it would let a bundle say more than its
/// files: a line that is not `sha256  name`, a name outside the folder (`../x`, `/etc/x`), a name listed twice.
struct ManifestListing {
    /// The digest (lowercase hex) each listed name should have.
    var digests: [String: String] = [:]
    /// What is wrong with the manifest, as `line N: …`.
    var problems: [String] = []

    init(_ data: Data) {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var firstLine: [String: (name: String, line: Int)] = [:]
        for (index, line) in lines.enumerated() where !(line.isEmpty && index == lines.count - 1) {
            let number = index + 1
            // sha256sum's format: 64 hex digits, a space, a space (text) or `*` (binary), the name.
            let chars = Array(line)
            guard chars.count > 66, chars[..<64].allSatisfy(Self.isHex), chars[64] == UInt8(ascii: " "),
                  chars[65] == UInt8(ascii: " ") || chars[65] == UInt8(ascii: "*"),
                  let name = String(bytes: chars[66...], encoding: .utf8) else {
                problems.append("line \(number): \(BundlePath.escaped(String(decoding: line.prefix(80), as: UTF8.self)))")
                continue
            }
            if let problem = BundlePath.problem(path: name) {
                problems.append("line \(number): '\(BundlePath.escaped(name))' is \(problem), not a file inside the bundle")
                continue
            }
            let key = name.lowercased()
            if let earlier = firstLine[key] {
                problems.append("line \(number): '\(BundlePath.escaped(name))' is listed already on line \(earlier.line)"
                                + (earlier.name == name ? "" : " (as '\(BundlePath.escaped(earlier.name))', differing only in case)"))
                continue
            }
            firstLine[key] = (name, number)
            digests[name] = String(decoding: chars[..<64], as: UTF8.self).lowercased()
        }
        if digests.isEmpty && problems.isEmpty { problems.append("line 1: the manifest lists no file") }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
