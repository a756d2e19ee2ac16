import Crypto
import Foundation
import Git
import Signatures
import Support

/// What `dossier verify` found in a bundle: every file against `MANIFEST.sha256`, and the manifest's signature.
public struct BundleCheck: Sendable {
    /// One file's state.
    public enum FileState: String, Sendable {
        /// Present with the digest the manifest names.
        case ok
        /// Present with another digest.
        case altered
        /// Named by the manifest, not present.
        case missing
        /// Present, not named by the manifest.
        case extra
        /// A symbolic link: never followed, never part of a bundle.
        case symlink
        /// A FIFO, socket or device: never read, never part of a bundle.
        case special
        /// A folder with nothing in it: no bundle holds one.
        case emptyFolder = "empty folder"
    }

    /// The bundle folder.
    public var folder: String
    /// Every file named by the manifest or present in the folder (and every entry that is not a regular file), by
    /// path, with its state.
    public var files: [(path: String, state: FileState)]
    /// Manifest lines that do not read as `sha256  name`, name a path outside the bundle or repeat a name, as
    /// `line N: text`.
    public var malformedLines: [String]
    /// The verdict on `MANIFEST.sha256.sig`; nil when the bundle is not signed.
    public var signature: Verdict?
    /// Whether allowed signers were given, so that an untrusted signer counts against the bundle.
    public var trustGiven: Bool
    /// The SHA-256 of the bytes of `MANIFEST.sha256` read (what an approval of the bundle names); nil when the
    /// manifest is not a regular file.
    public var manifestSHA256: String? = nil
    /// The release and commit the bundle's suf.json names, when it is a regular file listed and intact that names them.
    public var stated: StatedRelease? = nil

    /// Whether anything is off: a file altered, missing or extra, a malformed manifest, or a signature that is
    /// not good (with trust given: not G, or absent).
    public var isIntact: Bool {
        guard files.allSatisfy({ $0.state == .ok }), malformedLines.isEmpty else { return false }
        if trustGiven { return signature?.letter == .good }
        if let signature { return signature.letter == .good || signature.letter == .untrusted }
        return true
    }
}

/// Checks a bundle folder the way an auditor would with `sha256sum -c` and `ssh-keygen -Y verify`.
public enum BundleVerifier {
    /// Checks `folder` without following a symbolic link inside it: every entry that is not a regular file listed
    /// once in the manifest makes the bundle not intact, so that no verdict here is one `sha256sum -c` contradicts.
    /// `allowedSigners` (git's allowed signers format) decides who may sign bundles; without it a good signature is
    /// reported U and not counted against the bundle.
    /// - Throws: `DossierError` when the folder or its manifest cannot be read, or the allowed signers are bad.
    public static func check(folder: String, allowedSignersFile: String? = nil, now: Int64) throws -> BundleCheck {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DossierError("no bundle folder at \(folder)")
        }
        let inventory = try BundleInventory(folder: folder)
        guard let manifestKind = inventory[BundleWriter.manifestName] else {
            throw DossierError("\(folder) holds no \(BundleWriter.manifestName): it is not a dossier bundle")
        }
        let allowedSigners = try allowedSignersFile.map(AllowedSigners.init(file:))
        // A manifest that is not a regular file is not read: it then lists nothing, and every file is extra.
        let manifestData = manifestKind == .file ? BundleInventory.readFile(folder + "/" + BundleWriter.manifestName) : Data()
        guard let manifestData else { throw DossierError("cannot read \(folder)/\(BundleWriter.manifestName)") }
        let listing = ManifestListing(manifestData)

        // Names are keys by their bytes: a file whose name is a listed one in another Unicode normalization is
        // another file, extra, as it is for `sha256sum -c`.
        let unlistedOwn: Set<RawName> = [RawName(BundleWriter.manifestName), RawName(BundleWriter.signatureName)]
        var files: [(String, BundleCheck.FileState)] = []
        for name in Set(listing.digests.keys).union(inventory.entries.keys).sorted() {
            let path = name.string
            switch inventory.entries[name] {
            case .symlink?: files.append((path, .symlink)); continue
            case .special?: files.append((path, .special)); continue
            case .emptyFolder?: files.append((path, .emptyFolder)); continue
            case .file?, nil: break
            }
            // The manifest and its signature are not listed; should the manifest list them, they are checked as
            // `sha256sum -c` checks them.
            guard let digest = listing.digests[name] else {
                if !unlistedOwn.contains(name) { files.append((path, .extra)) }
                continue
            }
            // A listed name is UTF-8 (the manifest is read so), so `path` spells exactly its bytes.
            guard inventory.entries[name] == .file, let data = BundleInventory.readFile(folder + "/" + path) else {
                files.append((path, .missing)); continue
            }
            let actual = sha256Hex(data)
            files.append((path, actual == digest ? .ok : .altered))
        }

        var signature: Verdict?
        if inventory[BundleWriter.signatureName] == .file,
           let data = BundleInventory.readFile(folder + "/" + BundleWriter.signatureName) {
            signature = SSHVerifier.verify(armored: String(decoding: data, as: UTF8.self), payload: Array(manifestData), time: now,
                                           allowedSigners: allowedSigners, namespace: BundleWriter.signatureNamespace)
        }
        return BundleCheck(folder: folder, files: files, malformedLines: listing.problems, signature: signature,
                           trustGiven: allowedSigners != nil, manifestSHA256: manifestKind == .file ? sha256Hex(manifestData) : nil,
                           stated: files.contains { $0.0 == "suf.json" && $0.1 == .ok }
                               ? BundleInventory.readFile(folder + "/suf.json").flatMap(StatedRelease.init(sufJSON:)) : nil)
    }
}
