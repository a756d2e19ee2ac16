import Dispatch

/// Runs two pieces of work at once and returns both results; if either throws, the first error is thrown.
func inParallel<A: Sendable, B: Sendable>(_ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B) throws -> (A, B) {
    let first = ResultBox<A>(), second = ResultBox<B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { first.result = Result { try a() } } else { second.result = Result { try b() } }
    }
    return (try first.get(), try second.get())
}

/// One result, written by one worker and read after the workers have joined.
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?

    func get() throws -> T {
        guard let result else { throw DossierError("internal error: a parallel task produced no result") }
        return try result.get()
    }
}
