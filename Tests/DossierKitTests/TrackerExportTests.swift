import Foundation
@testable import Records
import Testing

@Suite("Change requests from tracker exports")
struct TrackerExportTests {
    static let mapping = """
        records:
          change_requests: tracker/export
        tracker:
          type: {bug: fix, enhancement: feature, Story: feature, Bug: fix}
          status: {"In Review": implemented}
          safety_impact: {label: "safety-impact:"}
          regulatory_decision: {field: customfield_10042}

        """

    private func load(_ file: String, _ text: String, config: String = Self.mapping) throws -> [ChangeRequest] {
        let configText = config.replacingOccurrences(of: "tracker/export", with: file)
        let source = MemorySource(files: ["dossier.yml": configText, file: text])
        return try RecordLoader.records(from: source, config: RecordLoader.config(from: source)).changeRequests
    }

    static let gitHub = #"""
        [
          {"number": 12, "title": "Drain alert", "body": "Alert when a drain stops early.", "state": "closed", "state_reason": "completed",
           "html_url": "https://github.com/acme/pdrm/issues/12",
           "labels": [{"name": "enhancement"}, {"name": "safety-impact: affects RISK-1 controls"}],
           "milestone": {"title": "v1.1.0"}},
          {"number": 13, "title": "Crash on reconnect", "body": null, "state": "open", "labels": [{"name": "bug"}], "milestone": null},
          {"number": 14, "title": "Drop the legacy sync", "state": "closed", "state_reason": "not_planned", "labels": []},
          {"number": 15, "title": "Bump zlib", "state": "open", "labels": [], "pull_request": {"url": "https://…"}}
        ]
        """#

    @Test("a GitHub issues export: number → CR id, labels → type and safety impact, state → status, milestone; pull requests left out")
    func gitHub() throws {
        let crs = try load("tracker/issues.json", Self.gitHub)
        #expect(crs.map(\.id) == ["CR-12", "CR-13", "CR-14"])
        #expect(crs[0].type == "feature" && crs[0].status == .closed && crs[0].targetRelease == "v1.1.0")
        #expect(crs[0].safetyImpact == "affects RISK-1 controls")
        #expect(crs[0].origin == "GitHub issue #12 https://github.com/acme/pdrm/issues/12")
        #expect(crs[0].source.description == "tracker/issues.json:2:3")
        #expect(crs[1].type == "fix" && crs[1].status == .open && crs[1].description == nil)
        #expect(crs[2].status == .rejected)
    }

    static let jiraJSON = #"""
        {"startAt": 0, "maxResults": 50, "total": 2, "issues": [
          {"key": "PDRM-7", "fields": {"summary": "BLE pairing", "issuetype": {"name": "Story"},
            "status": {"name": "In Review", "statusCategory": {"key": "indeterminate"}}, "resolution": null,
            "fixVersions": [{"name": "v2.0.0"}], "labels": ["security"], "customfield_10042": {"value": "new-510k"},
            "issuelinks": [{"type": {"name": "Blocks", "inward": "is blocked by", "outward": "blocks"}, "outwardIssue": {"key": "PDRM-9"}}]}},
          {"key": "PDRM-8", "fields": {"summary": "Old export", "issuetype": {"name": "Task"},
            "status": {"name": "Done", "statusCategory": {"key": "done"}}, "resolution": {"name": "Won't Do"}, "fixVersions": []}}
        ]}
        """#

    @Test("a Jira search result: key → CR id, issue type → type, status and resolution → status, fix versions, links, a custom field → decision")
    func jiraJSON() throws {
        let crs = try load("tracker/jira.json", Self.jiraJSON)
        #expect(crs.map(\.id) == ["CR-PDRM-7", "CR-PDRM-8"])
        #expect(crs[0].type == "feature" && crs[0].status == .implemented && crs[0].targetRelease == "v2.0.0")
        #expect(crs[0].relatedIssues == ["blocks PDRM-9"])
        #expect(crs[0].regulatoryAssessment?.decision == "new-510k")
        #expect(crs[1].status == .rejected && crs[1].type == nil)
    }

    static let jiraCSV = """
        Summary,Issue key,Issue id,Issue Type,Status,Resolution,Fix Version/s,Fix Version/s,Labels,Outward issue link (Blocks),Description,customfield_10042
        BLE pairing,PDRM-7,10007,Story,Done,Done,v2.0.0,v2.0.1,safety-impact: none,PDRM-9,"Pair with a PIN, shown on the cycler.
        Second line with ""quotes"".",letter-to-file
        Crash on reconnect,PDRM-8,10008,Bug,To Do,,,,,,,

        """

    @Test("a Jira CSV export: quoted fields with commas and line breaks, repeated columns, link columns")
    func jiraCSV() throws {
        let crs = try load("tracker/jira.csv", Self.jiraCSV)
        #expect(crs.map(\.id) == ["CR-PDRM-7", "CR-PDRM-8"])
        #expect(crs[0].targetRelease == "v2.0.0, v2.0.1")
        #expect(crs[0].description == "Pair with a PIN, shown on the cycler.\nSecond line with \"quotes\".")
        #expect(crs[0].safetyImpact == "none" && crs[0].status == .closed && crs[0].type == "feature")
        #expect(crs[0].relatedIssues == ["blocks PDRM-9"])
        #expect(crs[0].regulatoryAssessment?.decision == "letter-to-file")
        #expect(crs[1].source.description == "tracker/jira.csv:4")
        #expect(crs[1].type == "fix" && crs[1].status == .open)
    }

    @Test("bad exports: a CSV without a required column, an unclosed quote, JSON of another kind, a bad id pattern: file and position")
    func badExports() throws {
        let missing = "Summary,Issue Type,Status\nBLE pairing,Story,Done\n"
        do { _ = try load("tracker/jira.csv", missing); Issue.record("expected an error") } catch {
            #expect("\(error)" == "tracker/jira.csv:1: expected the column 'Issue key' in the header, found the columns Summary, Issue Type, Status (in the tree of test)")
        }
        do { _ = try load("tracker/jira.csv", "Summary,Issue key,Issue Type,Status\n\"BLE,PDRM-7,Story,Done\n"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "tracker/jira.csv:2: expected a closing '\"' for the quoted field opened here, found the end of the file (in the tree of test)")
        }
        do { _ = try load("tracker/x.json", "{\"bomFormat\": \"CycloneDX\"}"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "tracker/x.json:1:1: expected a GitHub issues export (an array of issues) or a Jira search result (an object with \"issues\"), found an object with the keys bomFormat (in the tree of test)")
        }
        do { _ = try load("tracker/issues.json", Self.gitHub, config: "tracker:\n  id: \"PR-{number}\"\n"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "dossier.yml:2:7: expected a change request id pattern such as CR-{number} or CR-{key} for 'id', found 'PR-{number}' (in the tree of test)")
        }
    }
}
