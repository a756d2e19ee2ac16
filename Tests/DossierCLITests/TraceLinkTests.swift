import Foundation
import TestSupport
import Testing

/// The trace matrix links only what someone wrote: no change request reaches a requirement through a commit
/// that also names another change request.
@Suite("trace links")
struct TraceLinkTests {
    static let dossierYML = """
        device: {name: Pump, manufacturer: Example Medical, safety_class: B}
        records:
          requirements: regulatory/requirements.yml
          change_requests: regulatory/change-requests.yml

        """
    static let requirements = """
        requirements:
          - {id: REQ-1, title: Dose limit, text: The pump shall refuse a dose above the limit., status: approved}
          - {id: REQ-2, title: Alarm, text: The pump shall sound an alarm on occlusion., status: approved}
          - id: REQ-3
            title: Beep on start
            text: The pump shall beep when infusion starts.
            status: obsolete
            obsolete: {release: v1.0.0, rationale: Replaced by REQ-2}

        """
    static let changeRequests = """
        change_requests:
          - {id: CR-1, title: Dose limit, type: feature, status: closed, requirements: [REQ-1]}
          - {id: CR-2, title: Occlusion alarm, type: feature, status: closed, requirements: [REQ-2]}
          - {id: CR-3, title: Louder alarm, type: feature, status: rejected, requirements: [REQ-2]}

        """

    /// One commit per change request, then a release commit naming CR-1 and CR-2 together.
    static func make(_ scratch: Scratch) throws -> (repo: GitRepository, dose: String, alarm: String, release: String) {
        var repo = try GitRepository(scratch)
        try repo.commit("Records\n", files: [
            "dossier.yml": dossierYML, "regulatory/requirements.yml": requirements,
            "regulatory/change-requests.yml": changeRequests,
        ])
        let dose = try repo.commit("Refuse doses above the limit\n\nChange-Request: CR-1\nRefs: REQ-1\n", files: ["src/dose.c": "1\n"])
        let alarm = try repo.commit("Occlusion alarm\n\nChange-Request: CR-2\nImplements: REQ-2\n", files: ["src/alarm.c": "1\n"])
        let release = try repo.commit("Prepare release 1.0.0\n\nChange-Request: CR-1, CR-2\n", files: ["CHANGELOG": "1.0.0\n"])
        try repo.tag("v1.0.0")
        return (repo, dose, alarm, release)
    }

    @Test("a commit naming CR-1 and CR-2 links itself to each; each requirement keeps only the change request its record names")
    func multiChangeRequestCommit() throws {
        let scratch = try Scratch()
        let (_, dose, alarm, release) = try Self.make(scratch)
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")

        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
        let rows = try #require(json["traceMatrix"] as? [[String: Any]])
        func ids(_ row: Int, _ column: String) throws -> [String] { try #require(rows[row][column] as? [[String: Any]]).map { try #require($0["id"] as? String) } }
        #expect(try rows.map { try #require($0["requirement"] as? String) } == ["REQ-1", "REQ-2", "REQ-3"])
        #expect(try ids(0, "changeRequests") == ["CR-1"])
        #expect(try ids(0, "commits") == [dose])
        #expect(try ids(1, "changeRequests") == ["CR-2", "CR-3"])
        #expect(try ids(1, "commits") == [alarm])
        #expect(try #require(rows[1]["commits"] as? [[String: Any]])[0]["via"] as? [String] == ["Implements"])
        let rejected = try #require(rows[1]["changeRequests"] as? [[String: Any]])[1]
        #expect(rejected["status"] as? String == "rejected" && rejected["via"] as? [String] == ["requirements"])
        #expect(try rows.map { try #require($0["result"] as? String) } == ["no test", "no test", "obsolete"])

        let csv = try scratch.read("dist/dossier/v1.0.0/trace-matrix.csv").split(separator: "\n").map(String.init)
        #expect(csv == [
            "requirement,title,status,risks,threats,ifu_changes,items,change_requests,commits,tests,result",
            "REQ-1,Dose limit,approved,,,,,CR-1,\(dose.prefix(12)),,no test",
            "REQ-2,Alarm,approved,,,,,CR-2; CR-3 (rejected),\(alarm.prefix(12)) (Implements),,no test",
            "REQ-3,Beep on start,obsolete,,,,,,,,obsolete",
        ])
        let md = try scratch.read("dist/dossier/v1.0.0/SUF-v1.0.0.md")
        #expect(md.contains("| [REQ-1](#req-1) Dose limit ([picture](trace-REQ-1.svg)) |  |  |  |  | CR-1 | \(dose.prefix(12)) |  | no test |"))
        #expect(md.contains("| [REQ-2](#req-2) Alarm ([picture](trace-REQ-2.svg)) |  |  |  |  | CR-2, CR-3 (rejected) | \(alarm.prefix(12)) (Implements) |  | no test |"))
        #expect(md.contains("| [REQ-3](#req-3) Beep on start ([picture](trace-REQ-3.svg)) |  |  |  |  |  |  |  | obsolete |"))
        #expect(md.contains("0 passed, 0 failed, 0 skipped, 2 with no test, 1 obsolete"))

