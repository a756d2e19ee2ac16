import Model
import Mustache

// The typed rows of the SUF's template context (keys: docs/templates.md). swift-mustache reads a row's stored
// properties by name through each row's `child(named:)` (SUFRows+MustacheParent.swift); an optional that is nil is a
// key the row lacks, so the template looks it up around the row.

/// The values `suf.md.mustache` sees.
struct SUFValues: Sendable {
    var generator, release, commit, shortCommit, date, configuration, range, title, evidenceLine: String
    var previous: PreviousRelease?
    var device: DeviceValues?
    var outsideTagPattern: TagPattern?
    var document: DocumentValues?
    /// The approvals dossier.yml requires, in words; nil when it names none.
    var requiredApprovals: RequiredApprovalValues?
    var tag: TagValues?
    var summary: Summary
    var changeRequests: TemplateList<ChangeRequestRow>
    var commitsWithoutChangeRequest, commits, commitsNotUTF8: TemplateList<CommitRow>
    var integrity: Integrity
    var commitsSignedNotGood: TemplateList<SignedCommitRow>
    var unsignedCommitCount: Int
    var hasUnsignedCommits: Bool
    var updatePackages: TemplateList<UpdatePackageRow>
    var buildProvenance: TemplateList<ProvenanceRow>
    var itemsTouched: TemplateList<ItemTouchedRow>
    /// The software architecture picture's file name (`ArchitecturePicture.fileName`); nil when it is not drawn.
    var architecturePicture: String?
    /// Why the architecture is not drawn although the release has software items (too many to draw); nil otherwise.
    var architectureNotDrawn: String?
    /// The security architecture view's file name (`ArchitecturePicture.securityFileName`); nil when it is not drawn.
    var securityPicture: String?
    /// Every interface of the items in force, with the trust boundary it crosses and the threats on it.
    var interfaces: TemplateList<InterfaceRow>
    var unclaimedPaths, notSoftwarePaths: TemplateList<String>
    var requirementsDelta, risksDelta, threatsDelta, soupDelta, ifuDelta, itemsDelta, problemReportsDelta: DeltaTable
    var riskFile: SUFContext.RiskFileValues
    var threats: TemplateList<ThreatRow>
    var soup: TemplateList<SOUPRow>
    var sbom: SBOMValues?
    var vulnerabilities: TemplateList<VulnerabilityRow>
    var problemReportsResolved: TemplateList<ResolvedProblemRow>
    var knownAnomalies: TemplateList<AnomalyRow>
    var deprecations: TemplateList<DeprecationRow>
    var allRequirements: TemplateList<RequirementRow>
    var allItems: TemplateList<ItemRow>
    var allChangeRequests: TemplateList<ChangeRequestBrief>
    var allProblemReports: TemplateList<ProblemReportRow>
    var allIFUChanges: TemplateList<IFUChangeRow>
    var evidenceFiles: TemplateList<EvidenceFileRow>
    var verification: Verification?
    var findings: TemplateList<FindingRow>
    var findingGroups: TemplateList<FindingGroup>
    var gapSummary: GapSummary
    var traceMatrix: TemplateList<TraceRow>
    /// Says which requirements have no trace picture in the bundle, when some have none; nil otherwise.
    var tracePictureNote: String?
    var coverage: TemplateList<CoverageRow>
    var coverageSummary: CoverageSummary
    var brokenLinks: TemplateList<BrokenLinkRow>

