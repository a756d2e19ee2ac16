import Assembly
import Bundle
import Evidence
import Foundation
import Git
import Model
import Support

extension ReleaseReader {
    /// Reads or builds the release named by `name`.
    /// - Parameters:
    ///   - name: a path to a suf.json, a path to a bundle folder, or a release (tag or revision) of `repository`.
    ///   - request: the repository and options used when the release has to be built.
    /// - Throws: `DossierError` for a folder that is not a bundle, a file that is not a suf.json, a suf.json of a
    ///   newer format, or an unknown release.
    public static func release(named name: String, request: ReleaseRequest) async throws -> AssessedRelease {
        var warnings: [String] = []
        return try await release(named: name, request: request, warnings: &warnings)
    }

    /// The release as `release(named:request:)` reads it; `warnings` gets a line when an attached bundle predates
    /// the evidence stored with its release since (the bundle is still used as it is, as the DHF does), and the
    /// notes on skipped tags (each once) when the release is built.
    public static func release(named name: String, request: ReleaseRequest, warnings: inout [String]) async throws -> AssessedRelease {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: name, isDirectory: &isFolder) {
            if isFolder.boolValue {
                let file = (name as NSString).appendingPathComponent("suf.json")
                guard manager.fileExists(atPath: file) else {
                    throw DossierError("\(name) is not a dossier bundle: it holds no suf.json (a bundle is a folder that dossier suf wrote, e.g. dist/dossier/v2.0.0)")
                }
                return try read(file: file)
            }
            return try read(file: name)
        }
        if let attached = try AttachedBundle.read(release: name, repository: request.repository, file: "suf.json") {
            let release = try decode(attached, file: "\(name):suf.json (attached)")
            if let staleness = StoredEvidence.staleness(ofAttached: release.release.identification.evidence, release: name,
                                                        bundle: "the bundle attached to \(name) (\(DossierReference.bundle(name)))",
                                                        in: try Repository(path: request.repository)) {
                warnings.append(staleness.warning)
            }
            return release
        }
        var request = request
        request.release = name
        request.since = nil
        let assembled = try await ReleaseAssembler.assemble(request)
        let new = assembled.notes.filter { !warnings.contains($0) }
        warnings += new
        return assembled.assessed
    }
}
