import Foundation

/// Linux's `renameat2`: swapping two paths in one step, and renaming without replacing. Glibc declares it only
/// for `_GNU_SOURCE`, which Swift's Glibc module does not see, so it is looked up by name in the C library.
package enum Rename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2`, or nil when the C library has none (glibc before 2.28).
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let noReplaceFlag: UInt32 = 1 << 0, exchangeFlag: UInt32 = 1 << 1

    /// Swaps `first` and `second` (both must exist) in one step, so that nothing can see either path missing.
    /// - Returns: 0, or the `errno` of the failure; `EINVAL` or `ENOSYS` when the system or file system cannot.
    package static func exchange(_ first: String, _ second: String) -> Int32 {
        guard let renameat2 else { return ENOSYS }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0 ? 0 : errno
    }

    /// Renames `from` to `to`, failing with `EEXIST` when `to` exists (plain `rename` would replace an empty
    /// folder or a file there).
    /// - Returns: 0, or the `errno` of the failure.
    package static func withoutReplacing(_ from: String, _ to: String) -> Int32 {
        if let renameat2 {
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, noReplaceFlag) == 0 { return 0 }
            guard errno == EINVAL || errno == ENOSYS else { return errno }
        }
        // No renameat2, or a file system without RENAME_NOREPLACE: check, then rename (a small window).
        var status = stat()
        if lstat(to, &status) == 0 { return EEXIST }
        return rename(from, to) == 0 ? 0 : errno
    }

    /// The message for an `errno`.
    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
