import Foundation
@testable import Fuzzing
@testable import Support
import Testing

/// Every input `make fuzz` ever found crashing or hanging a reader, kept in Tests/Fixtures/fuzz/<target>/ (inputs
/// of bugs not fixed yet wait in Tests/Fixtures/fuzz/pending/, which is not replayed).
@Suite("Fuzz findings replayed")
struct FuzzReplayTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    /// The kept inputs of a target, in name order.
    static func kept(_ target: FuzzEntry.Target) -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent(target.rawValue),
                                                                  includingPropertiesForKeys: nil)) ?? []
        return files.filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("each kept input is read or refused with a DossierError, through the entry the fuzzer called, within 60 s",
          arguments: FuzzEntry.Target.allCases.filter { !kept($0).isEmpty })
    func replay(_ target: FuzzEntry.Target) throws {
        for file in Self.kept(target) {
            let data = try Data(contentsOf: file)
            // A generous bound: the hangs kept here never ended (or took many minutes) before their fix; the slowest
            // kept input, 2 MiB of escapes read by three JSON readers, takes about 7 s in a debug build on an idle
            // 2-core machine, and more on a loaded one, so the bound leaves room for a busy CI machine.
            let took = ContinuousClock().measure {
                do {
                    try FuzzEntry.run(target, data)
                } catch let error as DossierError {
                    #expect(!error.description.isEmpty, "\(target.rawValue)/\(file.lastPathComponent)")
                } catch {
                    Issue.record("\(target.rawValue)/\(file.lastPathComponent): an error that is not a DossierError: \(error)")
                }
            }
            #expect(took < .seconds(60), "\(target.rawValue)/\(file.lastPathComponent) took \(took)")
        }
    }

    @Test("every folder of kept inputs names a fuzz target (or is pending/)")
    func foldersNameTargets() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }
        let known = Set(FuzzEntry.Target.allCases.map(\.rawValue) + ["pending", "README.md"])
        #expect(names.filter { !known.contains($0) } == [])
    }
}
