import TestSupport
import Foundation
import Testing

@Suite("Change requests from a tracker export, end to end")
struct TrackerCommandTests {
    @Test("dossier suf joins commits to the change requests of a GitHub issues export in the release's tree")
    func gitHubExport() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let config = DeviceFixture.dossierYML.replacingOccurrences(of: "regulatory/change-requests.yml", with: "tracker/issues.json")
            + "tracker:\n  type: {enhancement: feature}\n  safety_impact: {label: \"safety-impact:\"}\n"
        let export = """
            [{"number": 21, "title": "Show <b>refused</b> doses", "state": "closed", "labels": [{"name": "enhancement"},
              {"name": "safety-impact: none, display only"}], "milestone": {"title": "v1.2.0"}}]

            """
        try repo.commit("Track change requests in GitHub\n\nChange-Request: CR-21\n", files: ["dossier.yml": config, "tracker/issues.json": export])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo", "--out", "out", "--format", "md,json"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("out/v1.2.0/SUF-v1.2.0.md")
        #expect(md.contains("CR-21"))
        #expect(md.contains("Show \\<b\\>refused\\</b\\> doses"))
        let json = try JSONSerialization.jsonObject(with: scratch.readData("out/v1.2.0/suf.json")) as! [String: Any]
        let crs = (json["records"] as! [String: Any])["changeRequests"] as! [[String: Any]]
        #expect(crs.first?["origin"] as? String == "GitHub issue #21")
        #expect(crs.first?["safetyImpact"] as? String == "none, display only")
        #expect(crs.first?["targetRelease"] as? String == "v1.2.0")
        let changeRequests = json["changeRequests"] as! [[String: Any]]
        #expect(changeRequests.contains { ($0["id"] as? String) == "CR-21" && (($0["commits"] as? [Any])?.count ?? 0) == 1 })
    }
}
