import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Checks
@testable import Git
@testable import Model
@testable import Records
@testable import Support

/// A JUnit document read back: its elements' attributes and text, in order.
final class JUnitElementList: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var parent: Int?
    }

    var elements: [Element] = []
    private var open: [Int] = []

    static func read(_ xml: String) throws -> [Element] {
        let reader = JUnitElementList()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw DossierError("XML does not parse: \(String(describing: parser.parserError))") }
        return reader.elements
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, parent: open.last))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}

@Suite("Finding reports: JUnit XML and SARIF")
struct FindingReportTests {
    let rules = [RuleID.T1, .R1, .C1, .X6].map(RuleCatalog.rule)

    var findings: [Finding] {
        [
            Finding(rule: .T1, level: .error, message: #"REQ-1 "dose <limit> & rate" has no passing test"#, subjects: ["REQ-1"],
                    location: SourceLocation(file: "regulatory/requirements.yml", line: 4, column: 5), clauses: ["IEC 62304 5.2"]),
            Finding(rule: .C1, level: .warning, message: "commit 0123abc names no change request", subjects: ["0123abc"],
                    location: nil, clauses: ["IEC 62304 8.2.4"]),
            Finding(rule: .T1, level: .error, message: "REQ-2 has no passing test", subjects: ["REQ-2"],
                    location: SourceLocation(file: "regulatory/requirements.yml", line: 9), clauses: ["IEC 62304 5.2"]),
            Finding(rule: .X6, level: .warning, message: "THR-1's CVSS vector is missing", subjects: ["THR-1"],
                    location: SourceLocation(file: "regulatory/threat model.yml", line: 2, column: 3), clauses: []),
            Finding(rule: .X6, level: .error, message: "THR-2's CVSS vector is invalid", subjects: ["THR-2"],
                    location: SourceLocation(file: "regulatory/threat model.yml", line: 12, column: 3), clauses: []),
        ]
    }

    // MARK: JUnit

