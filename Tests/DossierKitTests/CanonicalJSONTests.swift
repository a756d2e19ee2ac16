@testable import Checks
@testable import Evidence
import Foundation
@testable import Git
@testable import Model
@testable import Records
@testable import Signatures
@testable import Support
import Testing

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

    @Test("suf.json holds every stored property of the release and of its assessment, in one object of sorted keys")
    func releaseKeys() throws {
        let release = ReleaseJoin.join(
            identification: Identification(device: nil, release: "v1", commit: String(repeating: "a", count: 40), tag: nil,
                                           previousRelease: nil, previousCommit: nil, date: "2026-01-01T00:00:00Z",
                                           configuration: "none",
                                           signatureCheck: SignatureCheckBasis(allowedSigners: "", openPGPKeys: "", checkedAt: "")),
            commits: [], records: RecordSet(), delta: ReleaseDelta(previous: RecordSet(), current: RecordSet()), trailerKeys: [])
        // Update packages are written only when there are some: a release without them reads as it did before.
        let withoutPackages = try JSONSerialization.jsonObject(with: try CanonicalJSON.encode(AssessedRelease(release: release, assessment: Assessment()))) as? [String: Any]
        #expect(withoutPackages?["updatePackages"] == nil && withoutPackages?["buildProvenance"] == nil)
        var withPackages = release
        withPackages.updatePackages = [UpdatePackage(name: "fw.img", size: 1, sha256: String(repeating: "0", count: 64), signatureFile: nil, signature: .unsigned)]
        withPackages.buildProvenance = [BuildProvenance(file: "p.json", sha256: String(repeating: "1", count: 64), enveloped: false, builder: "b",
                                                        buildType: "t", sources: [], subjects: [], parameters: [])]
        let assessed = AssessedRelease(release: withPackages, assessment: Assessment())
        let object = try JSONSerialization.jsonObject(with: try CanonicalJSON.encode(assessed)) as? [String: Any]
        let properties = Mirror(reflecting: release).children.compactMap(\.label)
            + Mirror(reflecting: assessed.assessment).children.compactMap(\.label)
        #expect(properties.count >= 16)
        #expect(Set(object?.keys.map { $0 } ?? []) == Set(properties))
        // The pair's keys are the facts' and the assessment's, each once, in sorted order (the order it writes them).
        let keys = AssessedRelease.CodingKeys.allCases.map(\.rawValue)
        #expect(keys == keys.sorted())
        #expect(Set(keys) == Set(Release.CodingKeys.allCases.map(\.rawValue) + Assessment.CodingKeys.allCases.map(\.rawValue)))
        #expect(keys.count == Release.CodingKeys.allCases.count + Assessment.CodingKeys.allCases.count)
        var streamed = Data()
        try CanonicalJSON.encode(assessed) { streamed.append(contentsOf: $0) }
        #expect(streamed == (try CanonicalJSON.encode(assessed)))
        #expect(try JSONDecoder().decode(AssessedRelease.self, from: streamed) == assessed)
    }
}
