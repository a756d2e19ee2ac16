import Foundation
import TestSupport
import Testing

/// YAML a pull request can hold that once hung dossier or was reported without a place: aliases that multiply,
/// bytes that are not UTF-8, control characters. Each is exit 2 with file:line:column.
@Suite("hostile YAML")
struct HostileYAMLTests {
    /// Anchors `a0` … `a<levels>`, each a list of nine aliases of the one before: `a<n>` stands for 9ⁿ nodes.
    static func laughs(levels: Int) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `requirements.yml` into the device fixture's work tree and runs `check --worktree`, timed.
    func check(requirements text: String) throws -> (ProcessResult, TimeInterval) {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        try repo.write(["regulatory/requirements.yml": text])
        let start = Date()
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        return (result, Date().timeIntervalSince(start))
    }

    static let refusal = "expected YAML whose aliases stand for at most 100000 nodes in all (a text counts one node per 64 bytes), found an alias that takes this file past it"

    // Before the bound, this 500-byte file took minutes (a key of seven levels, 445 bytes, took 17 s): Yams hashes
    // mapping keys to find duplicates, and hashing walks every node the aliases stand for. 10 s is a generous bound
    // for what now takes milliseconds.
    @Test("a mapping key made of nested aliases is refused at the alias, in well under the time it took")
    func aliasesInAKey() throws {
        let (result, seconds) = try check(requirements: Self.laughs(levels: 8) + "? *a8\n: boom\n")
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("regulatory/requirements.yml:6:10: \(Self.refusal)"), "\(result.stderr)")
        #expect(seconds < 10, "took \(seconds) s")
    }

    @Test("a billion laughs in values is refused at the alias that crosses the bound")
    func aliasesInValues() throws {
        let (result, seconds) = try check(requirements: Self.laughs(levels: 9) + "requirements: *a9\n")
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("regulatory/requirements.yml:6:10: \(Self.refusal)"), "\(result.stderr)")
        #expect(seconds < 10, "took \(seconds) s")
    }

    // Found by review: each alias counted one node whatever the length of the text it stands for. A 1 MiB title
    // aliased 20,000 times in `verified_by` ran past 300 s (the trace graph matched 20 GB of test ids); 4 MiB texts
    // aliased as mapping keys took 4 min 48 s (each key's text hashed again for the duplicate check).
    @Test("an alias of a long text counts its length: a megabyte aliased thousands of times is refused at the alias",
          arguments: ["values", "keys"])
    func aliasesOfLongText(place: String) throws {
        let long = String(repeating: "A", count: 1 << 20)
        let text = place == "values"
            ? "requirements:\n  - id: REQ-1\n    title: &t \(long)\n    text: x\n    verified_by: ["
                + Array(repeating: "*t", count: 20_000).joined(separator: ", ") + "]\n"
            : "x: {a: &a \(long)b, b: &b \(long)c}\nrows:\n" + String(repeating: "  - {*a : 0, *b : 0}\n", count: 2_000)
        let (result, _) = try check(requirements: text)
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("regulatory/requirements.yml:\(place == "values" ? 5 : 6):"), "\(result.stderr)")
        #expect(result.stderr.contains(Self.refusal), "\(result.stderr)")
    }

    @Test("a few aliases of ordinary size are read as before")
    func ordinaryAliases() throws {
        let (result, _) = try check(requirements: """
            requirements:
              - id: REQ-1
                title: &title Dose limit
                text: The pump shall refuse a dose above the programmed limit.
                items: &items [ITEM-1]
              - id: REQ-2
                title: *title
                text: The same limit, shown.
                items: *items

            """)
        #expect(result.status != 2, "\(result.stderr)")
    }

    @Test("bytes that are not UTF-8 are reported at their line and column")
    func notUTF8() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try Data("requirements:\n  - id: REQ-1\n    title: é".utf8 + [0xFF] + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: scratch.file("repo/regulatory/requirements.yml")))
        let result = try dossier(["check", "--repo", "repo", "--worktree"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("regulatory/requirements.yml:3:13: expected UTF-8 text, found the byte 0xFF that is not UTF-8"),
                "\(result.stderr)")
    }

    @Test("a control character YAML does not allow is reported at its line and column, by its code")
    func controlCharacter() throws {
        let (result, _) = try check(requirements: "requirements:\n  - id: REQ-1\n    title: a\u{1B}[2Jb\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("regulatory/requirements.yml:3:13: expected YAML text, found a character YAML does not allow U+001B"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"))
    }

    // Yams composed nodes recursively; the reader on libyaml's events keeps its children on a stack, and refuses
    // nesting past 1000 at the list that crosses it.
    @Test("lists nested 100,000 deep are refused at the one past the bound, with exit 2")
    func deepNesting() throws {
        let deep = 100_000
        let (result, _) = try check(requirements: "requirements: " + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "\n")
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("regulatory/requirements.yml:1:1014: expected lists and mappings nested at most 1000 deep, found one nested deeper"),
                "\(result.stderr)")
    }
}
