import Foundation
import Support

extension Config {
    /// Reads dossier.yml's `clauses:` mapping: `not_applicable` maps a clause of the coverage table
    /// (`IEC 62304 5.1.10`) to the manufacturer's reason it does not apply.
    /// - Throws: `DossierError` at the clause that is not in the table, or at a reason that is empty.
    static func notApplicableClauses(_ value: YAMLValue) throws -> [String: String] {
        let clauses = try value.mapping("clauses", allowed: ["not_applicable"])
        guard let entries = clauses["not_applicable"] else { return [:] }
        guard case .mapping(let mapping) = entries.node else {
            throw entries.fail("a mapping of clauses to reasons for 'not_applicable', e.g. \"IEC 62304 5.1.10\": reason")
        }
        let known = Set(ClauseTable.clauses.map(\.reference))
        var reasons: [String: String] = [:]
        for (key, reason) in mapping {
            let keyValue = YAMLValue(node: key, file: value.file)
            let clause = try keyValue.text("a clause such as IEC 62304 5.1.10")
            guard known.contains(clause) else {
                throw DossierError("expected a clause of the coverage table such as \"IEC 62304 5.1.10\" or \"ISO 14971 7.4\" in 'clauses.not_applicable', found \(Excerpt.quoted(clause))",
                                   at: keyValue.location)
            }
            let reasonValue = YAMLValue(node: reason, file: value.file)
            let text = reasonValue.isNull ? "" : try reasonValue.text("the reason \(clause) does not apply")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DossierError("expected the reason \(clause) does not apply in 'clauses.not_applicable', found an empty reason",
                                   at: reasonValue.location)
            }
            reasons[clause] = text
        }
        return reasons
    }
}
