import Mustache

// How the templates look up the keys of the SUF's rows (SUFRows.swift; keys: docs/templates.md):
// by name with a switch per type (swift-mustache's MustacheParent) rather than through a Mirror of every stored property
// per lookup. Each switch names every stored property: a nil optional is a key the row lacks.

extension SUFValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "generator": self.generator
        case "release": self.release
        case "commit": self.commit
        case "shortCommit": self.shortCommit
        case "date": self.date
        case "configuration": self.configuration
        case "range": self.range
        case "title": self.title
        case "evidenceLine": self.evidenceLine
        case "previous": self.previous
        case "device": self.device
        case "outsideTagPattern": self.outsideTagPattern
        case "document": self.document
        case "requiredApprovals": self.requiredApprovals
        case "tag": self.tag
        case "summary": self.summary
        case "changeRequests": self.changeRequests
        case "commitsWithoutChangeRequest": self.commitsWithoutChangeRequest
        case "commits": self.commits
        case "commitsNotUTF8": self.commitsNotUTF8
        case "integrity": self.integrity
        case "commitsSignedNotGood": self.commitsSignedNotGood
        case "unsignedCommitCount": self.unsignedCommitCount
        case "hasUnsignedCommits": self.hasUnsignedCommits
        case "updatePackages": self.updatePackages
        case "buildProvenance": self.buildProvenance
        case "itemsTouched": self.itemsTouched
        case "unclaimedPaths": self.unclaimedPaths
        case "notSoftwarePaths": self.notSoftwarePaths
        case "requirementsDelta": self.requirementsDelta
        case "risksDelta": self.risksDelta
        case "threatsDelta": self.threatsDelta
        case "soupDelta": self.soupDelta
        case "ifuDelta": self.ifuDelta
        case "itemsDelta": self.itemsDelta
        case "problemReportsDelta": self.problemReportsDelta
        case "riskFile": self.riskFile
        case "architecturePicture": self.architecturePicture
        case "architectureNotDrawn": self.architectureNotDrawn
        case "securityPicture": self.securityPicture
        case "interfaces": self.interfaces
        case "tracePictureNote": self.tracePictureNote
        case "threats": self.threats
        case "soup": self.soup
        case "sbom": self.sbom
        case "vulnerabilities": self.vulnerabilities
        case "problemReportsResolved": self.problemReportsResolved
        case "knownAnomalies": self.knownAnomalies
        case "deprecations": self.deprecations
        case "allRequirements": self.allRequirements
        case "allItems": self.allItems
        case "allChangeRequests": self.allChangeRequests
        case "allProblemReports": self.allProblemReports
        case "allIFUChanges": self.allIFUChanges
        case "evidenceFiles": self.evidenceFiles
        case "verification": self.verification
        case "findings": self.findings
        case "findingGroups": self.findingGroups
        case "gapSummary": self.gapSummary
        case "traceMatrix": self.traceMatrix
        case "coverage": self.coverage
        case "coverageSummary": self.coverageSummary
        case "brokenLinks": self.brokenLinks
        default: nil
        }
    }
}

extension SUFValues.PreviousRelease: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "commit": self.commit
        default: nil
        }
    }
}

extension SUFValues.RequiredApprovalValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "roles": self.roles
        case "reference": self.reference
        default: nil
        }
    }
}

extension SUFValues.DocumentValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "revision": self.revision
        default: nil
        }
    }
}

extension SUFValues.TagPattern: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pattern": self.pattern
        default: nil
        }
    }
}

extension SUFValues.TagValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "object": self.object
        case "kind": self.kind
        case "tagger": self.tagger
        case "taggerDate": self.taggerDate
        case "signature": self.signature
        case "verdict": self.verdict
        case "message": self.message
        default: nil
        }
    }
}

extension SUFValues.Summary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "commits": self.commits
        case "merges": self.merges
        case "authors": self.authors
        case "changeRequests": self.changeRequests
        case "itemsTouched": self.itemsTouched
        case "changedPaths": self.changedPaths
        case "signed": self.signed
        case "unsigned": self.unsigned
        case "good": self.good
        case "signedPercent": self.signedPercent
        default: nil
        }
    }
}

