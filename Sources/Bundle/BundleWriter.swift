import Crypto
import Foundation
import Render
import Signatures
import Support
import Synchronization

/// Writes a bundle folder whole or not at all. Files go to a temporary folder beside the destination as soon
/// as each is made (so a large document need not stay in memory, and writing overlaps the rendering of the
/// next one); `finish` adds `MANIFEST.sha256` (and its signature) and puts the folder into place, swapping it with
/// an earlier bundle in one step; `discard` removes everything written. Every file's name goes through
/// `BundlePath.join`. A folder in the way that is not a bundle dossier wrote is never replaced, and the leftovers of
/// a run that was killed are removed (or an old bundle put back) by the next writer in the same folder.
public final class BundleWriter: BundleFileSink {
    /// The manifest's file name.
    public static let manifestName = "MANIFEST.sha256"
    /// The manifest's signature's file name (SSHSIG, namespace "dossier").
    public static let signatureName = "MANIFEST.sha256.sig"
    /// The SSHSIG namespace bundle signatures are made in, so that no commit or file signature can pass for one.
    public static let signatureNamespace = "dossier"

    /// Whether `files` (a bundle's files, by name) hold the manifest dossier writes for the others: every other
    /// file listed with its digest, and nothing else.
    public static func isWhole(_ files: [String: Data]) -> Bool {
        WholeBundle(files) != nil
    }

    private let folder: String
    private let destination: String
    private let temporary: String
    /// The folders this writer made to reach `folder`, innermost first: removed again, when empty, on `discard`.
    private let madeFolders: [String]
    /// The digest of each file written, and the names claimed so far; written by whichever task adds a file.
    private let written = Mutex(Written())

    /// What the writer has received so far.
    private struct Written {
        /// Each file's SHA-256, lowercase hex (a String is Sendable, swift-crypto's digest type is not).
        var digests: [String: String] = [:]
        /// The names added so far, folded to lower case: no two files may differ only in case.
        var claimed: Set<String> = []
    }

    /// Starts a bundle at `folder/name`: removes what killed runs left in `folder`, checks that whatever is at
    /// `folder/name` is a bundle dossier wrote, and makes the temporary folder that receives its files.
    /// - Throws: `DossierError` when something that is not a bundle is in the way (nothing is written then), or the
    ///   folder cannot be made.
    public init(folder: String, name: String) throws {
        let manager = FileManager.default
        self.folder = folder
        destination = (folder as NSString).appendingPathComponent(name)
        temporary = (folder as NSString).appendingPathComponent(".\(name).partial-\(getpid())")
        Self.cleanLeftovers(in: folder)
        try Self.checkReplaceable(destination)
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
            discard()
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
    }

    /// Whether `path` is a folder dossier wrote as a bundle: a folder (not a link to one) whose `MANIFEST.sha256`,
    /// in the form `sha256sum` reads, lists every regular file below it once (but itself and its signature), and
    /// which holds nothing else. No marker file is needed: this is what `dossier verify` and an auditor's
    /// `sha256sum -c` take for a bundle, and a folder of someone's own files does not hold it by chance. The
    /// digests are not compared: a bundle whose file was edited is still dossier's to replace.
    public static func isBundle(at path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              let inventory = try? BundleInventory(folder: path),
              inventory.entries.values.allSatisfy({ $0 == .file }),
              inventory[manifestName] == .file,
              let manifest = BundleInventory.readFile(path + "/" + manifestName) else { return false }
        let listing = ManifestListing(manifest)
        return listing.problems.isEmpty && Set(listing.digests.keys) == inventory.listedFiles
    }

    /// Refuses anything at `destination` that is not a bundle dossier wrote.
    private static func checkReplaceable(_ destination: String) throws {
        var status = stat()
        guard lstat(destination, &status) == 0, !isBundle(at: destination) else { return }
        throw DossierError("\(destination) exists and is not a bundle dossier wrote (a folder whose \(manifestName) lists exactly its files): dossier replaces only its own bundles; move it away or write to another --out")
    }

