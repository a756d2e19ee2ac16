import Foundation
@testable import Render
import Testing

@Suite("HTML link filter: only http, https, mailto and same-document links stay links")
struct HTMLLinkFilterTests {
    @Test("links of other schemes, however written, become text; their tag's inner < too", arguments: [
        (#"<a href="javascript:alert(1)">x</a>"#, #"&lt;a href="javascript:alert(1)">x</a>"#),
        (#"<A HREF=JaVaScRiPt:alert(1)>x</A>"#, #"&lt;A HREF=JaVaScRiPt:alert(1)>x</A>"#),
        (#"<a href="java&#x09;script:alert(1)">x</a>"#, #"&lt;a href="java&#x09;script:alert(1)">x</a>"#),
        (#"<a href="java&Tab;script&colon;alert(1)">x</a>"#, #"&lt;a href="java&Tab;script&colon;alert(1)">x</a>"#),
        (#"<a href="&#0000106;avascript:alert(1)">x</a>"#, #"&lt;a href="&#0000106;avascript:alert(1)">x</a>"#),
        (#"<a href=" &#x20; javascript:alert(1)">x</a>"#, #"&lt;a href=" &#x20; javascript:alert(1)">x</a>"#),
        (#"<a href="javascript&unknown;alert(1)">x</a>"#, #"&lt;a href="javascript&unknown;alert(1)">x</a>"#),
        ("<iframe src='data:text/html,<script>alert(1)</script>'></iframe>", "&lt;iframe src='data:text/html,&lt;script>alert(1)&lt;/script>'></iframe>"),
        (#"<a title="x"href="vbscript:msgbox">x</a>"#, #"&lt;a title="x"href="vbscript:msgbox">x</a>"#),
        (#"<a/href="javascript:alert(1)">x</a>"#, #"&lt;a/href="javascript:alert(1)">x</a>"#),
        (#"<svg><a xlink:href="javascript:alert(1)">x</a></svg>"#, #"<svg>&lt;a xlink:href="javascript:alert(1)">x</a></svg>"#),
        (#"<img srcset="a.png 1x, javascript:alert(1) 2x">"#, #"&lt;img srcset="a.png 1x, javascript:alert(1) 2x">"#),
        (#"<meta http-equiv="refresh" content="0; URL='javascript:alert(1)'">"#, #"&lt;meta http-equiv="refresh" content="0; URL='javascript:alert(1)'">"#),
        (#"<form action="file:///etc/passwd"></form>"#, #"&lt;form action="file:///etc/passwd"></form>"#),
        // A refresh needs no `url=` (found by review: the filter looked only after one).
        (#"<meta http-equiv="refresh" content="0;javascript:alert(1)">"#, #"&lt;meta http-equiv="refresh" content="0;javascript:alert(1)">"#),
        (#"<meta http-equiv="refresh" content="0; data:text/html,x//url=https://ok">"#, #"&lt;meta http-equiv="refresh" content="0; data:text/html,x//url=https://ok">"#),
        (#"<meta http-equiv=refresh content="1.5 , 'vbscript:x'">"#, #"&lt;meta http-equiv=refresh content="1.5 , 'vbscript:x'">"#),
        // srcdoc is a document the browser decodes and loads in a frame of the page.
        (#"<iframe srcdoc="<a href=javascript:alert(2)>x</a>"></iframe>"#, #"&lt;iframe srcdoc="&lt;a href=javascript:alert(2)>x&lt;/a>"></iframe>"#),
    ])
    func refused(html: String, expected: String) {
        #expect(HTMLLinkFilter.filter(html) == expected)
    }

    @Test("a tag hidden from a naive reader (in a comment, in another tag's attribute value) is read and refused")
    func hiddenTags() {
        // A browser ends the comment at -->, then reads the <a>: the filter reads it whatever comes before.
        let comment = #"<!-- <x title=" --> <a href="javascript:alert(1)">x</a> " -->"#
        #expect(HTMLLinkFilter.filter(comment) == #"<!-- <x title=" --> &lt;a href="javascript:alert(1)">x</a> " -->"#)
        #expect(!HTMLLinkFilter.filter(comment).contains("<a "))
        // An unterminated attribute value: every < after it is escaped, so none can start a tag.
        #expect(!HTMLLinkFilter.filter(#"<p title="<a href=javascript:alert(1)>"#).contains("<a"))
    }

    @Test("http, https, mailto, anchors and relative links stay; so do other attributes and text")
    func kept() {
        for html in [#"<a href="https://example.com/a?b=1&c=2">x</a>"#, #"<a href="HTTP://example.com">x</a>"#,
                     #"<a href="mailto:a@example.com">x</a>"#, ##"<a href="#req-1">x</a>"##, ##"<a href="SUF-v1-part.html#x">x</a>"##,
                     #"<a id="req-1"></a>"#, #"<img src="picture.png" alt="javascript:alert(1)">"#,
                     "<p>javascript:alert(1) is text</p>", #"<meta name="description" content="javascript: a language">"#,
                     #"<meta http-equiv="refresh" content="5; url=https://example.com/">"#, #"<meta http-equiv="refresh" content="5">"#, "<td>a &lt; b</td>", "a < b and c<3", #"<a href="./a:b">x</a>"#, #"<a href="1x:y">x</a>"#] {
            #expect(HTMLLinkFilter.filter(html) == html)
        }
    }

    /// Pages cut into pieces anywhere: in a tag, in an attribute value, between `<` and `/`, in a character reference.
    static let pages: [String] = [
        #"<p>text <a href="https://ok">ok</a> <a href="javascript:alert(1)">no</a> <b>x</b></p>"#,
        #"<!-- <x title=" --> <a href="javascript:alert(1)">x</a> " --> tail"#,
        #"<p title="<a href=javascript:alert(1)>">unterminated"#,
        #"<a href="java&#x09;script:alert(1)">x</a></p><iframe srcdoc="<a href=javascript:alert(2)>x</a>"></iframe> < not a tag <3 </"#,
        #"<meta http-equiv=refresh content="1.5 , 'vbscript:x'"><img srcset="a.png 1x, javascript:alert(1) 2x"><"#,
    ]

    @Test("the filter fed in pieces writes what it writes for the whole page, wherever the pieces are cut", arguments: pages)
    func streamAgrees(page: String) throws {
        let bytes = Array(page.utf8)
        let whole = HTMLLinkFilter.filter(page)
        var generator = SeededGenerator(seed: UInt64(bytes.count))
        for cuts in [[]] + (1...200).map({ _ in (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }.sorted() })
            + (0...bytes.count).map({ [$0] }) {
            var out: [UInt8] = []
            var filter = HTMLLinkFilter.Stream()
            var start = 0
            for cut in cuts {
                filter.feed(bytes[start..<cut]) { out += $0 }
                start = cut
            }
            filter.feed(bytes[start...], final: true) { out += $0 }
            #expect(String(decoding: out, as: UTF8.self) == whole, "cut at \(cuts)")
            if String(decoding: out, as: UTF8.self) != whole { return }
        }
    }

    @Test("a tag left open by the template around 200,000 pieces is read once per doubling, not once per piece (found by review: quadratic)")
    func openTagStaysLinear() throws {
        let start = Date()
        var filter = HTMLLinkFilter.Stream()
        var written = 0
        filter.feed(Array("<main><i title='".utf8)) { written += $0.count }
        let piece = Array(String(repeating: "<p>text https://x</p>", count: 5).utf8)
        for _ in 0..<200_000 { filter.feed(piece) { written += $0.count } }
        filter.feed(Array("'>x</i></main>".utf8), final: true) { written += $0.count }
        #expect(Date().timeIntervalSince(start) < 60)
        // Every < inside the open tag is written &lt;: 10 a piece, 3 bytes more each.
        #expect(written == "<main><i title='".utf8.count + 200_000 * (piece.count + 30) + "'>x</i></main>".utf8.count)
    }
}
