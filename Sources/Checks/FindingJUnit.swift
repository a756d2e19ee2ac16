import Git
import Model
import Records
import Support

extension FindingReport {
    /// JUnit XML: one `<testsuite name="dossier check RELEASE">` (inside `<testsuites>`) holding one
    /// `<testcase classname="dossier.RULE" name="RULE: summary">` per rule that ran (rules turned off are not
    /// passed in, so they are left out). A rule with error-level findings fails: its `<failure message="N findings">`
    /// lists all N findings of the rule, warnings included, each with its level and location. A rule with only warnings
    /// passes and lists them in `<system-out>`. Text is XML-escaped; characters XML 1.0 cannot hold become U+FFFD.
    public static func junit(findings: [Finding], rules: [RuleInfo], release: String) -> String {
        let reported = reportedRules(findings: findings, rules: rules)
        let byRule = Dictionary(grouping: findings, by: \.rule)
        let failures = reported.filter { rule in byRule[rule.id, default: []].contains { $0.level == .error } }.count
        let counts = "tests=\"\(reported.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\""
        let suite = "dossier check \(release)"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(XMLText.xmlEscaped(suite))\" \(counts)>\n"
        xml += "  <testsuite name=\"\(XMLText.xmlEscaped(suite))\" \(counts)>\n"
        for rule in reported {
            let found = byRule[rule.id, default: []]
            let errors = found.filter { $0.level == .error }.count
            xml += "    <testcase classname=\"dossier.\(XMLText.xmlEscaped(rule.id.rawValue))\" name=\"\(XMLText.xmlEscaped("\(rule.id.rawValue): \(rule.summary)"))\""
            if found.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            let body = found.map(line).joined(separator: "\n")
            if errors > 0 {
                let message = found.count == 1 ? "1 finding" : "\(found.count) findings"
                xml += "      <failure message=\"\(message)\" type=\"\(XMLText.xmlEscaped(rule.id.rawValue))\">\(XMLText.xmlEscaped(body, attribute: false))</failure>\n"
            } else {
                xml += "      <system-out>\(XMLText.xmlEscaped(body, attribute: false))</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
