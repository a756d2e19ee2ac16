import Foundation
import Git
import Mustache
import Support

/// What `dossier init` writes into a repository's work tree: a dossier.yml for the device, with the release tag
/// pattern found among the repository's tags, and one record file per kind, each with a commented example of
/// every field. Nothing is written over an existing file.
public enum RecordScaffold {
    /// One file to write, relative to the work tree.
    public struct File: Sendable, Hashable {
        /// The path, e.g. `regulatory/risks.yml`.
        public var path: String
        /// Its text.
        public var contents: String
    }

    /// The release tag pattern `init` chose, and why.
    public struct TagPattern: Sendable, Hashable {
        /// A glob over tag names, e.g. `v*`.
        public var pattern: String
        /// The tags it matches, oldest version first.
        public var matches: [String]
    }

    /// The record files, by path, with their built-in text.
    static let recordFiles: [(path: String, text: [UInt8])] = [
        ("regulatory/requirements.yml", PackageResources.requirements_yml),
        ("regulatory/risks.yml", PackageResources.risks_yml),
        ("regulatory/risk-management.yml", PackageResources.risk_management_yml),
        ("regulatory/threats.yml", PackageResources.threats_yml),
        ("regulatory/ifu.yml", PackageResources.ifu_yml),
        ("regulatory/items.yml", PackageResources.items_yml),
        ("regulatory/soup.yml", PackageResources.soup_yml),
        ("regulatory/change-requests.yml", PackageResources.change_requests_yml),
        ("regulatory/problem-reports.yml", PackageResources.problem_reports_yml),
    ]

    /// The release tag pattern for a repository's tags (the tags of commits): the prefix before the version (`v`,
    /// `release-`) that most tags holding a version (a digit) share, their matches in `order`; `v*` when no tag
    /// holds one.
    public static func tagPattern(for tags: [String], order: VersionOrder = VersionOrder()) -> TagPattern {
        var byPrefix: [String: [String]] = [:]
        for tag in tags {
            guard let digit = tag.firstIndex(where: { $0.isASCII && $0.isNumber }) else { continue }
            byPrefix[String(tag[..<digit]), default: []].append(tag)
        }
        // The most tags wins; on a tie, the shorter prefix, then the first in byte order: the same answer every time.
        guard let best = byPrefix.max(by: { a, b in
            (a.value.count, -a.key.count, b.key) < (b.value.count, -b.key.count, a.key)
        }) else { return TagPattern(pattern: "v*", matches: []) }
        return TagPattern(pattern: best.key + "*", matches: order.sorted(best.value))
    }

    /// The files for a device named `deviceName` whose releases are tagged as `tags` describes.
    public static func files(deviceName: String, tags: TagPattern) throws -> [File] {
        let comment: String
        switch tags.matches.count {
        case 0: comment = "no release tag yet: tag releases v1.0.0, v1.1.0, … (annotated and signed)"
        case 1: comment = "matches the tag \(tags.matches[0]) found by dossier init"
        default: comment = "matches \(tags.matches.count) tags found by dossier init, \(tags.matches.first!) to \(tags.matches.last!)"
        }
        let template = try MustacheTemplate(string: String(decoding: PackageResources.dossier_yml_mustache, as: UTF8.self))
        // A name is written inside double quotes in YAML: its backslashes and quotes are escaped.
        let quoted = deviceName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let config = template.render(["deviceName": quoted, "tagPattern": tags.pattern, "tagComment": comment])
        return [File(path: "dossier.yml", contents: config)]
            + recordFiles.map { File(path: $0.path, contents: String(decoding: $0.text, as: UTF8.self)) }
    }

    /// Writes the files into `workTree`, creating folders; writes nothing when any of them exists.
    /// - Throws: `DossierError` naming every file that exists already, or one that cannot be written.
    public static func write(_ files: [File], into workTree: String) throws {
        let manager = FileManager.default
        let existing = files.map(\.path).filter { manager.fileExists(atPath: workTree + "/" + $0) }
        guard existing.isEmpty else {
            throw DossierError("\(existing.joined(separator: ", ")) already \(existing.count == 1 ? "exists" : "exist") in \(workTree); dossier init writes nothing over existing files (move them away, or edit them)")
        }
        for file in files {
            let url = URL(fileURLWithPath: workTree).appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw DossierError("cannot write \(file.path) in \(workTree): \(error.localizedDescription)")
            }
            try AtomicFile.write(Data(file.contents.utf8), to: url.path, replacing: false)
        }
    }
}
