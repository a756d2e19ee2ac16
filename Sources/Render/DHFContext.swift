import Foundation
import Git
import Model
import Records
import Support
import Views

/// Builds the typed rows the DHF template sees from a `DesignHistory`. Values are plain text, escaped by the Markdown
/// template on output, except `anchor` and `link` values, which are made safe here. Keys are documented in
/// docs/templates.md.
enum DHFContext {
    /// The values `dhf.md.mustache` sees.
    struct Values: Sendable {
        var generator, title, through, commit, shortCommit, date: String
        /// The DHF's document id; empty when none was given (a history built by a test, not by `dossier dhf`).
        var documentID: String
        var releaseCount: Int
        var firstRelease: String
        var device: DeviceValues?
        var releases: TemplateList<ReleaseRow>
        var approvals: TemplateList<ApprovalRow>
        var approvalsMissing: TemplateList<MissingApprovalRow>
        var requirements: TemplateList<RequirementRow>
        var riskFile: SUFContext.RiskFileValues
        var threats: TemplateList<ThreatRow>
        var items: TemplateList<ItemRow>
        /// The interfaces of the items in force at the last release, as the SUF's interfaces table shows them.
        var interfaces: TemplateList<SUFValues.InterfaceRow>
        var problemReports: TemplateList<ProblemReportRow>
        var retiredRequirements, retiredRisks, retiredThreats, retiredItems, retiredProblemReports: TemplateList<RetiredRow>
        var ifuChanges: TemplateList<IFUChangeRow>
        var soup: TemplateList<SOUPRow>
        var traceMatrix: TemplateList<TraceRow>
        var changeControl: TemplateList<ChangeControlRow>
        var findingsByRelease: TemplateList<FindingsRow>
        var coverage: TemplateList<CoverageRow>
        var coverageByRelease: TemplateList<CoverageCount>
        /// The trends chart's file name in the DHF's folder (`TrendChart.fileName`); nil without releases.
        var trendsPicture: String?
        /// The trends chart itself, which the renderer writes beside the DHF and puts into its HTML.
        var trendsSVG: String?
    }
    /// One approval of a release, judged against the bundle the DHF holds.
    struct ApprovalRow: Sendable {
        var release, role, meaning, signer, date, verdict, letter, manifestSHA256, shortManifest, counts, commit: String
        var covers: Bool
    }
    /// The approvals a release's dossier.yml requires and no approval of the DHF's bundle gives.
    struct MissingApprovalRow: Sendable { var release, roles: String }
    struct ReleaseRow: Sendable {
        var release, anchor, previousRelease, date, tagger, tagVerdict, tagLetter: String
        var commits, merges, changeRequests: Int
        var changeRequestList: String
        var signed, good: Int
        var signedShare, goodShare, folder, markdownLink, htmlLink, manifestSHA256, shortDigest, origin: String
        /// The SUF's document id and revision as its bundle states them ("SUF-v2.0.0 rev. 2"); "not stated" for a
        /// bundle made before dossier stated them.
        var document: String
        var errors, warnings: Int
        var evidence: String
    }
    struct ThreatRow: Sendable { var id, anchor, title, stride, cvss, residualCvss, mitigations, disposition, history: String }
    struct RetiredRow: Sendable { var id, anchor, headline, retirement, history: String }
    struct IFUChangeRow: Sendable { var id, anchor, document, section, change, reason, introduced, history: String }
    /// A SOUP span; `current` is absent when the span is not current.
    struct SOUPRow: Sendable {
        var id: String
        var first: Bool
        var anchor, name, version, supplier, releases: String
        var current: String?
    }
    struct TraceRow: Sendable {
        var requirement, anchor, title, status, risks, threats, items, changeRequests, releases: String
        var commits: Int
        var tests, result: String
    }
    struct ChangeControlRow: Sendable {
        var id, anchor: String
        var known: Bool
        var title, type, safetyImpact, decision, approved, releases: String
        var commits: Int
    }
    struct FindingsRow: Sendable { var release: String; var errors, warnings: Int; var rules: String }
    struct CoverageCount: Sendable { var release: String; var evidenced, gaps, notEvidenced, notApplicable: Int }

