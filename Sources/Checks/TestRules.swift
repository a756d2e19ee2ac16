import Model
import Records

/// T1, T2 and A2: requirements verified by passing tests, tests linked to requirements, failures dispositioned.
enum TestRules {
    /// T1: an approved requirement with no passing test in the evidence.
    static func t1(_ c: CheckContext) -> [Finding] {
        c.release.records.requirements.filter { $0.status == .approved && $0.obsolete == nil && !c.hasPassingTest($0.id) }.map {
            c.finding(.T1, "\(c.named($0.id, $0.source)) is approved but no passing test verifies it: \(c.whyNoPassingTest($0.id))",
                      subjects: [$0.id], at: $0.source)
        }
    }

    /// T2: a test linked to no requirement (warning); a test or record linking to an id no record has (error).
    static func t2(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var seen = Set<String>()
        for test in c.evidence.cases where seen.insert(test.id).inserted {
            for requirement in test.requirements where c.requirements[requirement] == nil {
                findings.append(c.finding(.T2, "test \(test.id) (\(test.location)) names requirement \(requirement), but no requirement has that id",
                                          subjects: [test.id, requirement], at: test.location, level: .error))
            }
            let linked = c.graph.above(TraceNode(.test, test.id), .requirement).contains { c.requirements[$0.id] != nil }
            if !linked {
                findings.append(c.finding(.T2, "test \(test.id) (\(test.location)) is linked to no requirement",
                                          subjects: [test.id], at: test.location))
            }
        }
        for link in c.release.records.brokenLinks {
            let missing = link.target.hasPrefix(ItemInterface.prefix) ? "no software item has an interface with that id" : "no record has that id"
            findings.append(c.finding(.T2, "\(c.named(link.from, link.source)) links to \(link.target) in '\(link.field)', but \(missing)",
                                      subjects: [link.from, link.target], at: link.source, level: .error))
        }
        return findings
    }

    /// A2: a failed, erring or skipped test that no problem report names in `tests`.
    static func a2(_ c: CheckContext) -> [Finding] {
        c.evidence.cases.filter { $0.outcome != .passed }.filter {
            c.graph.above(TraceNode(.test, $0.id), .problemReport).isEmpty
        }.map { test in
            let message = test.message.map { ": \($0)" } ?? ""
            return c.finding(.A2, "test \(test.id) (\(test.location)) \(test.outcome.rawValue)\(message); no problem report names it in 'tests' (its disposition)",
                             subjects: [test.id], at: test.location)
        }
    }
}
