import CLibGit2

extension Repository {
    /// A value of git's configuration as git reads it for this repository (the repository's, the user's and the
    /// system's files), e.g. `user.name`; nil when it is not set.
    public func configValue(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }
}