extension SUFValues.ChangeRequestRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "known": self.known
        case "title": self.title
        case "type": self.type
        case "status": self.status
        case "safetyImpact": self.safetyImpact
        case "decision": self.decision
        case "rationale": self.rationale
        case "approvedBy": self.approvedBy
        case "approvedOn": self.approvedOn
        case "items": self.items
        case "commitCount": self.commitCount
        case "commits": self.commits
        default: nil
        }
    }
}

extension SUFValues.Integrity: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "allowedSigners": self.allowedSigners
        case "openPGPKeys": self.openPGPKeys
        case "checkedAt": self.checkedAt
        case "updateKeys": self.updateKeys
        case "verdicts": self.verdicts
        case "signers": self.signers
        default: nil
        }
    }
}

extension SUFValues.VerdictCount: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "meaning": self.meaning
        case "count": self.count
        default: nil
        }
    }
}

extension SUFValues.SignerRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "signer": self.signer
        case "fingerprint": self.fingerprint
        case "kind": self.kind
        case "commits": self.commits
        default: nil
        }
    }
}

extension SUFValues.UpdatePackageRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "size": self.size
        case "sha256": self.sha256
        case "signatureFile": self.signatureFile
        case "verdict": self.verdict
        case "signature": self.signature
        case "good": self.good
        case "mender": self.mender
        default: nil
        }
    }
}

extension SUFValues.MenderRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "package": self.package
        case "name": self.name
        case "deviceTypes": self.deviceTypes
        case "provides": self.provides
        case "depends": self.depends
        case "payloads": self.payloads
        case "checksums": self.checksums
        case "manifestSignature": self.manifestSignature
        case "intact": self.intact
        default: nil
        }
    }
}

extension SUFValues.ProvenanceRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "file": self.file
        case "sha256": self.sha256
        case "envelope": self.envelope
        case "builder": self.builder
        case "buildType": self.buildType
        case "invocation": self.invocation
        case "startedOn": self.startedOn
        case "finishedOn": self.finishedOn
        case "ofRelease": self.ofRelease
        case "sources": self.sources
        case "subjects": self.subjects
        case "parameters": self.parameters
        default: nil
        }
    }
}

extension SUFValues.ProvenanceSourceRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "uri": self.uri
        case "commit": self.commit
        case "isRelease": self.isRelease
        default: nil
        }
    }
}

extension SUFValues.ProvenanceSubjectRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "sha256": self.sha256
        case "package": self.package
        default: nil
        }
    }
}

extension SUFValues.ProvenanceParameterRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "name": self.name
        case "value": self.value
        default: nil
        }
    }
}

extension SUFValues.ItemTouchedRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "name": self.name
        case "safetyClass": self.safetyClass
        case "pathCount": self.pathCount
        case "commitCount": self.commitCount
        case "parent": self.parent
        default: nil
        }
    }
}

extension SUFValues.InterfaceRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "item": self.item
        case "itemAnchor": self.itemAnchor
        case "to": self.to
        case "toAnchor": self.toAnchor
        case "direction": self.direction
        case "data": self.data
        case "protocol": self.protocol
        case "boundary": self.boundary
        case "threats": self.threats
        default: nil
        }
    }
}

extension SUFValues.ThreatRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "stride": self.stride
        case "cvss": self.cvss
        case "residualCvss": self.residualCvss
        case "mitigations": self.mitigations
        case "risks": self.risks
        case "disposition": self.disposition
        default: nil
        }
    }
}

extension SUFValues.SOUPRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "name": self.name
        case "version": self.version
        case "supplier": self.supplier
        case "supportLevel": self.supportLevel
        case "endOfSupport": self.endOfSupport
        case "items": self.items
        default: nil
        }
    }
}

extension SUFValues.SBOMValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "file": self.file
        case "standard": self.standard
        case "components": self.components
        case "sha256": self.sha256
        case "fromEvidence": self.fromEvidence
        case "overlay": self.overlay
        default: nil
        }
    }
}

extension SUFValues.VulnerabilityRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "source": self.source
        case "affects": self.affects
        case "rating": self.rating
        case "state": self.state
        case "justification": self.justification
        case "response": self.response
        case "threats": self.threats
        default: nil
        }
    }
}

extension SUFValues.ResolvedProblemRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "severity": self.severity
        case "status": self.status
        case "changeRequests": self.changeRequests
        default: nil
        }
    }
}

