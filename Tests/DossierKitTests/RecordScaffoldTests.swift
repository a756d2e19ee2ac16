import Foundation
@testable import Records
import Testing

@Suite("dossier init's scaffold")
struct RecordScaffoldTests {
    /// The scaffold as a tree, optionally with each record file's commented example turned into a record.
    private func source(uncommented: Bool) throws -> MemorySource {
        let files = try RecordScaffold.files(deviceName: "Pump \"X\"", tags: RecordScaffold.tagPattern(for: ["v1.0.0"]))
        var tree: [String: String] = [:]
        for file in files {
            guard uncommented, file.path != "dossier.yml" else { tree[file.path] = file.contents; continue }
            var lines: [String] = []
            var inExample = false
            for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasSuffix(": []") && !line.hasPrefix(" ") && !line.hasPrefix("#") {
                    lines.append(String(line.dropLast(3)))
                    inExample = true
                } else if inExample && line.hasPrefix("#") {
                    lines.append(String(line.dropFirst()))
                } else {
                    lines.append(String(line))
                }
            }
            tree[file.path] = lines.joined(separator: "\n")
        }
        return MemorySource(files: tree)
    }

    @Test("the scaffold loads as it is written: no records yet, the risk policy set, the device named")
    func loadsAsWritten() throws {
        let tree = try source(uncommented: false)
        let config = try RecordLoader.config(from: tree)
        #expect(config.device?.name == "Pump \"X\"")
        #expect(config.tagPattern == "v*")
        let records = try RecordLoader.records(from: tree, config: config)
        #expect(records.all.isEmpty)
        #expect(records.riskPolicy?.severity.count == 5)
    }

    @Test("each file's commented example is a valid record that shows every field of its kind")
    func examplesAreCompleteAndValid() throws {
        let tree = try source(uncommented: true)
        let records = try RecordLoader.records(from: tree, config: RecordLoader.config(from: tree))
        #expect(records.all.map(\.id) == ["REQ-1", "RISK-1", "THR-1", "IFU-1", "ITEM-1", "SOUP-1", "CR-1", "PR-1"])
        let allowed: [(String, [String])] = [
            ("regulatory/requirements.yml", Requirement.allowed), ("regulatory/risks.yml", Risk.allowed),
            ("regulatory/threats.yml", Threat.allowed), ("regulatory/ifu.yml", IFUChange.allowed),
            ("regulatory/items.yml", SoftwareItem.allowed), ("regulatory/soup.yml", SOUPOverlay.allowed),
            ("regulatory/change-requests.yml", ChangeRequest.allowed), ("regulatory/problem-reports.yml", ProblemReport.allowed),
        ]
        let written = try source(uncommented: false)
        for (file, fields) in allowed {
            let text = try #require(written.files[file])
            for field in fields {
                #expect(text.contains("\n#    \(field):") || text.contains("\n#  - \(field):") || text.contains("#    # \(field):"),
                        "\(file) shows no example of '\(field)'")
            }
        }
    }

    @Test("the tag pattern is the prefix most version tags share")
    func tagPatterns() {
        #expect(RecordScaffold.tagPattern(for: ["v1.0.0", "v1.10.0", "v1.9.0", "nightly"]) ==
                RecordScaffold.TagPattern(pattern: "v*", matches: ["v1.0.0", "v1.9.0", "v1.10.0"]))
        #expect(RecordScaffold.tagPattern(for: ["release-1.0", "release-2.0", "v0.1"]).pattern == "release-*")
        #expect(RecordScaffold.tagPattern(for: ["latest"]) == RecordScaffold.TagPattern(pattern: "v*", matches: []))
        #expect(RecordScaffold.tagPattern(for: ["1.0.0", "1.1.0"]).pattern == "*")
    }
}