    /// Removes what killed runs left in `folder`: a `.NAME.partial-PID` (a bundle or file being written, or an old
    /// bundle being removed) or `.NAME.old-PID` (an old bundle moved aside) whose process is gone. An old bundle
    /// whose place is empty is put back instead.
    static func cleanLeftovers(in folder: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        for entry in names.sorted() where entry.hasPrefix(".") {
            guard let dash = entry.lastIndex(of: "-"), let pid = Int32(entry[entry.index(after: dash)...]), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let stem = entry[entry.index(after: entry.startIndex)..<dash]
            let path = (folder as NSString).appendingPathComponent(entry)
            if stem.hasSuffix(".partial"), stem.count > ".partial".count {
                try? manager.removeItem(atPath: path)
            } else if stem.hasSuffix(".old"), stem.count > ".old".count {
                let original = (folder as NSString).appendingPathComponent(String(stem.dropLast(".old".count)))
                if Rename.withoutReplacing(path, original) != 0 { try? manager.removeItem(atPath: path) }
            }
        }
    }

    /// Claims `name` for one file of the bundle and gives its path in the temporary folder.
    private func path(claiming name: String) throws -> String {
        let path = try BundlePath.join(temporary, name)
        let fresh = written.withLock { $0.claimed.insert(name.lowercased()).inserted }
        guard fresh else {
            throw DossierError("cannot write the bundle to \(destination): two files named '\(BundlePath.escaped(name))' (or differing only in case)")
        }
        return path
    }

    /// Writes one file of the bundle and notes its digest for the manifest. Safe to call from several threads.
    /// - Throws: `DossierError` when the file cannot be written.
    public func add(_ name: String, _ data: Data) throws {
        try add(name, data, digest: sha256Hex(data))
    }

    /// Writes the files of a whole bundle (one copied into the DHF) in the folder `folder` of this one, with the
    /// digests computed when it was checked against its manifest: each file is hashed once.
    /// - Throws: `DossierError` when a file cannot be written.
    public func add(_ bundle: WholeBundle, inFolder folder: String) throws {
        for (file, data) in bundle.files.sorted(by: { $0.key < $1.key }) {
            try add("\(folder)/\(file)", data, digest: bundle.digests[file] ?? sha256Hex(data))
        }
    }

    /// Writes one file whose SHA-256 (lowercase hex) is `digest`.
    private func add(_ name: String, _ data: Data, digest: String) throws {
        try write(name) { file in try data.withUnsafeBytes { try file.append($0) } }
        written.withLock { $0.digests[name] = digest }
    }

    /// Writes one file of the bundle from the pieces `produce` hands over, hashing them on the way, so that the
    /// whole file is never in memory. Safe to call from several threads.
    /// - Throws: `DossierError` when the file cannot be written; whatever `produce` throws.
    public func add(_ name: String, producedBy produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var hash = SHA256()
        try write(name) { file in
            try produce { piece in
                hash.update(bufferPointer: piece)
                try file.append(piece)
            }
        }
        let digest = hash.finalize()
        written.withLock { $0.digests[name] = digest.hex }
    }

