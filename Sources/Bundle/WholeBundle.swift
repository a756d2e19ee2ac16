import Foundation
import Support

/// A bundle's files that hold the manifest dossier writes for them: every file but the manifest and its signature
/// listed with its SHA-256, and nothing else. Made only by checking, so the digests it keeps are the files' own.
public struct WholeBundle: Sendable {
    /// The files, by name.
    public let files: [String: Data]
    /// Each file's SHA-256 (lowercase hex) as the check computed it, the manifest and its signature left out.
    let digests: [String: String]

    /// The files if they match their manifest; nil when there is none, or it lists other files or digests.
    public init?(_ files: [String: Data]) {
        guard let manifest = files[BundleWriter.manifestName] else { return nil }
        let digests = files.filter { $0.key != BundleWriter.manifestName && $0.key != BundleWriter.signatureName }.mapValues(sha256Hex)
        guard manifest == Data(ManifestListing.text(hexDigests: digests).utf8) else { return nil }
        self.files = files
        self.digests = digests
    }
}
