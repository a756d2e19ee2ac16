import Foundation
@testable import Records
@testable import Support
import Testing

@Suite("Clause table")
struct ClauseTableTests {
    func clause(_ standard: String, _ number: String) -> Clause? {
        ClauseTable.clauses.first { $0.standard == standard && $0.number == number }
    }

    @Test("numbers are unique and in clause order within each standard, IEC 62304 first")
    func ordering() {
        let standards = ClauseTable.clauses.map(\.standard)
        #expect(Array(Set(standards)).sorted() == ["IEC 62304", "ISO 14971"])
        #expect(standards == standards.sorted())
        for standard in ["IEC 62304", "ISO 14971"] {
            let clauses = ClauseTable.clauses.filter { $0.standard == standard }
            #expect(Set(clauses.map(\.number)).count == clauses.count, "duplicate numbers in \(standard)")
            for (earlier, later) in zip(clauses, clauses.dropFirst()) {
                #expect(earlier.numberParts.lexicographicallyPrecedes(later.numberParts),
                        "\(standard): \(earlier.number) is listed before \(later.number)")
            }
        }
    }

    @Test("the table spans the clauses the standards define")
    func coverage() {
        let iec = ClauseTable.clauses.filter { $0.standard == "IEC 62304" }.map(\.number)
        #expect(iec.first == "4.1" && iec.last == "9.8")
        for number in ["4.4", "5.1.12", "5.2.6", "5.3.6", "5.4.4", "5.5.5", "5.6.8", "5.7.5", "5.8.8",
                       "6.1", "6.2.1.1", "6.2.1.3", "6.2.5", "6.3.2", "7.1.4", "7.2.2", "7.3.3", "7.4.3",
                       "8.1.3", "8.2.4", "8.3", "9.1", "9.7"] {
            #expect(iec.contains(number), "IEC 62304 \(number) is missing")
        }
        #expect(!iec.contains("7.3.2"), "7.3.2 was deleted by Amendment 1")
        let iso = ClauseTable.clauses.filter { $0.standard == "ISO 14971" }.map(\.number)
        #expect(iso == ["4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4", "5.5", "6",
                        "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "8", "9", "10"])
        for clause in ClauseTable.clauses {
            #expect(!clause.title.isEmpty && !clause.classes.isEmpty, "\(clause.reference)")
        }
    }

    @Test("a clause names each kind of evidence once (its rules are RuleIDs: an unknown one does not compile)")
    func evidenceNamesExist() {
        for clause in ClauseTable.clauses {
            let kinds = clause.needs + clause.shows
            #expect(Set(kinds).count == kinds.count, "\(clause.reference) repeats a kind of evidence")
        }
    }

    @Test("every IEC 62304 and ISO 14971 clause a rule serves is in the table")
    func ruleClausesExist() {
        var missing: [String] = []
        for rule in RuleCatalog.rules {
            for reference in rule.clauses where reference.hasPrefix("IEC 62304 ") || reference.hasPrefix("ISO 14971 ") {
                if ClauseTable.clauses(for: reference).isEmpty { missing.append("\(rule.id): \(reference)") }
            }
        }
        if !missing.isEmpty { print("clauses rules name that the table lacks:", missing) }
        #expect(missing.isEmpty)
    }

    /// Rules whose catalog clause is broader than the clauses that name them: none.
    static let broadRuleClauses: Set<String> = []

    @Test("a rule that names a clause is named in that clause's evidence (or a subclause's)")
    func ruleEvidenceAgrees() {
        var unmatched: [String] = []
        for rule in RuleCatalog.rules {
            for reference in rule.clauses {
                let clauses = ClauseTable.clauses(for: reference)
                if !clauses.isEmpty && !clauses.contains(where: { $0.rules.contains(rule.id) }) {
                    unmatched.append("\(rule.id): \(reference)")
                }
            }
        }
        let unexpected = Set(unmatched).subtracting(Self.broadRuleClauses)
        if !unexpected.isEmpty { print("rules whose clause does not name them as evidence:", unexpected.sorted()) }
        #expect(Set(unmatched) == Self.broadRuleClauses)
    }

    @Test("a reference names its clause, or its subclauses when the table holds only those")
    func references() {
        #expect(ClauseTable.clauses(for: "IEC 62304 5.2.3").map(\.number) == ["5.2.3"])
        #expect(ClauseTable.clauses(for: "IEC 62304 5.2").map(\.number) == ["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6"])
        #expect(ClauseTable.clauses(for: "IEC 62304 7.4").map(\.number) == ["7.4.1", "7.4.2", "7.4.3"])
        #expect(ClauseTable.clauses(for: "IEC 62304 5.1").count == 12)
        #expect(ClauseTable.clauses(for: "IEC 62304 5.1.1").map(\.number) == ["5.1.1"])
        #expect(ClauseTable.clauses(for: "ISO 14971 7.4").map(\.reference) == ["ISO 14971 7.4"])
        #expect(ClauseTable.clauses(for: "ISO 14971 7").count == 6)
        #expect(ClauseTable.clauses(for: "MDR GSPR 23").isEmpty)
        #expect(ClauseTable.clauses(for: "IEC 62304 12.1").isEmpty)
    }

    @Test("class A gets fewer clauses than B, and B fewer than C; nil gets every clause")
    func applicability() {
        let a = ClauseTable.applicable(to: .a), b = ClauseTable.applicable(to: .b), c = ClauseTable.applicable(to: .c)
        #expect(a.count < b.count && b.count < c.count)
        #expect(c.count == ClauseTable.clauses.count, "every clause applies to class C")
        #expect(ClauseTable.applicable(to: nil) == ClauseTable.clauses)
        #expect(Set(a).isSubset(of: Set(b)) && Set(b).isSubset(of: Set(c)))
        let isoForA = a.filter { $0.standard == "ISO 14971" }.count
        #expect(isoForA == 20, "ISO 14971 applies whatever the class")
    }

    @Test("spot checks of class applicability")
    func spotChecks() {
        let all: Set<SafetyClass> = [.a, .b, .c]
        #expect(clause("IEC 62304", "5.1.1")?.classes == all)
        #expect(clause("IEC 62304", "5.1.4")?.classes == [.c])
        #expect(clause("IEC 62304", "5.2.3")?.classes == [.b, .c])
        #expect(clause("IEC 62304", "5.3.5")?.classes == [.c])
        #expect(clause("IEC 62304", "5.4.1")?.classes == [.b, .c])
        #expect(clause("IEC 62304", "5.4.2")?.classes == [.c])
        #expect(clause("IEC 62304", "5.5.1")?.classes == all)
        #expect(clause("IEC 62304", "5.7.1")?.classes == all, "Amendment 1 made system testing apply to class A")
        #expect(clause("IEC 62304", "5.8.3")?.classes == [.b, .c])
        #expect(clause("IEC 62304", "7.1.1")?.classes == [.b, .c])
        #expect(clause("IEC 62304", "7.4.1")?.classes == all)
        #expect(clause("IEC 62304", "7.4.2")?.classes == [.b, .c])
        #expect(clause("IEC 62304", "7.4.3")?.classes == [.b, .c])
        for clause in ClauseTable.clauses where clause.standard == "IEC 62304" && clause.number.hasPrefix("8.") {
            #expect(clause.classes == all, "\(clause.reference)")
        }
        for clause in ClauseTable.clauses where clause.standard == "IEC 62304" && clause.number.hasPrefix("9.") {
            #expect(clause.classes == all, "\(clause.reference)")
        }
        #expect(clause("IEC 62304", "7.4.1")?.rules == [.C2])
        #expect(clause("IEC 62304", "8.1.2")?.rules.contains(.S1) == true)
        #expect(clause("IEC 62304", "5.4.2")?.canBeEvidenced == false)
        #expect(clause("ISO 14971", "7.4")?.rules == [.R3])
    }

    @Test("clauses survive a JSON round trip")
    func codable() throws {
        let json = try CanonicalJSON.encode(ClauseTable.clauses)
        let decoded = try JSONDecoder().decode([Clause].self, from: json)
        #expect(decoded == ClauseTable.clauses)
        let one = try #require(ClauseTable.clauses(for: "IEC 62304 5.2.3").first)
        let text = String(decoding: try CanonicalJSON.encode(one), as: UTF8.self)
        #expect(text.contains("\"classes\": [\n    \"B\",\n    \"C\"\n  ]"))
    }
}
