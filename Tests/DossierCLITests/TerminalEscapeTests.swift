import Foundation
import TestSupport
import Testing

/// Commit messages, YAML and evidence may hold terminal control sequences (clear the screen, set the window title,
/// return to the start of the line and overwrite it). What dossier prints as text shows them escaped.
@Suite("control characters from the repository never reach the terminal raw")
struct TerminalEscapeTests {
    static let clear = "\u{1B}[2J", title = "\u{1B}]0;pwned\u{7}", carriageReturn = "\r"

    /// ESC, BEL and CR (and any other C0 control but line feed and tab) are absent from `text`.
    func expectNoControls(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty, "\(what) holds raw control characters: \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    /// The device fixture plus a requirement whose title and text hold the sequences (YAML double-quoted escapes) and
    /// a commit whose subject and body hold them, referring to it, without a change request.
    @discardableResult
    private func hostileRepository(_ scratch: Scratch) throws -> GitRepository {
        var repo = try DeviceFixture.make(scratch)
        let requirements = DeviceFixture.requirementsV2 + """
              - id: REQ-9
                title: "Dose \\e[2J screen \\e]0;pwned\\a title \\r over"
                text: "Text \\e[31m red"
                status: approved

            """
        try repo.commit("Tidy \(Self.clear) up \(Self.title) now\(Self.carriageReturn)fake\n\nBody \(Self.clear)\n\nRefs: REQ-9\n",
                        files: ["regulatory/requirements.yml": requirements])
        try repo.tag("v1.2.0")
        return repo
    }

    @Test("check: findings naming a hostile commit and requirement show \\u{1B}, \\u{7} and \\u{D} instead of the raw characters")
    func check() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        let result = try dossier(["check", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 1, "\(result.stderr)")
        expectNoControls(result.stdout, "check's stdout")
        expectNoControls(result.stderr, "check's stderr")
        #expect(result.stdout.contains("Tidy \\u{1B}[2J up \\u{1B}]0;pwned\\u{7} now\\u{D}fake"), "\(result.stdout)")
        // Machine output keeps JSON's own escapes.
        let json = try dossier(["check", "--repo", "repo", "--format", "json"], in: scratch.path)
        #expect(json.stdout.contains("\\u001b[2J"), "\(json.stdout.prefix(500))")
    }

    @Test("trace: the requirement's title and the commit's subject are shown escaped")
    func trace() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        let result = try dossier(["trace", "REQ-9", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        expectNoControls(result.stdout, "trace's stdout")
        #expect(result.stdout.hasPrefix("REQ-9  Dose \\u{1B}[2J screen \\u{1B}]0;pwned\\u{7} title \\u{D} over  (requirement"), "\(result.stdout)")
        #expect(result.stdout.contains("Tidy \\u{1B}[2J up"), "\(result.stdout)")
    }

    @Test("an error message quoting a hostile id or value shows it escaped (exit 2)")
    func errorMessage() throws {
        let scratch = try Scratch()
        var repo = try hostileRepository(scratch)
        let missing = try dossier(["trace", "REQ-\(Self.clear)\(Self.title)\(Self.carriageReturn)", "--repo", "repo"], in: scratch.path)
        #expect(missing.status == 2)
        expectNoControls(missing.stderr, "trace's error")
        #expect(missing.stderr == "dossier: error: nothing in release v1.2.0 has the id 'REQ-\\u{1B}[2J\\u{1B}]0;pwned\\u{7}\\u{D}'\n")

        try repo.commit("Bad status\n", files: ["regulatory/items.yml": DeviceFixture.items.replacingOccurrences(
            of: "id: ITEM-1", with: "id: \"ITEM-\\e[2J\\a\\r\"")])
        let bad = try dossier(["check", "--repo", "repo", "HEAD"], in: scratch.path)
        expectNoControls(bad.stderr + bad.stdout, "check's output on a bad id")
    }

    @Test("suf and signatures: messages and the listing of a hostile commit are escaped")
    func sufAndSignatures() throws {
        let scratch = try Scratch()
        try hostileRepository(scratch)
        let suf = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        expectNoControls(suf.stdout + suf.stderr, "suf's output")
        let signatures = try dossier(["signatures", "--all", "--repo", "repo"], in: scratch.path)
        expectNoControls(signatures.stdout + signatures.stderr, "the signature listing")
        let diff = try dossier(["diff", "v1.1.0", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(diff.status == 0, "\(diff.stderr)")
        expectNoControls(diff.stdout, "the Markdown diff on stdout")
    }
}
