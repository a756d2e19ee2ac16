import Foundation
@testable import Git
import TestSupport
import Testing

/// One case per rule of git's trailer parse that dossier once missed; each expectation is what git 2.39 says
/// (checked against `git interpret-trailers --parse --no-divider`, or `git log` for what only it does).
@Suite("trailer rules of git")
struct TrailerRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var message: String
        var expected: [Trailer]
        /// false where `git interpret-trailers` differs from `git log` (which starts at the subject, as C strings end at NUL).
        var interpretTrailersAgrees = true
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "an old Conflicts: block with tab-indented paths is not a trailer block",
             message: "Merge branch 'x'\n\nConflicts:\n\tsrc/a.c\n\tb.h\n", expected: []),
        Case(rule: "a Conflicts: block (comment lines in it too) after the trailers is ignored",
             message: "Merge branch 'x'\n\nRefs: CR-1\n\nConflicts:\n\tsrc/a.c\n# c\n\tb.h\n", expected: [Trailer(key: "Refs", value: "CR-1")]),
        Case(rule: "everything from the scissors line on is ignored",
             message: "Subject\n\nRefs: CR-1\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\nFoo: bar\n",
             expected: [Trailer(key: "Refs", value: "CR-1")]),
        Case(rule: "unfolding keeps the blanks that end the line before a continuation",
             message: "Subject\n\nKey: a  \n  b\n", expected: [Trailer(key: "Key", value: "a   b")]),
        Case(rule: "unfolding keeps the carriage return of a CRLF line before a continuation",
             message: "Subject\r\n\r\nKey: a\r\n b\r\n", expected: [Trailer(key: "Key", value: "a\r b")]),
        Case(rule: "a comment line between trailers ends the continuation of the trailer above it",
             message: "Subject\n\nSigned-off-by: A\n# note\n continued\nAck: x\n",
             expected: [Trailer(key: "Signed-off-by", value: "A"), Trailer(key: "Ack", value: "x")]),
        Case(rule: "the subject starts after leading blank lines, so a first line of trailers is the title",
             message: "\n \nRefs: CR-1\n", expected: [], interpretTrailersAgrees: false),
        Case(rule: "the message ends at a NUL byte, as git's C strings do",
             message: "Subject\n\nBody\u{0}\n\nRefs: CR-1\n", expected: [], interpretTrailersAgrees: false),
    ]

    @Test("each rule, as git reads it", arguments: cases)
    func rule(_ rule: Case) throws {
        #expect(Trailers.parse(rule.message) == rule.expected)
        if rule.interpretTrailersAgrees {
            let scratch = try Scratch()
            let git = try Shell.run("git", ["interpret-trailers", "--parse", "--no-divider"], in: scratch.path,
                                    environment: Shell.isolatedEnvironment(home: scratch.file("home")), input: Data(rule.message.utf8))
            #expect(git.stdout == rule.expected.map { "\($0.key): \($0.value)\n" }.joined())
        }
    }

    @Test("the repository's configuration: trailer.separators, core.commentChar, trailer.<name>.key")
    func configured() {
        let hash = TrailerConfig(entries: [("trailer.separators", ":#")], commentChar: nil)
        #expect(Trailers.parse("Subject\n\nBug #42\nRefs: CR-1\n", config: hash) == [Trailer(key: "Bug", value: "42"), Trailer(key: "Refs", value: "CR-1")])
        #expect(Trailers.parse("Subject\n\nBug #42\nRefs: CR-1\n").isEmpty)

        let semicolon = TrailerConfig(entries: [], commentChar: ";")
        #expect(Trailers.parse("Subject\n\nRefs: CR-1\n; comment\n", config: semicolon) == [Trailer(key: "Refs", value: "CR-1")])
        #expect(Trailers.parse("Subject\n\nRefs: CR-1\n# x\n", config: semicolon).isEmpty, "# starts no comment then")

        // A configured trailer makes a quarter of trailer lines enough, and its abbreviation gets its key.
        let sign = TrailerConfig(entries: [("trailer.sign.key", "Signed-off-by")], commentChar: nil)
        let message = "Subject\n\nsi: Alice\nsome prose\nmore prose\nmore\n"
        #expect(Trailers.parse(message, config: sign) == [Trailer(key: "Signed-off-by", value: "Alice")])
        #expect(Trailers.parse(message).isEmpty)
    }

    @Test("git's configuration as trailer.c reads it: names are one item whatever their case, the last key wins, other variables make no item, core.commentChar is one byte")
    func configurationEntries() {
        let config = TrailerConfig(entries: [("trailer.Sign.key", "Signed-off"), ("trailer.sign.key", "Signed-off-by"), ("trailer.where", "end"),
                                             ("trailer.ack.ifexists", "add"), ("trailer.x.unknown", "1"), ("trailer.separators", ":#")],
                                   commentChar: "auto")
        #expect(config.configured == [ConfiguredTrailer(name: "Sign", key: "Signed-off-by"), ConfiguredTrailer(name: "ack", key: nil)])
        #expect(config.separators == Array(":#".utf8))
        #expect(config.commentChar == UInt8(ascii: "#"), "auto only matters to git commit")
        #expect(TrailerConfig(entries: [], commentChar: ";;").commentChar == UInt8(ascii: "#"))
        // As git says (-c trailer.Sign.key=Signed-off -c trailer.sign.key=Signed-off-by, -c trailer.ack.ifexists=add):
        #expect(Trailers.parse("Subject\n\nsi: A\nprose\nprose\nprose\n", config: config) == [Trailer(key: "Signed-off-by", value: "A")])
        #expect(Trailers.parse("Subject\n\nack: A\nprose\nprose\nprose\n", config: config) == [Trailer(key: "ack", value: "A")])
        #expect(Trailers.parse("Subject\n\nx: A\nprose\nprose\nprose\n", config: config).isEmpty)
    }
}
