import Checks
import Foundation
import Git
import Model
import Mustache
import Records
import Signatures
import Support

/// Builds the data the SUF templates see from a `Release`. Template values are plain text: the Markdown
/// template escapes them on output. Keys are documented in README.md ("Overriding templates").
enum SUFContext {
    static func make(_ release: Release, generator: String) -> [String: Any] {
        let id = release.identification
        let records = release.records
        var context: [String: Any] = [
            "generator": generator,
            "release": id.release,
            "commit": id.commit,
            "shortCommit": String(id.commit.prefix(12)),
            "date": id.date,
            "configuration": id.configuration,
            "range": id.previousCommit.map { "\(id.previousRelease ?? $0)..\(id.release)" } ?? "root..\(id.release)",
            "title": "Software Update File: \(id.device?.name ?? "software") \(id.release)",
            "evidenceLine": id.evidence?.sentence ?? "",
        ]
        if let previous = id.previousRelease {
            context["previous"] = ["release": previous, "commit": id.previousCommit ?? ""]
        }
        if let device = id.device {
            context["device"] = [
                "name": device.name, "manufacturer": device.manufacturer ?? "", "model": device.model ?? "",
                "udiDI": device.udiDI ?? "", "description": device.description ?? "",
                "safetyClass": device.safetyClass?.rawValue ?? "", "markets": device.markets.joined(separator: ", "),
                "euClass": device.euClass ?? "", "fdaDocumentationLevel": device.fdaDocumentationLevel ?? "",
            ]
        }
        if let pattern = id.outsideTagPattern {
            context["outsideTagPattern"] = ["pattern": pattern]
        }
        if let tag = id.tag {
            context["tag"] = [
                "name": tag.name, "object": tag.object ?? "", "kind": tag.annotated ? "annotated" : "lightweight",
                "tagger": tag.tagger.map { "\($0.name) <\($0.email)>" } ?? "", "taggerDate": tag.tagger?.date ?? "",
                "signature": verdictText(tag.signature), "verdict": tag.signature.letter.rawValue, "message": tag.message.trimmingCharacters(in: .newlines),
            ]
        }

        let stats = release.statistics
        let signedCount = stats.signed.values.reduce(0, +)
        context["summary"] = [
            "commits": stats.commits, "merges": stats.merges, "authors": stats.authors.count,
            "changeRequests": release.changeRequests.count, "itemsTouched": release.itemsTouched.count,
            "changedPaths": stats.changedPaths, "signed": signedCount, "unsigned": stats.unsigned, "good": stats.verdicts["G"] ?? 0,
            "signedPercent": stats.commits == 0 ? "0" : String(signedCount * 100 / stats.commits),
        ]

        // Each commit's values are made once and shared by every list that shows the commit.
        let commitValues = release.commits.indices.map { CommitRow(release.commits, $0) }
        let commitsById = Dictionary(zip(release.commits.map(\.id), commitValues), uniquingKeysWith: { a, _ in a })
        context["changeRequests"] = release.changeRequests.map { entry -> [String: Any] in
            let r = entry.record
            return [
                "id": entry.id, "anchor": MarkdownText.anchor(entry.id), "known": r != nil,
                "title": r?.title ?? "(no change request record with this id)", "type": r?.type ?? "",
                "status": r?.status?.rawValue ?? "", "safetyImpact": r?.safetyImpact ?? "not stated",
                "decision": r?.regulatoryAssessment?.decision ?? "not stated",
                "rationale": r?.regulatoryAssessment?.rationale ?? "", "approvedBy": r?.approvedBy ?? "",
                "approvedOn": r?.approvedOn ?? "", "items": entry.items.joined(separator: ", "),
                "commitCount": entry.commits.count,
                "commits": entry.commits.compactMap { commitsById[$0] },
            ]
        }
        context["commitsWithoutChangeRequest"] = release.commitsWithoutChangeRequest.compactMap { commitsById[$0] }
        context["commits"] = commitValues
        // Text that was not UTF-8 is shown with U+FFFD in its place: each list marks the commit, and the version
        // history names them all (merges too, which it does not list), so nobody reads the replacement as written.
        context["commitsNotUTF8"] = release.commits.indices.filter { release.commits[$0].invalidUTF8 }.map { commitValues[$0] }
        context["integrity"] = integrity(release)
        // Signatures that are there but not good are listed one by one; unsigned commits are counted, since the
        // version history already marks each one N (and rule G1, when on, lists each in the gap report).
        context["commitsSignedNotGood"] = release.commits.compactMap { commit -> [String: Any]? in
            guard ![.good, .none].contains(commit.signature.letter) else { return nil }
            return ["id": commit.id, "shortId": commit.shortId, "subject": commit.subject, "author": commit.author.name,
                    "notUTF8": commit.invalidUTF8, "date": commit.author.date, "verdict": commit.signature.letter.rawValue, "signature": verdictText(commit.signature)]
        }
        let unsigned = release.commits.count { $0.signature.letter == .none }
        context["unsignedCommitCount"] = unsigned
        context["hasUnsignedCommits"] = unsigned > 0

        let itemsById = Dictionary(records.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        context["itemsTouched"] = release.itemsTouched.map { item -> [String: Any] in
            ["id": item.id, "anchor": MarkdownText.anchor(item.id), "name": item.name,
             "safetyClass": item.safetyClass?.rawValue ?? "not stated", "pathCount": item.paths.count,
             "commitCount": item.commits.count, "parent": itemsById[item.id]?.parent ?? ""]
        }
        context["unclaimedPaths"] = release.unclaimedPaths
        context["notSoftwarePaths"] = release.notSoftwarePaths

        context["requirementsDelta"] = deltaRows(release.delta[.requirement], records: records.requirements)
        context["risksDelta"] = deltaRows(release.delta[.risk], records: records.risks)
        context["threatsDelta"] = deltaRows(release.delta[.threat], records: records.threats)
        context["soupDelta"] = deltaRows(release.delta[.soup], records: records.soup)
        context["ifuDelta"] = deltaRows(release.delta[.ifuChange], records: records.ifuChanges)
        context["itemsDelta"] = deltaRows(release.delta[.softwareItem], records: records.items)
        context["problemReportsDelta"] = deltaRows(release.delta[.problemReport], records: records.problemReports)

        context["riskFile"] = riskFile(RiskFile(release))
        context["threats"] = records.threats.filter { $0.obsolete == nil }.map { threat -> [String: Any] in
            ["id": threat.id, "anchor": MarkdownText.anchor(threat.id), "title": threat.title, "stride": threat.stride ?? "",
             "cvss": cvssText(threat.cvss), "residualCvss": cvssText(threat.residualCvss),
             "mitigations": threat.mitigations.joined(separator: ", "), "risks": threat.risks.joined(separator: ", "),
             "disposition": threat.disposition?.rawValue.replacingUnderscores ?? "not stated"]
        }
        context["soup"] = records.soup.filter { $0.obsolete == nil }.map { soup -> [String: Any] in
            ["id": soup.id, "anchor": MarkdownText.anchor(soup.id), "name": soup.name, "version": soup.version,
             "supplier": soup.supplier ?? "not stated", "supportLevel": soup.supportLevel?.rawValue ?? "not stated",
             "endOfSupport": soup.endOfSupport ?? "not stated", "items": soup.items.joined(separator: ", ")]
        }
        context["sbom"] = sbomText(records.sbom)
        context["vulnerabilities"] = vulnerabilityRows(records)

        let crProblemReports = Set(release.changeRequests.compactMap(\.record).flatMap(\.problemReports))
        let previousOpen = Set(release.delta[.problemReport].changed.filter { change in
            change.fields.contains { $0.field == "status" && ["resolved", "closed"].contains($0.new ?? "") }
        }.map(\.id))
        context["problemReportsResolved"] = records.problemReports
            .filter { !$0.isOpen && (crProblemReports.contains($0.id) || previousOpen.contains($0.id)) }
            .map { pr -> [String: Any] in
                ["id": pr.id, "anchor": MarkdownText.anchor(pr.id), "title": pr.title, "severity": pr.severity ?? "",
                 "status": pr.status?.rawValue ?? "", "changeRequests": release.changeRequests.filter { $0.record?.problemReports.contains(pr.id) ?? false }
                    .map(\.id).joined(separator: ", ")]
            }
        context["knownAnomalies"] = records.problemReports.filter { $0.isOpen && $0.obsolete == nil }.map { pr -> [String: Any] in
            ["id": pr.id, "anchor": MarkdownText.anchor(pr.id), "title": pr.title, "severity": pr.severity ?? "not stated",
             "status": pr.status?.rawValue ?? "open", "evaluation": pr.evaluation ?? "not stated"]
        }
        context["deprecations"] = release.delta.kinds.flatMap { kind in
            kind.obsoleted.compactMap { change -> [String: Any]? in
                guard let record = records.records(of: kind.kind).first(where: { $0.id == change.id }) else { return nil }
                return ["kind": kind.kind.title, "id": record.id, "anchor": MarkdownText.anchor(record.id), "headline": record.headline,
                        "release": record.obsolete?.release ?? "", "rationale": record.obsolete?.rationale ?? ""]
            }
        }
        context["allRequirements"] = records.requirements.map { r -> [String: Any] in
            ["id": r.id, "anchor": MarkdownText.anchor(r.id), "title": r.title, "type": r.type ?? "", "status": r.status?.rawValue ?? "",
             "items": r.items.joined(separator: ", "), "verifiedBy": r.verifiedBy.joined(separator: ", ")]
        }
        context["allItems"] = records.items.map { item -> [String: Any] in
            ["id": item.id, "anchor": MarkdownText.anchor(item.id), "name": item.name, "safetyClass": item.safetyClass?.rawValue ?? "not stated",
             "parent": item.parent ?? "", "paths": item.paths.joined(separator: ", ")]
        }
        context["allChangeRequests"] = records.changeRequests.map { cr -> [String: Any] in
            ["id": cr.id, "anchor": MarkdownText.anchor(cr.id), "title": cr.title, "type": cr.type ?? "", "status": cr.status?.rawValue ?? "",
             "decision": cr.regulatoryAssessment?.decision ?? "not stated"]
        }
        context["allProblemReports"] = records.problemReports.map { pr -> [String: Any] in
            ["id": pr.id, "anchor": MarkdownText.anchor(pr.id), "title": pr.title, "severity": pr.severity ?? "", "status": pr.status?.rawValue ?? ""]
        }
        context["allIFUChanges"] = records.ifuChanges.map { ifu -> [String: Any] in
            ["id": ifu.id, "anchor": MarkdownText.anchor(ifu.id), "document": ifu.document, "section": ifu.section ?? "", "change": ifu.change]
        }
        context["evidenceFiles"] = release.evidence.files.map { file -> [String: Any] in
            ["path": file.path, "sha256": file.sha256, "suites": file.suites.joined(separator: ", "), "tests": file.tests,
             "failures": file.failures, "errors": file.errors, "skipped": file.skipped, "timestamp": file.timestamp ?? ""]
        }
        if !release.traceMatrix.isEmpty {
            let results = Dictionary(grouping: release.traceMatrix, by: \.result).mapValues(\.count)
            context["verification"] = ["passed": results["passed"] ?? 0, "failed": results["failed"] ?? 0,
                                       "skipped": results["skipped"] ?? 0, "noTest": results["no test"] ?? 0,
                                       "obsolete": results["obsolete"] ?? 0]
        }
        context["findings"] = release.findings.indices.map { FindingRow(release.findings, $0, grouped: false) }
        context["findingGroups"] = findingGroups(release.findings)
        context["gapSummary"] = [
            "errors": release.findings.count { $0.level == .error },
            "warnings": release.findings.count { $0.level == .warning },
            "rulesOff": release.rulesOff.isEmpty ? "none" : release.rulesOff.map(\.rawValue).joined(separator: ", "),
        ]
        context["traceMatrix"] = release.traceMatrix.map { row -> [String: Any] in
            let cells = row.cells(separator: ", ")
            return ["requirement": row.requirement, "anchor": MarkdownText.anchor(row.requirement), "title": row.title,
                    "status": row.status, "risks": cells[0], "threats": cells[1], "ifuChanges": cells[2], "items": cells[3],
                    "changeRequests": cells[4], "commits": cells[5], "tests": cells[6], "result": row.result]
        }
        context["coverage"] = release.coverage.map { coverageRow($0, anchor: \.sufAnchor) }
        let states = Dictionary(grouping: release.coverage, by: \.state).mapValues(\.count)
        context["coverageSummary"] = [
            "safetyClass": release.identification.device?.safetyClass?.rawValue ?? "not stated (every clause shown as applicable)",
            "evidenced": states[.evidenced] ?? 0, "gaps": states[.gap] ?? 0,
            "notEvidenced": states[.notEvidenced] ?? 0, "notApplicable": states[.notApplicable] ?? 0,
        ]
        context["brokenLinks"] = records.brokenLinks.map { link -> [String: Any] in
            ["from": link.from, "source": link.source.description, "field": link.field, "target": link.target]
        }
        for key in ["device", "tag"] {
            if let value = context[key] { context[key] = compact(value) }
        }
        return context
    }

    /// One clause of the coverage table as the SUF and DHF templates see it: `evidence` lists what the release
    /// holds (`what`, `anchor` in the document, `more` on all but the first), then `missing`, `reason` and
    /// `gaps` as text, each with a `has…` flag.
    static func coverageRow(_ status: ClauseStatus, anchor: KeyPath<ClauseEvidence, String>) -> [String: Any] {
        [
            "clause": status.clause, "anchor": MarkdownText.anchor(status.clause), "title": status.title,
            "state": status.state.rawValue, "gaps": status.gaps.joined(separator: ", "), "hasGaps": !status.gaps.isEmpty,
            "evidence": status.evidence.enumerated().map { index, evidence -> [String: Any] in
                // Anchors are made again from what suf.json holds, so that one read back cannot break the link.
                ["what": evidence.what, "anchor": MarkdownText.anchor(evidence[keyPath: anchor]), "more": index > 0]
            },
            "hasEvidence": !status.evidence.isEmpty,
            "missing": status.missing.joined(separator: "; "), "hasMissing": !status.missing.isEmpty,
            "reason": status.reason ?? "", "hasReason": status.reason != nil,
        ]
    }

    /// Drops empty strings from dictionaries, so that `{{#field}}` sections hide unset fields
    /// (in mustache an empty string is truthy). Only for dictionaries whose keys name nothing at the
    /// top level: a missing key makes mustache look it up in the enclosing contexts.
    static func compact(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            return dictionary.compactMapValues { item -> Any? in
                if let text = item as? String, text.isEmpty { return nil }
                return compact(item)
            }
        case let array as [[String: Any]]:
            return array.map { compact($0) }
        default:
            return value
        }
    }

