import Mustache

// How the templates look up the keys of the release diff (DiffRenderer.swift; keys: docs/templates.md):
// by name with a switch per type (swift-mustache's MustacheParent) rather than through a Mirror of every stored property
// per lookup. Each switch names every stored property: a nil optional is a key the row lacks.

extension DiffContext.Values: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "generator": self.generator
        case "noChange": self.noChange
        case "old": self.old
        case "new": self.new
        case "kinds": self.kinds
        case "risks": self.risks
        case "findingRows": self.findingRows
        case "findings": self.findings
        case "signatures": self.signatures
        case "delivery": self.delivery
        case "items": self.items
        case "coverage": self.coverage
        default: nil
        }
    }
}

extension DiffContext.Side: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "tag": self.tag
        case "commit": self.commit
        case "date": self.date
        case "previousRelease": self.previousRelease
        case "commits": self.commits
        default: nil
        }
    }
}

extension DiffContext.Kind: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "unchanged": self.unchanged
        case "entries": self.entries
        case "changes": self.changes
        default: nil
        }
    }
}

extension DiffContext.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "change": self.change
        case "id": self.id
        case "headline": self.headline
        default: nil
        }
    }
}

extension DiffContext.Change: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "headline": self.headline
        case "what": self.what
        case "fields": self.fields
        default: nil
        }
    }
}

extension DiffContext.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "field": self.field
        case "oldCell": self.oldCell
        case "newCell": self.newCell
        case "meaning": self.meaning
        default: nil
        }
    }
}

extension DiffContext.Risks: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": self.summary
        case "old": self.old
        case "new": self.new
        default: nil
        }
    }
}

extension DiffContext.FindingRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "change": self.change
        case "level": self.level
        case "rule": self.rule
        case "message": self.message
        default: nil
        }
    }
}

extension DiffContext.Counts: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "old": self.old
        case "new": self.new
        default: nil
        }
    }
}

extension DiffContext.Findings: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "errors": self.errors
        case "warnings": self.warnings
        default: nil
        }
    }
}

extension DiffContext.Signatures: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tagOld": self.tagOld
        case "tagNew": self.tagNew
        case "goodOld": self.goodOld
        case "goodNew": self.goodNew
        case "verdicts": self.verdicts
        case "signers": self.signers
        default: nil
        }
    }
}

extension DiffContext.Delivery: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "packagesOld": self.packagesOld
        case "packagesNew": self.packagesNew
        case "buildsOld": self.buildsOld
        case "buildsNew": self.buildsNew
        default: nil
        }
    }
}

extension DiffContext.VerdictRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "old": self.old
        case "new": self.new
        default: nil
        }
    }
}

extension DiffContext.SignerRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "change": self.change
        case "signer": self.signer
        case "fingerprint": self.fingerprint
        case "old": self.old
        case "new": self.new
        default: nil
        }
    }
}

extension DiffContext.Items: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "both": self.both
        case "onlyOld": self.onlyOld
        case "onlyNew": self.onlyNew
        case "classChanges": self.classChanges
        default: nil
        }
    }
}

extension DiffContext.ClassChange: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "field": self.field
        case "old": self.old
        case "new": self.new
        default: nil
        }
    }
}

extension DiffContext.CoverageRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "clause": self.clause
        case "title": self.title
        case "old": self.old
        case "new": self.new
        case "gaps": self.gaps
        default: nil
        }
    }
}
