import Foundation
import Signatures
import Support

extension SignatureTrust {
    /// Reads the trust that `config` names from `source` (a release's tree). A path that is named but absent
    /// is an error: a release that claims trust must carry it.
    /// - Throws: `DossierError` naming the file, line and column of a bad entry.
    public static func load(config: Config, from source: RecordSource) throws -> SignatureTrust {
        var trust = SignatureTrust()
        if let path = config.allowedSigners {
            guard let data = try source.readFile(path) else {
                throw DossierError("\(config.source ?? "dossier.yml") names trust.allowed_signers '\(path)', but there is no such file in the tree of \(source.label)")
            }
            trust.allowedSigners = try AllowedSigners(text: String(decoding: data, as: UTF8.self), file: path)
            trust.allowedSignersSource = "\(path) at \(source.label)"
        }
        if let path = config.openpgpKeys {
            trust.openPGPKeys = try OpenPGPKeyring(files: keyFiles(path, key: "openpgp_keys", isKeyFile: Self.isKeyFile, config: config, source: source))
            trust.openPGPKeysSource = "\(path) at \(source.label)"
        }
        if let path = config.updateKeys {
            trust.updateKeys = try UpdateKeys(files: keyFiles(path, key: "update_keys", isKeyFile: UpdateKeys.isKeyFile, config: config, source: source))
            trust.updateKeysSource = "\(path) at \(source.label)"
        }
        return trust
    }

    /// The key files (by `isKeyFile`) of the folder `path` that dossier.yml's `trust.<key>` names in `source`, each
    /// with its path and text.
    /// - Throws: `DossierError` when the folder is not there.
    private static func keyFiles(_ path: String, key: String, isKeyFile: (String) -> Bool, config: Config,
                                 source: RecordSource) throws -> [(name: String, text: String)] {
        guard try source.entryKind(path) == .folder else {
            throw DossierError("\(config.source ?? "dossier.yml") names trust.\(key) '\(path)', but there is no such folder in the tree of \(source.label)")
        }
        return try source.fileNames(inFolder: path).filter(isKeyFile).map { name in
            let file = path + "/" + name
            return (file, String(decoding: try source.readFile(file) ?? Data(), as: UTF8.self))
        }
    }

    /// The trust `config` names at `source`, with the files an auditor brings on the command line instead.
    /// - Throws: `DossierError` for a missing or bad trust file.
    public static func load(config: Config, from source: RecordSource, allowedSignersFile: String?,
                            openPGPKeysFolder: String?, updateKeysFolder: String? = nil) throws -> SignatureTrust {
        var trust = try load(config: config, from: source)
        if let file = allowedSignersFile { try trust.useAllowedSigners(file: file) }
        if let folder = openPGPKeysFolder { try trust.useOpenPGPKeys(folder: folder) }
        if let folder = updateKeysFolder { try trust.useUpdateKeys(folder: folder) }
        return trust
    }
}
