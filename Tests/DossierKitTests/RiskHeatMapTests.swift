import Foundation
import Model
import Records
@testable import Render
import Testing

@Suite("risk heat map")
struct RiskHeatMapTests {
    @Test("a cell's ids on at most two lines, the rest counted")
    func idLines() {
        #expect(RiskHeatMap.idLines([]) == [])
        #expect(RiskHeatMap.idLines(["RISK-1", "RISK-2"]) == ["RISK-1, RISK-2"])
        #expect(RiskHeatMap.idLines((1...9).map { "RISK-\($0)" }) == ["RISK-1, RISK-2, RISK-3", "RISK-4, RISK-5, RISK-6 +3"])
    }

    @Test("text from the records is XML character data: markup and control characters do not pass")
    func escaping() {
        #expect(RiskHeatMap.escaped(#"</text><script>alert("x")</script> & 'y'"#)
            == "&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(RiskHeatMap.escaped("a\u{1B}[2Jb\u{202E}c") == "a[2Jbc")
    }
}