    static func make(_ history: DesignHistory, generator: String) -> Values {
        let baseline = history.baseline
        let histories = Dictionary(history.records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func historyText(_ id: String) -> String { histories[id].map(eventsText) ?? "" }
        let current = { (record: any Record) in record.obsolete == nil }
        let verification = Dictionary(history.traceMatrix.map { ($0.requirement, (tests: $0.tests.map(\.id), result: $0.result)) },
                                      uniquingKeysWith: { a, _ in a })
        let coverage = coverageByRelease(history)
        let trends = TrendChart.svg(history, coverage: coverage.elements.map { ($0.evidenced, $0.gaps) })
        return Values(
            generator: generator, title: "Design History File: \(history.device?.name ?? "software")", through: history.through,
            commit: history.commit, shortCommit: String(history.commit.prefix(12)), date: history.date,
            documentID: history.documentID ?? "",
            releaseCount: history.releases.count, firstRelease: history.releases.first?.release ?? "",
            device: history.device.map(SUFContext.device),
            releases: TemplateList(history.releases.map(releaseRow)),
            approvals: TemplateList(history.releases.flatMap { entry in
                (entry.approvals?.approvals ?? []).map { approvalRow($0, judged: entry.approvals!) }
            }),
            approvalsMissing: TemplateList(history.releases.compactMap { entry in
                guard let missing = entry.approvals?.missing, !missing.isEmpty else { return nil }
                return MissingApprovalRow(release: entry.release, roles: missing.map(\.text).joined(separator: ", "))
            }),
            requirements: TemplateList(baseline.requirements.filter(current).map { SUFContext.requirementRow($0, history: historyText($0.id)) }),
            riskFile: SUFContext.riskFile(RiskFile(records: baseline, verification: verification), SUFContext.RiskFileParts(history: historyText)),
            threats: TemplateList(baseline.threats.filter(current).map { threat in
                ThreatRow(id: threat.id, anchor: MarkdownText.anchor(threat.id), title: threat.title, stride: threat.stride ?? "",
                          cvss: SUFContext.cvssText(threat.cvss), residualCvss: SUFContext.cvssText(threat.residualCvss),
                          mitigations: threat.mitigations.joined(separator: ", "),
                          disposition: threat.disposition?.rawValue.replacingUnderscores ?? "not stated", history: historyText(threat.id))
            }),
            items: TemplateList(baseline.items.filter(current).map { item in
                ItemRow(id: item.id, anchor: MarkdownText.anchor(item.id), name: item.name, safetyClass: item.safetyClass?.rawValue ?? "not stated",
                        parent: item.parent ?? "", history: historyText(item.id))
            }),
            interfaces: SUFContext.interfaceRows(baseline),
            problemReports: TemplateList(baseline.problemReports.filter(current).map { pr in
                ProblemReportRow(id: pr.id, anchor: MarkdownText.anchor(pr.id), title: pr.title, severity: pr.severity ?? "not stated",
                                 status: pr.status?.rawValue ?? "open", history: historyText(pr.id))
            }),
            retiredRequirements: retired(history.records, kind: .requirement), retiredRisks: retired(history.records, kind: .risk),
            retiredThreats: retired(history.records, kind: .threat), retiredItems: retired(history.records, kind: .softwareItem),
            retiredProblemReports: retired(history.records, kind: .problemReport),
            ifuChanges: TemplateList(history.records.filter { $0.kind == .ifuChange }.map { record in
                let ifu = baseline.ifuChanges.first { $0.id == record.id }
                return IFUChangeRow(id: record.id, anchor: MarkdownText.anchor(record.id), document: ifu?.document ?? record.headline,
                                    section: ifu?.section ?? "", change: ifu?.change ?? "(no longer in the records)", reason: ifu?.reason ?? "",
                                    introduced: record.events.first { $0.change == .introduced }?.release ?? "", history: eventsText(record))
            }),
            soup: soupRows(history.soup),
            traceMatrix: TemplateList(history.traceMatrix.map { row in
                // Labelled as the SUF's matrix labels them.
                func cell(_ entries: [TraceEntry], _ kind: TraceNode.Kind) -> String {
                    entries.map { $0.label(kind) }.joined(separator: ", ")
                }
                return TraceRow(requirement: row.requirement, anchor: MarkdownText.anchor(row.requirement), title: row.title,
                                status: row.status, risks: cell(row.risks, .risk), threats: cell(row.threats, .threat),
                                items: cell(row.items, .softwareItem), changeRequests: cell(row.changeRequests, .changeRequest),
                                releases: row.releases.joined(separator: ", "), commits: row.commits,
                                tests: cell(row.tests, .test), result: row.result)
            }),
            changeControl: TemplateList(history.changeControl.map { entry in
                let r = entry.record
                return ChangeControlRow(id: entry.id, anchor: MarkdownText.anchor(entry.id), known: r != nil,
                                        title: r?.title ?? "(no change request record with this id)", type: r?.type ?? "",
                                        safetyImpact: r?.safetyImpact ?? "not stated", decision: r?.regulatoryAssessment?.decision ?? "not stated",
                                        approved: [r?.approvedBy, r?.approvedOn].compactMap { $0 }.joined(separator: " "),
                                        releases: entry.releases.joined(separator: ", "), commits: entry.commits)
            }),
            findingsByRelease: TemplateList(history.releases.map { entry in
                FindingsRow(release: entry.release, errors: entry.findings.errors, warnings: entry.findings.warnings,
                            rules: entry.findings.rules.isEmpty ? "none"
                                : entry.findings.rules.map { "\($0.rule) \($0.level.rawValue) × \($0.count)" }.joined(separator: ", "))
            }),
            coverage: TemplateList(history.coverage.map { clause in
                SUFContext.coverageRow(clause.latest, anchor: \.dhfAnchor, history: clause.changes.map { change in
                    "\(change.release): \(change.state.rawValue)" + (change.gaps.isEmpty ? "" : " (\(change.gaps.joined(separator: ", ")))")
                }.joined(separator: "; "))
            }),
            coverageByRelease: coverage,
            trendsPicture: trends == nil ? nil : TrendChart.fileName, trendsSVG: trends)
    }

    /// One approval, with why it counts for the bundle judged or why not.
    static func approvalRow(_ approval: Approval, judged: ReleaseApprovals) -> ApprovalRow {
        let covers = judged.manifestSHA256.map(approval.covers(manifest:)) ?? false
        let counts: String
        if covers {
            counts = "yes"
        } else if let problem = approval.problem {
            counts = "no: \(problem)"
        } else if approval.verdict.letter != .good {
            counts = "no: the signature is \(approval.verdict.letter.rawValue) (\(approval.verdict.letter.meaning))"
        } else if judged.manifestSHA256 == nil {
            counts = "no: no bundle of the release is attached"
        } else {
            counts = "no: it signs another bundle of the release, not this one"
        }
        return ApprovalRow(release: approval.release.isEmpty ? judged.release : approval.release, role: approval.role,
                           meaning: approval.meaning?.rawValue ?? "not stated", signer: "\(approval.name) <\(approval.email)>",
                           date: approval.date, verdict: SUFContext.verdictText(approval.verdict), letter: approval.verdict.letter.rawValue,
                           manifestSHA256: approval.manifestSHA256,
                           // It stands in a code span, where nothing is escaped: only a digest is shown there.
                           shortManifest: approval.manifestSHA256.utf8.count == 64 && approval.manifestSHA256.allSatisfy(\.isHexDigit)
                               ? String(approval.manifestSHA256.prefix(16)) : "(not a SHA-256)",
                           counts: counts, commit: approval.commit, covers: covers)
    }

    /// One row of the release history table.
    private static func releaseRow(_ entry: ReleaseEntry) -> ReleaseRow {
        func percent(_ part: Int) -> String { entry.commits == 0 ? "–" : "\(part * 100 / entry.commits)%" }
        let folder = linkPath(entry.suf.folder)
        return ReleaseRow(
            release: entry.release, anchor: "release-" + MarkdownText.anchor(entry.release),
            previousRelease: entry.previousRelease ?? "the root", date: entry.date,
            tagger: entry.tag?.tagger.map { "\($0.name) <\($0.email)>" } ?? (entry.tag == nil ? "no tag" : "lightweight tag"),
            tagVerdict: entry.tag.map { SUFContext.verdictText($0.signature) } ?? "N: no tag",
            tagLetter: entry.tag?.signature.letter.rawValue ?? "N",
            commits: entry.commits, merges: entry.merges, changeRequests: entry.changeRequests.count,
            changeRequestList: entry.changeRequests.joined(separator: ", "),
            signed: entry.signedCommits, good: entry.goodCommits,
            signedShare: percent(entry.signedCommits), goodShare: percent(entry.goodCommits),
            folder: entry.suf.folder,
            markdownLink: "\(folder)/SUF-\(linkPath(entry.suf.folder)).md",
            htmlLink: "\(folder)/SUF-\(linkPath(entry.suf.folder)).html",
            manifestSHA256: entry.suf.manifestSHA256, shortDigest: String(entry.suf.manifestSHA256.prefix(16)),
            origin: entry.suf.attachedCommit.map { "attached (\(DossierReference.bundle(entry.release)), commit \($0.prefix(12)))" }
                ?? "built for this DHF",
            document: entry.document.map { document in
                guard RequiredApproval.isPlainLine(document.id) else { return "not shown (the bundle's id holds formatting characters)" }
                return "\(document.id) rev. \(document.revisionText)"
                    + (entry.suf.historyRevision.map { " (as the bundle states; the history of \(DossierReference.bundle(entry.release)) makes it revision \($0))" } ?? "")
            } ?? "not stated",
            errors: entry.findings.errors, warnings: entry.findings.warnings,
            evidence: (entry.evidence?.brief ?? "not recorded (its bundle was made by an older dossier)")
                + (entry.suf.evidenceStoredSince.map { "; evidence stored since (commit \($0.prefix(12))) is not in this attached bundle" } ?? ""))
    }

    /// Records of a kind that the newest release marks obsolete or no longer holds.
    private static func retired(_ records: [RecordHistory], kind: RecordKind) -> TemplateList<RetiredRow> {
        TemplateList(records.filter { $0.kind == kind && (!$0.inBaseline || $0.obsolete != nil) }.map { record in
            let retirement = record.obsolete.map { "obsolete since \($0.release)" + ($0.rationale.isEmpty ? "" : ": \($0.rationale)") }
                ?? "removed from the records in \(record.events.last { $0.change == .removed }?.release ?? "a release")"
            return RetiredRow(id: record.id, anchor: MarkdownText.anchor(record.id), headline: record.headline,
                              retirement: retirement, history: eventsText(record))
        })
    }

    /// The SOUP spans, the id shown (and anchored) on the first span of each item only.
    private static func soupRows(_ spans: [SOUPSpan]) -> TemplateList<SOUPRow> {
        var previous = ""
        return TemplateList(spans.map { span in
            defer { previous = span.id }
            let releases = span.releases.count == 1 ? span.releases[0]
                : "\(span.releases[0]) – \(span.releases[span.releases.count - 1]) (\(span.releases.count) releases)"
            return SOUPRow(id: span.id, first: span.id != previous, anchor: MarkdownText.anchor(span.id), name: span.name,
                           version: span.version, supplier: span.supplier ?? "not stated", releases: releases,
                           current: span.current ? "yes" : nil)
        })
    }

    /// Per release, how many clauses were evidenced, had a gap, or were left to the manufacturer's records: each
    /// clause's state holds from the release where it changed until its next change.
    private static func coverageByRelease(_ history: DesignHistory) -> TemplateList<CoverageCount> {
        let position = Dictionary(history.releases.enumerated().map { ($1.release, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = Array(repeating: [ClauseStatus.State: Int](), count: history.releases.count)
        for clause in history.coverage {
            for (index, change) in clause.changes.enumerated() {
                guard let from = position[change.release] else { continue }
                let until = index + 1 < clause.changes.count ? position[clause.changes[index + 1].release] ?? counts.count : counts.count
                for release in from..<until { counts[release][change.state, default: 0] += 1 }
            }
        }
        return TemplateList(zip(history.releases, counts).map { entry, count in
            CoverageCount(release: entry.release, evidenced: count[.evidenced] ?? 0, gaps: count[.gap] ?? 0,
                          notEvidenced: count[.notEvidenced] ?? 0, notApplicable: count[.notApplicable] ?? 0)
        })
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

extension DHFContext.Values {
    /// The footer's label of every printed page: "DHF through v2.0.0"; nil when the DHF has no document id.
    var documentLabel: String? { documentID.isEmpty ? nil : "\(documentID) through \(through)" }
}
