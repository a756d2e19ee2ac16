@testable import Bundle
import Foundation
@testable import Support
import Testing

/// The one check every bundle file's name goes through: names that leave the folder, reach git's own folder or
/// clash are refused; names dossier makes pass.
@Suite("bundle file names")
struct BundlePathTests {
    @Test("names dossier writes pass")
    func ownNames() {
        for name in ["suf.json", "SUF-v1.0.0.md", "v1.0.0/MANIFEST.sha256", "dhf/parts/risk.html", ".hidden", "..tail", "a..b"] {
            #expect(BundlePath.problem(path: name) == nil, "\(name)")
        }
        #expect(BundlePath.firstProblem(in: ["a.md", "b.md", "v1/a.md"]) == nil)
    }

    @Test("paths that leave the folder, are empty in a part, hold NUL or reach .git are refused")
    func refusedPaths() {
        let cases: [(String, String)] = [
            ("", "an empty name"), ("/etc/passwd", "an absolute name"), ("../x", "a '..' component"),
            ("a/../../x", "a '..' component"), ("./x", "a '.' component"), ("a//b", "an empty name or component"),
            ("a/", "an empty name or component"), ("a\u{0}b", "a NUL character"), (".git/config", "a '.git' component"),
            ("x/.Git/hooks/pre-commit", "a '.git' component"), (".git. ", "a '.git' component"), ("GIT~1/x", "a '.git' component"),
            ("a\nb", "a control character"), ("x/\u{1B}[2J", "a control character"), ("\u{85}", "a control character"),
        ]
        for (path, problem) in cases {
            #expect(BundlePath.problem(path: path) == problem, "\(path)")
        }
        #expect(BundlePath.problem(entry: "a/b") == "a '/' inside one name")
        #expect(BundlePath.problem(entry: "..") == "a '..' component")
    }

    @Test(".git as macOS spells it (HFS+ ignores zero-width and direction marks, as git's is_hfs_dotgit does) is refused",
          arguments: [0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                      0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F, 0xFEFF] as [UInt32])
    func hfsDotGit(_ ignorable: UInt32) throws {
        let mark = String(try #require(UnicodeScalar(ignorable)))
        for name in [".g\(mark)it", "\(mark).GIT", ".git\(mark)", ".\(mark)g\(mark)i\(mark)t/config"] {
            #expect(BundlePath.problem(path: name) == "a '.git' component", "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // The same marks elsewhere are only characters: a name that is not .git once they are dropped passes.
        #expect(BundlePath.problem(path: "a\(mark)b.md") == nil)
    }

    @Test("a ':' in a name (an NTFS stream such as .git::$INDEX_ALLOCATION, a drive) is refused; dossier's names hold none")
    func colons() {
        for name in [".git::$INDEX_ALLOCATION", "git~1::$INDEX_ALLOCATION/config", "suf.json:evil", "C:x", "v1/a:b"] {
            #expect(BundlePath.problem(path: name) == "a ':' (an NTFS stream or drive) in a name", "\(name)")
        }
        #expect(BundlePath.problem(entry: "SUF-v1.0.0.html:Zone.Identifier") == "a ':' (an NTFS stream or drive) in a name")
    }

    @Test("the same name twice, or twice but for case or Unicode normalization, is refused at the second")
    func clashes() throws {
        #expect(BundlePath.firstProblem(in: ["a.md", "a.md"])?.problem == "the same name twice")
        #expect(try #require(BundlePath.firstProblem(in: ["README.md", "x", "readme.MD"])) == ("readme.MD", "a name that differs only in case from 'README.md'"))
        #expect(BundlePath.firstProblem(in: ["caf\u{E9}.md", "cafe\u{301}.md"]) != nil)
        #expect(try #require(BundlePath.firstProblem(in: ["ok.md", "../x"])) == ("../x", "a '..' component"))
    }

    @Test("join refuses before giving a path; control characters are escaped in the message")
    func join() throws {
        #expect(try BundlePath.join("/tmp/b", "v1/suf.json") == "/tmp/b/v1/suf.json")
        #expect(throws: DossierError.self) { try BundlePath.join("/tmp/b", "../x") }
        #expect(BundlePath.escaped("a\u{1B}[2J\u{7}\n\u{9B}é") == "a\\u{1B}[2J\\u{7}\\u{A}\\u{9B}é")
    }
}
