import Foundation
import Support

/// Who is trusted to sign commits and tags: the SSH allowed signers (git's `gpg.ssh.allowedSignersFile`
/// format) and the OpenPGP public keys (every key in the folder is trusted). Read from the release's tree as
/// dossier.yml's `trust:` names them, or from files an auditor brings (`--allowed-signers`, `--openpgp-keys`).
public struct SignatureTrust: Sendable {
    /// The SSH allowed signers; nil when none are configured (a good SSH signature is then U).
    public var allowedSigners: AllowedSigners?
    /// The trusted OpenPGP keys; nil when none are configured (every OpenPGP signature is then E: key missing).
    public var openPGPKeys: OpenPGPKeyring?
    /// Where the allowed signers came from, as documents name it, e.g. `regulatory/allowed_signers at v2.0.0`.
    public var allowedSignersSource: String?
    /// Where the OpenPGP keys came from, e.g. `regulatory/keys at v2.0.0`.
    public var openPGPKeysSource: String?
    /// The keys trusted to sign update packages (a Mender Artifact's manifest); empty when none are configured.
    public var updateKeys = UpdateKeys()
    /// Where the update keys came from, e.g. `regulatory/update-keys at v2.0.0`.
    public var updateKeysSource: String?

    /// Creates a trust from parsed parts.
    public init(allowedSigners: AllowedSigners? = nil, openPGPKeys: OpenPGPKeyring? = nil) {
        self.allowedSigners = allowedSigners
        self.openPGPKeys = openPGPKeys
    }

    /// No trust configured.
    public static let none = SignatureTrust()

    /// Replaces the allowed signers with a file from disk, as `--allowed-signers FILE` asks.
    /// - Throws: `DossierError` when the file cannot be read or has a bad entry.
    public mutating func useAllowedSigners(file path: String) throws {
        allowedSigners = try AllowedSigners(file: path)
        allowedSignersSource = "\((path as NSString).lastPathComponent) (given with --allowed-signers)"
    }

    /// Replaces the OpenPGP keys with the armored files (`*.asc`, `*.gpg`, `*.pgp`, `*.key`) of a folder on disk,
    /// as `--openpgp-keys DIR` asks.
    /// - Throws: `DossierError` when the folder cannot be read or a key file is bad.
    public mutating func useOpenPGPKeys(folder path: String) throws {
        openPGPKeys = try OpenPGPKeyring(files: Self.keyFiles(folder: path, what: "OpenPGP", isKeyFile: Self.isKeyFile).map { ($0.path, $0.text) })
        openPGPKeysSource = "\((path as NSString).lastPathComponent) (given with --openpgp-keys)"
    }

    /// Replaces the update keys with the PEM public keys (`*.pem`, `*.pub`) of a folder on disk, as `--update-keys DIR`
    /// asks.
    /// - Throws: `DossierError` when the folder cannot be read or a key file is not a PEM RSA or P-256 public key.
    public mutating func useUpdateKeys(folder path: String) throws {
        // A key is named by its file's name: the folder is the auditor's, not the release's.
        updateKeys = try UpdateKeys(files: Self.keyFiles(folder: path, what: "update", isKeyFile: UpdateKeys.isKeyFile).map { ($0.name, $0.text) })
        updateKeysSource = "\((path as NSString).lastPathComponent) (given with --update-keys)"
    }

    /// The key files (by `isKeyFile`) of a folder on disk, in name order, each with its name, path and text.
    /// - Throws: `DossierError` when the folder or a file cannot be read.
    private static func keyFiles(folder path: String, what: String, isKeyFile: (String) -> Bool) throws -> [(name: String, path: String, text: String)] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw DossierError("cannot read the \(what) keys folder \(path)")
        }
        return try names.filter(isKeyFile).map { name in
            let file = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { throw DossierError("cannot read the \(what) key file \(file)") }
            return (name, file, String(decoding: data, as: UTF8.self))
        }
    }

    /// Whether a file in a keys folder holds a key: armored or binary OpenPGP files by their usual endings.
    package static func isKeyFile(_ name: String) -> Bool {
        [".asc", ".gpg", ".pgp", ".key"].contains { name.lowercased().hasSuffix($0) }
    }
}

extension AllowedSigners {
    /// Reads an allowed signers file from disk.
    /// - Throws: `DossierError` when the file cannot be read or has a bad entry.
    public init(file path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DossierError("cannot read the allowed signers file \(path)")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }
}
