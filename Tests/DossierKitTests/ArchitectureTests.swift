import Foundation
import Testing

/// The target graph is the pipeline: docs/ARCHITECTURE.md lists the stages bottom up, Package.swift declares them in
/// that order, and no declared dependency or `import` runs from a stage to one listed after it.
@Suite("Architecture: the targets' graph runs one way")
struct ArchitectureTests {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The C libraries and the one stage that may import each.
    static let cLibraries = ["CLibGit2": "Git", "CCmarkGFM": "Render", "CGcrypt": "Signatures", "CYAML": "Records", "CZlib": "Evidence", "CGraphviz": "Render"]

    @Test("docs/ARCHITECTURE.md and Package.swift list the same stages in the same order")
    func orderAgrees() throws {
        let documented = try Self.documentedOrder()
        #expect(documented.count >= 10, "docs/ARCHITECTURE.md lists \(documented)")
        let declared = try Self.packageTargets().map(\.name).filter(documented.contains)
        #expect(declared == documented)
    }

    @Test("no target depends on one that comes after it")
    func noBackEdgeInPackage() throws {
        let order = try Self.documentedOrder()
        let problems = Self.backEdges(order: order, edges: try Self.packageTargets().flatMap { target in
            target.dependencies.map { (from: target.name, to: $0, at: "Package.swift") }
        })
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("no source file imports a stage after its own, or one its target does not declare")
    func noBackEdgeInImports() throws {
        let order = try Self.documentedOrder()
        let targets = Dictionary(uniqueKeysWithValues: try Self.packageTargets().map { ($0.name, Set($0.dependencies)) })
        var edges: [(from: String, to: String, at: String)] = []
        var undeclared: [String] = []
        for stage in order {
            for (file, module) in try Self.imports(inFolder: "Sources/\(stage)") where order.contains(module) {
                edges.append((stage, module, file))
                if !(targets[stage]?.contains(module) ?? false) { undeclared.append("\(file) imports \(module), which Package.swift does not list for \(stage)") }
            }
        }
        #expect(!edges.isEmpty)
        let problems = Self.backEdges(order: order, edges: edges)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(undeclared.isEmpty, "\(undeclared.joined(separator: "\n"))")
    }

    @Test("only Git imports libgit2, only Render cmark-gfm, only Signatures libgcrypt, only Records libyaml, only Evidence zlib")
    func cLibrariesStayInTheirStage() throws {
        var found: [String] = []
        let sources = Self.root.appendingPathComponent("Sources")
        for folder in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            for (file, module) in try Self.imports(inFolder: "Sources/\(folder)") {
                if let owner = Self.cLibraries[module], owner != folder { found.append("\(file) imports \(module)") }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the check finds a back edge when there is one")
    func checkCanFail() {
        let order = ["Support", "Git", "Render"]
        #expect(Self.backEdges(order: order, edges: [("Render", "Git", "x"), ("Git", "Support", "y")]).isEmpty)
        #expect(Self.backEdges(order: order, edges: [("Git", "Render", "Sources/Git/A.swift")])
                == ["Sources/Git/A.swift: Git uses Render, which comes after it"])
        #expect(Self.backEdges(order: order, edges: [("Git", "Git", "z")]).isEmpty)
    }

    // MARK: - Reading the files

    /// The edges that run from a stage to itself or one before it are fine; the others, as messages.
    static func backEdges(order: [String], edges: [(from: String, to: String, at: String)]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return edges.compactMap { edge in
            guard let from = rank[edge.from], let to = rank[edge.to], to > from else { return nil }
            return "\(edge.at): \(edge.from) uses \(edge.to), which comes after it"
        }
    }

    /// The stages docs/ARCHITECTURE.md lists under "Targets, bottom up", as `1. **Name** — …` lines.
    static func documentedOrder() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Targets, bottom up").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        return section.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^\d+\. \*\*(\w+)\*\*/) else { return nil }
            return String(match.1)
        }
    }

    /// Package.swift's targets in order, each with the targets it names as dependencies (string literals; products
    /// are named through constants and are not stages).
    static func packageTargets() throws -> [(name: String, dependencies: [String])] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [(name: String, dependencies: [String])] = []
        for match in text.matches(of: /\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"(\w+)"/) {
            let rest = text[match.range.upperBound...]
            // The dependencies of this target: up to the end of its call, before the next target starts.
            let end = rest.firstMatch(of: /\n\s*\.(?:target|executableTarget|testTarget|systemLibrary)\(/)?.range.lowerBound
                ?? rest.endIndex
            let call = rest[..<end]
            var dependencies: [String] = []
            if let list = call.firstMatch(of: /dependencies:\s*\[([^\]]*)\]/) {
                dependencies = list.1.matches(of: /"(\w+)"/).map { String($0.1) }
            }
            targets.append((String(match.1), dependencies))
        }
        return targets
    }

    /// Every `import M` of the Swift files in a folder of the repository, with the file's path.
    static func imports(inFolder folder: String) throws -> [(file: String, module: String)] {
        let url = root.appendingPathComponent(folder)
        guard let names = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var found: [(file: String, module: String)] = []
        for case let name as String in names where name.hasSuffix(".swift") {
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: /^(?:@testable\s+|@_\w+\s+)?import\s+(\w+)/) {
                    found.append(("\(folder)/\(name)", String(match.1)))
                }
            }
        }
        return found.sorted { $0.file < $1.file }
    }
}
