import Foundation
import Git
import Records
import Support
import Views

/// Renders a `ReleaseDiff` as Markdown (through `diff.md.mustache`), as HTML (that Markdown through cmark-gfm in
/// the page template) and as canonical JSON.
public struct DiffRenderer: Sendable {
    /// The templates used.
    public var templates: TemplateSet
    /// Names the tool in documents, e.g. "dossier 0.1.0".
    public var generator: String

    /// Creates a renderer.
    public init(templates: TemplateSet = .builtIn, generator: String) {
        self.templates = templates
        self.generator = generator
    }

    /// The diff in one format.
    /// - Throws: `DossierError` when a template does not parse.
    public func render(_ diff: ReleaseDiff, as format: DocumentFormat) throws -> Data {
        switch format {
        case .json:
            return try CanonicalJSON.encode(diff)
        case .md:
            return Data(try markdown(diff).utf8)
        case .html:
            return Data(try html(diff).utf8)
        case .pdf:
            return try PDFPrinter.print(html: try html(diff), date: diff.new.date, chromium: PDFPrinter.chromium())
        }
    }

    private func html(_ diff: ReleaseDiff) throws -> String {
        let library = try templates.library()
        return try HTMLPage.render(markdown: try markdown(diff), title: title(diff), date: diff.new.date, commit: diff.new.commit,
                               generator: generator, templates: templates, library: library)
    }

    /// The diff as GitHub-flavoured Markdown.
    /// - Throws: `DossierError` when a template does not parse.
    public func markdown(_ diff: ReleaseDiff) throws -> String {
        let library = try templates.library()
        return MarkdownText.collapsingBlankLines(try library.render(DiffContext.make(diff, title: title(diff), generator: generator),
                                                                withTemplate: "diff.md") ?? "")
    }

    private func title(_ diff: ReleaseDiff) -> String {
        "SUF diff: \(diff.old.release) → \(diff.new.release)"
    }
}

/// The template context of a diff: plain dictionaries, with table cells that mark added and removed words
/// already escaped and wrapped in `<ins>` and `<del>`.
enum DiffContext {
    static func make(_ diff: ReleaseDiff, title: String, generator: String) -> [String: Any] {
        var context: [String: Any] = ["title": title, "generator": generator, "noChange": diff.isEmpty]
        context["old"] = side(diff.old)
        context["new"] = side(diff.new)
        context["kinds"] = diff.records.map(kind)
        context["risks"] = risks(diff)
        var rows: [[String: Any]] = []
        for finding in diff.findings.added { rows.append(findingRow(finding, change: added("new"))) }
        for finding in diff.findings.removed { rows.append(findingRow(finding, change: removed("closed"))) }
        for change in diff.findings.changed {
            rows.append(findingRow(change.old, change: removed("was")))
            rows.append(findingRow(change.new, change: added("now")))
        }
        context["findingRows"] = rows
        context["findings"] = ["errors": counts(diff.findings.errors), "warnings": counts(diff.findings.warnings)]
        let signatures = diff.signatures
        context["signatures"] = [
            "tagOld": signatures.tagVerdict.old.isEmpty ? "not a tag" : signatures.tagVerdict.old,
            "tagNew": signatures.tagVerdict.new.isEmpty ? "not a tag" : signatures.tagVerdict.new,
            "goodOld": signatures.goodShare.old, "goodNew": signatures.goodShare.new,
            "verdicts": signatures.verdicts.keys.sorted().map { letter -> [String: Any] in
                ["letter": letter, "old": signatures.verdicts[letter]!.old, "new": signatures.verdicts[letter]!.new]
            },
            "signers": signatures.signers.map { signer -> [String: Any] in
                let change = signer.commits.old == 0 ? added("new signer") : signer.commits.new == 0 ? removed("gone") : ""
                return ["change": change, "signer": signer.signer, "fingerprint": signer.fingerprint,
                        "old": signer.commits.old, "new": signer.commits.new]
            },
        ]
        let items = diff.itemsTouched
        context["items"] = [
            "both": list(items.both), "onlyOld": list(items.onlyOld), "onlyNew": list(items.onlyNew),
            "classChanges": items.safetyClassChanged.map { ["field": $0.field, "old": $0.old ?? "not stated", "new": $0.new ?? "not stated"] },
        ]
        context["coverage"] = diff.coverage.map { change -> [String: Any] in
            ["clause": change.clause, "title": change.title, "old": change.old ?? "not listed", "new": change.new ?? "not listed",
             "gaps": change.gaps.isEmpty ? "none" : change.gaps.joined(separator: ", ")]
        }
        return context
    }

