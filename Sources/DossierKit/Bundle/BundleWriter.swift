import Crypto
import Foundation

/// Writes a bundle folder whole or not at all: files go to a temporary folder beside the destination,
/// `MANIFEST.sha256` is added, and the folder is renamed into place.
public enum BundleWriter {
    /// The manifest's file name.
    public static let manifestName = "MANIFEST.sha256"
    /// The manifest's signature's file name (SSHSIG, namespace "dossier").
    public static let signatureName = "MANIFEST.sha256.sig"
    /// The SSHSIG namespace bundle signatures are made in, so that no commit or file signature can pass for one.
    public static let signatureNamespace = "dossier"

    /// The manifest text for `files`: one `sha256  name` line per file, by name, as `sha256sum` prints it.
    public static func manifest(_ files: [String: Data]) -> String {
        files.keys.sorted().map { name in
            let digest = SHA256.hash(data: files[name]!).map { String(format: "%02x", $0) }.joined()
            return "\(digest)  \(name)\n"
        }.joined()
    }

    /// Writes `files` and their manifest to `folder/name`, replacing any earlier bundle there; with a
    /// `signingKey`, also the manifest's SSH signature, `MANIFEST.sha256.sig`.
    /// - Returns: the bundle's path.
    /// - Throws: `DossierError` when the folder cannot be written; nothing is left half-written.
    @discardableResult
    public static func write(_ files: [String: Data], to folder: String, name: String, signingKey: SSHSigningKey? = nil) throws -> String {
        let manager = FileManager.default
        let destination = (folder as NSString).appendingPathComponent(name)
        let temporary = (folder as NSString).appendingPathComponent(".\(name).partial-\(getpid())")
        let retired = (folder as NSString).appendingPathComponent(".\(name).old-\(getpid())")
        var all = files
        let manifest = manifest(files)
        all[manifestName] = Data(manifest.utf8)
        if let signingKey {
            all[signatureName] = Data(try signingKey.sign(Array(manifest.utf8), namespace: signatureNamespace).utf8)
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: temporary)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            for (file, data) in all {
                try data.write(to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(file)))
            }
            if manager.fileExists(atPath: destination) {
                try manager.moveItem(atPath: destination, toPath: retired)
            }
            try manager.moveItem(atPath: temporary, toPath: destination)
            try? manager.removeItem(atPath: retired)
        } catch {
            try? manager.removeItem(atPath: temporary)
            if !manager.fileExists(atPath: destination), manager.fileExists(atPath: retired) {
                try? manager.moveItem(atPath: retired, toPath: destination)
            }
            throw DossierError("cannot write the bundle to \(destination): \(error.localizedDescription)")
        }
        return destination
    }
}
