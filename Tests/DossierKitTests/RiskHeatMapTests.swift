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
}
