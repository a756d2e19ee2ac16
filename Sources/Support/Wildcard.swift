import Foundation

/// Shell wildcards within one name: `*` any run of characters, `?` one character, `[…]` a set, as `fnmatch(3)`
/// reads them (the C library's matcher; release tags are matched the same way).
package enum Wildcard {
    /// Whether the text holds a wildcard character.
    package static func isPattern(_ text: String) -> Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Whether `text` matches `pattern`. `*` and `?` match any character, `/` and `.` included.
    package static func matches(_ pattern: String, _ text: String) -> Bool { fnmatch(pattern, text, 0) == 0 }
}
