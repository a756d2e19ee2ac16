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

extension Repository {
    /// What of the repository's git configuration changes how git reads trailers (`trailer.*`, `core.commentChar`),
    /// read in the order git reads its files (system, global, local), so the last value wins as it does for git.
    public func trailerConfig() -> TrailerConfig {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return .git }
        defer { git_config_free(config) }
        var entries: [(name: String, value: String?)] = []
        var iterator: OpaquePointer?
        if git_config_iterator_glob_new(&iterator, config, "^trailer\\.") == 0, let iterator {
            defer { git_config_iterator_free(iterator) }
            var entry: UnsafeMutablePointer<git_config_entry>?
            while git_config_next(&entry, iterator) == 0, let entry {
                entries.append((String(cString: entry.pointee.name), entry.pointee.value.map { String(cString: $0) }))
            }
        }
        var comment: UnsafePointer<CChar>?
        let commentChar = git_config_get_string(&comment, config, "core.commentchar") == 0 ? comment.map { String(cString: $0) } : nil
        return TrailerConfig(entries: entries, commentChar: commentChar)
    }
}
