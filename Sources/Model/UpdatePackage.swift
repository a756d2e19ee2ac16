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
    /// The verdict on that signature with git's letters, judged with the release's trust (N when there is none). For
    /// a Mender Artifact with no signature beside it, the verdict on its own `manifest.sig`; for a signed one whose
    /// contents do not match its manifest, B (the signed content was changed); for one whose payload could not be
    /// opened, E at best.
    public var signature: Verdict
    /// What a Mender Artifact says of itself, checked; nil for any other package.
    public var mender: MenderDetails?

    /// A Mender Artifact's header, the check of its manifest's checksums, and the verdict on its `manifest.sig`.
    public struct MenderDetails: Sendable, Codable, Hashable {
        /// `artifact_name`.
        public var name: String
        /// The device types it may be installed on.
        public var deviceTypes: [String]
        /// What it provides and depends on, as `key: value`.
        public var provides, depends: [String]
        /// Its payloads' types.
        public var payloadTypes: [String]
        /// How many of the manifest's checksums match.
        public var checksumsMatching: Int
        /// What does not match its manifest; empty when everything does.
        public var problems: [String]
        /// Payloads whose files were not checked (not gzip); empty when every payload was opened.
        public var unchecked: [String]
        /// The verdict on `manifest.sig` with the trusted update keys (N when unsigned).
        public var manifestSignature: Verdict

        /// Creates the details.
        public init(name: String, deviceTypes: [String], provides: [String], depends: [String], payloadTypes: [String],
                    checksumsMatching: Int, problems: [String], unchecked: [String], manifestSignature: Verdict) {
            self.name = name
            self.deviceTypes = deviceTypes
            self.provides = provides
            self.depends = depends
            self.payloadTypes = payloadTypes
            self.checksumsMatching = checksumsMatching
            self.problems = problems
            self.unchecked = unchecked
            self.manifestSignature = manifestSignature
        }
    }

    /// Creates a package record.
    public init(name: String, size: Int, sha256: String, signatureFile: String?, signature: Verdict, mender: MenderDetails? = nil) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.signatureFile = signatureFile
        self.signature = signature
        self.mender = mender
    }
}
