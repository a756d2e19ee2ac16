import Git
import Model
import Records

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
        xml += "<testsuites name=\"\(xmlEscaped(suite))\" \(counts)>\n"
        xml += "  <testsuite name=\"\(xmlEscaped(suite))\" \(counts)>\n"
        for rule in reported {
            let found = byRule[rule.id, default: []]
            let errors = found.filter { $0.level == .error }.count
            xml += "    <testcase classname=\"dossier.\(xmlEscaped(rule.id.rawValue))\" name=\"\(xmlEscaped("\(rule.id.rawValue): \(rule.summary)"))\""
            if found.isEmpty {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            let body = found.map(line).joined(separator: "\n")
            if errors > 0 {
                let message = found.count == 1 ? "1 finding" : "\(found.count) findings"
                xml += "      <failure message=\"\(message)\" type=\"\(xmlEscaped(rule.id.rawValue))\">\(xmlEscaped(body, attribute: false))</failure>\n"
            } else {
                xml += "      <system-out>\(xmlEscaped(body, attribute: false))</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// Text escaped for a double-quoted attribute or, with `attribute: false`, for element content. Line breaks
    /// and tabs are kept (in attributes as character references, so parsers do not turn them into spaces; a
    /// carriage return always so); other characters XML 1.0 forbids become U+FFFD.
    static func xmlEscaped(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
