import Evidence
import Model
import Records
import Support

/// What a release holds that can evidence clauses, each kind counted from the assembled release (its records,
/// commits, tag, test evidence and trace matrix) and named with the anchors where the SUF and the DHF show it.
/// A kind the release does not hold is absent: nothing here is inferred from the absence of findings.
public struct ReleaseInventory: Sendable {
    /// The kinds the release holds.
    public let holdings: [EvidenceKind: ClauseEvidence]

    /// The SUF headings the evidence links to (the HTML gives each heading the anchor `MarkdownText.headingAnchor`
    /// makes; a test checks that every link of the SUF and the DHF lands on an anchor).
    enum SUFSection {
        static let identification = "1. Identification"
        static let summary = "2. Release summary and regulatory assessment"
        static let history = "3. Version history"
        static let risks = "6. Risk management file"
        static let soup = "8. SOUP delta"
        static let verification = "9. Verification evidence"
        static let anomalies = "11. Known residual anomalies"
        static let integrity = "14. Build and update integrity"
        static let packages = "Update packages"
        static let provenance = "How the release was built"
        static let trace = "16. Traceability matrix"
    }

    /// The DHF headings the evidence links to.
    enum DHFSection {
        static let device = "1. Device description"
        static let requirements = "3. Requirements baseline"
        static let risks = "4. Risk management file"
        static let items = "6. Software items"
        static let soup = "7. SOUP per release"
        static let trace = "8. Traceability matrix, all releases"
        static let changes = "10. Change-control log"
        static let problems = "11. Problem reports"
    }

