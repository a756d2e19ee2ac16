import Foundation
import TestSupport
import Testing

/// GitHub code scanning refuses a SARIF result without a location: every result of `dossier check --format sarif`
/// has one, for every rule.
@Suite("SARIF that code scanning accepts")
struct SARIFLocationTests {
    static let dossierYML = """
        device:
          name: Everything Wrong
          manufacturer: Example Medical
          safety_class: C
        records:
          soup: {sbom: sbom.cdx.json, overlay: regulatory/soup.yml}
        trust:
          allowed_signers: regulatory/allowed_signers

        """

    static let files: [String: String] = [
        "dossier.yml": dossierYML,
        "regulatory/allowed_signers": "",
        "regulatory/items.yml": """
            items:
              - id: ITEM-1
                name: Dose engine
                safety_class: A
                paths: ["src/**"]

            """,
        "regulatory/risks.yml": """
            policy:
              severity: [Minor, Critical]
              probability: [Low, High]
              acceptability: {Minor: [A, A], Critical: [A, U]}
              safety_class_by_severity: {Minor: A, Critical: C}
            risks:
              - id: RISK-1
                hazard: Over-infusion
                severity: Critical
                probability: High
                residual: {severity: Critical, probability: High}
                items: [ITEM-1]
              - id: RISK-2
                hazard: Wrong unit shown
                severity: Minor
                probability: Low
                controls:
                  - requirement: REQ-1
                    type: information_for_safety
                  - requirement: REQ-99

            """,
        "regulatory/requirements.yml": """
            requirements:
              - id: REQ-1
                title: Dose limit
                text: The pump shall refuse a dose above the limit.
                status: approved
                items: [ITEM-1, ITEM-9]
              - id: REQ-2
                title: Old beep
                text: The pump beeped.
                status: obsolete
                obsolete: {release: v1.0.0}

            """,
        "regulatory/threats.yml": """
            threats:
              - id: THR-1
                title: Replayed dose command
                safety_impact: true
              - id: THR-2
                title: Stolen tablet
                disposition: transferred
                cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
              - id: THR-3
                title: Tampered limit
                mitigations: [REQ-1]
                cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"

            """,
        "regulatory/soup.yml": """
            soup:
              - id: SOUP-1
                bom_ref: zlib
              - id: SOUP-2
                name: libfoo
                version: "2.0"
                bom_ref: libfoo

            """,
        "sbom.cdx.json": """
            {"bomFormat": "CycloneDX", "specVersion": "1.5",
             "components": [{"bom-ref": "zlib", "type": "library", "name": "zlib", "version": "1.3"}],
             "vulnerabilities": [{"id": "CVE-2099-0001", "affects": [{"ref": "zlib"}]}]}

            """,
        "regulatory/change-requests.yml": """
            change_requests:
              - id: CR-1
                title: Bigger font
                affects_labeling: true

            """,
        "src/dose.c": "int limit = 10;\n",
        "docs/notes.txt": "notes\n",
    ]

    static let junit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="Suite" tests="2" failures="1">
            <testcase classname="DoseTests" name="testLimit"><failure message="limit ignored"/></testcase>
            <testcase classname="DoseTests" name="testOther">
              <properties><property name="requirements" value="REQ-77"/></properties>
            </testcase>
          </testsuite>
        </testsuites>

        """

    @Test("every result of every rule has a physical location with a start line; commit findings name their file and the commit")
    func everyRuleLocated() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Baseline\n\nChange-Request: CR-1\nChange-Request: CR-7\n", files: Self.files)
        try repo.commit("Tidy the notes\n", files: ["docs/notes.txt": "more notes\n"])
        try repo.tag("v1.0.0", annotated: false)
        try Self.junit.write(toFile: scratch.file("junit.xml"), atomically: true, encoding: .utf8)
        try "an update package nobody signed\n".write(toFile: scratch.file("update.img"), atomically: true, encoding: .utf8)
        // Provenance of another commit that names no package: G4 and G5.
        try BuildProvenanceTests.statement(commit: String(repeating: "0", count: 40), subjects: [])
            .write(toFile: scratch.file("provenance.json"), atomically: true, encoding: .utf8)

        let result = try dossier(["check", "--repo", "repo", "--evidence", "junit.xml", "--artifact", "update.img", "--provenance", "provenance.json",
                                  "--format", "sarif", "--output", "check.sarif"], in: scratch.path)
        #expect(result.status == 1, "\(result.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: scratch.readData("check.sarif")) as? [String: Any])

        // The shape GitHub code scanning reads: version 2.1.0, $schema, one run with tool.driver.name and rules.
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasPrefix("https://") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dossier")
        let ruleIds = try #require(driver["rules"] as? [[String: Any]]).map { try #require($0["id"] as? String) }
        let results = try #require(runs[0]["results"] as? [[String: Any]])

        var fired = try Self.checkLocated(results, ruleIds: ruleIds)
        // The device rules need a device with nothing in it, and a release outside the tag pattern: another repository.
        var empty = try GitRepository(scratch, name: "empty-device")
        try empty.commit("Start\n\nChange-Request: CR-1\n", files: ["dossier.yml": """
            device:
              name: Empty
              manufacturer: ""
              safety_class: C
            releases:
              tag_pattern: "v*"

