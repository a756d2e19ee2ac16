import Foundation

/// Prints how long each pipeline stage took, on stderr, when the environment sets `DOSSIER_TIMINGS=1`.
/// For finding where time goes on a large history (`make bench` quotes the totals); silent otherwise.
enum StageTimer {
    private static let enabled = ProcessInfo.processInfo.environment["DOSSIER_TIMINGS"] == "1"
    /// Set by the first measured stage.
    private static let start = DispatchTime.now().uptimeNanoseconds

    /// Runs `work` and, when timings are on, prints its duration and the time since the first stage began.
    static func measure<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let start = Self.start
        let begin = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let end = DispatchTime.now().uptimeNanoseconds
        let padded = stage.padding(toLength: max(stage.count, 22), withPad: " ", startingAt: 0)
        let line = String(format: "dossier: timing: %@ %8.1f ms (done at %8.1f ms)\n", padded,
                          Double(end - begin) / 1e6, Double(end - start) / 1e6)
        FileHandle.standardError.write(Data(line.utf8))
        return result
    }
}
