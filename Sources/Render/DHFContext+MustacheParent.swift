import Mustache

// How the templates look up the keys of the DHF's rows (DHFContext.swift; keys: docs/templates.md):
// by name with a switch per type (swift-mustache's MustacheParent) rather than through a Mirror of every stored property
// per lookup. Each switch names every stored property: a nil optional is a key the row lacks.

extension DHFContext.Values: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "generator": self.generator
        case "title": self.title
        case "through": self.through
        case "commit": self.commit
        case "shortCommit": self.shortCommit
        case "date": self.date
        case "documentID": self.documentID
        case "releaseCount": self.releaseCount
        case "firstRelease": self.firstRelease
        case "device": self.device
        case "releases": self.releases
        case "approvals": self.approvals
        case "approvalsMissing": self.approvalsMissing
        case "requirements": self.requirements
        case "riskFile": self.riskFile
        case "threats": self.threats
        case "items": self.items
        case "interfaces": self.interfaces
        case "problemReports": self.problemReports
        case "retiredRequirements": self.retiredRequirements
        case "retiredRisks": self.retiredRisks
        case "retiredThreats": self.retiredThreats
        case "retiredItems": self.retiredItems
        case "retiredProblemReports": self.retiredProblemReports
        case "ifuChanges": self.ifuChanges
        case "soup": self.soup
        case "traceMatrix": self.traceMatrix
        case "changeControl": self.changeControl
        case "findingsByRelease": self.findingsByRelease
        case "coverage": self.coverage
        case "coverageByRelease": self.coverageByRelease
        case "trendsPicture": self.trendsPicture
        case "trendsSVG": self.trendsSVG
        default: nil
        }
    }
}

extension DHFContext.ApprovalRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "role": self.role
        case "meaning": self.meaning
        case "signer": self.signer
        case "date": self.date
        case "verdict": self.verdict
        case "letter": self.letter
        case "manifestSHA256": self.manifestSHA256
        case "shortManifest": self.shortManifest
        case "counts": self.counts
        case "commit": self.commit
        case "covers": self.covers
        default: nil
        }
    }
}

extension DHFContext.MissingApprovalRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "roles": self.roles
        default: nil
        }
    }
}

extension DHFContext.ReleaseRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "anchor": self.anchor
        case "previousRelease": self.previousRelease
        case "date": self.date
        case "tagger": self.tagger
        case "tagVerdict": self.tagVerdict
        case "tagLetter": self.tagLetter
        case "commits": self.commits
        case "merges": self.merges
        case "changeRequests": self.changeRequests
        case "changeRequestList": self.changeRequestList
        case "signed": self.signed
        case "good": self.good
        case "signedShare": self.signedShare
        case "goodShare": self.goodShare
        case "folder": self.folder
        case "markdownLink": self.markdownLink
        case "htmlLink": self.htmlLink
        case "manifestSHA256": self.manifestSHA256
        case "shortDigest": self.shortDigest
        case "origin": self.origin
        case "document": self.document
        case "errors": self.errors
        case "warnings": self.warnings
        case "evidence": self.evidence
        default: nil
        }
    }
}

extension DHFContext.ThreatRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "title": self.title
        case "stride": self.stride
        case "cvss": self.cvss
        case "residualCvss": self.residualCvss
        case "mitigations": self.mitigations
        case "disposition": self.disposition
        case "history": self.history
        default: nil
        }
    }
}

extension DHFContext.RetiredRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "headline": self.headline
        case "retirement": self.retirement
        case "history": self.history
        default: nil
        }
    }
}

extension DHFContext.IFUChangeRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "document": self.document
        case "section": self.section
        case "change": self.change
        case "reason": self.reason
        case "introduced": self.introduced
        case "history": self.history
        default: nil
        }
    }
}

extension DHFContext.SOUPRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "first": self.first
        case "anchor": self.anchor
        case "name": self.name
        case "version": self.version
        case "supplier": self.supplier
        case "releases": self.releases
        case "current": self.current
        default: nil
        }
    }
}

extension DHFContext.TraceRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "requirement": self.requirement
        case "anchor": self.anchor
        case "title": self.title
        case "status": self.status
        case "risks": self.risks
        case "threats": self.threats
        case "items": self.items
        case "changeRequests": self.changeRequests
        case "releases": self.releases
        case "commits": self.commits
        case "tests": self.tests
        case "result": self.result
        default: nil
        }
    }
}

extension DHFContext.ChangeControlRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "known": self.known
        case "title": self.title
        case "type": self.type
        case "safetyImpact": self.safetyImpact
        case "decision": self.decision
        case "approved": self.approved
        case "releases": self.releases
        case "commits": self.commits
        default: nil
        }
    }
}

extension DHFContext.FindingsRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "errors": self.errors
        case "warnings": self.warnings
        case "rules": self.rules
        default: nil
        }
    }
}

extension DHFContext.CoverageCount: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "evidenced": self.evidenced
        case "gaps": self.gaps
        case "notEvidenced": self.notEvidenced
        case "notApplicable": self.notApplicable
        default: nil
        }
    }
}
