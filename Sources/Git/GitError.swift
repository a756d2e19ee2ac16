import CLibGit2

/// An error reported by libgit2, with the call that failed and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    /// The libgit2 function that returned the error.
    public let call: String
    /// libgit2's return code (negative).
    public let code: Int32
    /// libgit2's message from `git_error_last()`.
    public let message: String

    /// A message a user can act on.
    public var description: String { "\(call) failed: \(message)" }

    init(call: String, code: Int32) {
        self.call = call
        self.code = code
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text)
        } else {
            message = "error \(code)"
        }
    }
}

/// Throws a `GitError` naming `call` when a libgit2 return code is negative.
@discardableResult
func check(_ code: Int32, _ call: @autoclosure () -> String) throws -> Int32 {
    if code < 0 { throw GitError(call: call(), code: code) }
    return code
}
