import Model
import Records

/// `dossier check`'s findings as CI systems read them: JUnit XML (`--format junit`) and SARIF 2.1.0
/// (`--format sarif`). Both list the rules that ran in the order given, findings in the order given, and
/// hold nothing that changes from run to run (no times, no absolute paths), so the same findings give the same bytes.
public enum FindingReport {
    /// The rules a report lists: those that ran, in order, then any rule a finding names that is not among
    /// them (so no finding is ever left out), in id order.
    static func reportedRules(findings: [Finding], rules: [RuleInfo]) -> [RuleInfo] {
        let known = Set(rules.map(\.id))
        var extra: [RuleID: RuleInfo] = [:]
        for finding in findings where !known.contains(finding.rule) && extra[finding.rule] == nil {
            extra[finding.rule] = finding.rule.info
        }
        return rules + extra.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { extra[$0] }
    }

    /// `error: file:line:column: message (subjects: …)`, one finding on one line of a report's text.
    static func line(_ finding: Finding) -> String {
        var text = "\(finding.level.rawValue): "
        if let location = finding.location { text += "\(location): " }
        text += finding.message
        if !finding.subjects.isEmpty { text += " (subjects: \(finding.subjects.joined(separator: ", ")))" }
        return text
    }
}
