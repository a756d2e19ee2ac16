import Crypto
import Foundation

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
    }

    /// The bundle folder.
    public var folder: String
    /// Every file named by the manifest or present in the folder, by path, with its state.
    public var files: [(path: String, state: FileState)]
    /// Manifest lines that do not read as `sha256  name`, as `line N: text`.
    public var malformedLines: [String]
    /// The verdict on `MANIFEST.sha256.sig`; nil when the bundle is not signed.
    public var signature: Verdict?
    /// Whether allowed signers were given, so that an untrusted signer counts against the bundle.
    public var trustGiven: Bool

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
    /// Checks `folder`. `allowedSigners` (git's allowed signers format) decides who may sign bundles; without it a
    /// good signature is reported U and not counted against the bundle.
    /// - Throws: `DossierError` when the folder or its manifest cannot be read, or the allowed signers are bad.
    public static func check(folder: String, allowedSignersFile: String? = nil, now: Int64) throws -> BundleCheck {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw DossierError("no bundle folder at \(folder)")
        }
        let manifestPath = (folder as NSString).appendingPathComponent(BundleWriter.manifestName)
        guard let manifestData = manager.contents(atPath: manifestPath) else {
            throw DossierError("\(folder) holds no \(BundleWriter.manifestName): it is not a dossier bundle")
        }
        let allowedSigners = try allowedSignersFile.map(AllowedSigners.init(file:))

        var expected: [String: String] = [:], malformed: [String] = []
        let lines = String(decoding: manifestData, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !(line.isEmpty && index == lines.count - 1) {
            // sha256sum's format: 64 hex digits, a space, a space (text) or `*` (binary), the name.
            let chars = Array(line.utf8)
            guard chars.count > 66, chars[..<64].allSatisfy({ isHex($0) }), chars[64] == UInt8(ascii: " "),
                  chars[65] == UInt8(ascii: " ") || chars[65] == UInt8(ascii: "*") else {
                malformed.append("line \(index + 1): \(line.prefix(80))")
                continue
            }
            expected[String(decoding: chars[66...], as: UTF8.self)] = String(decoding: chars[..<64], as: UTF8.self).lowercased()
        }

        let present = Set(try filesBelow(folder)).subtracting([BundleWriter.manifestName, BundleWriter.signatureName])
        var files: [(String, BundleCheck.FileState)] = []
        for path in Set(expected.keys).union(present).sorted() {
            guard let digest = expected[path] else { files.append((path, .extra)); continue }
            guard present.contains(path), let data = manager.contents(atPath: (folder as NSString).appendingPathComponent(path)) else {
                files.append((path, .missing)); continue
            }
            let actual = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            files.append((path, actual == digest ? .ok : .altered))
        }

        var signature: Verdict?
        let signaturePath = (folder as NSString).appendingPathComponent(BundleWriter.signatureName)
        if let data = manager.contents(atPath: signaturePath) {
            signature = SSHVerifier.verify(armored: String(decoding: data, as: UTF8.self), payload: Array(manifestData), time: now,
                                           allowedSigners: allowedSigners, namespace: BundleWriter.signatureNamespace)
        }
        return BundleCheck(folder: folder, files: files, malformedLines: malformed, signature: signature,
                           trustGiven: allowedSigners != nil)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// Paths of the regular files below `folder`, relative to it, with `/` between folders.
    private static func filesBelow(_ folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw DossierError("cannot read the bundle folder \(folder)")
        }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(path) }
        }
        return paths
    }
}
