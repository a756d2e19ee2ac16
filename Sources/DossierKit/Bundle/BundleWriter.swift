import Crypto
import Foundation

/// Writes a bundle folder whole or not at all. Files go to a temporary folder beside the destination as soon
/// as each is made (so a large document need not stay in memory, and writing overlaps the rendering of the
/// next one); `finish` adds `MANIFEST.sha256` (and its signature) and renames the folder into place; `discard`
/// removes everything written.
public final class BundleWriter: BundleFileSink, @unchecked Sendable {
    /// The manifest's file name.
    public static let manifestName = "MANIFEST.sha256"
    /// The manifest's signature's file name (SSHSIG, namespace "dossier").
    public static let signatureName = "MANIFEST.sha256.sig"
    /// The SSHSIG namespace bundle signatures are made in, so that no commit or file signature can pass for one.
    public static let signatureNamespace = "dossier"

    /// The manifest text for files with these SHA-256 digests: one `sha256  name` line per file, by name, as
    /// `sha256sum` prints it.
    public static func manifest(digests: [String: SHA256.Digest]) -> String {
        digests.keys.sorted().map { name in
            "\(digests[name]!.map { String(format: "%02x", $0) }.joined())  \(name)\n"
        }.joined()
    }

    /// The manifest text for `files`.
    public static func manifest(_ files: [String: Data]) -> String {
        manifest(digests: files.mapValues { SHA256.hash(data: $0) })
    }

    /// Whether `files` (a bundle's files, by name) hold the manifest dossier writes for the others: every other
    /// file listed with its digest, and nothing else.
    public static func isWhole(_ files: [String: Data]) -> Bool {
        guard let manifest = files[manifestName] else { return false }
        return manifest == Data(self.manifest(files.filter { $0.key != manifestName && $0.key != signatureName }).utf8)
    }

    private let folder: String
    private let destination: String
    private let temporary: String
    /// The folders this writer made to reach `folder`, innermost first: removed again, when empty, on `discard`.
    private let madeFolders: [String]
    private let lock = NSLock()
    private var digests: [String: SHA256.Digest] = [:]

