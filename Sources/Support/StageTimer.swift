import Foundation

/// Prints how long each pipeline stage took, on stderr, when the environment sets `DOSSIER_TIMINGS=1`.
/// For finding where time goes on a large history (`make bench` quotes the totals); silent otherwise.
package enum StageTimer {
    private static let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMINGS"] == "1"
    /// Set by the first measured stage.
    private static let start = DispatchTime.now().uptimeNanoseconds

    /// Runs one stage of the pipeline and, when timings are on, prints its duration and the time since the first
    /// stage began. Called only where one stage hands over to the next (the actions and the assembler), never
    /// inside a stage's own code.
    package static func measure<T>(_ stage: String, _ work: () async throws -> T) async rethrows -> T {
        guard enabled else { return try await work() }
        let start = Self.start
        let begin = DispatchTime.now().uptimeNanoseconds
        let result = try await work()
        let end = DispatchTime.now().uptimeNanoseconds
        let padded = stage.padding(toLength: max(stage.count, 22), withPad: " ", startingAt: 0)
        let line = String(format: "dossier: timing: %@ %8.1f ms (done at %8.1f ms, resident %4d MB)\n", padded,
                          Double(end - begin) / 1e6, Double(end - start) / 1e6, residentMegabytes())
        FileHandle.standardError.write(Data(line.utf8))
        return result
    }

    /// Prints one line about a stage's work (for example how much of it a cache answered) when timings are on.
    package static func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("dossier: timing: \(text)\n".utf8))
    }

    /// The process's resident memory now, from /proc (0 where there is none).
    private static func residentMegabytes() -> Int {
        // /proc files report a size of 0: read them as a stream.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/statm")?.readDataToEndOfFile(),
              let pages = String(decoding: data, as: UTF8.self).split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }
}
