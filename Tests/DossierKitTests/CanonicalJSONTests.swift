import Foundation
import Testing
@testable import DossierKit

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    struct Inner: Encodable {
        var zeta = "z"
        var alpha: [Int] = []
        var none: String? = nil
        var nested: [[String]] = [["a", "b"], []]
    }

    struct Outer: Encodable {
        var text = "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é"
        var flag = true
        var number = -42
        var ratio = 8.1
        var inner = Inner()
        var empty: [String: String] = [:]
    }

    @Test("keys sorted by their bytes, nil left out, two-space indentation, escapes, a final newline")
    func exactBytes() throws {
        let text = String(decoding: try CanonicalJSON.encode(Outer()), as: UTF8.self)
        #expect(text == """
            {
              "empty": {},
              "flag": true,
              "inner": {
                "alpha": [],
                "nested": [
                  [
                    "a",
                    "b"
                  ],
                  []
                ],
                "zeta": "z"
              },
              "number": -42,
              "ratio": 8.1,
              "text": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 slash / é"
            }

            """)
    }

    struct Row: Encodable {
        var subject: String
        var id: Int
    }

    /// A root whose keys come in sorted order, with an array large enough to be passed on in pieces.
    struct SortedRoot: Encodable {
        var rows: [Row]
        var total: Int
    }

    /// The same, with the large member before a key that sorts before it.
    struct UnsortedRoot: Encodable {
        var rows: [Row]
        var count: Int
    }

    @Test("a large value passed on in pieces gives the same bytes as in one piece")
    func pieces() throws {
        let root = SortedRoot(rows: (0..<40_000).map { Row(subject: "commit subject number \($0)", id: $0) }, total: 40_000)
        var pieces: [Data] = []
        try CanonicalJSON.encode(root) { pieces.append(Data($0)) }
        #expect(pieces.count > 1)
        #expect(pieces.reduce(Data(), +) == (try CanonicalJSON.encode(root)))
        // Each object inside is whole and in key order.
        #expect(String(decoding: pieces.reduce(Data(), +), as: UTF8.self).contains("""
                {
                  "id": 39999,
                  "subject": "commit subject number 39999"
                }
              ],
              "total": 40000
            }
            """))
    }

    @Test("an outermost object whose keys come out of order is still sorted in one piece, and refused in pieces")
    func unsortedRoot() throws {
        let root = UnsortedRoot(rows: (0..<40_000).map { Row(subject: "s\($0)", id: $0) }, count: 1)
        let whole = String(decoding: try CanonicalJSON.encode(root), as: UTF8.self)
        #expect(whole.hasPrefix("{\n  \"count\": 1,\n  \"rows\": ["))
        #expect(throws: DossierError.self) {
            try CanonicalJSON.encode(root) { _ in }
        }
    }

    @Test("suf.json holds every stored property of the release, so none is left out of its sorted CodingKeys")
    func releaseKeys() throws {
        let release = ReleaseJoin.join(
            identification: Identification(device: nil, release: "v1", commit: String(repeating: "a", count: 40), tag: nil,
                                           previousRelease: nil, previousCommit: nil, date: "2026-01-01T00:00:00Z",
                                           configuration: "none",
                                           signatureCheck: SignatureCheckBasis(allowedSigners: "", openPGPKeys: "", checkedAt: "")),
            commits: [], records: RecordSet(), delta: ReleaseDelta(previous: RecordSet(), current: RecordSet()), trailerKeys: [])
        let object = try JSONSerialization.jsonObject(with: try CanonicalJSON.encode(release)) as? [String: Any]
        let properties = Mirror(reflecting: release).children.compactMap(\.label)
        #expect(properties.count >= 15)
        #expect(Set(object?.keys.map { $0 } ?? []) == Set(properties))
        var streamed = Data()
        try CanonicalJSON.encode(release) { streamed.append(contentsOf: $0) }
        #expect(streamed == (try CanonicalJSON.encode(release)))
    }

    @Test("the types that write their own members give the bytes Encodable gives: commits, people, files, trailers, verdicts, findings, locations, trace rows, change requests, items")
    func objectWritersMatchEncodable() throws {
        let requirements = """
            requirements:
              - id: REQ-1
                title: "Alarm \\"loud\\" | <b>"
                text: Sound it.
                type: safety
                status: approved
                items: [ITEM-1]
            """
        let items = """
            items:
              - {id: ITEM-1, name: Alarm, safety_class: C, paths: ["src/**"]}
              - {id: ITEM-2, name: Docs, paths: ["docs/**"]}
            """
        let changeRequests = """
            change_requests:
              - {id: CR-1, title: Louder alarm, type: feature, status: closed, requirements: [REQ-1], items: [ITEM-1]}
            """
        let unsigned = Verdict.unsigned
        var notUTF8 = Gap.commit(1, "Fix \"the\" alarm\tnow \u{07} é", trailers: [Gap.cr("CR-1"), Trailer(key: "Refs", value: "REQ-1")],
                                 files: ["src/a.swift", "docs/b.md"])
        notUTF8.message = "Fix \u{FFFD}\r\n\r\nBody \r\n"
        notUTF8.invalidUTF8 = true
        var release = try Gap.release(["requirements": requirements, "items": items, "change-requests": changeRequests], commits: [
            notUTF8,
            Gap.commit(2, "Merge topic", verdict: unsigned, merge: true),
            Gap.commit(3, "Name CR-9", trailers: [Gap.cr("CR-9")], files: ["src/c.swift"]),
        ])
        release.findings = Gap.check(release) + [
            Finding(rule: "X9", level: .warning, message: "no place", subjects: [], location: SourceLocation(file: "a.yml"), clauses: []),
            Finding(rule: "X8", level: .warning, message: "nowhere", subjects: [], location: nil, commit: String(repeating: "1", count: 40), clauses: []),
        ]
        release.traceMatrix = TraceMatrix.rows(release: release, graph: TraceGraph(release: release, evidence: TestEvidence(cases: [])))
        #expect(release.commits.count == 3 && release.commits.contains { $0.signature.kind == nil })
        #expect(release.commits.contains { $0.invalidUTF8 } && release.commits.contains { !$0.invalidUTF8 })
        #expect(release.changeRequests.contains { $0.record == nil } && release.changeRequests.contains { $0.record != nil })
        #expect(release.itemsTouched.contains { $0.safetyClass == nil } && release.itemsTouched.contains { $0.safetyClass != nil })
        #expect(release.findings.contains { $0.location == nil } && release.findings.contains { $0.location?.line == nil })
        #expect(!release.traceMatrix.isEmpty)
        let fast = try CanonicalJSON.encode(release)
        let encodable = try CanonicalJSON.encode(release, objectWriters: false)
        #expect(String(decoding: fast, as: UTF8.self) == String(decoding: encodable, as: UTF8.self))
        // Each type alone, at the top level, too.
        let person = Person(name: "Zoë \"Q\"", email: "z@example.com", time: -5, offsetMinutes: -90)
        #expect(try CanonicalJSON.encode(person) == CanonicalJSON.encode(person, objectWriters: false))
        #expect(try CanonicalJSON.encode(release.findings) == CanonicalJSON.encode(release.findings, objectWriters: false))
        #expect(try CanonicalJSON.encode(Gap.good) == CanonicalJSON.encode(Gap.good, objectWriters: false))
    }
}
