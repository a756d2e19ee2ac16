/// Commit messages of many shapes for comparing a trailer parse with git's (`git interpret-trailers --parse
/// --no-divider`, `git log --format=%(trailers:unfold,only)`): title paragraphs with comment lines, random body
/// paragraphs, a last paragraph mixing trailers (odd keys, separators, empty values, non-ASCII), continuation lines,
/// comments, `Signed-off-by`, `(cherry picked from commit …)` and prose, then endings git ignores or not: comment
/// runs, blank lines (`\r`, `\v`, `\f` too), old `Conflicts:` blocks, scissors lines; LF or CRLF. Deterministic:
/// the same seed gives the same messages.
public struct TrailerMessages: CustomStringConvertible {
    /// git configurations that change the parse (`git -c` pairs, or lines of a repository's config).
    public static let configurations: [[(key: String, value: String)]] = [
        [],
        [("trailer.separators", ":#=")],
        [("core.commentChar", ";")],
        [("trailer.sign.key", "Signed-off-by"), ("trailer.fix.key", "Fixes")],
        [("trailer.separators", "="), ("trailer.ack.where", "end")],
        [("core.commentChar", "%"), ("trailer.separators", ":%")],
        [("trailer.Closes.key", "Closes"), ("trailer.closes.ifexists", "add"), ("trailer.cr.key", "Change-Request")],
    ]

    private var random: SeededGenerator

    /// A generator starting from `seed` (or `DOSSIER_TEST_SEED`, see `SeededGenerator`).
    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// The seed, for failure messages.
    public var description: String { random.description }

    /// The next message. `leadingBlankLines` allows blank lines before the subject, which `git log` skips and
    /// `git interpret-trailers` does not.
    public mutating func message(leadingBlankLines: Bool = false) -> String {
        var lines: [String] = []
        if leadingBlankLines, chance(20) { lines += Array(repeating: pick(["", " ", "\t"]), count: 1 + int(2)) }
        // The title paragraph, sometimes with comment lines in it, sometimes looking like a trailer.
        for _ in 0...int(1) {
            lines.append(chance(15) ? trailerLine() : pick(["Fix the pump alarm", "Subject: with a colon", "Merge branch 'x'",
                                                             "Add läuft-Anzeige", "  indented subject", "WIP"]))
            if chance(15) { lines.append(commentLine()) }
        }
        if chance(10) { return finish(lines) }
        // Body paragraphs.
        for _ in 0..<int(3) {
            lines.append(blankLine())
            for _ in 0...int(3) { lines.append(chance(70) ? proseLine() : anyLine()) }
        }
        // The last paragraph.
        if chance(90) {
            lines.append(blankLine())
            for _ in 0...int(6) { lines.append(chance(55) ? trailerLine() : anyLine()) }
        }
        // The ending.
        for _ in 0..<int(4) {
            switch int(11) {
            case 0, 1: lines.append(blankLine())
            case 2, 3: lines.append(commentLine())
            case 4, 5:
                lines.append(pick(["Conflicts:", "Conflicts:", "Conflicts:", "Conflicts: a.c", "conflicts:"]))
                for _ in 0..<int(3) { lines.append(pick(["\tsrc/a.c", "\tb.h", "\tb.h", "  c.c", "\t", commentLine()])) }
            case 6: lines.append(pick(["\tpath/after.c", "Signed-off-by: Late <late@example.com>", "Refs: LATE-1"]))
            case 7, 8:
                lines.append(pick(["#", "#", ";", "%", "# "]) + " ------------------------ >8 ------------------------")
                for _ in 0..<int(4) { lines.append(chance(50) ? trailerLine() : pick(["diff --git a/x b/x", proseLine(), anyLine()])) }
            case 9: lines.append(pick(["#", ";", "%"]) + "  ------------------------ >8 ------------------------")
            default: lines.append(trailerLine())
            }
        }
        return finish(lines)
    }

    private mutating func finish(_ lines: [String]) -> String {
        let newline = chance(20) ? "\r\n" : "\n"
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line
            if index < lines.count - 1 || chance(85) { text += chance(5) ? pick(["\r\n", "\n"]) : newline }
        }
        return text
    }

    private mutating func trailerLine() -> String {
        switch int(9) {
        case 0: return pick(["Signed-off-by: Alice <alice@example.com>", "Signed-off-by:Bob <b@example.com>",
                             "signed-off-by: carol", "Signed-off-by: "])
        case 1: return "(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)"
        case 2: return pick(["(cherry-picked from commit 89abcdef)", "(cherry picked from commit "])
        default:
            let key = pick(["Change-Request", "Refs", "Reviewed-by", "Acked-by", "Bug", "Fixes", "Co-authored-by", "sign",
                            "fix", "ack", "Ack", "X", "-", "a1", "Über", "Key With Space", "Key ", "Key\t", "CR", "cr",
                            "Closes", "close", "http", "Fix-", "ÆKey"])
            let separator = pick([":", ":", ":", " :", "\t:", "#", "=", " =", " #", "%"])
            let value = pick(["", " ", " CR-1", " CR-1, CR-2", "  spaced  ", " Name <n@example.com>", " ä ö",
                              " trailing\t", " tab\there", "\tx", " REQ-7 ", " https://example.com/x:1", "CR-3"])
            return key + separator + value
        }
    }

    private mutating func proseLine() -> String {
        pick(["This fixes the alarm when the pump stops.", "More words here", "Note this: not a trailer",
              "See https://example.com/issue/1", "a line with trailing spaces   ", "tab\tinside",
              "Änderung: nicht ASCII", "-- ", "---", "key-value: looks like one", "Bug #42 is fixed"])
    }

    private mutating func anyLine() -> String {
        switch int(6) {
        case 0: return commentLine()
        case 1: return pick([" continued", "\tcontinued value", "   more, CR-9", " ", "\t", "\u{0B}vertical", "\u{0C}"])
        case 2: return blankLine()
        default: return proseLine()
        }
    }

    private mutating func commentLine() -> String {
        pick(["# a comment", "#", "#Refs: IN-COMMENT", "; semicolon comment", ";Refs: SEMI", "% percent", "%Ack: pct"])
    }

    private mutating func blankLine() -> String {
        pick(["", "", "", " ", "\t", "\r", " \r", "\u{0B}", "\u{0C}"])
    }

    /// A number in 0...upper.
    private mutating func int(_ upper: Int) -> Int { Int(random.next() % UInt64(upper + 1)) }

    private mutating func chance(_ percent: Int) -> Bool { int(99) < percent }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[int(choices.count - 1)] }
}