    struct PreviousRelease: Sendable { var release, commit: String }
    struct TagPattern: Sendable { var pattern: String }
    /// The approvals required, and where they are recorded.
    struct RequiredApprovalValues: Sendable { var roles, reference: String }
    /// The document's id and revision (`1`, or `draft`).
    struct DocumentValues: Sendable { var id, revision: String }
    struct TagValues: Sendable { var name, object, kind, tagger, taggerDate, signature, verdict, message: String? }
    struct Summary: Sendable {
        var commits, merges, authors, changeRequests, itemsTouched, changedPaths, signed, unsigned, good: Int
        var signedPercent: String
    }
    struct ChangeRequestRow: Sendable {
        var id, anchor: String
        var known: Bool
        var title, type, status, safetyImpact, decision, rationale, approvedBy, approvedOn, items: String
        var commitCount: Int
        var commits: TemplateList<CommitRow>
    }
    struct Integrity: Sendable {
        var allowedSigners, openPGPKeys, checkedAt: String
        var updateKeys: String?
        var verdicts: TemplateList<VerdictCount>
        var signers: TemplateList<SignerRow>
    }
    struct VerdictCount: Sendable { var letter, meaning: String; var count: Int }
    struct SignerRow: Sendable { var signer, fingerprint, kind: String; var commits: Int }
    struct SignedCommitRow: Sendable {
        var id, shortId, subject, author: String
        var notUTF8: Bool
        var date, verdict, signature: String
    }
    struct UpdatePackageRow: Sendable {
        var name, size, sha256, signatureFile, verdict, signature: String
        var good: Bool
        var mender: MenderRow?
    }
    struct MenderRow: Sendable {
        var package, name, deviceTypes, provides, depends, payloads, checksums, manifestSignature: String
        var intact: Bool
    }
    struct ProvenanceRow: Sendable {
        var file, sha256, envelope, builder, buildType, invocation, startedOn, finishedOn: String
        var ofRelease: Bool
        var sources: TemplateList<ProvenanceSourceRow>
        var subjects: TemplateList<ProvenanceSubjectRow>
        var parameters: TemplateList<ProvenanceParameterRow>
    }
    struct ProvenanceSourceRow: Sendable { var uri, commit: String; var isRelease: Bool }
    struct ProvenanceSubjectRow: Sendable { var name, sha256, package: String }
    struct ProvenanceParameterRow: Sendable { var kind, name, value: String }
    struct ItemTouchedRow: Sendable {
        var id, anchor, name, safetyClass: String
        var pathCount, commitCount: Int
        var parent: String
    }
    struct ThreatRow: Sendable { var id, anchor, title, stride, cvss, residualCvss, mitigations, risks, disposition: String }
    /// An interface of a software item: `to` is an item's id (`toAnchor` set) or an element outside the software.
    struct InterfaceRow: Sendable {
        var id, anchor, item, itemAnchor, to, direction, data, `protocol`, boundary, threats: String
        var toAnchor: String?
    }
    struct SOUPRow: Sendable { var id, anchor, name, version, supplier, supportLevel, endOfSupport, items: String }
    struct SBOMValues: Sendable {
        var file, standard: String
        var components: Int
        var sha256: String
        var fromEvidence: Bool
        var overlay: String
    }
    struct VulnerabilityRow: Sendable { var id, source, affects, rating, state, justification, response, threats: String }
    struct ResolvedProblemRow: Sendable { var id, anchor, title, severity, status, changeRequests: String }
    struct AnomalyRow: Sendable { var id, anchor, title, severity, status, evaluation: String }
    struct DeprecationRow: Sendable { var kind, id, anchor, headline, release, rationale: String }
    struct ChangeRequestBrief: Sendable { var id, anchor, title, type, status, decision: String }
    struct IFUChangeRow: Sendable { var id, anchor, document, section, change: String }
    struct EvidenceFileRow: Sendable {
        var path, sha256, suites: String
        var tests, failures, errors, skipped: Int
        var timestamp: String
    }
    struct Verification: Sendable { var passed, failed, skipped, noTest, obsolete: Int }
    struct FindingGroup: Sendable {
        var level, rule, summary, clauses: String
        var count: Int
        var findings: TemplateList<FindingRow>
    }
    struct GapSummary: Sendable { var errors, warnings: Int; var rulesOff: String }
    struct TraceRow: Sendable {
        var requirement, anchor, title, status, risks, threats, ifuChanges, items, changeRequests, commits, tests, result: String
        /// The file of the requirement's trace picture in the bundle (`trace-REQ-1.svg`); nil when none is drawn.
        var picture: String?
    }
    struct CoverageSummary: Sendable {
        var safetyClass: String
        var evidenced, gaps, notEvidenced, notApplicable: Int
    }
    struct BrokenLinkRow: Sendable { var from, source, field, target: String }
}

/// A device's identification, as the SUF and the DHF show it; an unset field is absent.
struct DeviceValues: Sendable {
    var name, manufacturer, model, udiDI, description, safetyClass, markets, euClass, fdaDocumentationLevel: String?
}

/// One row of a delta table (`{{>delta}}`).
struct DeltaTable: Sendable {
    var rows: TemplateList<Row>
    var count: Int

    struct Row: Sendable {
        var change, id, anchor: String
        var linked: Bool
        var headline: String
        var details: TemplateList<String>
    }
}

/// A requirement: the SUF's `allRequirements`, the DHF's `requirements` (with `history`).
struct RequirementRow: Sendable { var id, anchor, title, type, status, items, verifiedBy: String; var history: String? }
/// A software item: the SUF's `allItems` (with `paths`), the DHF's `items` (with `history`).
struct ItemRow: Sendable { var id, anchor, name, safetyClass, parent: String; var zone, paths, history: String? }
/// A problem report: the SUF's `allProblemReports`, the DHF's `problemReports` (with `history`).
struct ProblemReportRow: Sendable { var id, anchor, title, severity, status: String; var history: String? }

/// One clause of the coverage table (SUF and DHF; the DHF adds `history`).
struct CoverageRow: Sendable {
    var clause, anchor, title, state, gaps: String
    var hasGaps: Bool
    var evidence: TemplateList<Evidence>
    var hasEvidence: Bool
    var missing: String
    var hasMissing: Bool
    var reason: String
    var hasReason: Bool
    var history: String?

    struct Evidence: Sendable { var what, anchor: String; var more: Bool }
}

/// One commit as the templates see it. Its values are made when a template asks for them: a long history has tens
/// of thousands of commits, and the built-in template shows half of their keys.
struct CommitRow: MustacheParent, Sendable {
    let commits: [ReleaseCommit]
    let index: Int

    func child(named name: String) -> Any? {
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
        case "signature": return SUFContext.shortVerdictText(commit.signature)
        default: return nil
        }
    }
}

/// One finding as the templates see it, its values made when a template asks for them (a long history has tens of
/// thousands). In the list of all findings it has every key; in a group's list only `message` and `location`, the
/// group giving its level, rule and clauses.
struct FindingRow: MustacheParent, Sendable {
    let findings: [Finding]
    let index: Int
    let grouped: Bool

    func child(named name: String) -> Any? {
        let finding = findings[index]
        switch name {
        case "message": return finding.message
        case "location": return finding.location?.description ?? ""
        // A grouped row has its group's level and rule: answered here, so the template does not look through the
        // group for them (two context levels for two of a row's three keys).
        case "level": return finding.level.rawValue
        case "rule": return finding.rule.rawValue
        case "clauses" where !grouped: return finding.clauses.joined(separator: "; ")
        default: return nil
        }
    }
}
