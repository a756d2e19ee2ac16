import Foundation
@testable import Git
@testable import Model
import Mustache
@testable import Records
@testable import Render
import Testing
@testable import Views

/// Template rows answer their keys through `MustacheParent.child(named:)`, a switch written beside each row type.
/// A stored property left out of its switch would silently be missing in every template, so each row's stored
/// properties are checked against its switch, on contexts made from releases that hold every kind of record.
@Suite("Template rows: every stored property answers by its name")
struct TemplateKeyTests {
    /// Rows whose keys are computed from shared storage (the release's commits and findings, by index), not
    /// stored one per key; their keys are checked by `SUFContextTests.rows`.
    static let computedRows: Set<String> = ["CommitRow", "FindingRow"]

    /// The stored properties of `value` and of every row reachable from it that their switch does not answer,
    /// as `Type.property` paths.
    static func unanswered(in value: Any, depth: Int = 0) -> Set<String> {
        guard depth < 12 else { return [] }
        let mirror = Mirror(reflecting: value)
        var missing: Set<String> = []
        let typeName = String(describing: type(of: value))
        if mirror.displayStyle != .optional, let parent = value as? MustacheParent, !computedRows.contains(typeName) {
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil = Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
                if parent.child(named: label) == nil && !isNil { missing.insert("\(typeName).\(label)") }
            }
        }
        // Into the properties, the elements of lists (the first few: rows of one type are alike) and optionals.
        for child in mirror.children.prefix(mirror.displayStyle == .collection ? 3 : Int.max) {
            missing.formUnion(unanswered(in: child.value, depth: depth + 1))
        }
        return missing
    }

    /// How many row types the walk met that answer through a switch: the check must have looked at something.
    static func rowTypes(in value: Any, depth: Int = 0, into found: inout Set<String>) {
        guard depth < 12 else { return }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle != .optional, value is MustacheParent { found.insert(String(describing: type(of: value))) }
        for child in mirror.children.prefix(mirror.displayStyle == .collection ? 3 : Int.max) {
            rowTypes(in: child.value, depth: depth + 1, into: &found)
        }
    }

    static let records = [
        "requirements": """
            requirements:
              - {id: REQ-1, title: Alarm, text: Sound it., type: safety, status: approved, items: [ITEM-1], verified_by: [AlarmTest.loud]}
              - {id: REQ-2, title: Old, text: Gone., status: obsolete, obsolete: {release: v2.0.0, rationale: replaced}}
            """,
        "items": """
            items:
              - {id: ITEM-1, name: Alarm, safety_class: C, paths: ["src/**"]}
            """,
        "change-requests": """
            change_requests:
              - {id: CR-1, title: Louder alarm, type: feature, status: closed, requirements: [REQ-1], items: [ITEM-1],
                 safety_impact: none, regulatory_assessment: {decision: no new submission, rationale: minor}}
            """,
        "risks": """
            policy:
              severity: [Minor, Serious]
              probability: [Rare, Often]
              acceptability: {Minor: [A, A], Serious: [A, R]}
            risks:
              - {id: RISK-1, hazard: Silence, severity: Serious, probability: Often, controls: [{requirement: REQ-1, type: protective_measure}],
                 residual: {severity: Minor, probability: Rare}}
            """,
        "threats": """
            threats:
              - {id: THR-1, title: Spoofing, cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', mitigations: [REQ-1], disposition: mitigated}
            """,
        "soup": """
            soup:
              - {id: SOUP-1, name: zlib, version: 1.3.1, supplier: zlib project}
            """,
        "problem-reports": """
            problem_reports:
              - {id: PR-1, title: Quiet alarm, severity: major, status: resolved}
            """,
        "ifu": """
            ifu_changes:
              - {id: IFU-1, document: IFU, section: "4.2", change: Louder, reason: CR-1, requirements: [REQ-1]}
            """,
    ]

    @Test("the SUF's rows")
    func sufRows() throws {
        let release = try Gap.release(Self.records, previous: [:], commits: [
            Gap.commit(1, "Louder alarm", trailers: [Gap.cr("CR-1"), Trailer(key: "Refs", value: "REQ-1")], files: ["src/a.swift"]),
        ])
        let context = SUFContext.make(Gap.assessed(release, findings: Gap.check(release)), generator: "dossier test", tracePictures: [:])
        var types: Set<String> = []
        Self.rowTypes(in: context, into: &types)
        #expect(types.count >= 10, "\(types.sorted())")
        #expect(Self.unanswered(in: context).sorted() == [])
    }

    @Test("the diff's rows")
    func diffRows() throws {
        let old = try Gap.release(Self.records)
        var changed = Self.records
        changed["requirements"] = changed["requirements"]?.replacingOccurrences(of: "Sound it.", with: "Sound it loud.")
        changed["soup"] = changed["soup"]?.replacingOccurrences(of: "1.3.1", with: "1.3.2")
        let new = try Gap.release(changed)
        let context = DiffContext.make(ReleaseDiff(old: Gap.assessed(old), new: Gap.assessed(new)), title: "diff", generator: "dossier test")
        var types: Set<String> = []
        Self.rowTypes(in: context, into: &types)
        #expect(types.count >= 3, "\(types.sorted())")
        #expect(Self.unanswered(in: context).sorted() == [])
    }

    @Test("the DHF's rows")
    func dhfRows() throws {
        var builder = DesignHistoryBuilder()
        let first = try Gap.release(Self.records)
        var changed = Self.records
        changed["requirements"] = changed["requirements"]?.replacingOccurrences(of: "Sound it.", with: "Sound it loud.")
        let second = try Gap.release(changed, previous: Self.records, commits: [
            Gap.commit(1, "Louder alarm", trailers: [Gap.cr("CR-1"), Trailer(key: "Refs", value: "REQ-1")], files: ["src/a.swift"]),
        ])
        builder.add(ReleaseFacts(Gap.assessed(first, findings: Gap.check(first)), keepingRecords: false), suf: SUFReference(folder: "v1", manifestSHA256: String(repeating: "a", count: 64)))
        builder.add(ReleaseFacts(Gap.assessed(second, findings: Gap.check(second)), keepingRecords: true), suf: SUFReference(folder: "v2", manifestSHA256: String(repeating: "b", count: 64)))
        let context = DHFContext.make(builder.build(), generator: "dossier test")
        var types: Set<String> = []
        Self.rowTypes(in: context, into: &types)
        #expect(types.count >= 8, "\(types.sorted())")
        #expect(Self.unanswered(in: context).sorted() == [])
    }

    @Test("the check finds a property its switch leaves out")
    func checkCanFail() {
        struct Row: MustacheParent {
            var id = "REQ-1", title = "Alarm", note: String? = nil, left = "out"
            func child(named name: String) -> Any? {
                switch name {
                case "id": id
                case "title": title
                case "note": note
                default: nil
                }
            }
        }
        #expect(Self.unanswered(in: [Row()]) == ["Row.left"])
    }
}
