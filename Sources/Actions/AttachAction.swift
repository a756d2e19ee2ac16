import Assembly
import Bundle
import Checks
import Foundation
import Support

/// `dossier attach RELEASE`: stores a release's SUF bundle in the repository, at refs/dossier/<tag> with a note on
/// the tagged commit; the bundle is built now (as `dossier suf` builds it) unless an existing folder is given.
public struct AttachAction: Sendable {
    /// The release tag.
    public var tag: String
    /// The repository, and the options the bundle is built with (its `release` is the tag).
    public var request: ReleaseRequest
    /// An existing bundle folder to attach instead of building one.
    public var bundleFolder: String?
    /// Replace a different bundle attached before.
    public var force: Bool
    /// An unencrypted OpenSSH private key that signs the built bundle's manifest.
    public var signingKeyFile: String?
    /// Told each problem that does not stop the bundle, as soon as the bundle is built (before it is attached).
    public var warn: @Sendable (String) -> Void

    /// Creates the action.
    public init(tag: String, request: ReleaseRequest, bundleFolder: String? = nil, force: Bool = false, signingKeyFile: String? = nil,
                warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.tag = tag
        self.request = request
        self.bundleFolder = bundleFolder
        self.force = force
        self.signingKeyFile = signingKeyFile
        self.warn = warn
    }

    /// What was attached.
    public struct Result: Sendable {
        /// The tag the bundle is attached to.
        public var release: String
        /// The ref, the commit and the note written (or found unchanged).
        public var attachment: AttachedBundle.Attachment
        /// The built bundle's findings counted by level; nil when an existing folder was attached.
        public var findings: FindingSummary?
    }

    /// Builds the bundle in a private temporary folder (unless one is given) and attaches it.
    /// - Throws: `DossierError` for bad input, a release that is not a tag, or a different bundle attached before
    ///   without `force`.
    public func perform() async throws -> Result {
        var scratch: String?
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        let folder: String, findings: FindingSummary?
        if let bundleFolder {
            (folder, findings) = (bundleFolder, nil)
        } else {
            let temporary = try Self.temporaryFolder()
            scratch = temporary
            var request = request
            request.release = tag
            let built = try await SUFAction(release: request, outFolder: temporary, signingKeyFile: signingKeyFile).perform()
            for warning in built.warnings { warn(warning) }
            (folder, findings) = (built.path, built.findings)
        }
        let attachment = try AttachedBundle.attach(folder: folder, tag: tag, repository: request.repository, force: force)
        return Result(release: tag, attachment: attachment, findings: findings)
    }

    /// A new folder only this process can have made (mkdtemp), not a name another user could set a link at.
    /// - Throws: `DossierError` when none can be made.
    private static func temporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "dossier-attach-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            throw DossierError("cannot make a temporary folder in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
