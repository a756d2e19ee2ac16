import Crypto
import Foundation
import Git
import Support

/// Evidence kept with a release in the repository itself: test reports and an SBOM as git objects, in a commit at
/// `refs/dossier/evidence/<tag>` whose tree holds each file at its name and `SHA256SUMS` (`sha256sum -c` format)
/// naming each with its digest. Every command that builds the release reads it from there, so the release's
/// documents are the same on every clone that fetched the reference (`git fetch origin '+refs/dossier/*:refs/dossier/*'`).
public enum StoredEvidence {
    /// Where evidence references lie: `refs/dossier/evidence/<tag>`.
    public static let referencePrefix = "refs/dossier/evidence/"

    /// The reference that holds a release's evidence.
    public static func referenceName(_ tag: String) -> String { referencePrefix + tag }

    /// The digest list in the evidence's tree.
    public static let digestListName = "SHA256SUMS"

    /// Why a tag cannot have things kept with it under `refs/dossier/` (its bundle's reference `refs/dossier/<tag>`
    /// would lie in, or on, the evidence's folder of references), as the end of a sentence; nil when it can.
    public static func layoutProblem(tag: String) -> String? {
        let first = tag.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard first == "evidence" || first == "approvals" else { return nil }
        return "the tag '\(tag)': dossier keeps a release's bundle at refs/dossier/<tag>, its evidence below refs/dossier/evidence/ and its approvals below refs/dossier/approvals/, so a tag named '\(first)' or '\(first)/…' would collide with them; give the release a tag with another name"
    }

    /// The evidence's tree: files at their paths, and their digests.
    static func storedTree(_ tag: String) -> StoredTree {
        StoredTree(reference: referenceName(tag), subject: "the evidence stored with \(tag)", kind: "a release's evidence",
                   owner: "the evidence's", rule: "stored evidence holds files with plain names only, and dossier reads none of it",
                   foldersAllowed: true)
    }

    /// A release's stored evidence, read and checked against its digest list.
    public struct Stored: Sendable {
        /// The release tag.
        public var release: String
        /// `refs/dossier/evidence/<tag>`.
        public var reference: String
        /// The evidence commit read.
        public var commit: String
        /// The files, by name in byte order, each matching its SHA-256 in `SHA256SUMS` (which is not among them).
        public var files: [EvidenceInput]
        /// The names `SHA256SUMS` lists in binary mode (`HASH *NAME`): the update packages, their signatures and the
        /// build provenance, which `evidence add --artifact` and `--provenance` store so.
        public var binary: Set<String> = []

        /// Each file's name and SHA-256, in name order.
        public var digests: [(name: String, sha256: String)] { files.map { ($0.name, sha256Hex($0.data)) } }

        /// The files read with the evidence readers, each named by its stored name.
        /// - Throws: `DossierError` naming the reference and the file when a reader refuses it.
        public func evidence() throws -> TestEvidence {
            do {
                return try StoredEvidence.evidence(files, binary: binary, source: "the evidence stored with \(release)")
            } catch var error as DossierError {
                // The file is named as git names it: reference:path.
                if let location = error.location, files.contains(where: { $0.name == location.file }) {
                    error.location?.file = "\(reference):\(location.file)"
                }
                throw error
            }
        }
    }

    /// Stored files read as evidence: those listed in binary mode below `packages/` are update packages and their
    /// signatures, those listed so below `provenance/` build provenance (each shown by its name below the folder);
    /// every other one goes through the readers `--evidence` uses. (Earlier versions stored test reports at any path,
    /// `packages/app/junit.xml` too, always in text mode: they stay test reports.)
    /// - Throws: `DossierError` naming the stored file a reader refused, or a package with two signatures.
    static func evidence(_ files: [EvidenceInput], binary: Set<String>, source: String) throws -> TestEvidence {
        let folder = UpdatePackageFile.storedFolder, provenanceFolder = BuildProvenance.storedFolder
        func isPackage(_ file: EvidenceInput) -> Bool { binary.contains(file.name) && file.name.hasPrefix(folder) }
        func isProvenance(_ file: EvidenceInput) -> Bool { binary.contains(file.name) && file.name.hasPrefix(provenanceFolder) }
        var evidence = try TestEvidence.read(files.filter { !isPackage($0) && !isProvenance($0) }, source: source)
        // Provenance is read under its stored path (so that an error names it in the tree), shown by its name below the folder.
        evidence.provenance = try files.filter(isProvenance).flatMap { file in
            try BuildProvenance.read(file.data, file: file.name).map { statement in
                var shown = statement
                shown.file = String(file.name.dropFirst(provenanceFolder.count))
                return shown
            }
        }
        evidence.packages = try UpdatePackageFile.pair(files.filter(isPackage)).map { package in
            var shown = package
            shown.name = String(package.name.dropFirst(folder.count))
            shown.signature?.name = String(package.signature?.name.dropFirst(folder.count) ?? "")
            return shown
        }
        return evidence
    }