    /// Creates the file `name` of the bundle and writes what `produce` hands over, in pieces. The bundle's folder is
    /// renamed into place only when every file is written (`finish`), so no file is flushed on its own: Foundation's
    /// `Data.write` syncs each file to disk, which for a bundle of thousands of pictures cost more than drawing them.
    private func write(_ name: String, _ produce: (OpenFile) throws -> Void) throws {
        let path = try path(claiming: name)
        do {
            try makeFolders(for: name)
        } catch {
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DossierError("cannot write the bundle to \(destination): cannot create \(name): \(String(cString: strerror(errno)))")
        }
        var closed = false
        defer { if !closed { Glibc.close(descriptor) } }
        try produce(OpenFile(descriptor: descriptor, name: name, destination: destination))
        closed = true
        guard Glibc.close(descriptor) == 0 else {
            throw DossierError("cannot write the bundle to \(destination): \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// A file of the bundle being written.
    private struct OpenFile {
        let descriptor: Int32
        let name: String
        let destination: String

        /// Writes `piece` at the end of the file.
        func append(_ piece: UnsafeRawBufferPointer) throws {
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
    }

    /// Whether the manifest of the files written so far is `manifest` (another bundle's `MANIFEST.sha256`), byte for
    /// byte: this bundle is that one, its signature aside.
    public func hasManifest(_ manifest: Data) -> Bool {
        written.withLock { Data(ManifestListing.text(hexDigests: $0.digests).utf8) } == manifest
    }

    /// The manifest of the files written so far below `folder` (a sub-bundle: `v1.0.0/`), with names relative to it.
    private func manifest(ofFolder folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let inFolder = written.withLock { $0.digests.filter { $0.key.hasPrefix(prefix) } }
        return ManifestListing.text(hexDigests: Dictionary(uniqueKeysWithValues: inFolder.map { (String($0.key.dropFirst(prefix.count)), $0.value) }))
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
    /// bundle into place. An earlier bundle there is swapped with the new one in one step (`renameat2` with
    /// `RENAME_EXCHANGE`), then removed: a kill at any moment leaves either the old bundle or the new one in place.
    /// - Returns: the bundle's path.
    /// - Throws: `DossierError` when the folder cannot be written, or something that is not a bundle dossier wrote
    ///   is in the way; the earlier bundle is then left as it was.
    @discardableResult
    public func finish(signingKey: SSHSigningKey? = nil) throws -> String {
        let manifest = written.withLock { ManifestListing.text(hexDigests: $0.digests) }
        do {
            for (name, data) in try Self.manifestFiles(manifest, signingKey: signingKey) {
                try data.write(to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(name)))
            }
            try place(replacing: true)
        } catch let error as DossierError {
            discard()
            throw error
        } catch {
            discard()
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        return destination
    }

    /// Moves the temporary folder to the destination; with `replacing`, swaps it with a bundle there and removes
    /// the old one (which, between the two, is at the temporary folder's path).
    private func place(replacing: Bool) throws {
        let placed = Rename.withoutReplacing(temporary, destination)
        if placed == 0 { return }
        guard placed == EEXIST || placed == ENOTEMPTY, replacing else {
            throw DossierError("cannot write \(destination): \(Rename.describe(placed))")
        }
        try Self.checkReplaceable(destination)
        switch Rename.exchange(temporary, destination) {
        case 0:
            try? FileManager.default.removeItem(atPath: temporary)
        case EINVAL, ENOSYS:
            // A file system that cannot swap: two renames, the old bundle at `.NAME.old-PID` between them, put back
            // by the next writer in this folder should the process be killed there.
            let retired = (folder as NSString).appendingPathComponent(".\((destination as NSString).lastPathComponent).old-\(getpid())")
            guard rename(destination, retired) == 0 else { throw DossierError("cannot write \(destination): \(Rename.describe(errno))") }
            guard rename(temporary, destination) == 0 else {
                let code = errno
                _ = rename(retired, destination)
                throw DossierError("cannot write \(destination): \(Rename.describe(code))")
            }
            try? FileManager.default.removeItem(atPath: retired)
        case let code:
            throw DossierError("cannot write \(destination): \(Rename.describe(code))")
        }
    }

    /// Moves the folder into place as it is, without writing a manifest (the files hold their own), where nothing is.
    func moveIntoPlace() throws {
        try place(replacing: false)
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
        var status = stat()
        guard lstat(path, &status) != 0 else {
            throw DossierError("\(path) exists already: extract into a new folder")
        }
        if let (name, problem) = BundlePath.firstProblem(in: files.keys.sorted()) {
            throw DossierError("refused to extract '\(BundlePath.escaped(name))' into \(path): \(problem); nothing was written")
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
