import Foundation
import TestSupport
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
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("out/v1.2.0/suf.json")) as? [String: Any])
        let crs = try #require((json["records"] as? [String: Any])?["changeRequests"] as? [[String: Any]])
        #expect(crs.first?["origin"] as? String == "GitHub issue #21")
        #expect(crs.first?["safetyImpact"] as? String == "none, display only")
        #expect(crs.first?["targetRelease"] as? String == "v1.2.0")
        let changeRequests = try #require(json["changeRequests"] as? [[String: Any]])
        #expect(changeRequests.contains { ($0["id"] as? String) == "CR-21" && (($0["commits"] as? [Any])?.count ?? 0) == 1 })
    }

    @Test("bad tool exports in the release's tree: a Jira CSV without a required column, a Threat Dragon model of the version 1 schema: exit 2, file and reason, nothing written")
    func badExports() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let config = DeviceFixture.dossierYML.replacingOccurrences(of: "regulatory/change-requests.yml", with: "tracker/jira.csv")
        try repo.commit("Jira export\n", files: ["dossier.yml": config, "tracker/jira.csv": "Summary,Issue Type,Status\nBLE pairing,Story,Done\n"])
        try repo.tag("v1.2.0")
        let csv = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(csv.status == 2)
        #expect(csv.stderr == "dossier: error: tracker/jira.csv:1: expected the column 'Issue key' in the header, found the columns Summary, Issue Type, Status (in the tree of v1.2.0)\n")
        #expect(!scratch.exists("out"))

        let v1 = #"{"summary": {"title": "Old"}, "detail": {"diagrams": [{"title": "D", "diagramJson": {"cells": []}}]}}"#
        let threats = DeviceFixture.dossierYML + "  threats: design/model.json\n"
        try repo.commit("Threat Dragon model\n", files: ["dossier.yml": threats.replacingOccurrences(of: "tracker/jira.csv", with: "regulatory/change-requests.yml"),
                                                        "design/model.json": v1])
        try repo.tag("v1.3.0")
        let dragon = try dossier(["check", "--repo", "repo"], in: scratch.path)
        #expect(dragon.status == 2)
        #expect(dragon.stderr == "dossier: error: design/model.json:1:1: expected an OWASP Threat Dragon v2 model (\"version\": \"2.x\"), found a version 1 model (diagrams with diagramJson); open it in Threat Dragon 2 and save it to upgrade it (in the tree of v1.3.0)\n")
    }
}