            """])
        try empty.tag("release-1")
        _ = try dossier(["check", "release-1", "--repo", "empty-device", "--format", "sarif", "--output", "device.sarif"], in: scratch.path)
        let deviceLog = try #require(try JSONSerialization.jsonObject(with: scratch.readData("device.sarif")) as? [String: Any])
        let deviceResults = try #require((deviceLog["runs"] as? [[String: Any]])?[0]["results"] as? [[String: Any]])
        for (rule, count) in try Self.checkLocated(deviceResults, ruleIds: ruleIds) { fired[rule, default: 0] += count }
        // Every rule dossier has fires in one of the two, each result located.
        #expect(Set(fired.keys) == Set(ruleIds), "rules that did not fire: \(Set(ruleIds).subtracting(fired.keys).sorted())")

        /// `uri:line commit` of the result of `rule` whose first subject is `subject`.
        func located(_ rule: String, _ subject: String) throws -> String? {
            guard let result = results.first(where: { $0["ruleId"] as? String == rule && ((($0["properties"] as? [String: Any])?["subjects"] as? [String])?.first == subject) }),
                  let location = (result["locations"] as? [[String: Any]])?.first,
                  let physical = location["physicalLocation"] as? [String: Any] else { return nil }
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
            let commit = ((location["logicalLocations"] as? [[String: Any]])?.first)?["name"] as? String
            return "\(uri):\(line) \(commit ?? "no commit")"
        }
        let head = try repo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try repo.git(["rev-parse", "HEAD~1"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // A commit naming no change request: the path it changed, and the commit.
        #expect(try located("C1", head) == "docs/notes.txt:1 \(head)")
        // An unsigned commit: the path it changed; the lightweight tag: the trust file, at the release commit.
        #expect(try located("G1", head) == "docs/notes.txt:1 \(head)")
        #expect(try located("G2", "v1.0.0") == "dossier.yml:1 \(head)")
        // A changed path no item claims: the path itself, and the last commit that changed it.
        #expect(try located("C5", "docs/notes.txt") == "docs/notes.txt:1 \(head)")
        // A change request named by a commit but by no record: the change-request file, and the commit.
        #expect(try located("C2", "CR-7") == "regulatory/change-requests.yml:1 \(first)")
        // A record finding: the record's file, line and column; no commit.
        #expect(try located("T1", "REQ-1") == "regulatory/requirements.yml:2 no commit")
    }

    /// Checks that every result has one physical location with a URI and a start line; returns how often each rule fired.
    static func checkLocated(_ results: [[String: Any]], ruleIds: [String]) throws -> [String: Int] {
        var fired: [String: Int] = [:]
        for result in results {
            let rule = try #require(result["ruleId"] as? String)
            fired[rule, default: 0] += 1
            let text = (result["message"] as? [String: Any])?["text"] as? String
            #expect(text.map { !$0.isEmpty } == true, "\(rule): no message")
            #expect((result["ruleIndex"] as? Int).map { ruleIds[$0] == rule } == true, "\(rule): ruleIndex")
            let locations = result["locations"] as? [[String: Any]] ?? []
            #expect(locations.count == 1, "\(rule): \(locations.count) locations")
            guard let physical = locations.first?["physicalLocation"] as? [String: Any],
                  let artifact = physical["artifactLocation"] as? [String: Any], let uri = artifact["uri"] as? String,
                  let region = physical["region"] as? [String: Any], let line = region["startLine"] as? Int else {
                Issue.record("\(rule): no physical location with a uri and a start line: \(result)")
                continue
            }
            #expect(!uri.isEmpty && !uri.hasPrefix("/") && line >= 1, "\(rule): \(uri):\(line)")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%", "\(rule)")
        }
        return fired
    }
}
