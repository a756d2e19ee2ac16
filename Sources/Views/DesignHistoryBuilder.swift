import Model
import Records
import Signatures

/// Folds the releases, oldest first, into a `DesignHistory`. Only what the DHF shows of each release is kept
/// (`ReleaseFacts`), and the newest release's records, which are the baseline.
public struct DesignHistoryBuilder: Sendable {
    private var releases: [ReleaseEntry] = []
    private var histories: [String: RecordHistory] = [:]
    private var soupSpans: [String: [SOUPSpan]] = [:]
    private var trace: [String: (changeRequests: [String: TraceEntry], releases: [String], commits: Int)] = [:]
    private var changeControl: [String: ChangeControlEntry] = [:]
    private var clauses: [String: ClauseHistory] = [:]
    private var newest: ReleaseFacts?

    /// An empty history.
    public init() {}

    /// Adds the next release (releases must come oldest first) and the SUF bundle that documents it. The newest
    /// release's facts must keep its records: they are the baseline.
    public mutating func add(_ release: ReleaseFacts, suf: SUFReference, approvals: ReleaseApprovals? = nil) {
        let id = release.identification
        let name = id.release
        let stats = release.statistics
        releases.append(ReleaseEntry(
            release: name, previousRelease: id.previousRelease, commit: id.commit, date: id.date, tag: id.tag,
            commits: stats.commits, merges: stats.merges, signedCommits: stats.commits - stats.unsigned,
            goodCommits: stats.verdicts[VerdictLetter.good.rawValue] ?? 0,
            changeRequests: release.changeRequests.map(\.id), findings: release.findings, openAnomalies: release.openAnomalies?.count, suf: suf,
            evidence: id.evidence, document: id.document, approvals: approvals))
        addEvents(release)
        addSOUP(release.soup, release: name)
        for row in release.traceMatrix where !row.commits.isEmpty || !row.changeRequests.isEmpty {
            var entry = trace[row.requirement] ?? ([:], [], 0)
            // A later release's link (its fields, the change request's status) replaces an earlier one's.
            for cr in row.changeRequests { entry.changeRequests[cr.id] = cr }
            if !row.commits.isEmpty { entry.releases.append(name) }
            entry.commits += row.commits.count
            trace[row.requirement] = entry
        }
        for cr in release.changeRequests {
            var entry = changeControl[cr.id] ?? ChangeControlEntry(id: cr.id, record: nil, releases: [], commits: 0)
            entry.record = cr.record ?? entry.record
            entry.releases.append(name)
            entry.commits += cr.commits.count
            changeControl[cr.id] = entry
        }
        for status in release.coverage {
            var history = clauses[status.clause]
                ?? ClauseHistory(clause: status.clause, title: status.title, state: status.state, latest: status, changes: [])
            // A change of state, or of the rules that make the gap: not of how many findings they made.
            if history.changes.last.map({ $0.state != status.state || Self.rules($0.gaps) != Self.rules(status.gaps) }) ?? true {
                history.changes.append(ClauseChange(release: name, state: status.state, gaps: status.gaps))
            }
            history.state = status.state
            history.latest = status
            history.title = status.title
            clauses[status.clause] = history
        }
        newest = release
    }

