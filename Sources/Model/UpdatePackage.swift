import Evidence
import Signatures

/// An update package of the release, as the SUF records it: what was delivered, how to recognise it again, and the
/// verdict on the detached signature beside it (IEC 62304 5.8.8; the FDA's update-integrity expectations).
public struct UpdatePackage: Sendable, Codable, Hashable {
    /// The package's name: the path given with `--artifact`, or its name stored with the release below `packages/`.
    public var name: String
    /// Its size in bytes.
    public var size: Int
    /// The SHA-256 of its bytes, lower-case hex (`sha256sum` checks it).
    public var sha256: String
    /// The detached signature's file name (`NAME.sig`, `NAME.asc`); nil when none lay beside the package.
    public var signatureFile: String?
    /// The verdict on that signature with git's letters, judged with the release's trust (N when there is none).
    public var signature: Verdict

    /// Creates a package record.
    public init(name: String, size: Int, sha256: String, signatureFile: String?, signature: Verdict) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.signatureFile = signatureFile
        self.signature = signature
    }
}