    /// The risk management file of each side through the partial `{{>risks}}`: the old side's matrix, the new
    /// side's matrix, the risks whose entry differs as the new release's SUF shows them, and the evaluations and
    /// reviews.
    private static func risks(_ diff: ReleaseDiff) -> [String: Any] {
        let risks = diff.risks
        let changed = Set(risks.changed)
        var parts: [String] = []
        if !risks.changed.isEmpty { parts.append("\(risks.changed.count) new or changed (\(risks.changed.joined(separator: ", ")))") }
        if !risks.gone.isEmpty { parts.append("\(risks.gone.count) no longer in force (\(risks.gone.joined(separator: ", ")))") }
        let unchanged = risks.new.risks.count - risks.changed.count
        if unchanged > 0 { parts.append("\(unchanged) unchanged") }
        return [
            "summary": parts.isEmpty ? "no risk in force on either side" : parts.joined(separator: "; "),
            "old": SUFContext.riskFile(risks.old, SUFContext.RiskFileParts(
                matrixTitle: "Acceptability matrix at \(diff.old.release)", entries: [], management: false)),
            "new": SUFContext.riskFile(risks.new, SUFContext.RiskFileParts(
                matrixTitle: "Acceptability matrix at \(diff.new.release)", entries: risks.new.risks.filter { changed.contains($0.risk.id) },
                entriesIntro: "The risks whose entry is new or differs, as the SUF of \(diff.new.release) shows them:")),
        ]
    }

    private static func side(_ side: DiffSide) -> [String: Any] {
        ["release": side.release, "tag": side.tag ?? "not a tag", "commit": side.commit, "date": side.date,
         "previousRelease": side.previousRelease ?? "the root of the history", "commits": side.commits]
    }

    private static func kind(_ kind: RecordKindDiff) -> [String: Any] {
        var entries: [[String: Any]] = []
        for record in kind.added { entries.append(["change": added("added"), "id": record.id, "headline": record.headline]) }
        for record in kind.removed { entries.append(["change": removed("removed"), "id": record.id, "headline": record.headline]) }
        for record in kind.obsoleted { entries.append(["change": "obsoleted", "id": record.id, "headline": record.headline]) }
        for record in kind.changed { entries.append(["change": "changed", "id": record.id, "headline": record.headline]) }
        let changes = kind.obsoleted.map { change($0, what: "obsoleted") } + kind.changed.map { change($0, what: "changed") }
        var parts: [String] = []
        for (count, word) in [(kind.added.count, "added"), (kind.removed.count, "removed"),
                              (kind.obsoleted.count, "obsoleted"), (kind.changed.count, "changed")] where count > 0 {
            parts.append("\(count) \(word)")
        }
        return ["title": kind.kind.title.prefix(1).uppercased() + kind.kind.title.dropFirst() + "s",
                "summary": parts.isEmpty ? "no change" : parts.joined(separator: ", "),
                "unchanged": kind.isEmpty, "entries": entries, "changes": changes]
    }

    private static func change(_ record: RecordDiff, what: String) -> [String: Any] {
        ["id": record.id, "headline": record.headline, "what": what, "fields": record.fields.map { field -> [String: Any] in
            var cells = (old: field.old.map(MarkdownText.inline) ?? "*unset*", new: field.new.map(MarkdownText.inline) ?? "*unset*")
            if let words = field.words {
                cells.old = words.filter { $0.operation != .added }.map { run in
                    run.operation == .removed ? "<del>\(MarkdownText.inline(run.text))</del>" : MarkdownText.inline(run.text)
                }.joined(separator: " ")
                cells.new = words.filter { $0.operation != .removed }.map { run in
                    run.operation == .added ? "<ins>\(MarkdownText.inline(run.text))</ins>" : MarkdownText.inline(run.text)
                }.joined(separator: " ")
            } else {
                if field.old != nil { cells.old = "<del>\(cells.old)</del>" }
                if field.new != nil { cells.new = "<ins>\(cells.new)</ins>" }
            }
            return ["field": field.field, "oldCell": cells.old, "newCell": cells.new, "meaning": field.meaning ?? ""]
        }]
    }

    private static func findingRow(_ finding: FindingRef, change: String) -> [String: Any] {
        ["change": change, "level": finding.level, "rule": finding.rule, "message": finding.message]
    }

    private static func counts(_ counts: BeforeAfter<Int>) -> [String: Any] { ["old": counts.old, "new": counts.new] }

    private static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }

    /// A change word marked as an addition: underlined and green in the HTML.
    private static func added(_ word: String) -> String { "<ins>\(word)</ins>" }

    /// A change word marked as a removal: struck through and red in the HTML.
    private static func removed(_ word: String) -> String { "<del>\(word)</del>" }
}
