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

    /// Every value of a multi-valued key of git's configuration, in the order git reads them (the system's file,
    /// the user's, the repository's; each file top to bottom); empty when it is not set.
    public func configValues(_ key: String) -> [String] {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return [] }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, key, nil) == 0, let iterator else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            if let value = entry.pointee.value { values.append(String(cString: value)) }
        }
        return values
    }

    /// The order of this repository's release tags: git's `version:refname` order with the pre-release suffixes of
    /// `versionsort.suffix` (or, when that is not set, the older `versionsort.prereleaseSuffix`), as git reads them;
    /// with `-` when neither is set, so that `v2.0.0-rc.1` comes before `v2.0.0`. Read once per command.
    public func versionOrder() -> VersionOrder {
        let suffixes = configValues("versionsort.suffix")
        if !suffixes.isEmpty { return VersionOrder(suffixes: suffixes) }
        let older = configValues("versionsort.prereleasesuffix")
        return VersionOrder(suffixes: older.isEmpty ? VersionOrder.defaultSuffixes : older)
    }
}
