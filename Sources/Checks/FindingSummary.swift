import Git
import Model
import Records

/// A release's findings counted by level, as the one summary line of `check`, `suf` and `attach` gives them.
public struct FindingSummary: Sendable, Hashable {
    /// Error-level findings.
    public var errors: Int
    /// Warning-level findings.
    public var warnings: Int
    /// The rules that ran.
    public var rules: Int

    /// Counts `findings` from `rules` rules.
    public init(findings: [Finding], rules: Int) {
        errors = findings.count { $0.level == .error }
        warnings = findings.count { $0.level == .warning }
        self.rules = rules
    }

    /// Counts the findings of an assessment, from the rules its policy left on.
    public init(assessment: Assessment) {
        self.init(findings: assessment.findings, rules: RuleCatalog.rules.count { !assessment.rulesOff.contains($0.id) })
    }

    /// `1 error(s), 3 warning(s) from 22 rules`.
    public var counts: String { "\(errors) error(s), \(warnings) warning(s) from \(rules) rules" }

    /// Whether `--strict` ends the command with exit 1: there is an error-level finding.
    public func failsStrict(_ strict: Bool) -> Bool { strict && errors > 0 }

    /// The line `suf` and `attach` print after writing the documents: the counts, where the findings are, and
    /// whether `--strict` fails on them.
    public func documentLine(strict: Bool) -> String {
        "\(counts): see the SUF's gap report (dossier check lists them)\(failsStrict(strict) ? "; --strict fails" : "")"
    }
}
