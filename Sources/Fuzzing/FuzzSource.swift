import Foundation
import Git
import Records

/// A tree held in memory, file paths to bytes: what the fuzz targets hand to the readers that read a release's tree.
struct FuzzSource: RecordSource {
    let files: [String: Data]
    let label = "the fuzz input"

    func entryKind(_ path: String) throws -> Repository.EntryKind? {
        if files[path] != nil { return .file }
        return files.keys.contains { $0.hasPrefix(path + "/") } ? .folder : nil
    }

    func readFile(_ path: String) throws -> Data? { files[path] }

    func fileNames(inFolder path: String) throws -> [String] {
        files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1)) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