    /// The history of every release added.
    /// - Parameter date: the document date; nil for the newest release's date.
    public func build(date: String? = nil) -> DesignHistory {
        let baseline = newest?.records ?? RecordSet()
        let inBaseline = Dictionary(baseline.all.map { ($0.id, $0.obsolete) }, uniquingKeysWith: { a, _ in a })
        let kindOrder = Dictionary(uniqueKeysWithValues: RecordKind.allCases.enumerated().map { ($1, $0) })
        let records = histories.values.map { history -> RecordHistory in
            var history = history
            history.inBaseline = inBaseline.keys.contains(history.id)
            history.obsolete = inBaseline[history.id] ?? nil
            return history
        }.sorted { a, b in
            a.kind == b.kind ? ReleaseJoin.idOrder(a.id, b.id) : kindOrder[a.kind]! < kindOrder[b.kind]!
        }
        let newestName = newest?.identification.release
        let soup = soupSpans.keys.sorted(by: ReleaseJoin.idOrder).flatMap { id in
            (soupSpans[id] ?? []).map { span in
                var span = span
                span.current = span.releases.last == newestName
                return span
            }
        }
        let traceMatrix = (newest?.traceMatrix ?? []).map { row in
            let history = trace[row.requirement]
            return CumulativeTraceRow(
                requirement: row.requirement, title: row.title, status: row.status, risks: row.risks,
                threats: row.threats, items: row.items,
                changeRequests: (history?.changeRequests ?? [:]).values.sorted { ReleaseJoin.idOrder($0.id, $1.id) },
                releases: history?.releases ?? [], commits: history?.commits ?? 0, tests: row.tests, result: row.result)
        }
        // The coverage table's order is the newest release's.
        let clauseOrder = (newest?.coverage ?? []).map(\.clause)
        let coverage = clauseOrder.compactMap { clauses[$0] }
            + clauses.keys.filter { !clauseOrder.contains($0) }.sorted().compactMap { clauses[$0] }
        return DesignHistory(
            device: newest?.identification.device, through: newestName ?? "", commit: newest?.identification.commit ?? "",
            date: date ?? newest?.identification.date ?? "", releases: releases, baseline: baseline, records: records,
            soup: soup, traceMatrix: traceMatrix,
            changeControl: changeControl.keys.sorted(by: ReleaseJoin.idOrder).compactMap { changeControl[$0] },
            coverage: coverage)
    }

    /// Records the release's delta as events on each record's history.
    private mutating func addEvents(_ release: ReleaseFacts) {
        let name = release.identification.release
        let headlines = release.headlines
        for delta in release.delta.kinds {
            func note(_ id: String, _ change: RecordEvent.Change, _ fields: [FieldChange]) {
                var history = histories[id]
                    ?? RecordHistory(kind: delta.kind, id: id, headline: "", inBaseline: false, obsolete: nil, events: [])
                if let headline = headlines[id] { history.headline = headline }
                history.events.append(RecordEvent(release: name, change: change, fields: fields))
                histories[id] = history
            }
            for id in delta.added { note(id, .introduced, []) }
            for change in delta.changed { note(change.id, .changed, change.fields) }
            for change in delta.obsoleted { note(change.id, .obsoleted, change.fields) }
            for id in delta.removed { note(id, .removed, []) }
        }
    }

    /// Extends each SOUP item's current version span, or starts a new one when the version or name changed.
    private mutating func addSOUP(_ soup: [SOUP], release: String) {
        for item in soup where item.obsolete == nil {
            var spans = soupSpans[item.id] ?? []
            let previous = releases.count >= 2 ? releases[releases.count - 2].release : nil
            if let last = spans.last, last.version == item.version, last.name == item.name, last.releases.last == previous {
                spans[spans.count - 1].releases.append(release)
                spans[spans.count - 1].supplier = item.supplier
            } else {
                spans.append(SOUPSpan(id: item.id, name: item.name, version: item.version, supplier: item.supplier,
                                      releases: [release], current: false))
            }
            soupSpans[item.id] = spans
        }
    }

    /// The rule ids of a clause's gaps (`T1 (3)` is rule T1).
    private static func rules(_ gaps: [String]) -> [Substring] {
        gaps.map { $0.prefix { $0 != " " } }
    }

    /// Findings (rule and level) counted by level and by rule.
    static func tally(_ findings: [(rule: String, level: FindingLevel)]) -> FindingTally {
        var rules: [RuleTally] = []
        for finding in findings {
            if let index = rules.firstIndex(where: { $0.rule == finding.rule && $0.level == finding.level }) {
                rules[index].count += 1
            } else {
                rules.append(RuleTally(rule: finding.rule, level: finding.level, count: 1))
            }
        }
        return FindingTally(errors: findings.count { $0.level == .error },
                            warnings: findings.count { $0.level == .warning }, rules: rules)
    }
}