    /// One commit as the templates see it. Its values are made when a template asks for them: a long history
    /// has tens of thousands of commits, and the built-in template shows half of their keys.
    private final class CommitRow: TemplateRow {
        private let commits: [ReleaseCommit]
        private let index: Int

        init(_ commits: [ReleaseCommit], _ index: Int) {
            self.commits = commits
            self.index = index
        }

        override func child(named name: String) -> Any? {
            let commit = commits[index]
            switch name {
            case "id": return commit.id
            case "shortId": return commit.shortId
            case "subject": return commit.subject
            case "author": return commit.author.name
            case "authorEmail": return commit.author.email
            case "date": return commit.author.date
            case "committer": return commit.committer.name
            case "items": return commit.items.joined(separator: ", ")
            case "changeRequests": return commit.changeRequests.joined(separator: ", ")
            case "references": return commit.references.joined(separator: ", ")
            case "merge": return commit.merge
            case "notUTF8": return commit.invalidUTF8
            case "files": return commit.changedFiles.count
            case "signature": return shortVerdictText(commit.signature)
            default: return nil
            }
        }
    }

    /// One finding as the templates see it, its values made when a template asks for them (a long history has
    /// tens of thousands). In the list of all findings it has every key; in a group's list only `message` and
    /// `location`, the group giving its level, rule and clauses.
    private final class FindingRow: TemplateRow {
        private let findings: [Finding]
        private let index: Int
        private let grouped: Bool