    @Test("JUnit: one testcase per rule that ran, failures for rules with errors, counts that add up")
    func junitCounts() throws {
        let xml = FindingReport.junit(findings: findings, rules: rules, release: "v1.2.0")
        let elements = try JUnitElementList.read(xml)
        let suites = elements.filter { $0.name == "testsuite" }
        #expect(suites.count == 1)
        #expect(suites.first?.attributes["name"] == "dossier check v1.2.0")
        #expect(suites.first?.attributes["tests"] == "4")
        #expect(suites.first?.attributes["failures"] == "2")
        #expect(suites.first?.attributes["errors"] == "0")
        #expect(elements.first?.name == "testsuites" && elements.first?.attributes["failures"] == "2")
        let cases = elements.enumerated().filter { $0.element.name == "testcase" }
        #expect(cases.map { $0.element.attributes["classname"] } == ["dossier.T1", "dossier.R1", "dossier.C1", "dossier.X6"])
        #expect(cases.first?.element.attributes["name"] == "T1: \(RuleCatalog.rule(.T1).summary)")
        func children(of testcase: String) -> [JUnitElementList.Element] {
            guard let index = cases.first(where: { $0.element.attributes["classname"] == "dossier.\(testcase)" })?.offset else { return [] }
            return elements.filter { $0.parent == index }
        }
        let t1 = children(of: "T1")
        #expect(t1.map(\.name) == ["failure"])
        #expect(t1.first?.attributes["message"] == "2 findings")
        #expect(t1.first?.text == """
            error: regulatory/requirements.yml:4:5: REQ-1 "dose <limit> & rate" has no passing test (subjects: REQ-1)
            error: regulatory/requirements.yml:9: REQ-2 has no passing test (subjects: REQ-2)
            """)
        #expect(children(of: "R1").isEmpty, "a rule with no findings passes")
        let c1 = children(of: "C1")
        #expect(c1.map(\.name) == ["system-out"], "a rule with only warnings passes and lists them")
        #expect(c1.first?.text == "warning: commit 0123abc names no change request (subjects: 0123abc)")
        let x6 = children(of: "X6")
        #expect(x6.first?.attributes["message"] == "2 findings", "the count is of every finding the failure lists")
        #expect(x6.first?.text.contains("warning: regulatory/threat model.yml:2:3") == true, "a failing rule lists its warnings too")
        #expect(xml.contains("&lt;limit&gt; &amp; rate"))
    }

    @Test("JUnit: rules not passed (turned off) are left out; a finding's unlisted rule still gets a testcase")
    func junitRuleSelection() throws {
        let off = FindingReport.junit(findings: [], rules: rules.filter { $0.id != .C1 }, release: "v1")
        #expect(!off.contains("dossier.C1"))
        let unlisted = FindingReport.junit(findings: findings, rules: [], release: "v1")
        let cases = try JUnitElementList.read(unlisted).filter { $0.name == "testcase" }.map { $0.attributes["classname"] ?? "" }
        #expect(cases == ["dossier.C1", "dossier.T1", "dossier.X6"])
        let empty = try JUnitElementList.read(FindingReport.junit(findings: [], rules: [], release: "v1"))
        #expect(empty.first { $0.name == "testsuite" }?.attributes["tests"] == "0")
    }

    @Test("JUnit: quotes, markup, line breaks and control characters survive in attributes and text")
    func junitEscaping() throws {
        let odd = RuleInfo(id: .T1, clauses: [], defaultLevel: .error, summary: "a \"quoted\" <summary> & more\nsecond line")
        let finding = Finding(rule: odd.id, level: .error, message: "bell \u{07} and NUL \u{00} and tab\there\r\nend",
                              subjects: [], location: nil, clauses: [])
        let xml = FindingReport.junit(findings: [finding], rules: [odd], release: "v<1>&\"2\"")
        let elements = try JUnitElementList.read(xml)
        #expect(elements.first { $0.name == "testsuite" }?.attributes["name"] == "dossier check v<1>&\"2\"")
        let testcase = try #require(elements.first { $0.name == "testcase" })
        #expect(testcase.attributes["classname"] == "dossier.T1")
        #expect(testcase.attributes["name"] == "T1: a \"quoted\" <summary> & more\nsecond line")
        let failure = try #require(elements.first { $0.name == "failure" })
        #expect(failure.attributes["message"] == "1 finding")
        #expect(failure.text == "error: bell \u{FFFD} and NUL \u{FFFD} and tab\there\r\nend")
    }

    @Test("JUnit and SARIF: the same findings give the same bytes")
    func deterministic() {
        let junit = FindingReport.junit(findings: findings, rules: rules, release: "v1")
        #expect(FindingReport.junit(findings: findings, rules: rules, release: "v1") == junit)
        let sarif = FindingReport.sarif(findings: findings, rules: rules, toolVersion: "0.1.0")
        #expect(FindingReport.sarif(findings: findings, rules: rules, toolVersion: "0.1.0") == sarif)
        #expect(!junit.contains("time") && !junit.contains("timestamp"))
    }

    // MARK: SARIF

    func sarifObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("SARIF: the required fields, the driver and its rules in order")
    func sarifDriver() throws {
        let text = FindingReport.sarif(findings: findings, rules: rules, toolVersion: "0.1.0", informationURI: "https://example.org/dossier")
        let log = try sarifObject(text)
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == FindingReport.sarifSchema)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dossier")
        #expect(driver["version"] as? String == "0.1.0")
        #expect(driver["informationUri"] as? String == "https://example.org/dossier")
        let sarifRules = try #require(driver["rules"] as? [[String: Any]])
        #expect(sarifRules.map { $0["id"] as? String } == ["T1", "R1", "C1", "X6"])
        let t1 = sarifRules[0]
        #expect((t1["shortDescription"] as? [String: Any])?["text"] as? String == RuleCatalog.rule(.T1).summary)
        #expect((t1["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((t1["properties"] as? [String: Any])?["clauses"] as? [String] == RuleCatalog.rule(.T1).clauses)
        #expect((sarifRules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        let bare = try sarifObject(FindingReport.sarif(findings: [], rules: [], toolVersion: "0.1.0"))
        let bareDriver = ((bare["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(bareDriver?["informationUri"] == nil)
        #expect(bareDriver?["rules"] as? [Any] != nil)
    }

    @Test("SARIF: results name their rule by id and index, with level, message and repository-relative location")
    func sarifResults() throws {
        let log = try sarifObject(FindingReport.sarif(findings: findings, rules: rules, toolVersion: "0.1.0"))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let ruleIDs = try #require((((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])?
            .map { $0["id"] as? String })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == findings.count)
        for (result, finding) in zip(results, findings) {
            #expect(result["ruleId"] as? String == finding.rule.rawValue)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[ruleIndex] == finding.rule.rawValue)
            #expect(result["level"] as? String == finding.level.rawValue)
            #expect((result["message"] as? [String: Any])?["text"] as? String == finding.message)
            #expect((result["properties"] as? [String: Any])?["subjects"] as? [String] == finding.subjects)
        }
        let first = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(first["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "regulatory/requirements.yml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(first["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 4 && region["startColumn"] as? Int == 5)
        // A finding without a location is placed at dossier.yml's first line: code scanning refuses a result without one.
        let second = (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((second?["artifactLocation"] as? [String: Any])?["uri"] as? String == "dossier.yml")
        #expect((second?["region"] as? [String: Any])?["startLine"] as? Int == 1)
        let third = (results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((third?["region"] as? [String: Any])?["startColumn"] == nil)
        let fourth = (results[3]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((fourth?["artifactLocation"] as? [String: Any])?["uri"] as? String == "regulatory/threat%20model.yml")
        let unlisted = try sarifObject(FindingReport.sarif(findings: findings, rules: [], toolVersion: "0.1.0"))
        let unlistedRun = try #require((unlisted["runs"] as? [[String: Any]])?.first)
        let unlistedIDs = (((unlistedRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])?
            .map { $0["id"] as? String }
        #expect(unlistedIDs == ["C1", "T1", "X6"], "a finding's rule is described even when not passed")
        #expect((unlistedRun["results"] as? [[String: Any]])?.first?["ruleIndex"] as? Int == 1)
    }

    @Test("SARIF: sorted keys, two-space indentation, a final newline")
    func sarifLayout() {
        let text = FindingReport.sarif(findings: findings, rules: rules, toolVersion: "0.1.0")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "{")
        #expect(lines[1] == "  \"$schema\": \"\(FindingReport.sarifSchema)\",")
        #expect(lines[2] == "  \"runs\": [")
        #expect(text.hasSuffix("}\n"))
        #expect(lines.dropLast(2).last == "  \"version\": \"2.1.0\"")
        let keys = lines.compactMap { line -> (Int, String)? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\""),
                  trimmed[trimmed.index(after: end)...].hasPrefix(":") else { return nil }
            return (line.count - trimmed.count, String(trimmed[trimmed.index(after: trimmed.startIndex)..<end]))
        }
        #expect(keys.allSatisfy { $0.0 % 2 == 0 })
        let resultKeys = keys.filter { $0.0 == 10 }.map(\.1).prefix(6)
        #expect(Array(resultKeys) == ["level", "locations", "message", "properties", "ruleId", "ruleIndex"])
        #expect(!text.contains("\\/"), "slashes are not escaped")
    }

    @Test("SARIF: file paths become relative URI references")
    func relativeURIs() {
        #expect(FindingReport.relativeURI("regulatory/risks.yml") == "regulatory/risks.yml")
        #expect(FindingReport.relativeURI("regulatory/risk file.yml") == "regulatory/risk%20file.yml")
        #expect(FindingReport.relativeURI("a#b/c?d%e;f.yml") == "a%23b/c%3Fd%25e%3Bf.yml")
        #expect(FindingReport.relativeURI("c:odd/x.yml") == "./c:odd/x.yml")
        #expect(FindingReport.relativeURI("docs/ü.yml") == "docs/%C3%BC.yml")
    }
}