    /// Counts what the release holds; `traceMatrix` is its trace matrix (for the risk controls a passing test verifies).
    public init(release: Release, traceMatrix: [TraceRow]) {
        var found: [EvidenceKind: ClauseEvidence] = [:]
        func add(_ kind: EvidenceKind, _ what: String, suf: String, dhf: String) {
            found[kind] = ClauseEvidence(kind: kind, what: what, sufAnchor: suf, dhfAnchor: dhf)
        }
        func heading(_ title: String) -> String { MarkdownText.headingAnchor(title) }
        func record(_ id: String) -> String { MarkdownText.anchor(id) }
        func plural(_ count: Int, _ noun: String, _ nouns: String? = nil) -> String {
            "\(count) \(count == 1 ? noun : nouns ?? noun + "s")"
        }
        let id = release.identification, records = release.records
        let releaseRow = "release-" + MarkdownText.anchor(id.release)

        if let safetyClass = id.device?.safetyClass {
            add(.deviceClass, "software safety class \(safetyClass.rawValue) per dossier.yml",
                suf: heading(SUFSection.identification), dhf: heading(DHFSection.device))
        }
        let items = records.items.filter { $0.obsolete == nil }
        if let first = items.first {
            add(.items, plural(items.count, "software item"), suf: record(first.id), dhf: heading(DHFSection.items))
        }
        // Only interfaces that lead somewhere: to an item in force or to an element outside the software (one to a
        // missing or retired item is a broken link, rule T2, and documents nothing).
        let inForce = Set(items.map(\.id))
        func leads(_ interface: ItemInterface) -> Bool { !interface.isToItem || inForce.contains(interface.to) }
        let interfaces = items.flatMap(\.interfaces).filter(leads)
        if let first = interfaces.first {
            let holders = items.count { $0.interfaces.contains(where: leads) }
            add(.interfaces, "\(plural(interfaces.count, "interface")) of \(plural(holders, "software item"))",
                suf: record(first.id), dhf: heading(DHFSection.items))
        }
        let classified = items.filter { $0.safetyClass != nil }
        if let first = classified.first {
            add(.classifiedItems, "\(plural(classified.count, "software item")) with a safety class",
                suf: record(first.id), dhf: heading(DHFSection.items))
        }

        // Requirements, and the risk controls that are requirements.
        let requirements = records.requirements.filter { $0.obsolete == nil }
        let requirementIds = Set(requirements.map(\.id))
        if let first = requirements.first {
            add(.requirements, plural(requirements.count, "requirement"), suf: record(first.id), dhf: heading(DHFSection.requirements))
        }
        let approved = requirements.filter { $0.status == .approved }
        if let first = approved.first {
            add(.approvedRequirements, "\(approved.count) of \(plural(requirements.count, "requirement")) approved",
                suf: record(first.id), dhf: heading(DHFSection.requirements))
        }
        let risks = records.risks.filter { $0.obsolete == nil }
        var controlIds: [String] = []
        for risk in risks { for control in risk.controls where !controlIds.contains(control.requirement) { controlIds.append(control.requirement) } }
        let controlRequirements = controlIds.filter(requirementIds.contains)
        if let first = controlRequirements.first {
            add(.controlRequirements, "\(plural(controlRequirements.count, "risk control")) that \(controlRequirements.count == 1 ? "is a requirement" : "are requirements")",
                suf: record(first), dhf: heading(DHFSection.requirements))
        }

        // Risks.
        func addRisks(_ kind: EvidenceKind, _ matching: [Risk], _ what: String) {
            guard let first = matching.first else { return }
            add(kind, "\(plural(matching.count, "risk"))\(what)", suf: record(first.id), dhf: heading(DHFSection.risks))
        }
        addRisks(.risks, risks, "")
        addRisks(.risksWithSituation, risks.filter { !($0.hazardousSituation ?? "").isEmpty }, " naming hazard and hazardous situation")
        addRisks(.risksWithCause, risks.filter { !($0.cause ?? "").isEmpty }, " naming a cause")
        addRisks(.risksWithItems, risks.filter { !$0.items.isEmpty }, " naming the software items involved")
        addRisks(.estimatedRisks, risks.filter { $0.initial != nil }, " with severity and probability")
        addRisks(.risksWithControls, risks.filter { !$0.controls.isEmpty }, " with risk controls")
        addRisks(.benefitRisk, risks.filter { !($0.benefitRisk ?? "").isEmpty }, " with a benefit-risk statement")
        if let policy = records.riskPolicy {
            add(.riskPolicy, "the risk acceptability matrix (\(plural(policy.severity.count, "severity", "severities")) by \(plural(policy.probability.count, "probability", "probabilities")))",
                suf: risks.first.map { record($0.id) } ?? heading(SUFSection.risks), dhf: heading(DHFSection.risks))
            let judged = risks.filter { $0.residual.flatMap(policy.verdict) != nil }
            let notAcceptable = judged.count { $0.residual.flatMap(policy.verdict) != .acceptable }
            addRisks(.residualRisks, judged, " with a residual risk judged by the policy (\(notAcceptable) not acceptable)")
        }
        let rows = Dictionary(traceMatrix.map { ($0.requirement, $0) }, uniquingKeysWith: { a, _ in a })
        let verified = controlRequirements.filter { rows[$0]?.result == "passed" }
        if !verified.isEmpty {
            add(.verifiedControls, "\(verified.count) of \(plural(controlRequirements.count, "risk control")) verified by a passing test",
                suf: heading(SUFSection.trace), dhf: heading(DHFSection.trace))
        }

        // SOUP and the SBOM.
        let soup = records.soup.filter { $0.obsolete == nil }
        if let first = soup.first {
            add(.soup, plural(soup.count, "SOUP item"), suf: record(first.id), dhf: heading(DHFSection.soup))
        }
        if let sbom = records.sbom {
            add(.sbom, "SBOM \(sbom.file) (\(sbom.standard)) with \(plural(records.vulnerabilities.count, "known vulnerability", "known vulnerabilities"))",
                suf: heading(SUFSection.soup), dhf: heading(DHFSection.soup))
        }

        // Tests.
        let cases = release.evidence.cases
        if !cases.isEmpty {
            let passed = cases.count { $0.outcome == .passed }
            add(.testCases, "\(plural(cases.count, "test case")) (\(passed) passed) in \(plural(release.evidence.files.count, "report"))",
                suf: heading(SUFSection.verification), dhf: heading(DHFSection.trace))
        }
        let tested = requirements.filter { !(rows[$0.id]?.tests.isEmpty ?? true) }
        if !tested.isEmpty {
            let passing = tested.count { rows[$0.id]?.result == "passed" }
            add(.testedRequirements, "\(tested.count) of \(plural(requirements.count, "requirement")) with a linked test (\(passing) passed)",
                suf: heading(SUFSection.trace), dhf: heading(DHFSection.trace))
        }

        // Problem reports.
        let reports = records.problemReports.filter { $0.obsolete == nil }
        if let first = reports.first {
            let open = reports.filter(\.isOpen)
            add(.problemReports, "\(plural(reports.count, "problem report")) (\(open.count) open)", suf: record(first.id), dhf: heading(DHFSection.problems))
            if open.allSatisfy({ !($0.evaluation ?? "").isEmpty }) {
                add(.evaluatedAnomalies, open.isEmpty ? "no open problem report among \(reports.count)" : "\(plural(open.count, "open problem report")), each evaluated",
                    suf: heading(SUFSection.anomalies), dhf: heading(DHFSection.problems))
            }
        }
        let evaluated = reports.filter { !($0.evaluation ?? "").isEmpty }
        if let first = evaluated.first {
            add(.evaluatedProblemReports, "\(evaluated.count) of \(plural(reports.count, "problem report")) evaluated", suf: record(first.id), dhf: heading(DHFSection.problems))
        }
        let named = Set(records.changeRequests.flatMap(\.problemReports))
        let inChangeControl = reports.filter { named.contains($0.id) }
        if let first = inChangeControl.first {
            add(.problemReportsInChangeControl, "\(plural(inChangeControl.count, "problem report")) named by change requests",
                suf: record(first.id), dhf: heading(DHFSection.problems))
        }
        // A report counts only when every test it names is in this release's test evidence, with its result: a name
        // alone verifies nothing.
        let caseIds = Set(release.evidence.cases.map(\.id))
        let withTests = reports.filter { report in
            !report.tests.isEmpty && report.tests.allSatisfy { !TestIdPattern($0).matches(in: caseIds).isEmpty }
        }
        if let first = withTests.first {
            add(.problemReportsWithTests, "\(plural(withTests.count, "problem report")) whose tests of the resolution have results in the evidence",
                suf: record(first.id), dhf: heading(DHFSection.problems))
        }

        // The manufacturer's clause 8 and 9 records that name this release.
        if let evaluation = records.residualRiskEvaluations.last(where: { $0.release == id.release }) {
            add(.residualRiskEvaluation, "overall residual risk evaluation of \(evaluation.date) (\(evaluation.acceptable ? "acceptable" : "not acceptable"))",
                suf: heading(SUFSection.risks), dhf: heading(DHFSection.risks))
        }
        if let review = records.riskManagementReviews.last(where: { $0.release == id.release }) {
            add(.riskManagementReview, "risk management review of \(review.date)\(review.report.map { " (\($0))" } ?? "")",
                suf: heading(SUFSection.risks), dhf: heading(DHFSection.risks))
        }

        // This release's change requests, as its commits name them.
        let changeRequests = release.changeRequests.compactMap(\.record)
        func addChanges(_ kind: EvidenceKind, _ matching: [ChangeRequest], _ what: String) {
            guard !matching.isEmpty else { return }
            add(kind, "\(matching.count) of \(plural(changeRequests.count, "change request")) of this release \(what)",
                suf: heading(SUFSection.summary), dhf: heading(DHFSection.changes))
        }
        addChanges(.analysedChangeRequests, changeRequests.filter { !($0.safetyImpact ?? "").isEmpty }, "with a safety-impact analysis")
        addChanges(.approvedChangeRequests, changeRequests.filter { !($0.approvedBy ?? "").isEmpty }, "approved")
        addChanges(.regulatoryDecisions, changeRequests.filter { $0.regulatoryAssessment != nil }, "with a regulatory decision")
        addChanges(.controlImpactStated, changeRequests.filter(\.statesAffectedControls), "stating the risk controls they affect")
        addChanges(.changeRequestsNamingRisks, changeRequests.filter { !$0.risks.isEmpty }, "naming the risks they affect")

        // Commits, the tag and signatures.
        let nonMerge = release.commits.filter { !$0.merge }
        let traceable = nonMerge.count { !$0.changeRequests.isEmpty }
        if traceable > 0 {
            add(.traceableCommits, "\(traceable) of \(plural(nonMerge.count, "commit")) naming a change request",
                suf: heading(SUFSection.history), dhf: heading(DHFSection.changes))
        }
        if !release.commits.isEmpty {
            add(.commits, "\(plural(release.commits.count, "commit")) since \(id.previousRelease ?? "the root")",
                suf: heading(SUFSection.history), dhf: releaseRow)
        }
        let good = release.commits.count { $0.signature.letter == .good }
        if good > 0 {
            add(.signedCommits, "\(good) of \(plural(release.commits.count, "commit")) signed, verdict G",
                suf: heading(SUFSection.integrity), dhf: releaseRow)
        }
        if let tag = id.tag {
            add(.releaseTag, "release tag \(tag.name) (\(tag.annotated ? "annotated" : "lightweight")) at commit \(String(id.commit.prefix(12)))",
                suf: heading(SUFSection.identification), dhf: releaseRow)
            if tag.signature.letter == .good {
                add(.signedTag, "release tag \(tag.name) signed, verdict G", suf: heading(SUFSection.integrity), dhf: releaseRow)
            }
        }
        let packages = release.updatePackages
        if !packages.isEmpty, packages.allSatisfy({ $0.signature.letter == .good }) {
            add(.signedUpdatePackages, "\(plural(packages.count, "update package")), each signed, verdict G",
                suf: heading(SUFSection.packages), dhf: releaseRow)
        }
        // Provenance of this commit, and, when packages were given, one that names each of them: what the files hold.
        let ofRelease = release.buildProvenance.filter { statement in statement.sources.contains { $0.commit == id.commit.lowercased() } }
        let subjects = Set(ofRelease.flatMap(\.subjects).compactMap(\.sha256))
        if let first = ofRelease.first, packages.allSatisfy({ subjects.contains($0.sha256) }) {
            let named = packages.isEmpty ? "" : ", naming \(plural(packages.count, "update package"))"
            add(.buildProvenance, "build provenance of commit \(id.commit.prefix(12)) by \(first.builder)\(named)",
                suf: heading(SUFSection.provenance), dhf: releaseRow)
        }
        if let previous = id.previousRelease {
            add(.previousRelease, "follows release \(previous)", suf: heading(SUFSection.identification), dhf: releaseRow)
        }
        holdings = found
    }
}
