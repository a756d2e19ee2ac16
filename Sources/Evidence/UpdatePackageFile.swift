import Foundation
import Git
import Support

/// An update package as it was delivered — a firmware image, a `.deb`, a `.swu`, a Mender Artifact, any file —
/// given with `--artifact` or stored with the release under `packages/`, with the detached signature that lay
/// beside it (`FILE.sig`: SSH or OpenPGP; `FILE.asc`: OpenPGP, armored), which the release's trust judges.
public struct UpdatePackageFile: Sendable, Hashable {
    /// The name documents show: the path as given on the command line, or the name stored below `packages/`.
    public var name: String
    /// The package's bytes.
    public var data: Data
    /// The detached signature beside it (named as the package is), if there is one.
    public var signature: EvidenceInput?
    /// The package opened as a Mender Artifact, when its name ends in `.mender`.
    public var mender: MenderArtifact?

    /// Creates a package.
    public init(name: String, data: Data, signature: EvidenceInput?, mender: MenderArtifact? = nil) {
        self.name = name
        self.data = data
        self.signature = signature
        self.mender = mender
    }

    /// The folder of stored evidence that holds update packages and their signatures.
    public static let storedFolder = "packages/"
    /// The suffixes of a detached signature beside its package, in the order they are looked for.
    public static let signatureSuffixes = [".sig", ".asc"]
    /// The largest detached signature read (a signature is a few hundred bytes to a few kilobytes).
    public static let maximumSignatureSize: UInt64 = 64 << 10
    /// The largest package read: what dossier can store with a release (`StoredTree.maximumFileSize`, 256 MiB).
    public static let maximumSize = StoredTree.maximumFileSize

    /// Pairs each package with its signature among `files`: a file named `P.sig` or `P.asc` where `P` is among them
    /// too is `P`'s signature, not a package. Names in byte order.
    /// - Throws: `DossierError` for a package with both a `.sig` and an `.asc`, a signature over the size bound, or a
    ///   `.mender` file that is not a Mender Artifact.
    static func pair(_ files: [EvidenceInput]) throws -> [UpdatePackageFile] {
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let signatures = Set(files.map(\.name).filter { name in
            signatureSuffixes.contains { name.hasSuffix($0) && byName[String(name.dropLast($0.count))] != nil }
        })
        var packages: [UpdatePackageFile] = []
        for file in files where !signatures.contains(file.name) {
            let beside = signatureSuffixes.compactMap { suffix in byName[file.name + suffix] }
            if beside.count > 1 {
                throw DossierError("expected at most one detached signature beside the update package, found \(beside.map { BundlePath.escaped($0.name) }.joined(separator: " and ")): remove the one that is not the release's",
                                   at: SourceLocation(file: file.name))
            }
            if let signature = beside.first, UInt64(signature.data.count) > maximumSignatureSize {
                throw DossierError("expected a detached signature of at most \(maximumSignatureSize) bytes, found \(signature.data.count) bytes",
                                   at: SourceLocation(file: signature.name))
            }
            let mender = file.name.hasSuffix(".mender") ? try MenderArtifact.read(file.data, file: file.name) : nil
            packages.append(UpdatePackageFile(name: file.name, data: file.data, signature: beside.first, mender: mender))
        }
        return packages.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The packages `--artifact` names (paths or globs relative to `directory`, expanded as `--evidence` expands
    /// them), each with the `.sig` or `.asc` that lies beside it on disk or is named with it. A package is at most
    /// 256 MiB, what can be stored with a release.
    /// - Throws: `DossierError` for a pattern that matches nothing, a file that cannot be read or is too large, or
    ///   a package with two signatures.
    public static func load(globs: [String], relativeTo directory: String) throws -> [UpdatePackageFile] {
        let gathered = try TestEvidence.gather(globs: globs, relativeTo: directory, option: "--artifact",
                                               expected: "a readable update package", maximumSize: maximumSize)
        var files = gathered.map { EvidenceInput(name: $0.path, data: $0.data) }
        let named = Set(files.map(\.name))
        for file in gathered {
            for suffix in signatureSuffixes where !named.contains(file.path + suffix) {
                // The path beside the package, read as it is (never as a pattern: `fw[1].bin.sig` names one file).
                let disk = (file.diskPath.hasPrefix("/") ? "" : directory + "/") + file.diskPath + suffix
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: disk, isDirectory: &isFolder)
                    || (try? FileManager.default.destinationOfSymbolicLink(atPath: disk)) != nil
                guard exists, !isFolder.boolValue else { continue }
                files.append(EvidenceInput(name: file.path + suffix, data: try TestEvidence.readRegularFile(
                    disk, shownAs: file.path + suffix, expected: "a detached signature", maximumSize: maximumSignatureSize, below: directory)))
            }
        }
        return try pair(files)
    }
}