    /// Starts a bundle at `folder/name`: makes the temporary folder that receives its files.
    /// - Throws: `DossierError` when the folder cannot be made.
    public init(folder: String, name: String) throws {
        let manager = FileManager.default
        self.folder = folder
        destination = (folder as NSString).appendingPathComponent(name)
        temporary = (folder as NSString).appendingPathComponent(".\(name).partial-\(getpid())")
        // (Not NSString.deletingLastPathComponent: it traps on a one-letter relative name.)
        var missing: [String] = [], path = Substring(folder)
        while let last = path.last, last == "/", path.count > 1 { path = path.dropLast() }
        while !path.isEmpty, path != "/", path != ".", !manager.fileExists(atPath: String(path)) {
            missing.append(String(path))
            path = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        }
        madeFolders = missing
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: temporary)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
    }

    /// Writes one file of the bundle and notes its digest for the manifest. Safe to call from several threads.
    /// - Throws: `DossierError` when the file cannot be written.
    public func add(_ name: String, _ data: Data) throws {
        let digest = SHA256.hash(data: data)
        do {
            try makeFolders(for: name)
            try data.write(to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(name)))
        } catch {
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        lock.withLock { digests[name] = digest }
    }

    /// Writes one file of the bundle from the pieces `produce` hands over, hashing them on the way, so that the
    /// whole file is never in memory. Safe to call from several threads.
    /// - Throws: `DossierError` when the file cannot be written; whatever `produce` throws.
    public func add(_ name: String, producedBy produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let path = (temporary as NSString).appendingPathComponent(name)
        do {
            try makeFolders(for: name)
        } catch {
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DossierError("cannot write the bundle to \(destination): cannot create \(name): \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(descriptor) }
        var hash = SHA256()
        try produce { piece in
            hash.update(bufferPointer: piece)
            var offset = 0
            while offset < piece.count {
                let written = Glibc.write(descriptor, piece.baseAddress! + offset, piece.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DossierError("cannot write the bundle to \(destination): \(name): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        let digest = hash.finalize()
        lock.withLock { digests[name] = digest }
    }

    /// The manifest of the files written so far below `folder` (a sub-bundle: `v1.0.0/`), with names relative to it.
    private func manifest(ofFolder folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let inFolder = lock.withLock { digests.filter { $0.key.hasPrefix(prefix) } }
        return Self.manifest(digests: Dictionary(uniqueKeysWithValues: inFolder.map { (String($0.key.dropFirst(prefix.count)), $0.value) }))
    }

    /// Closes the sub-bundle in `folder` (e.g. `v1.0.0/`): writes its manifest of the files written below it, and
    /// with a `signingKey` its signature.
    /// - Returns: the manifest's text.
    /// - Throws: `DossierError` when a file cannot be written.
    public func finishFolder(_ folder: String, signingKey: SSHSigningKey?) throws -> String {
        let manifest = manifest(ofFolder: folder)
        for (name, data) in try Self.manifestFiles(manifest, signingKey: signingKey) {
            try add(folder.hasSuffix("/") ? folder + name : folder + "/" + name, data)
        }
        return manifest
    }

    /// `MANIFEST.sha256` with `manifest`, and with a `signingKey` its SSH signature `MANIFEST.sha256.sig`.
    private static func manifestFiles(_ manifest: String, signingKey: SSHSigningKey?) throws -> [String: Data] {
        var files = [manifestName: Data(manifest.utf8)]
        if let signingKey {
            files[signatureName] = Data(try signingKey.sign(Array(manifest.utf8), namespace: signatureNamespace).utf8)
        }
        return files
    }

    /// Makes the folders a file name with `/` in it needs (a file of a sub-bundle).
    private func makeFolders(for name: String) throws {
        guard let slash = name.lastIndex(of: "/") else { return }
        try FileManager.default.createDirectory(atPath: (temporary as NSString).appendingPathComponent(String(name[..<slash])),
                                                withIntermediateDirectories: true)
    }

    /// Writes the manifest (and, with a `signingKey`, its SSH signature `MANIFEST.sha256.sig`) and moves the
    /// bundle into place, replacing any earlier bundle there.
    /// - Returns: the bundle's path.
    /// - Throws: `DossierError` when the folder cannot be written; the earlier bundle is then left as it was.
    @discardableResult
    public func finish(signingKey: SSHSigningKey? = nil) throws -> String {
        let manager = FileManager.default
        let retired = (folder as NSString).appendingPathComponent(".\((destination as NSString).lastPathComponent).old-\(getpid())")
        let manifest = lock.withLock { Self.manifest(digests: digests) }
        do {
            for (name, data) in try Self.manifestFiles(manifest, signingKey: signingKey) {
                try data.write(to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(name)))
            }
            if manager.fileExists(atPath: destination) {
                try manager.moveItem(atPath: destination, toPath: retired)
            }
            try manager.moveItem(atPath: temporary, toPath: destination)
        } catch {
            if !manager.fileExists(atPath: destination), manager.fileExists(atPath: retired) {
                try? manager.moveItem(atPath: retired, toPath: destination)
            }
            discard()
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        try? manager.removeItem(atPath: retired)
        return destination
    }

    /// Moves the folder into place as it is, without writing a manifest (the files hold their own).
    func moveIntoPlace() throws {
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            throw DossierError("cannot write \(destination): \(error.localizedDescription)")
        }
    }

    /// Removes what was written, and the folders this writer made when they are empty again.
    public func discard() {
        let manager = FileManager.default
        try? manager.removeItem(atPath: temporary)
        for made in madeFolders {
            guard (try? manager.contentsOfDirectory(atPath: made))?.isEmpty == true else { break }
            try? manager.removeItem(atPath: made)
        }
    }

    /// Writes `files` and their manifest to `folder/name` in one go.
    /// - Returns: the bundle's path.
    /// - Throws: `DossierError` when the folder cannot be written; nothing is left half-written.
    @discardableResult
    public static func write(_ files: [String: Data], to folder: String, name: String, signingKey: SSHSigningKey? = nil) throws -> String {
        let writer = try BundleWriter(folder: folder, name: name)
        do {
            for (file, data) in files { try writer.add(file, data) }
        } catch {
            writer.discard()
            throw error
        }
        return try writer.finish(signingKey: signingKey)
    }

    /// Writes `files` into a new folder `path`, whole or not at all (an extracted bundle, as it was attached).
    /// - Throws: `DossierError` when `path` exists already or cannot be written.
    public static func extract(_ files: [String: Data], to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DossierError("\(path) exists already: extract into a new folder")
        }
        let url = URL(fileURLWithPath: path)
        let writer = try BundleWriter(folder: url.deletingLastPathComponent().path, name: url.lastPathComponent)
        do {
            for (name, data) in files { try writer.add(name, data) }
            try writer.moveIntoPlace()
        } catch {
            writer.discard()
            throw error
        }
    }
}
