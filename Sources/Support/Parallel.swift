import Dispatch
import Foundation

/// Runs two pieces of work at once and returns both results; if either throws, the first error is thrown.
/// The second piece runs on a thread of its own (see `onThreads`), so that the two overlap wherever this is called.
package func inParallel<A: Sendable, B: Sendable>(_ a: @escaping @Sendable () throws -> A,
                                          _ b: @escaping @Sendable () throws -> B) throws -> (A, B) {
    let first = ResultBox<A>(), second = ResultBox<B>()
    onThreads(2) { index in
        if index == 0 { first.result = Result { try a() } } else { second.result = Result { try b() } }
    }
    return (try first.get(), try second.get())
}

/// One result, written by one worker and read after the workers have joined.
package final class ResultBox<T>: @unchecked Sendable {
    package var result: Result<T, Error>?

    /// An empty box.
    package init() {}

    package func get() throws -> T {
        guard let result else { throw DossierError("internal error: a parallel task produced no result") }
        return try result.get()
    }
}

/// Runs `body(0)` … `body(count - 1)` at once and returns when all are done: `body(0)` on the calling thread, the
/// others on threads of their own. Unlike `DispatchQueue.concurrentPerform`, which runs its iterations one after
/// another when it is called from within another `concurrentPerform`, this spreads the work whatever calls it.
package func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchSemaphore(value: 0)
    for index in 1..<max(count, 1) {
        let thread = Thread {
            body(index)
            done.signal()
        }
        thread.start()
    }
    body(0)
    for _ in 1..<max(count, 1) { done.wait() }
}

/// Hands out the numbers 0, 1, 2, … once each, to whichever thread asks first.
package final class ShareCounter: @unchecked Sendable {
    /// Creates one.
    package init() {}
    private let lock = NSLock()
    private var next = 0

    /// The next number, or nil once `count` have been handed out.
    package func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
