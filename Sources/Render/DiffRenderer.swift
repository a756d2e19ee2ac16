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
    public func render(_ diff: ReleaseDiff, as format: DocumentFormat) async throws -> Data {
        switch format {
        case .json:
            return try CanonicalJSON.encode(diff)
        case .md:
            return Data(try markdown(diff).utf8)
        case .html:
            return Data(try await html(diff, markdown: try markdown(diff)).utf8)
        case .pdf:
            let markdown = try markdown(diff)
            return try await PDFPrinter.printWithContents(date: diff.new.date, chromium: PDFPrinter.chromium()) { pages in
                try await html(diff, markdown: markdown, contentsPages: pages)
            }
        }
    }

    /// The HTML page; with `contentsPages`, the printed copy whose contents give page numbers.
    private func html(_ diff: ReleaseDiff, markdown: String, contentsPages: [String: Int]? = nil) async throws -> String {
        let library = try templates.library()
        return try await HTMLPage.render(markdown: markdown, title: title(diff), date: diff.new.date, commit: diff.new.commit,
                                         generator: generator, templates: templates, library: library, contentsPages: contentsPages)
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

/// The template context of a diff: typed rows, with table cells that mark added and removed words already escaped
/// and wrapped in `<ins>` and `<del>`.
enum DiffContext {
    /// The values `diff.md.mustache` sees (keys: docs/templates.md).
    struct Values: Sendable {
        var title, generator: String
        var noChange: Bool
        var old, new: Side
        var kinds: TemplateList<Kind>
        var risks: Risks
        var findingRows: TemplateList<FindingRow>
        var findings: Findings
        var signatures: Signatures
        var delivery: Delivery
        var items: Items
        var coverage: TemplateList<CoverageRow>
    }
    struct Side: Sendable { var release, tag, commit, date, previousRelease: String; var commits: Int }
    struct Kind: Sendable {
        var title, summary: String
        var unchanged: Bool
        var entries: TemplateList<Entry>
        var changes: TemplateList<Change>
    }
    struct Entry: Sendable { var change, id, headline: String }
    struct Change: Sendable { var id, headline, what: String; var fields: TemplateList<Field> }
    struct Field: Sendable { var field, oldCell, newCell, meaning: String }
    struct Risks: Sendable { var summary: String; var old, new: SUFContext.RiskFileValues }
    struct FindingRow: Sendable { var change, level, rule, message: String }
    struct Counts: Sendable { var old, new: Int }
    struct Findings: Sendable { var errors, warnings: Counts }
    struct Signatures: Sendable {
        var tagOld, tagNew, goodOld, goodNew: String
        var verdicts: TemplateList<VerdictRow>
        var signers: TemplateList<SignerRow>
    }
    struct VerdictRow: Sendable { var letter: String; var old, new: Int }
    struct Delivery: Sendable { var packagesOld, packagesNew, buildsOld, buildsNew: String }
    struct SignerRow: Sendable { var change, signer, fingerprint: String; var old, new: Int }
    struct Items: Sendable { var both, onlyOld, onlyNew: String; var classChanges: TemplateList<ClassChange> }
    struct ClassChange: Sendable { var field, old, new: String }
    struct CoverageRow: Sendable { var clause, title, old, new, gaps: String }

    /// Each side's packages ("fw.img (SHA-256 0123456789ab…, G)") and builds ("builder from commit 0123456789ab"), or "none".
    static func delivery(_ delivery: DeliveryDiff) -> Delivery {
        func packages(_ list: [DeliveryDiff.Package]) -> String {
            list.isEmpty ? "none" : list.map { "\($0.name) (SHA-256 \($0.sha256.prefix(12))…, \($0.letter))" }.joined(separator: "; ")
        }
        func builds(_ list: [DeliveryDiff.Build]) -> String {
            list.isEmpty ? "none" : list.map { build in
                "\(build.builder) from \(build.commits.isEmpty ? "no named commit" : build.commits.map { String($0.prefix(12)) }.joined(separator: ", ")) (\(build.file))"
            }.joined(separator: "; ")
        }
        return Delivery(packagesOld: packages(delivery.packages.old), packagesNew: packages(delivery.packages.new),
                        buildsOld: builds(delivery.builds.old), buildsNew: builds(delivery.builds.new))
    }

    static func make(_ diff: ReleaseDiff, title: String, generator: String) -> Values {
        var rows: [FindingRow] = []
        for finding in diff.findings.added { rows.append(findingRow(finding, change: added("new"))) }
        for finding in diff.findings.removed { rows.append(findingRow(finding, change: removed("closed"))) }
        for change in diff.findings.changed {
            rows.append(findingRow(change.old, change: removed("was")))
            rows.append(findingRow(change.new, change: added("now")))
        }
        let signatures = diff.signatures, items = diff.itemsTouched
        return Values(
            title: title, generator: generator, noChange: diff.isEmpty, old: side(diff.old), new: side(diff.new),
            kinds: TemplateList(diff.records.map(kind)), risks: risks(diff), findingRows: TemplateList(rows),
            findings: Findings(errors: counts(diff.findings.errors), warnings: counts(diff.findings.warnings)),
            signatures: Signatures(
                tagOld: signatures.tagVerdict.old.isEmpty ? "not a tag" : signatures.tagVerdict.old,
                tagNew: signatures.tagVerdict.new.isEmpty ? "not a tag" : signatures.tagVerdict.new,
                goodOld: signatures.goodShare.old, goodNew: signatures.goodShare.new,
                verdicts: TemplateList(signatures.verdicts.keys.sorted().map { letter in
                    VerdictRow(letter: letter, old: signatures.verdicts[letter]?.old ?? 0, new: signatures.verdicts[letter]?.new ?? 0)
                }),
                signers: TemplateList(signatures.signers.map { signer in
                    let change = signer.commits.old == 0 ? added("new signer") : signer.commits.new == 0 ? removed("gone") : ""
                    return SignerRow(change: change, signer: signer.signer, fingerprint: signer.fingerprint,
                                     old: signer.commits.old, new: signer.commits.new)
                })),
            delivery: delivery(diff.delivery),
            items: Items(both: list(items.both), onlyOld: list(items.onlyOld), onlyNew: list(items.onlyNew),
                         classChanges: TemplateList(items.safetyClassChanged.map {
                             ClassChange(field: $0.field, old: $0.old ?? "not stated", new: $0.new ?? "not stated")
                         })),
            coverage: TemplateList(diff.coverage.map { change in
                CoverageRow(clause: change.clause, title: change.title, old: change.old ?? "not listed", new: change.new ?? "not listed",
                            gaps: change.gaps.isEmpty ? "none" : change.gaps.joined(separator: ", "))
            }))
    }

    /// The risk management file of each side through the partial `{{>risks}}`: the old side's matrix, the new
    /// side's matrix, the risks whose entry differs as the new release's SUF shows them, and the evaluations and
    /// reviews.
    private static func risks(_ diff: ReleaseDiff) -> Risks {
        let risks = diff.risks
        let changed = Set(risks.changed)
        var parts: [String] = []
        if !risks.changed.isEmpty { parts.append("\(risks.changed.count) new or changed (\(risks.changed.joined(separator: ", ")))") }
        if !risks.gone.isEmpty { parts.append("\(risks.gone.count) no longer in force (\(risks.gone.joined(separator: ", ")))") }
        let unchanged = risks.new.risks.count - risks.changed.count
        if unchanged > 0 { parts.append("\(unchanged) unchanged") }
        return Risks(
            summary: parts.isEmpty ? "no risk in force on either side" : parts.joined(separator: "; "),
            old: SUFContext.riskFile(risks.old, SUFContext.RiskFileParts(
                matrixTitle: "Acceptability matrix at \(diff.old.release)", entries: [], management: false, heatMap: false)),
            new: SUFContext.riskFile(risks.new, SUFContext.RiskFileParts(
                matrixTitle: "Acceptability matrix at \(diff.new.release)", entries: risks.new.risks.filter { changed.contains($0.risk.id) },
                entriesIntro: "The risks whose entry is new or differs, as the SUF of \(diff.new.release) shows them:", heatMap: false)))
    }

    private static func side(_ side: DiffSide) -> Side {
        Side(release: side.release, tag: side.tag ?? "not a tag", commit: side.commit, date: side.date,
             previousRelease: side.previousRelease ?? "the root of the history", commits: side.commits)
    }

    private static func kind(_ kind: RecordKindDiff) -> Kind {
        var entries: [Entry] = []
        for record in kind.added { entries.append(Entry(change: added("added"), id: record.id, headline: record.headline)) }
        for record in kind.removed { entries.append(Entry(change: removed("removed"), id: record.id, headline: record.headline)) }
        for record in kind.obsoleted { entries.append(Entry(change: "obsoleted", id: record.id, headline: record.headline)) }
        for record in kind.changed { entries.append(Entry(change: "changed", id: record.id, headline: record.headline)) }
        let changes = kind.obsoleted.map { change($0, what: "obsoleted") } + kind.changed.map { change($0, what: "changed") }
        var parts: [String] = []
        for (count, word) in [(kind.added.count, "added"), (kind.removed.count, "removed"),
                              (kind.obsoleted.count, "obsoleted"), (kind.changed.count, "changed")] where count > 0 {
            parts.append("\(count) \(word)")
        }
        return Kind(title: kind.kind.title.prefix(1).uppercased() + kind.kind.title.dropFirst() + "s",
                    summary: parts.isEmpty ? "no change" : parts.joined(separator: ", "),
                    unchanged: kind.isEmpty, entries: TemplateList(entries), changes: TemplateList(changes))
    }

    private static func change(_ record: RecordDiff, what: String) -> Change {
        Change(id: record.id, headline: record.headline, what: what, fields: TemplateList(record.fields.map { field in
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
            return Field(field: field.field, oldCell: cells.old, newCell: cells.new, meaning: field.meaning ?? "")
        }))
    }

    private static func findingRow(_ finding: FindingRef, change: String) -> FindingRow {
        FindingRow(change: change, level: finding.level, rule: finding.rule, message: finding.message)
    }

    private static func counts(_ counts: BeforeAfter<Int>) -> Counts { Counts(old: counts.old, new: counts.new) }

    private static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }

    /// A change word marked as an addition: underlined and green in the HTML.
    private static func added(_ word: String) -> String { "<ins>\(word)</ins>" }

    /// A change word marked as a removal: struck through and red in the HTML.
    private static func removed(_ word: String) -> String { "<del>\(word)</del>" }
}
