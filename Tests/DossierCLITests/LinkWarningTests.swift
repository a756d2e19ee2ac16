import Foundation
import TestSupport
import Testing

@Suite("links between records")
struct LinkWarningTests {
    @Test("a link to an unknown id is reported on stderr with both records and where the link is written")
    func unknownId() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Link to a missing requirement\n", files: [
            "regulatory/risks.yml": DeviceFixture.risksV1.replacingOccurrences(of: "requirement: REQ-1", with: "requirement: REQ-99"),
        ])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0)
        #expect(result.stderr == "dossier: warning: regulatory/risks.yml:9:5: RISK-1 links to REQ-99 in 'controls', but no record has that id\n")
        let md = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md")
        // The gap report lists it as a T2 error, with where the link is written.
        #expect(md.contains("| error | T2 | RISK-1 (regulatory/risks.yml:9:5) links to REQ-99 in 'controls', but no record has that id |"))
    }
}
