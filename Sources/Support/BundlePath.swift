import Foundation

/// The one check every name of a bundle's file goes through before dossier writes or reads it below a folder:
/// names dossier did not make (an attached bundle's tree entries, a manifest's lines) are chosen by whoever made
/// the bundle, so a name must stay inside its folder and mean the same file on every file system.
public enum BundlePath {
    /// Why `name`, one entry of a folder (a git tree entry), cannot be a file's name in a bundle; nil when it can.
    public static func problem(entry name: String) -> String? {
        if name.contains("/") { return "a '/' inside one name" }
        return problem(component: name)
    }

    /// Why `path` (names between `/`, as in `v1.0.0/suf.json`) cannot name a file below a bundle's folder; nil
    /// when it can.
    public static func problem(path: String) -> String? {
        if path.isEmpty { return "an empty name" }
        if path.hasPrefix("/") { return "an absolute name" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = problem(component: String(component)) { return problem }
        }
        return nil
    }

    private static func problem(component: String) -> String? {
        if component.isEmpty { return "an empty name or component" }
        if component == "." || component == ".." { return "a '\(component)' component" }
        if component.utf8.contains(0) { return "a NUL character" }
        // A newline would split the name's manifest line; no name dossier makes holds a control character.
        if component.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
            return "a control character"
        }
        // Windows reads `name:stream` as a stream of `name` (`.git::$INDEX_ALLOCATION` is the folder .git) and `C:x`
        // as a drive. No name dossier makes holds one: file names are fixed, release tags (git refnames cannot hold
        // ':') and heading anchors (letters, digits, '-', '_', '.').
        if component.contains(":") { return "a ':' (an NTFS stream or drive) in a name" }
        // git's own folder, also as Windows and macOS spell it: trailing dots and spaces ignored, the short name, and
        // the code points HFS+ ignores (git's is_hfs_dotgit: zero-width joiners, direction marks, the BOM) dropped.
        let visible = String(String.UnicodeScalarView(component.unicodeScalars.filter { !hfsIgnored($0.value) }))
        var trimmed = Substring(visible.lowercased())
        while let last = trimmed.last, last == "." || last == " " { trimmed = trimmed.dropLast() }
        if trimmed == ".git" || trimmed == "git~1" { return "a '.git' component" }
        return nil
    }

    /// Whether HFS+ ignores the code point when it compares names (git's `next_hfs_char`).
    private static func hfsIgnored(_ value: UInt32) -> Bool {
        (0x200C...0x200F).contains(value) || (0x202A...0x202E).contains(value) || (0x206A...0x206F).contains(value)
            || value == 0xFEFF
    }

    /// The first of `paths` (in their order) that `problem(path:)` refuses, or that is the same name as an
    /// earlier one or differs from it only in case (or Unicode normalization), with why; nil when all are fine.
    public static func firstProblem(in paths: [String]) -> (path: String, problem: String)? {
        var seen: [String: String] = [:]
        for path in paths {
            if let problem = problem(path: path) { return (path, problem) }
            // Swift compares strings by canonical equivalence: NFC and NFD spellings are one key.
            let key = path.lowercased()
            if let earlier = seen[key] {
                return (path, earlier == path ? "the same name twice" : "a name that differs only in case from '\(escaped(earlier))'")
            }
            seen[key] = path
        }
        return nil
    }

    /// `folder/path`, once `path` is checked.
    /// - Throws: `DossierError` naming `path` and why it is refused.
    public static func join(_ folder: String, _ path: String) throws -> String {
        if let problem = problem(path: path) {
            throw DossierError("refused to write '\(escaped(path))' below \(folder): \(problem)")
        }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// `name` for a message: every control character, line breaks included, escaped (TerminalText), so a name
    /// stays on its one line and cannot drive the terminal.
    public static func escaped(_ name: String) -> String { TerminalText.escaped(name, keepingLineBreaks: false) }
}