    /// The commit holding the release's stored evidence, or nil when none is stored.
    public static func commit(release: String, in repository: Repository) -> String? {
        storedTree(release).commit(in: repository)
    }

    /// When evidence was stored with `name` after its attached bundle was built (the bundle's `evidence` names another
    /// commit, or none), the commit stored now and a warning that says so; nil when the bundle is current. The DHF and
    /// the diff, which both take an attached bundle as it is, say this alike.
    package static func staleness(ofAttached evidence: EvidenceOrigin?, release name: String, bundle: String,
                          in repository: Repository) -> (commit: String, warning: String)? {
        guard let storedNow = commit(release: name, in: repository), storedNow != evidence?.commit else { return nil }
        let built = evidence.map { $0.kind == .none ? "no evidence" : "other evidence (\($0.brief))" }
            ?? "evidence it does not record (an older dossier made it)"
        return (storedNow, "warning: \(bundle) was built with \(built), but evidence stored since is at \(referenceName(name)) (commit \(storedNow.prefix(12))): the attached bundle is used as it is; attach one built with the stored evidence with dossier attach \(name) --force")
    }

    /// The release tag's stored evidence, each file checked against `SHA256SUMS`; nil when none is stored.
    /// - Throws: `DossierError` when the repository cannot be opened or `release` is not a tag, or as below.
    public static func read(release: String, repository path: String) throws -> Stored? {
        let repository = try Repository(path: path)
        guard try repository.tagList().isCommitTag(release) else {
            throw DossierError("'\(release)' is not a tag: evidence is stored with a release tag")
        }
        return try read(release: release, in: repository)
    }

    /// The release's stored evidence, each file checked against `SHA256SUMS`; nil when none is stored.
    /// - Throws: `DossierError` naming the reference and the file when the tree is refused (names, sizes, as for an
    ///   attached bundle), lacks a digest list, or holds a file whose bytes do not match it.
    public static func read(release: String, in repository: Repository) throws -> Stored? {
        let tree = storedTree(release)
        guard let commit = tree.commit(in: repository) else { return nil }
        let at = "the evidence stored with \(release) (\(tree.reference), commit \(commit.prefix(12)))"
        let blobs = try tree.withFiles(commit: commit, in: repository) { files in
            try files.map { EvidenceInput(name: $0.path, data: try StoredTree.data($0, in: repository)) }
        }
        guard let list = blobs.first(where: { $0.name == digestListName }) else {
            throw DossierError("\(at) has no \(digestListName): dossier cannot tell its files are the ones stored, and uses none of them")
        }
        // Read as `verify` reads a bundle's manifest, and as `sha256sum -c` would: a line it would not accept, a name
        // outside the tree or a name listed twice, and none of the files is used.
        let listing = ManifestListing(list.data)
        if let fault = listing.faults.first {
            throw DossierError("expected one line 'SHA-256  NAME' per stored file, which this is not: \(fault.text); dossier uses none of the files",
                               at: SourceLocation(file: "\(tree.reference):\(digestListName)", line: fault.line, column: 1))
        }
        let listed = Dictionary(uniqueKeysWithValues: listing.digests.map { ($0.key.string, $0.value) })
        var files: [EvidenceInput] = []
        for file in blobs where file.name != digestListName {
            let digest = sha256Hex(file.data)
            guard let expected = listed[file.name] else {
                throw DossierError("\(at) holds \(BundlePath.escaped(file.name)), which \(digestListName) does not list: it was added after the evidence was stored; dossier uses none of it")
            }
            guard expected == digest else {
                throw DossierError("\(at) holds \(BundlePath.escaped(file.name)) whose SHA-256 is \(digest), but \(digestListName) lists \(expected): it was changed after it was stored; dossier uses none of it")
            }
            files.append(file)
        }
        if let missing = listed.keys.filter({ name in !files.contains { $0.name == name } }).sorted().first {
            throw DossierError("\(at) lacks \(BundlePath.escaped(missing)), which \(digestListName) lists; dossier uses none of it")
        }
        return Stored(release: release, reference: tree.reference, commit: commit,
                      files: files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) },
                      binary: Set(listing.binary.map(\.string)))
    }

}
