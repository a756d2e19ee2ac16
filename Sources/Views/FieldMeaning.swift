import Model
import Records

/// Compares a record's fields and says what each change means where the field has a meaning dossier knows:
/// a risk's cell in the acceptability matrix, a threat's CVSS base score, a SOUP item's version. Long text
/// gets a word-level diff.
enum FieldMeaning {
    /// Text of more words than this is diffed word by word.
    static let longTextWords = 8

    /// The fields of `old` and `new` (the same record on two sides) that differ, in field order.
    static func diff(old: any Record, new: any Record, oldSet: RecordSet, newSet: RecordSet) -> [FieldDiff] {
        ReleaseDelta.fieldChanges(old.fields, new.fields).map { field in
            var change = FieldDiff(field: field.field, old: field.old, new: field.new)
            if let a = field.old, let b = field.new, WordDiff.words(a).count > longTextWords || WordDiff.words(b).count > longTextWords {
                change.words = WordDiff.between(a, b)
            }
            change.meaning = meaning(of: field.field, old: old, new: new, oldSet: oldSet, newSet: newSet)
            return change
        }
    }

    private static func meaning(of field: String, old: any Record, new: any Record, oldSet: RecordSet, newSet: RecordSet) -> String? {
        switch (old, new, field) {
        case let (a as Risk, b as Risk, "severity"), let (a as Risk, b as Risk, "probability"):
            return "initial risk: " + move(a.initial?.position(in: oldSet.riskPolicy), b.initial?.position(in: newSet.riskPolicy), unset: "not estimated")
        case let (a as Risk, b as Risk, "residual"):
            return "residual risk: " + move(a.residual?.position(in: oldSet.riskPolicy), b.residual?.position(in: newSet.riskPolicy), unset: "not estimated")
        case let (a as Threat, b as Threat, "cvss"):
            return "CVSS base score: " + move(score(a.cvss), score(b.cvss), unset: "not stated")
        case let (a as Threat, b as Threat, "residual_cvss"):
            return "residual CVSS base score: " + move(score(a.residualCvss), score(b.residualCvss), unset: "not stated")
        case let (a as SOUP, b as SOUP, "version"):
            return SOUP.versionChange(from: a.version, to: b.version)
        default:
            return nil
        }
    }

    private static func move(_ old: String?, _ new: String?, unset: String) -> String {
        "\(old ?? unset) → \(new ?? unset)"
    }

    /// A vector's base score and severity, e.g. `8.1 High`.
    private static func score(_ vector: String?) -> String? {
        guard let vector else { return nil }
        guard let parsed = try? CVSSVector(vector) else { return "invalid vector" }
        return "\(parsed.baseScore) \(parsed.severity)"
    }
}
