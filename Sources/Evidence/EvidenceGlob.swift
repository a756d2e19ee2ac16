import Foundation
import Support

/// Expands one `--evidence` pattern against the file system, as bash does with `globstar` on: `*`, `?` and `[…]`
/// within one name (`Wildcard`), `**` as a whole segment for any number of folders (none included), names starting
/// with `.` matched only by a segment that starts with `.`, and `**` never entering hidden or symbolically linked
/// folders. Only files are matched, not folders.
enum EvidenceGlob {
    /// One file a pattern names.
    struct Match: Sendable, Hashable {
        /// The path as the user would write it: the pattern's own text for its literal folders, then the names found.
        var path: String
        /// Where it is on disk (`path` resolved against the directory the patterns are relative to).
        var diskPath: String
    }

    /// Whether a pattern holds a wildcard; a pattern without one is a plain path.
    static func hasWildcard(_ pattern: String) -> Bool { Wildcard.isPattern(pattern) }

    /// The files `pattern` names, relative to `directory` unless it is absolute, sorted by path (byte order).
    static func expand(_ pattern: String, in directory: String) -> [Match] {
        let absolute = pattern.hasPrefix("/")
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        var found = Set<Match>()
        walk(segments[...], path: absolute ? "/" : "", disk: absolute ? "/" : directory, into: &found)
        return found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private static func walk(_ segments: ArraySlice<Substring>, path: String, disk: String, into found: inout Set<Match>) {
        let fileManager = FileManager.default
        guard let segment = segments.first else {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: disk, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.insert(Match(path: path, diskPath: disk))
            }
            return
        }
        let rest = segments.dropFirst()
        if segment == "**" {
            walk(rest, path: path, disk: disk, into: &found)
            for name in children(of: disk) where !name.hasPrefix(".") {
                let child = join(disk, name)
                guard isRealDirectory(child) else { continue }
                walk(segments, path: join(path, name), disk: child, into: &found)
            }
        } else if hasWildcard(String(segment)) {
            let pattern = String(segment)
            for name in children(of: disk) where !name.hasPrefix(".") || segment.hasPrefix(".") {
                if Wildcard.matches(pattern, name) {
                    walk(rest, path: join(path, name), disk: join(disk, name), into: &found)
                }
            }
        } else {
            let child = join(disk, String(segment))
            if fileManager.fileExists(atPath: child) { walk(rest, path: join(path, String(segment)), disk: child, into: &found) }
        }
    }

    /// The names in a folder; none when it cannot be listed (as the shell, which skips what it cannot read).
    private static func children(of directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    /// Whether the path is a folder and not a symbolic link to one.
    private static func isRealDirectory(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return false }
        return attributes[.type] as? FileAttributeType == .typeDirectory
    }

    private static func join(_ base: String, _ name: String) -> String {
        base.isEmpty ? name : base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