        // The DHF's matrix labels the links as the SUF does.
        let dhf = try dossier(["dhf", "--repo", "repo"], in: scratch.path)
        #expect(dhf.status == 0, "\(dhf.stderr)")
        let history = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(history.contains("| [REQ-1](#req-1) Dose limit | approved |  |  |  | CR-1 | v1.0.0 | 1 |  | no test |"))
        #expect(history.contains("| [REQ-2](#req-2) Alarm | approved |  |  |  | CR-2, CR-3 (rejected) | v1.0.0 | 1 |  | no test |"))
        #expect(history.contains("| [REQ-3](#req-3) Beep on start | obsolete |  |  |  |  |  | 0 |  | obsolete |"))

        // The release commit is linked to both change requests, and to no requirement; the change requests'
        // requirements are not above it.
        let trace = try dossier(["trace", String(release.prefix(12)), "--repo", "repo"], in: scratch.path)
        #expect(trace.status == 0, "\(trace.stderr)")
        #expect(trace.stdout == """
            commit \(release.prefix(12))  Prepare release 1.0.0  (commit)
            up (what links to it):
              CR-1  Dose limit  (change request, closed, regulatory/change-requests.yml:2:5)  via Change-Request
              CR-2  Occlusion alarm  (change request, closed, regulatory/change-requests.yml:3:5)  via Change-Request
            down (what it links to):
              nothing

            """)
    }

    @Test("dossier trace of a requirement lists, one link away, exactly its row: the rejected change request with its status")
    func requirementTraceIsItsRow() throws {
        let scratch = try Scratch()
        let (_, _, alarm, _) = try Self.make(scratch)
        let trace = try dossier(["trace", "REQ-2", "--repo", "repo"], in: scratch.path)
        #expect(trace.status == 0, "\(trace.stderr)")
        #expect(trace.stdout == """
            REQ-2  Alarm  (requirement, regulatory/requirements.yml:3:5)
            up (what links to it):
              CR-2  Occlusion alarm  (change request, closed, regulatory/change-requests.yml:3:5)  via requirements
              CR-3  Louder alarm  (change request, rejected, regulatory/change-requests.yml:4:5)  via requirements
              commit \(alarm.prefix(12))  Occlusion alarm  (commit)  via Implements
            down (what it links to):
              nothing

            """)
        let obsolete = try dossier(["trace", "REQ-3", "--repo", "repo"], in: scratch.path)
        #expect(obsolete.stdout.hasPrefix("REQ-3  Beep on start  (requirement, obsolete, regulatory/requirements.yml:4:5)\n"))
    }
}
