import Foundation
import TestSupport
import Testing

@Suite("dossier trace")
struct TraceCommandTests {
    @Test("a requirement's chain: the risk it controls and the change request and commit above, the item and test below")
    func requirementChain() throws {
        let scratch = try Scratch()
        let repo = try DeviceFixture.make(scratch)
        try CheckCommandTests.passingReport.write(toFile: scratch.file("report.xml"), atomically: true, encoding: .utf8)
        let result = try dossier(["trace", "REQ-1", "--repo", "repo", "--evidence", "report.xml"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let commit = try repo.git(["rev-parse", "v1.1.0~1"]).prefix(12)
        #expect(result.stdout == """
            REQ-1  Dose limit  (requirement, regulatory/requirements.yml:2:5)
            up (what links to it):
              RISK-1  Over-infusion  (risk, regulatory/risks.yml:9:5)  via controls
              CR-1  Explain refused doses  (change request, closed, regulatory/change-requests.yml:2:5)  via affected_controls
              commit \(commit)  Explain refused doses  (commit)  via Refs
            down (what it links to):
              ITEM-1  Dose engine  (software item, regulatory/items.yml:2:5)  via items
              test DoseLimitTests.testRefusesDoseAboveLimit  passed  (test, report.xml:4:5)  via test report

            """)
    }

    @Test("--json gives the same chain as data; an unknown id is exit 2")
    func jsonAndUnknown() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let result = try dossier(["trace", "ITEM-1", "--repo", "repo", "--json"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(try #require(json["root"] as? [String: Any])["id"] as? String == "ITEM-1")
        let up = try #require(json["up"] as? [[String: Any]]).map { try #require($0["id"] as? String) }
        #expect(up.contains("REQ-1") && up.contains("RISK-1"))
        let missing = try dossier(["trace", "REQ-42", "--repo", "repo"], in: scratch.path)
        #expect(missing.status == 2)
        #expect(missing.stderr == "dossier: error: nothing in release v1.1.0 has the id 'REQ-42'\n")
    }
}
