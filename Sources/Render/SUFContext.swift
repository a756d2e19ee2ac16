import Checks
import Evidence
import Foundation
import Git
import Model
import Records
import Signatures
import Support

/// Builds the typed rows the SUF templates see (`SUFValues`) from an `AssessedRelease`. Template values are plain text: the
/// Markdown template escapes them on output. Keys are documented in docs/templates.md.
enum SUFContext {
    /// The values of `assessed`; `tracePictures` names the file of each requirement's trace picture drawn for the bundle.
    static func make(_ assessed: AssessedRelease, generator: String, tracePictures: [String: String]) -> SUFValues {
        let release = assessed.release, assessment = assessed.assessment
        let id = release.identification
        let records = release.records
        let stats = release.statistics
        let signedCount = stats.signed.values.reduce(0, +)
        // Each commit's values are made once and shared by every list that shows the commit.
        let commitValues = release.commits.indices.map { CommitRow(commits: release.commits, index: $0) }
        let commitsById = Dictionary(zip(release.commits.map(\.id), commitValues), uniquingKeysWith: { a, _ in a })
        let itemsById = Dictionary(records.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let crProblemReports = Set(release.changeRequests.compactMap(\.record).flatMap(\.problemReports))
        let previousOpen = Set(release.delta[.problemReport].changed.filter { change in
            change.fields.contains { $0.field == "status" && ["resolved", "closed"].contains($0.new ?? "") }
        }.map(\.id))
        let unsigned = release.commits.count { $0.signature.letter == .none }
        let states = Dictionary(grouping: assessment.coverage, by: \.state).mapValues(\.count)
        return SUFValues(
            generator: generator, release: id.release, commit: id.commit, shortCommit: String(id.commit.prefix(12)), date: id.date,
            configuration: id.configuration,
            range: id.previousCommit.map { "\(id.previousRelease ?? $0)..\(id.release)" } ?? "root..\(id.release)",
            title: "Software Update File: \(id.device?.name ?? "software") \(id.release)",
            evidenceLine: id.evidence?.sentence ?? "",
            previous: id.previousRelease.map { SUFValues.PreviousRelease(release: $0, commit: id.previousCommit ?? "") },
            device: id.device.map(device),
            outsideTagPattern: id.outsideTagPattern.map(SUFValues.TagPattern.init),
            document: id.document.map { SUFValues.DocumentValues(id: $0.id, revision: $0.revisionText) },
            requiredApprovals: id.requiredApprovals.map { required in
                SUFValues.RequiredApprovalValues(roles: required.map(\.text).joined(separator: ", "),
                                                 reference: "refs/dossier/approvals/\(id.release)")
            },
            tag: id.tag.map { tag in
                SUFValues.TagValues(
                    name: nonEmpty(tag.name), object: nonEmpty(tag.object), kind: tag.annotated ? "annotated" : "lightweight",
                    tagger: nonEmpty(tag.tagger.map { "\($0.name) <\($0.email)>" }), taggerDate: nonEmpty(tag.tagger?.date),
                    signature: nonEmpty(verdictText(tag.signature)), verdict: nonEmpty(tag.signature.letter.rawValue),
                    message: nonEmpty(tag.message.trimmingCharacters(in: .newlines)))
            },
            summary: SUFValues.Summary(
                commits: stats.commits, merges: stats.merges, authors: stats.authors.count, changeRequests: release.changeRequests.count,
                itemsTouched: release.itemsTouched.count, changedPaths: stats.changedPaths, signed: signedCount, unsigned: stats.unsigned,
                good: stats.verdicts["G"] ?? 0, signedPercent: stats.commits == 0 ? "0" : String(signedCount * 100 / stats.commits)),
            changeRequests: TemplateList(release.changeRequests.map { entry -> SUFValues.ChangeRequestRow in
                let r = entry.record
                return SUFValues.ChangeRequestRow(
                    id: entry.id, anchor: MarkdownText.anchor(entry.id), known: r != nil,
                    title: r?.title ?? "(no change request record with this id)", type: r?.type ?? "",
                    status: r?.status?.rawValue ?? "", safetyImpact: r?.safetyImpact ?? "not stated",
                    decision: r?.regulatoryAssessment?.decision ?? "not stated",
                    rationale: r?.regulatoryAssessment?.rationale ?? "", approvedBy: r?.approvedBy ?? "",
                    approvedOn: r?.approvedOn ?? "", items: entry.items.joined(separator: ", "),
                    commitCount: entry.commits.count, commits: TemplateList(entry.commits.compactMap { commitsById[$0] }))
            }),
            commitsWithoutChangeRequest: TemplateList(release.commitsWithoutChangeRequest.compactMap { commitsById[$0] }),
            commits: TemplateList(commitValues),
            // Text that was not UTF-8 is shown with U+FFFD in its place: each list marks the commit, and the version
            // history names them all (merges too, which it does not list), so nobody reads the replacement as written.
            commitsNotUTF8: TemplateList(release.commits.indices.filter { release.commits[$0].invalidUTF8 }.map { commitValues[$0] }),
            integrity: integrity(release),
            // Signatures that are there but not good are listed one by one; unsigned commits are counted, since the
            // version history already marks each one N (and rule G1, when on, lists each in the gap report).
            commitsSignedNotGood: TemplateList(release.commits.compactMap { commit in
                guard ![.good, .none].contains(commit.signature.letter) else { return nil }
                return SUFValues.SignedCommitRow(
                    id: commit.id, shortId: commit.shortId, subject: commit.subject, author: commit.author.name, notUTF8: commit.invalidUTF8,
                    date: commit.author.date, verdict: commit.signature.letter.rawValue, signature: verdictText(commit.signature))
            }),
            unsignedCommitCount: unsigned, hasUnsignedCommits: unsigned > 0,
            updatePackages: TemplateList(release.updatePackages.map { package in
                SUFValues.UpdatePackageRow(
                    name: package.name, size: "\(package.size) bytes", sha256: package.sha256,
                    signatureFile: package.signatureFile ?? "none", verdict: package.signature.letter.rawValue,
                    signature: verdictText(package.signature), good: package.signature.letter == .good,
                    mender: package.mender.map { mender in
                        func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: "; ") }
                        return SUFValues.MenderRow(
                            package: package.name, name: mender.name, deviceTypes: list(mender.deviceTypes), provides: list(mender.provides),
                            depends: list(mender.depends), payloads: list(mender.payloadTypes),
                            checksums: (mender.problems.isEmpty ? "All \(mender.checksumsMatching) checksums of its manifest match"
                                : "Its manifest does not match: " + mender.problems.joined(separator: "; "))
                                + (mender.unchecked.isEmpty ? "" : "; not checked: " + mender.unchecked.joined(separator: "; ")),
                            manifestSignature: verdictText(mender.manifestSignature),
                            intact: mender.problems.isEmpty && mender.unchecked.isEmpty)
                    })
            }),
            buildProvenance: TemplateList(release.buildProvenance.map { provenance(of: $0, release: release) }),
            itemsTouched: TemplateList(release.itemsTouched.map { item in
                SUFValues.ItemTouchedRow(id: item.id, anchor: MarkdownText.anchor(item.id), name: item.name,
                                         safetyClass: item.safetyClass?.rawValue ?? "not stated", pathCount: item.paths.count,
                                         commitCount: item.commits.count, parent: itemsById[item.id]?.parent ?? "")
            }),
            architecturePicture: ArchitecturePicture.isDrawn(records) ? ArchitecturePicture.fileName : nil,
            architectureNotDrawn: architectureNotDrawn(records),
            securityPicture: ArchitecturePicture.isSecurityViewDrawn(records) ? ArchitecturePicture.securityFileName : nil,
            interfaces: interfaceRows(records),
            unclaimedPaths: TemplateList(release.unclaimedPaths), notSoftwarePaths: TemplateList(release.notSoftwarePaths),
            requirementsDelta: deltaRows(release.delta[.requirement], records: records.requirements),
            risksDelta: deltaRows(release.delta[.risk], records: records.risks),
            threatsDelta: deltaRows(release.delta[.threat], records: records.threats),
            soupDelta: deltaRows(release.delta[.soup], records: records.soup),
            ifuDelta: deltaRows(release.delta[.ifuChange], records: records.ifuChanges),
            itemsDelta: deltaRows(release.delta[.softwareItem], records: records.items),
            problemReportsDelta: deltaRows(release.delta[.problemReport], records: records.problemReports),
            riskFile: riskFile(RiskFile(assessed)),
            threats: TemplateList(records.threats.filter { $0.obsolete == nil }.map { threat in
                SUFValues.ThreatRow(id: threat.id, anchor: MarkdownText.anchor(threat.id), title: threat.title, stride: threat.stride ?? "",
                                    cvss: cvssText(threat.cvss), residualCvss: cvssText(threat.residualCvss),
                                    mitigations: threat.mitigations.joined(separator: ", "), risks: threat.risks.joined(separator: ", "),
                                    disposition: threat.disposition?.rawValue.replacingUnderscores ?? "not stated")
            }),
            soup: TemplateList(records.soup.filter { $0.obsolete == nil }.map { soup in
                SUFValues.SOUPRow(id: soup.id, anchor: MarkdownText.anchor(soup.id), name: soup.name, version: soup.version,
                                  supplier: soup.supplier ?? "not stated", supportLevel: soup.supportLevel?.rawValue ?? "not stated",
                                  endOfSupport: soup.endOfSupport ?? "not stated", items: soup.items.joined(separator: ", "))
            }),
            sbom: sbomText(records.sbom),
            vulnerabilities: vulnerabilityRows(records),
            problemReportsResolved: TemplateList(records.problemReports
                .filter { !$0.isOpen && (crProblemReports.contains($0.id) || previousOpen.contains($0.id)) }
                .map { pr in
                    SUFValues.ResolvedProblemRow(
                        id: pr.id, anchor: MarkdownText.anchor(pr.id), title: pr.title, severity: pr.severity ?? "", status: pr.status?.rawValue ?? "",
                        changeRequests: release.changeRequests.filter { $0.record?.problemReports.contains(pr.id) ?? false }
                            .map(\.id).joined(separator: ", "))
                }),
            knownAnomalies: TemplateList(records.problemReports.filter(\.isKnownAnomaly).map { pr in
                SUFValues.AnomalyRow(id: pr.id, anchor: MarkdownText.anchor(pr.id), title: pr.title, severity: pr.severity ?? "not stated",
                                     status: pr.status?.rawValue ?? "open", evaluation: pr.evaluation ?? "not stated")
            }),
            deprecations: TemplateList(release.delta.kinds.flatMap { kind in
                kind.obsoleted.compactMap { change -> SUFValues.DeprecationRow? in
                    guard let record = records.records(of: kind.kind).first(where: { $0.id == change.id }) else { return nil }
                    return SUFValues.DeprecationRow(kind: kind.kind.title, id: record.id, anchor: MarkdownText.anchor(record.id),
                                                    headline: record.headline, release: record.obsolete?.release ?? "",
                                                    rationale: record.obsolete?.rationale ?? "")
                }
            }),
            allRequirements: TemplateList(records.requirements.map { requirementRow($0) }),
            allItems: TemplateList(records.items.map { item in
                ItemRow(id: item.id, anchor: MarkdownText.anchor(item.id), name: item.name, safetyClass: item.safetyClass?.rawValue ?? "not stated",
                        parent: item.parent ?? "", zone: item.zone ?? "not stated", paths: item.paths.joined(separator: ", "))
            }),
            allChangeRequests: TemplateList(records.changeRequests.map { cr in
                SUFValues.ChangeRequestBrief(id: cr.id, anchor: MarkdownText.anchor(cr.id), title: cr.title, type: cr.type ?? "",
                                             status: cr.status?.rawValue ?? "", decision: cr.regulatoryAssessment?.decision ?? "not stated")
            }),
            allProblemReports: TemplateList(records.problemReports.map { pr in
                ProblemReportRow(id: pr.id, anchor: MarkdownText.anchor(pr.id), title: pr.title, severity: pr.severity ?? "", status: pr.status?.rawValue ?? "")
            }),
            allIFUChanges: TemplateList(records.ifuChanges.map { ifu in
                SUFValues.IFUChangeRow(id: ifu.id, anchor: MarkdownText.anchor(ifu.id), document: ifu.document, section: ifu.section ?? "",
                                       change: ifu.change)
            }),
            evidenceFiles: TemplateList(release.evidence.files.map { file in
                SUFValues.EvidenceFileRow(path: file.path, sha256: file.sha256, suites: file.suites.joined(separator: ", "), tests: file.tests,
                                          failures: file.failures, errors: file.errors, skipped: file.skipped, timestamp: file.timestamp ?? "")
            }),
            verification: assessment.traceMatrix.isEmpty ? nil : {
                let results = Dictionary(grouping: assessment.traceMatrix, by: \.result).mapValues(\.count)
                return SUFValues.Verification(passed: results["passed"] ?? 0, failed: results["failed"] ?? 0, skipped: results["skipped"] ?? 0,
                                              noTest: results["no test"] ?? 0, obsolete: results["obsolete"] ?? 0)
            }(),
            findings: TemplateList(assessment.findings.indices.map { FindingRow(findings: assessment.findings, index: $0, grouped: false) }),
            findingGroups: findingGroups(assessment.findings),
            gapSummary: SUFValues.GapSummary(errors: assessment.findings.count { $0.level == .error },
                                             warnings: assessment.findings.count { $0.level == .warning },
                                             rulesOff: assessment.rulesOff.isEmpty ? "none" : assessment.rulesOff.map(\.rawValue).joined(separator: ", ")),
            traceMatrix: TemplateList(assessment.traceMatrix.map { row in
                let cells = row.cells(separator: ", ")
                return SUFValues.TraceRow(requirement: row.requirement, anchor: MarkdownText.anchor(row.requirement), title: row.title,
                                          status: row.status, risks: cells[0], threats: cells[1], ifuChanges: cells[2], items: cells[3],
                                          changeRequests: cells[4], commits: cells[5], tests: cells[6], result: row.result,
                                          picture: tracePictures[row.requirement])
            }),
            tracePictureNote: tracePictures.count < assessment.traceMatrix.count
                ? "\(tracePictures.count) of \(assessment.traceMatrix.count) requirements link to a picture of their trace; a chain of more than \(TracePicture.maximumBundleNodes) records, commits and tests, or one past \(TracePicture.maximumBundleTotal) in all, is drawn by dossier trace ID --format svg."
                : nil,
            coverage: TemplateList(assessment.coverage.map { coverageRow($0, anchor: \.sufAnchor) }),
            coverageSummary: SUFValues.CoverageSummary(
                safetyClass: release.identification.device?.safetyClass?.rawValue ?? "not stated (every clause shown as applicable)",
                evidenced: states[.evidenced] ?? 0, gaps: states[.gap] ?? 0,
                notEvidenced: states[.notEvidenced] ?? 0, notApplicable: states[.notApplicable] ?? 0),
            brokenLinks: TemplateList(records.brokenLinks.map { link in
                SUFValues.BrokenLinkRow(from: link.from, source: link.source.description, field: link.field, target: link.target)
            })
        )
    }

    /// A device's identification, its unset fields absent (so that `{{#field}}` sections hide them: in mustache an
    /// empty string is truthy).
    static func device(_ device: Device) -> DeviceValues {
        DeviceValues(name: nonEmpty(device.name), manufacturer: nonEmpty(device.manufacturer), model: nonEmpty(device.model),
                     udiDI: nonEmpty(device.udiDI), description: nonEmpty(device.description),
                     safetyClass: nonEmpty(device.safetyClass?.rawValue), markets: nonEmpty(device.markets.joined(separator: ", ")),
                     euClass: nonEmpty(device.euClass), fdaDocumentationLevel: nonEmpty(device.fdaDocumentationLevel))
    }

    /// A requirement's row; `history` for the DHF.
    static func requirementRow(_ r: Requirement, history: String? = nil) -> RequirementRow {
        RequirementRow(id: r.id, anchor: MarkdownText.anchor(r.id), title: r.title, type: r.type ?? "", status: r.status?.rawValue ?? "",
                       items: r.items.joined(separator: ", "), verifiedBy: r.verifiedBy.joined(separator: ", "), history: history)
    }

    /// `text`, or nil when it is empty or nil: a key the row lacks.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// One clause of the coverage table as the SUF and DHF templates see it: `evidence` lists what the release
    /// holds (`what`, `anchor` in the document, `more` on all but the first), then `missing`, `reason` and
    /// `gaps` as text, each with a `has…` flag.
    static func coverageRow(_ status: ClauseStatus, anchor: KeyPath<ClauseEvidence, String>, history: String? = nil) -> CoverageRow {
        CoverageRow(
            clause: status.clause, anchor: MarkdownText.anchor(status.clause), title: status.title,
            state: status.state.rawValue, gaps: status.gaps.joined(separator: ", "), hasGaps: !status.gaps.isEmpty,
            evidence: TemplateList(status.evidence.enumerated().map { index, evidence in
                // Anchors are made again from what suf.json holds, so that one read back cannot break the link.
                CoverageRow.Evidence(what: evidence.what, anchor: MarkdownText.anchor(evidence[keyPath: anchor]), more: index > 0)
            }),
            hasEvidence: !status.evidence.isEmpty,
            missing: status.missing.joined(separator: "; "), hasMissing: !status.missing.isEmpty,
            reason: status.reason ?? "", hasReason: status.reason != nil, history: history)
    }

    /// Rows of a delta table: added, changed, obsoleted and removed records; `details` holds one line per field.
    private static func deltaRows<R: Record>(_ delta: KindDelta, records: [R]) -> DeltaTable {
        let byId = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [DeltaTable.Row] = []
        func row(_ change: String, _ id: String, linked: Bool = true, _ headline: String, _ details: [String]) -> DeltaTable.Row {
            DeltaTable.Row(change: change, id: id, anchor: MarkdownText.anchor(id), linked: linked, headline: headline, details: TemplateList(details))
        }
        for id in delta.added {
            guard let record = byId[id] else { continue }
            rows.append(row("added", id, record.headline,
                            record.fields.filter { $0.name != "title" && $0.name != "name" }.map { "\($0.name): \($0.value)" }))
        }
        for change in delta.changed { rows.append(row("changed", change.id, change.headline, changeText(change.fields, kind: R.kind))) }
        for change in delta.obsoleted { rows.append(row("obsoleted", change.id, change.headline, changeText(change.fields))) }
        for id in delta.removed {
            rows.append(row("removed", id, linked: false, "", ["no longer in the records (retired records should stay, marked obsolete)"]))
        }
        return DeltaTable(rows: TemplateList(rows), count: rows.count)
    }

    /// Why the architecture is not drawn when the release has software items in force; nil when it is drawn or has none.
    private static func architectureNotDrawn(_ records: RecordSet) -> String? {
        guard !ArchitecturePicture.isDrawn(records), records.items.contains(where: { $0.obsolete == nil }) else { return nil }
        let size = ArchitecturePicture.size(records)
        return "The architecture holds \(size.nodes) software items, SOUP items and elements outside the software and \(size.edges) interfaces and links to SOUP, more than the \(ArchitecturePicture.maximumNodes) boxes and \(ArchitecturePicture.maximumEdges) arrows a picture draws; the tables list them all."
    }

    /// The interfaces of the items in force, in item order: where each leads, the trust boundary it crosses (from the
    /// zones the records state) and the threats that name it with their residual CVSS.
    static func interfaceRows(_ records: RecordSet) -> TemplateList<SUFValues.InterfaceRow> {
        let items = records.items.filter { $0.obsolete == nil }
        let inForce = Set(items.map(\.id))
        let zones = Dictionary(items.compactMap { item in item.zone.map { (item.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let threats = records.threats.filter { $0.obsolete == nil }
        let outside = records.outsideZones
        return TemplateList(items.flatMap { item in
            item.interfaces.map { interface in
                let far = interface.isToItem ? zones[interface.to] : outside[interface.to]
                let boundary = switch (item.zone, far) {
                case let (near?, far?) where near == far: "no (both in \(near))"
                case let (near?, far?): "yes: \(near) to \(far)"
                default: "not stated"
                }
                let named = threats.filter { $0.interfaces.contains(interface.id) }
                    .map { "\($0.id)\($0.asset.map { " on \($0)" } ?? "") (residual \(cvssText($0.residualCvss)))" }
                return SUFValues.InterfaceRow(
                    id: interface.id, anchor: MarkdownText.anchor(interface.id), item: item.id, itemAnchor: MarkdownText.anchor(item.id),
                    to: interface.to, direction: interface.direction?.rawValue ?? "not stated", data: interface.data ?? "not stated",
                    protocol: interface.protocol ?? "not stated", boundary: boundary,
                    threats: named.isEmpty ? "none named" : named.joined(separator: "; "),
                    toAnchor: inForce.contains(interface.to) ? MarkdownText.anchor(interface.to) : nil)
            }
        })
    }

    /// One line per changed field: `field: old → new`.
    private static func changeText(_ fields: [FieldChange], kind: RecordKind? = nil) -> [String] {
        fields.map { change in
            let direction = kind == .soup && change.field == "version"
                ? " (\(SOUP.versionChange(from: change.old ?? "", to: change.new ?? "")))" : ""
            return "\(change.field): \(change.old ?? "(unset)") → \(change.new ?? "(unset)")\(direction)"
        }
    }

    /// One build provenance statement as section 14 shows it: who built what from which commit, each subject matched
    /// with the update package of the same SHA-256.
    private static func provenance(of statement: BuildProvenance, release: Release) -> SUFValues.ProvenanceRow {
        let commit = release.identification.commit.lowercased()
        let packages = Dictionary(release.updatePackages.map { ($0.sha256, $0.name) }, uniquingKeysWith: { a, _ in a })
        return SUFValues.ProvenanceRow(
            file: statement.file, sha256: statement.sha256,
            envelope: statement.enveloped ? "in a DSSE envelope, whose signatures dossier does not check" : "a bare in-toto statement, unsigned",
            builder: statement.builder, buildType: statement.buildType, invocation: statement.invocation ?? "not stated",
            startedOn: statement.startedOn ?? "not stated", finishedOn: statement.finishedOn ?? "not stated",
            ofRelease: statement.sources.contains { $0.commit == commit },
            sources: TemplateList(statement.sources.map {
                SUFValues.ProvenanceSourceRow(uri: $0.uri.isEmpty ? "(no uri)" : $0.uri, commit: $0.commit, isRelease: $0.commit == commit)
            }),
            subjects: TemplateList(statement.subjects.map { subject in
                SUFValues.ProvenanceSubjectRow(name: subject.name, sha256: subject.sha256 ?? "(no SHA-256 given)",
                                               package: subject.sha256.flatMap { packages[$0] } ?? "none given")
            }),
            parameters: TemplateList(statement.parameters.map { SUFValues.ProvenanceParameterRow(kind: $0.kind, name: $0.name, value: $0.value) }))
    }

    /// The integrity section's numbers: trust, verdict counts, signers.
    private static func integrity(_ release: Release) -> SUFValues.Integrity {
        let basis = release.identification.signatureCheck, stats = release.statistics
        return SUFValues.Integrity(
            allowedSigners: basis.allowedSigners ?? "none configured (a good SSH signature is U)",
            openPGPKeys: basis.openPGPKeys ?? "none configured (an OpenPGP signature is E)",
            checkedAt: basis.checkedAt, updateKeys: basis.updateKeys,
            verdicts: TemplateList(VerdictLetter.documentOrder.compactMap { letter in
                stats.verdicts[letter.rawValue].map { SUFValues.VerdictCount(letter: letter.rawValue, meaning: letter.meaning, count: $0) }
            }),
            signers: TemplateList(stats.signers.map { tally in
                SUFValues.SignerRow(signer: tally.signer.isEmpty ? "(not trusted)" : tally.signer, fingerprint: tally.fingerprint,
                                    kind: kindText(tally.kind), commits: tally.commits)
            }))
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
    static func shortVerdictText(_ verdict: Verdict) -> String {
        verdict.kind == nil ? verdict.letter.rawValue : "\(verdict.letter.rawValue) \(kindText(verdict.kind))"
    }

    private static func kindText(_ kind: SignatureKind?) -> String {
        switch kind {
        case .openpgp?: "OpenPGP"
        case .ssh?: "SSH"
        case .x509?: "X.509"
        case .mender?: "Mender Artifact"
        case nil: "none"
        }
    }

    /// The findings grouped by level and rule, in the findings' order (errors first, rules in catalogue order):
    /// the gap report names each rule, its level and its clauses once, above the findings it made.
    static func findingGroups(_ findings: [Finding]) -> TemplateList<SUFValues.FindingGroup> {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            let key = "\(finding.level.rawValue) \(finding.rule.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return TemplateList(order.map { key in
            let members = groups[key] ?? []
            let first = findings[members[0]]
            return SUFValues.FindingGroup(level: first.level.rawValue, rule: first.rule.rawValue, summary: RuleCatalog.rule(first.rule).summary,
                                          clauses: first.clauses.joined(separator: "; "), count: members.count,
                                          findings: TemplateList(members.map { FindingRow(findings: findings, index: $0, grouped: true) }))
        })
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }

}