        init(_ findings: [Finding], _ index: Int, grouped: Bool) {
            self.findings = findings
            self.index = index
            self.grouped = grouped
        }

        override func child(named name: String) -> Any? {
            let finding = findings[index]
            switch name {
            case "message": return finding.message
            case "location": return finding.location?.description ?? ""
            case "level" where !grouped: return finding.level.rawValue
            case "rule" where !grouped: return finding.rule.rawValue
            case "clauses" where !grouped: return finding.clauses.joined(separator: "; ")
            default: return nil
            }
        }
    }

    /// Rows of a delta table: added, changed, obsoleted and removed records; `details` holds one line per field.
    private static func deltaRows<R: Record>(_ delta: KindDelta, records: [R]) -> [String: Any] {
        let byId = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String: Any]] = []
        for id in delta.added {
            guard let record = byId[id] else { continue }
            rows.append(["change": "added", "id": id, "anchor": MarkdownText.anchor(id), "linked": true, "headline": record.headline,
                         "details": record.fields.filter { $0.name != "title" && $0.name != "name" }
                            .map { "\($0.name): \($0.value)" }])
        }
        for change in delta.changed {
            rows.append(["change": "changed", "id": change.id, "anchor": MarkdownText.anchor(change.id), "linked": true, "headline": change.headline,
                         "details": changeText(change.fields, kind: R.kind)])
        }
        for change in delta.obsoleted {
            rows.append(["change": "obsoleted", "id": change.id, "anchor": MarkdownText.anchor(change.id), "linked": true, "headline": change.headline,
                         "details": changeText(change.fields)])
        }
        for id in delta.removed {
            rows.append(["change": "removed", "id": id, "anchor": MarkdownText.anchor(id), "linked": false, "headline": "",
                         "details": ["no longer in the records (retired records should stay, marked obsolete)"]])
        }
        return ["rows": rows, "count": rows.count]
    }

    /// One line per changed field: `field: old → new`.
    private static func changeText(_ fields: [FieldChange], kind: RecordKind? = nil) -> [String] {
        fields.map { change in
            let direction = kind == .soup && change.field == "version"
                ? " (\(SOUP.versionChange(from: change.old ?? "", to: change.new ?? "")))" : ""
            return "\(change.field): \(change.old ?? "(unset)") → \(change.new ?? "(unset)")\(direction)"
        }
    }

    /// The integrity section's numbers: trust, verdict counts, signers.
    private static func integrity(_ release: Release) -> [String: Any] {
        let basis = release.identification.signatureCheck, stats = release.statistics
        return [
            "allowedSigners": basis.allowedSigners ?? "none configured (a good SSH signature is U)",
            "openPGPKeys": basis.openPGPKeys ?? "none configured (an OpenPGP signature is E)",
            "checkedAt": basis.checkedAt,
            "verdicts": VerdictLetter.documentOrder.compactMap { letter -> [String: Any]? in
                guard let count = stats.verdicts[letter.rawValue] else { return nil }
                return ["letter": letter.rawValue, "meaning": letter.meaning, "count": count]
            },
            "signers": stats.signers.map { tally -> [String: Any] in
                ["signer": tally.signer.isEmpty ? "(not trusted)" : tally.signer, "fingerprint": tally.fingerprint,
                 "kind": kindText(tally.kind), "commits": tally.commits]
            },
        ]
    }

    /// A CVSS vector with its base score and severity, e.g. `9.8 Critical (CVSS:3.1/AV:N/…)`.
    static func cvssText(_ vector: String?) -> String {
        CVSSVector.describe(vector)
    }

    /// A verdict in a sentence: letter, meaning, signer, key and reason.
    static func verdictText(_ verdict: Verdict) -> String {
        var text = "\(verdict.letter.rawValue): \(verdict.letter.meaning)"
        if verdict.kind != nil { text += " (\(kindText(verdict.kind)))" }
        if !verdict.signer.isEmpty { text += ", signed by \(verdict.signer)" }
        if !verdict.fingerprint.isEmpty { text += ", key \(verdict.fingerprint)" }
        if !verdict.reason.isEmpty, verdict.letter != .none { text += "; \(verdict.reason)" }
        return text
    }

    /// A verdict in a table cell of the version history: letter and format.
    private static func shortVerdictText(_ verdict: Verdict) -> String {
        verdict.kind == nil ? verdict.letter.rawValue : "\(verdict.letter.rawValue) \(kindText(verdict.kind))"
    }

    private static func kindText(_ kind: SignatureKind?) -> String {
        switch kind {
        case .openpgp?: "OpenPGP"
        case .ssh?: "SSH"
        case .x509?: "X.509"
        case nil: "none"
        }
    }

    /// The findings grouped by level and rule, in the findings' order (errors first, rules in catalogue order):
    /// the gap report names each rule, its level and its clauses once, above the findings it made.
    static func findingGroups(_ findings: [Finding]) -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            let key = "\(finding.level.rawValue) \(finding.rule.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        let summaries = Dictionary(RuleCatalog.rules.map { ($0.id, $0.summary) }, uniquingKeysWith: { a, _ in a })
        return order.map { key in
            let members = groups[key] ?? []
            let first = findings[members[0]]
            return ["level": first.level.rawValue, "rule": first.rule.rawValue, "summary": summaries[first.rule] ?? "",
                    "clauses": first.clauses.joined(separator: "; "), "count": members.count,
                    "findings": members.map { FindingRow(findings, $0, grouped: true) }]
        }
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }

}
