import Bundle
import Foundation
import Support

/// `dossier verify BUNDLE`: checks every file of a bundle against its manifest, and the manifest's signature.
public struct VerifyAction: Sendable {
    /// The bundle folder.
    public var bundle: String
    /// Who may sign bundles (git's allowed signers format); nil: any valid signature is reported as untrusted.
    public var allowedSignersFile: String?
    /// When key expiry is judged (unix seconds).
    public var verificationTime: Int64

    /// Creates the action.
    public init(bundle: String, allowedSignersFile: String? = nil, verificationTime: Int64) {
        self.bundle = bundle
        self.allowedSignersFile = allowedSignersFile
        self.verificationTime = verificationTime
    }

    /// Checks the bundle.
    /// - Throws: `DossierError` when the bundle or the allowed signers file cannot be read.
    public func perform() throws -> BundleCheck {
        try BundleVerifier.check(folder: bundle, allowedSignersFile: allowedSignersFile, now: verificationTime)
    }
}
