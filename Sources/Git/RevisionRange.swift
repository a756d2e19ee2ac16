/// The commits of one release: reachable from `release`, not from `since` (git's `since..release`).
public struct RevisionRange: Sendable, Hashable {
    /// The commit that ends the range (the release).
    public var release: String
    /// The commit whose history is excluded; `nil` for a first release, which covers history from the root.
    public var since: String?

    /// Creates a range from resolved commit ids.
    public init(release: String, since: String?) {
        self.release = release
        self.since = since
    }
}
