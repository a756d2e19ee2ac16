import Foundation
@testable import Records
@testable import Support
import Testing

/// The YAML reader on libyaml's event API keeps what Yams' `compose(.basic)` gave: the same errors at the same
/// line and column (the expected texts below are what the Yams-based reader printed), every scalar text, nulls only
/// for plain `~`, `null`, `Null`, `NULL` and nothing, aliases shared.
@Suite("YAML reader")
struct YAMLReaderTests {
    func error(_ text: String) -> String? {
        do {
            _ = try YAMLValue.parse(Data(text.utf8), file: "x.yml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("duplicate keys: every key that repeats, in order, at the first place the first of them is written")
    func duplicateKeys() {
        #expect(error("requirements: []\n\"requirements\": []\n") == "x.yml:1:1: duplicate field 'requirements' in a mapping")
        #expect(error("b: 1\na: 2\nb: 3\na: 4\nc: 5\nc: 6\n") == "x.yml:2:1: duplicate field 'a', 'b', 'c' in a mapping")
        #expect(error((0 ..< 20).map { "k\($0): v\n" }.joined() + "k7: again\nk3: again\n")
                == "x.yml:4:1: duplicate field 'k3', 'k7' in a mapping")
        #expect(error("r:\n  - id: REQ-1\n    title: a\n    title: b\n    id: c\n") == "x.yml:2:5: duplicate field 'id', 'title' in a mapping")
        #expect(error("a: 1\n!!str a: 2\n") == "x.yml:1:1: duplicate field 'a' in a mapping")
        #expect(error("x: {a: 1, a: 2}\n") == "x.yml:1:5: duplicate field 'a' in a mapping")
        #expect(error("? [a, b]\n: 1\n? [a, b]\n: 2\n") == "x.yml:1:3: duplicate field '<uncovertable>' in a mapping")
        #expect(error("a: 1\n!!int a: 2\n") == nil, "an explicit tag other than str makes another key")
        #expect(error("x: &k a\n*k : 1\na: 2\n") == "x.yml:1:4: duplicate field 'a' in a mapping", "an alias key is its anchor's node")
    }

    @Test("a mapping's syntax error comes before its duplicate keys, as the mapping is read to its end first")
    func syntaxBeforeDuplicates() {
        #expect(error("a: 1\na: 2\nb: [\n") == "x.yml:4:1: YAML syntax error: while parsing a flow node did not find expected node content")
    }

    @Test("one document; an alias names a node written before it, not the one it is in")
    func documentsAndAliases() {
        #expect(error("a: []\n---\na: []\n") == "x.yml:2:1: YAML syntax error: expected a single document in the stream but found another document")
        #expect(error("a: *nope\n") == "x.yml:1:4: YAML syntax error: found undefined alias")
        #expect(error("a: &a [*a]\n") == "x.yml:1:8: YAML syntax error: found undefined alias")
        #expect(error("") == nil && error("# nothing\n") == nil)
    }

    @Test("characters YAML does not allow are named by code at their line and column in Unicode scalars")
    func characters() {
        #expect(error("r:\n  - id: REQ-1\n    title: éé\u{07}b\n")
                == "x.yml:3:14: expected YAML text, found a character YAML does not allow U+0007 (control characters are not allowed)")
        #expect(error("r:\n  - t: 👍🏽 \"x\" : y : z\n") == "x.yml:2:15: YAML syntax error: mapping values are not allowed in this context")
    }

    @Test("every scalar is text; null only for plain ~, null, Null, NULL and nothing; tags do not type")
    func scalars() throws {
        let root = try #require(try YAMLValue.parse(Data("""
            a: ~
            b: "null"
            c: !!int 5
            d: NULL
            e:
            f: 'Null'
            g: 1.0e3
            h: !!str null
            """.utf8), file: "x.yml"))
        let m = try root.mapping("x", allowed: ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(m["a"] == nil && m["d"] == nil && m["e"] == nil && m["h"] == nil)
        #expect(try m.text("b") == "null" && m.text("c") == "5" && m.text("f") == "Null" && m.text("g") == "1.0e3")
    }

    @Test("an alias stands for its anchor's node, with the anchor's position; the merge key << is a plain key")
    func aliases() throws {
        let root = try #require(try YAMLValue.parse(Data("base: &b [x, y]\nother: *b\n<<: *b\n".utf8), file: "x.yml"))
        let m = try root.mapping("x", allowed: ["base", "other", "<<"])
        let other = try #require(m["other"])
        #expect(try other.list().map { try $0.text() } == ["x", "y"])
        #expect(other.location.description == "x.yml:1:7")
        #expect(try m["<<"]?.list().count == 2)
    }

    @Test("lists and mappings nested past the bound are refused at the one that crosses it, without recursion")
    func nesting() {
        let deep = 100_000
        #expect(error("a: " + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "\n")
                == "x.yml:1:1003: expected lists and mappings nested at most 1000 deep, found one nested deeper")
        let fine = 999
        #expect(error("a: " + String(repeating: "[", count: fine) + String(repeating: "]", count: fine) + "\n") == nil)
    }
}
