import Mustache

// How the templates look up the keys of {{>risks}} (SUFContext+Risk.swift; keys: docs/templates.md, riskFile):
// by name with a switch per type (swift-mustache's MustacheParent) rather than through a Mirror of every stored property
// per lookup. Each switch names every stored property: a nil optional is a key the row lacks.

extension SUFContext.RiskFileValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "matrixTitle": self.matrixTitle
        case "matrix": self.matrix
        case "noPolicy": self.noPolicy
        case "entriesIntro": self.entriesIntro
        case "showEntries": self.showEntries
        case "entries": self.entries
        case "management": self.management
        case "evaluations": self.evaluations
        case "reviews": self.reviews
        case "pictureSVG": self.pictureSVG
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "anchor": self.anchor
        case "hazard": self.hazard
        case "fields": self.fields
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": self.value
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Evaluation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "by": self.by
        case "date": self.date
        case "verdict": self.verdict
        case "conclusion": self.conclusion
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Review: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "by": self.by
        case "date": self.date
        case "conclusion": self.conclusion
        case "report": self.report
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Matrix: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "columns": self.columns
        case "rows": self.rows
        case "hasNotEstimated": self.hasNotEstimated
        case "notEstimated": self.notEstimated
        case "picture": self.picture
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Column: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "column": self.column
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "severity": self.severity
        case "cells": self.cells
        default: nil
        }
    }
}

extension SUFContext.RiskFileValues.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cell": self.cell
        default: nil
        }
    }
}
