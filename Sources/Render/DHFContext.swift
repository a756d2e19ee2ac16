import Foundation
import Git
import Model
import Records
import Support
import Views

/// Builds the data the DHF template sees from a `DesignHistory`. Values are plain text, escaped by the Markdown
/// template on output, except `anchor` and `link` values, which are made safe here. Keys are documented in
/// README.md ("Overriding templates").
enum DHFContext {
    static func make(_ history: DesignHistory, generator: String) -> [String: Any] {
        let baseline = history.baseline
        var context: [String: Any] = [
            "generator": generator,
            "title": "Design History File: \(history.device?.name ?? "software")",
            "through": history.through,
            "commit": history.commit,
            "shortCommit": String(history.commit.prefix(12)),
            "date": history.date,
            "releaseCount": history.releases.count,
            "firstRelease": history.releases.first?.release ?? "",
        ]
        if let device = history.device {
            context["device"] = SUFContext.compact([
                "name": device.name, "manufacturer": device.manufacturer ?? "", "model": device.model ?? "",
                "udiDI": device.udiDI ?? "", "description": device.description ?? "",
                "safetyClass": device.safetyClass?.rawValue ?? "", "markets": device.markets.joined(separator: ", "),
                "euClass": device.euClass ?? "", "fdaDocumentationLevel": device.fdaDocumentationLevel ?? "",
            ] as [String: Any])
        }
        context["releases"] = history.releases.map(releaseRow)

        let histories = Dictionary(history.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func historyText(_ id: String) -> String { histories[id].map(eventsText) ?? "" }
        let current = { (record: any Record) in record.obsolete == nil }

        context["requirements"] = baseline.requirements.filter(current).map { r -> [String: Any] in
            ["id": r.id, "anchor": MarkdownText.anchor(r.id), "title": r.title, "type": r.type ?? "", "status": r.status?.rawValue ?? "",
             "items": r.items.joined(separator: ", "), "verifiedBy": r.verifiedBy.joined(separator: ", "), "history": historyText(r.id)]
        }
        let verification = Dictionary(history.traceMatrix.map { ($0.requirement, (tests: $0.tests.map(\.id), result: $0.result)) },
                                      uniquingKeysWith: { a, _ in a })
        context["riskFile"] = SUFContext.riskFile(RiskFile(records: baseline, verification: verification),
                                                  SUFContext.RiskFileParts(history: historyText))
        context["threats"] = baseline.threats.filter(current).map { threat -> [String: Any] in
            ["id": threat.id, "anchor": MarkdownText.anchor(threat.id), "title": threat.title, "stride": threat.stride ?? "",
             "cvss": SUFContext.cvssText(threat.cvss), "residualCvss": SUFContext.cvssText(threat.residualCvss),
             "mitigations": threat.mitigations.joined(separator: ", "),
             "disposition": threat.disposition?.rawValue.replacingUnderscores ?? "not stated", "history": historyText(threat.id)]
        }
        context["items"] = baseline.items.filter(current).map { item -> [String: Any] in
            ["id": item.id, "anchor": MarkdownText.anchor(item.id), "name": item.name,
             "safetyClass": item.safetyClass?.rawValue ?? "not stated", "parent": item.parent ?? "", "history": historyText(item.id)]
        }
        context["problemReports"] = baseline.problemReports.filter(current).map { pr -> [String: Any] in
            ["id": pr.id, "anchor": MarkdownText.anchor(pr.id), "title": pr.title, "severity": pr.severity ?? "not stated",
             "status": pr.status?.rawValue ?? "open", "history": historyText(pr.id)]
        }
        for (key, kind) in [("retiredRequirements", RecordKind.requirement), ("retiredRisks", .risk), ("retiredThreats", .threat),
                            ("retiredItems", .softwareItem), ("retiredProblemReports", .problemReport)] {
            context[key] = retired(history.records, kind: kind)
        }
        context["ifuChanges"] = history.records.filter { $0.kind == .ifuChange }.map { record -> [String: Any] in
            let ifu = baseline.ifuChanges.first { $0.id == record.id }
            return ["id": record.id, "anchor": MarkdownText.anchor(record.id), "document": ifu?.document ?? record.headline,
                    "section": ifu?.section ?? "", "change": ifu?.change ?? "(no longer in the records)", "reason": ifu?.reason ?? "",
                    "introduced": record.events.first { $0.change == .introduced }?.release ?? "",
                    "history": eventsText(record)]
        }
        context["soup"] = soupRows(history.soup)
        context["traceMatrix"] = history.traceMatrix.map { row -> [String: Any] in
            // Labelled as the SUF's matrix labels them.
            func cell(_ entries: [TraceEntry], _ kind: TraceNode.Kind) -> String {
                entries.map { $0.label(kind) }.joined(separator: ", ")
            }
            return ["requirement": row.requirement, "anchor": MarkdownText.anchor(row.requirement), "title": row.title,
                    "status": row.status, "risks": cell(row.risks, .risk), "threats": cell(row.threats, .threat),
                    "items": cell(row.items, .softwareItem), "changeRequests": cell(row.changeRequests, .changeRequest),
                    "releases": row.releases.joined(separator: ", "), "commits": row.commits,
                    "tests": cell(row.tests, .test), "result": row.result]
        }
        context["changeControl"] = history.changeControl.map { entry -> [String: Any] in
            let r = entry.record
            return ["id": entry.id, "anchor": MarkdownText.anchor(entry.id), "known": r != nil,
                    "title": r?.title ?? "(no change request record with this id)", "type": r?.type ?? "",
                    "safetyImpact": r?.safetyImpact ?? "not stated", "decision": r?.regulatoryAssessment?.decision ?? "not stated",
                    "approved": [r?.approvedBy, r?.approvedOn].compactMap { $0 }.joined(separator: " "),
                    "releases": entry.releases.joined(separator: ", "), "commits": entry.commits]
        }
        context["findingsByRelease"] = history.releases.map { entry -> [String: Any] in
            ["release": entry.release, "errors": entry.findings.errors, "warnings": entry.findings.warnings,
             "rules": entry.findings.rules.isEmpty ? "none"
                : entry.findings.rules.map { "\($0.rule) \($0.level.rawValue) × \($0.count)" }.joined(separator: ", ")]
        }
        context["coverage"] = history.coverage.map { clause -> [String: Any] in
            var row = SUFContext.coverageRow(clause.latest, anchor: \.dhfAnchor)
            row["history"] = clause.changes.map { change in
                "\(change.release): \(change.state.rawValue)" + (change.gaps.isEmpty ? "" : " (\(change.gaps.joined(separator: ", ")))")
            }.joined(separator: "; ")
            return row
        }
        context["coverageByRelease"] = coverageByRelease(history)
        return context
    }

    /// One row of the release history table.
    private static func releaseRow(_ entry: ReleaseEntry) -> [String: Any] {
        func percent(_ part: Int) -> String { entry.commits == 0 ? "–" : "\(part * 100 / entry.commits)%" }
        let folder = linkPath(entry.suf.folder)
        return [
            "release": entry.release, "anchor": "release-" + MarkdownText.anchor(entry.release),
            "previousRelease": entry.previousRelease ?? "the root", "date": entry.date,
            "tagger": entry.tag?.tagger.map { "\($0.name) <\($0.email)>" } ?? (entry.tag == nil ? "no tag" : "lightweight tag"),
            "tagVerdict": entry.tag.map { SUFContext.verdictText($0.signature) } ?? "N: no tag",
            "tagLetter": entry.tag?.signature.letter.rawValue ?? "N",
            "commits": entry.commits, "merges": entry.merges, "changeRequests": entry.changeRequests.count,
            "changeRequestList": entry.changeRequests.joined(separator: ", "),
            "signed": entry.signedCommits, "good": entry.goodCommits,
            "signedShare": percent(entry.signedCommits), "goodShare": percent(entry.goodCommits),
            "folder": entry.suf.folder,
            "markdownLink": "\(folder)/SUF-\(linkPath(entry.suf.folder)).md",
            "htmlLink": "\(folder)/SUF-\(linkPath(entry.suf.folder)).html",
            "manifestSHA256": entry.suf.manifestSHA256, "shortDigest": String(entry.suf.manifestSHA256.prefix(16)),
            "origin": entry.suf.attachedCommit.map { "attached (\(DossierReference.bundle(entry.release)), commit \($0.prefix(12)))" }
                ?? "built for this DHF",
            "errors": entry.findings.errors, "warnings": entry.findings.warnings,
            "evidence": (entry.evidence?.brief ?? "not recorded (its bundle was made by an older dossier)")
                + (entry.suf.evidenceStoredSince.map { "; evidence stored since (commit \($0.prefix(12))) is not in this attached bundle" } ?? ""),
        ]
    }

    /// Records of a kind that the newest release marks obsolete or no longer holds.
    private static func retired(_ records: [RecordHistory], kind: RecordKind) -> [[String: Any]] {
        records.filter { $0.kind == kind && (!$0.inBaseline || $0.obsolete != nil) }.map { record in
            let retirement = record.obsolete.map { "obsolete since \($0.release)" + ($0.rationale.isEmpty ? "" : ": \($0.rationale)") }
                ?? "removed from the records in \(record.events.last { $0.change == .removed }?.release ?? "a release")"
            return ["id": record.id, "anchor": MarkdownText.anchor(record.id), "headline": record.headline,
                    "retirement": retirement, "history": eventsText(record)]
        }
    }

    /// The SOUP spans, the id shown (and anchored) on the first span of each item only.
    private static func soupRows(_ spans: [SOUPSpan]) -> [[String: Any]] {
        var previous = ""
        return spans.map { span in
            defer { previous = span.id }
            let releases = span.releases.count == 1 ? span.releases[0]
                : "\(span.releases[0]) – \(span.releases[span.releases.count - 1]) (\(span.releases.count) releases)"
            return SUFContext.compact([
                "id": span.id, "first": span.id != previous, "anchor": MarkdownText.anchor(span.id), "name": span.name,
                "version": span.version, "supplier": span.supplier ?? "not stated", "releases": releases,
                "current": span.current ? "yes" : "",
            ] as [String: Any]) as? [String: Any] ?? [:]
        }
    }

    /// Per release, how many clauses were evidenced, had a gap, or were left to the manufacturer's records: each
    /// clause's state holds from the release where it changed until its next change.
    private static func coverageByRelease(_ history: DesignHistory) -> [[String: Any]] {
        let position = Dictionary(history.releases.enumerated().map { ($1.release, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = Array(repeating: [ClauseStatus.State: Int](), count: history.releases.count)
        for clause in history.coverage {
            for (index, change) in clause.changes.enumerated() {
                guard let from = position[change.release] else { continue }
                let until = index + 1 < clause.changes.count ? position[clause.changes[index + 1].release] ?? counts.count : counts.count
                for release in from..<until { counts[release][change.state, default: 0] += 1 }
            }
        }
        return zip(history.releases, counts).map { entry, count in
            ["release": entry.release, "evidenced": count[.evidenced] ?? 0, "gaps": count[.gap] ?? 0,
             "notEvidenced": count[.notEvidenced] ?? 0, "notApplicable": count[.notApplicable] ?? 0]
        }
    }

    /// A record's history in one cell: `v1.0.0 introduced; v1.1.0 changed (status: draft → approved, text)`.
    static func eventsText(_ record: RecordHistory) -> String {
        record.events.map { event in
            let fields = event.fields.filter { $0.field != "obsolete" }.map(fieldText)
            return "\(event.release) \(event.change.rawValue)" + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))")
        }.joined(separator: "; ")
    }

    /// A changed field: its old and new value when both are short, the scores of CVSS vectors, else its name.
    private static func fieldText(_ change: FieldChange) -> String {
        if change.field == "cvss" || change.field == "residual_cvss" {
            func score(_ vector: String?) -> String {
                guard let vector else { return "unset" }
                return (try? CVSSVector(vector)).map { "\($0.baseScore)" } ?? "invalid"
            }
            return "\(change.field) \(score(change.old)) → \(score(change.new))"
        }
        let short = [change.old, change.new].allSatisfy { ($0 ?? "").count <= 32 && !($0 ?? "").contains("\n") }
        return short ? "\(change.field): \(change.old ?? "unset") → \(change.new ?? "unset")" : change.field
    }

    /// A relative path made safe for a Markdown link target: anything but letters, digits and `-._~/` is
    /// percent-encoded.
    static func linkPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) { out.append(c) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }
}