extension SUFValues.AnomalyRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "severity": self.severity
        case "status": self.status
        case "evaluation": self.evaluation
        default: nil
        }
    }
}

extension SUFValues.DeprecationRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "id": self.id
        case "anchor": self.anchor
        case "headline": self.headline
        case "release": self.release
        case "rationale": self.rationale
        default: nil
        }
    }
}

extension SUFValues.ChangeRequestBrief: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "type": self.type
        case "status": self.status
        case "decision": self.decision
        default: nil
        }
    }
}

extension SUFValues.IFUChangeRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "document": self.document
        case "section": self.section
        case "change": self.change
        default: nil
        }
    }
}

extension SUFValues.EvidenceFileRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "path": self.path
        case "sha256": self.sha256
        case "suites": self.suites
        case "tests": self.tests
        case "failures": self.failures
        case "errors": self.errors
        case "skipped": self.skipped
        case "timestamp": self.timestamp
        default: nil
        }
    }
}

extension SUFValues.Verification: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "passed": self.passed
        case "failed": self.failed
        case "skipped": self.skipped
        case "noTest": self.noTest
        case "obsolete": self.obsolete
        default: nil
        }
    }
}

extension SUFValues.FindingGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": self.level
        case "rule": self.rule
        case "summary": self.summary
        case "clauses": self.clauses
        case "count": self.count
        case "findings": self.findings
        default: nil
        }
    }
}

extension SUFValues.GapSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "errors": self.errors
        case "warnings": self.warnings
        case "rulesOff": self.rulesOff
        default: nil
        }
    }
}

extension SUFValues.TraceRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "requirement": self.requirement
        case "anchor": self.anchor
        case "title": self.title
        case "status": self.status
        case "risks": self.risks
        case "threats": self.threats
        case "ifuChanges": self.ifuChanges
        case "items": self.items
        case "changeRequests": self.changeRequests
        case "commits": self.commits
        case "tests": self.tests
        case "result": self.result
        case "picture": self.picture
        default: nil
        }
    }
}

extension SUFValues.CoverageSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "safetyClass": self.safetyClass
        case "evidenced": self.evidenced
        case "gaps": self.gaps
        case "notEvidenced": self.notEvidenced
        case "notApplicable": self.notApplicable
        default: nil
        }
    }
}

extension SUFValues.BrokenLinkRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "from": self.from
        case "source": self.source
        case "field": self.field
        case "target": self.target
        default: nil
        }
    }
}

extension DeviceValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "manufacturer": self.manufacturer
        case "model": self.model
        case "udiDI": self.udiDI
        case "description": self.description
        case "safetyClass": self.safetyClass
        case "markets": self.markets
        case "euClass": self.euClass
        case "fdaDocumentationLevel": self.fdaDocumentationLevel
        default: nil
        }
    }
}

extension DeltaTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": self.rows
        case "count": self.count
        default: nil
        }
    }
}

extension DeltaTable.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "change": self.change
        case "id": self.id
        case "anchor": self.anchor
        case "linked": self.linked
        case "headline": self.headline
        case "details": self.details
        default: nil
        }
    }
}

extension RequirementRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "type": self.type
        case "status": self.status
        case "items": self.items
        case "verifiedBy": self.verifiedBy
        case "history": self.history
        default: nil
        }
    }
}

extension ItemRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "name": self.name
        case "safetyClass": self.safetyClass
        case "parent": self.parent
        case "zone": self.zone
        case "paths": self.paths
        case "history": self.history
        default: nil
        }
    }
}

extension ProblemReportRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "severity": self.severity
        case "status": self.status
        case "history": self.history
        default: nil
        }
    }
}

extension CoverageRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "clause": self.clause
        case "anchor": self.anchor
        case "title": self.title
        case "state": self.state
        case "gaps": self.gaps
        case "hasGaps": self.hasGaps
        case "evidence": self.evidence
        case "hasEvidence": self.hasEvidence
        case "missing": self.missing
        case "hasMissing": self.hasMissing
        case "reason": self.reason
        case "hasReason": self.hasReason
        case "history": self.history
        default: nil
        }
    }
}

extension CoverageRow.Evidence: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "what": self.what
        case "anchor": self.anchor
        case "more": self.more
        default: nil
        }
    }
}
