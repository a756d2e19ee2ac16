@testable import Evidence
import Foundation
@testable import Support
import Testing

/// The JSON reader's strings: every escape decoded, runs copied as they are, positions counted in characters.
@Suite("JSON strings")
struct JSONStringTests {
    func string(_ json: String) throws -> String {
        try JSONValue.parse(Data(json.utf8), file: "t.json").text("text")
    }

    @Test("every escape of RFC 8259 is decoded, surrogate pairs into one character, between runs of plain text")
    func escapes() throws {
        #expect(try string(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == "a\"b\\c/d\u{08}e\u{0C}f\ng\rh\ti")
        #expect(try string(#""\u0041\u00e9\u20AC\uD83D\uDE00\ud834\udd1e""#) == "Aé€😀𝄞")
        #expect(try string(#""\\\\\\""#) == "\\\\\\")
        #expect(try string(#""é😀 plain \u00e9 again é""#) == "é😀 plain é again é")
        #expect(try string(#""""#) == "")
        #expect(try string(#""\u0000""#) == "\u{0}")
        let long = String(repeating: "ab", count: 50_000)
        #expect(try string("\"\(long)\\n\(long)\"") == long + "\n" + long)
    }

    @Test("bad escapes are refused at their place", arguments: [
        (#""\ude00""#, "t.json:1:8: expected a character escape, found the lone surrogate \\ude00"),
        (#""\ud83d\u0041""#, "t.json:1:14: expected the low half of a surrogate pair (\\uDC00–\\uDFFF), found \\u41"),
        (#""ab\x""#, "t.json:1:5: expected an escape such as \\n, \\\" or \\u00E9 after '\\', found 'x'"),
        (#""\u12G4""#, "t.json:1:6: expected four hexadecimal digits after \\u, found 'G'"),
        ("\"é\té\"", "t.json:1:3: expected a character in a string, found the control character 0x09 (write it as an escape)"),
    ])
    func badEscapes(text: String, message: String) {
        do {
            _ = try JSONValue.parse(Data(text.utf8), file: "t.json")
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("columns of values after long strings on one line are counted in characters")
    func columnsOnOneLine() throws {
        let text = "[\"" + String(repeating: "é\\\\", count: 1000) + "\", 1, \"😀\", true]"
        let items = try JSONValue.parse(Data(text.utf8), file: "t.json").array("a list")
        // '[', '"', 1000 × (é, \, \), '"', ',', ' ' → the 1 is at column 3006.
        #expect(items.map(\.location.description) == ["t.json:1:2", "t.json:1:3006", "t.json:1:3009", "t.json:1:3014"])
    }

    @Test("a found string is quoted in errors as an excerpt of 60 characters")
    func excerpt() throws {
        let long = String(repeating: "x", count: 60) + "SECRET"
        let value = try JSONValue.parse(Data("\"\(long)\"".utf8), file: "t.json")
        #expect(value.fail("a number").message == "expected a number, found the text '\(String(repeating: "x", count: 60))…'")
        #expect(Excerpt.of("short") == "short")
        #expect(Excerpt.of(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "…")
        #expect(Excerpt.of(String(repeating: "é", count: 60)) == String(repeating: "é", count: 60))
    }
}
