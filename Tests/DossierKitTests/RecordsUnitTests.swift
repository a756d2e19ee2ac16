import Foundation
@testable import Git
@testable import Records
@testable import Support
import Testing

/// Record files held in memory, standing in for a tree: the loader reads through the same protocol.
struct MemorySource: RecordSource {
    var label = "test"
    var files: [String: String]

    func entryKind(_ path: String) throws -> Repository.EntryKind? {
        if files[path] != nil { return .file }
        return files.keys.contains { $0.hasPrefix(path + "/") } ? .folder : nil
    }

    func readFile(_ path: String) throws -> Data? { files[path].map { Data($0.utf8) } }

    func fileNames(inFolder path: String) throws -> [String] {
        files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1)) }.filter { !$0.contains("/") }.sorted()
    }
}

@Suite("Records")
struct RecordsUnitTests {
    @Test("path globs: ** for any depth, * within a name, ! to exclude, later patterns win")
    func globs() {
        let glob = PathGlob(["Sources/Alerts/**", "!Sources/Alerts/Fixtures/**", "docs/*.md"])
        #expect(glob.matches("Sources/Alerts/Engine.swift"))
        #expect(glob.matches("Sources/Alerts/deep/er/File.swift"))
        #expect(!glob.matches("Sources/Alerts/Fixtures/sample.json"))
        #expect(glob.matches("docs/ifu.md"))
        #expect(!glob.matches("docs/sub/ifu.md"))
        #expect(!glob.matches("Sources/AlertsX/a.swift"))
        #expect(PathGlob(["**/*.swift"]).matches("a.swift"))
        #expect(PathGlob(["**/*.swift"]).matches("x/y/a.swift"))
        #expect(PathGlob(["src/?.c"]).matches("src/a.c"))
        #expect(!PathGlob(["src/?.c"]).matches("src/ab.c"))
        #expect(PathGlob(["**", "!*.md", "README.md"]).matches("README.md"))
    }

    @Test("a folder of *.yml is read in name order and back-links are computed")
    func folderAndBackLinks() throws {
        let source = MemorySource(files: [
            "dossier.yml": "device: {name: Pump}\nrecords: {requirements: reqs}\n",
            "reqs/b.yml": "requirements:\n  - {id: REQ-2, title: B, text: Two., items: [ITEM-1]}\n",
            "reqs/a.yml": "requirements:\n  - {id: REQ-1, title: A, text: One.}\n",
            "reqs/notes.txt": "ignored",
            "regulatory/items.yml": "items:\n  - {id: ITEM-1, name: Core, safety_class: B, paths: ['**']}\n",
        ])
        let config = try RecordLoader.config(from: source)
        let records = try RecordLoader.records(from: source, config: config)
        #expect(records.requirements.map(\.id) == ["REQ-1", "REQ-2"])
        #expect(records.requirements[1].source == SourceLocation(file: "reqs/b.yml", line: 2, column: 5))
        #expect(records.backLinks["ITEM-1"] == [BackLink(from: "REQ-2", field: "items")])
        #expect(records.brokenLinks.isEmpty)
    }

    @Test("the acceptability matrix places estimates")
    func matrix() throws {
        let source = MemorySource(files: [
            "dossier.yml": "device: {name: Pump}\n",
            "regulatory/risks.yml": """
                policy:
                  severity: [Minor, Critical]
                  probability: [Rare, Often]
                  acceptability: {Minor: [A, R], Critical: [R, U]}
                risks:
                  - {id: RISK-1, hazard: H, severity: Critical, probability: Often, residual: {severity: Critical, probability: Rare}}
                """,
        ])
        let records = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        let policy = try #require(records.riskPolicy)
        let risk = records.risks[0]
        let initial = try #require(risk.initial), residual = try #require(risk.residual)
        #expect(policy.verdict(initial) == .unacceptable)
        #expect(policy.verdict(residual) == .reduce)
    }

    @Test("a short matrix row is an error naming the row")
    func shortRow() throws {
        let source = MemorySource(files: [
            "dossier.yml": "device: {name: Pump}\n",
            "regulatory/risks.yml": "policy:\n  severity: [Minor]\n  probability: [Rare, Often]\n  acceptability:\n    Minor: [A]\n",
        ])
        #expect(throws: DossierError.self) { try RecordLoader.records(from: source, config: RecordLoader.config(from: source)) }
        do {
            _ = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        } catch let error as DossierError {
            #expect(error.description == "regulatory/risks.yml:5:12: expected 2 letters (one per probability) in the row for 'Minor', found 1 (in the tree of test)")
        }
    }

    @Test("non-UTF-8 bytes are an error naming the file")
    func notUTF8() throws {
        #expect(throws: DossierError.self) { try YAMLValue.parse(Data([0xFF, 0xFE, 0x00]), file: "x.yml") }
    }
}
