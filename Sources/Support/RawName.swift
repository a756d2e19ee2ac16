/// A file's name as the file system holds it, compared and ordered by its bytes. Swift's `String` compares by
/// canonical equivalence, so `café` in NFC and in NFD would be one key; on Linux they are two files, and a bundle's
/// check must see both (and sort them as `sha256sum` and `ls` do, byte by byte).
package struct RawName: Hashable, Comparable, Sendable {
    /// The name's bytes (UTF-8 for every name a manifest can list; any bytes for a name found on disk).
    package let bytes: [UInt8]

    /// The name spelled by `string`'s own UTF-8 bytes, not normalized.
    package init(_ string: String) { bytes = Array(string.utf8) }

    /// The name of these bytes.
    package init(bytes: [UInt8]) { self.bytes = bytes }

    /// The name as text; bytes that are not UTF-8 become U+FFFD (for messages only: such a name is never listed).
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    package static func < (lhs: RawName, rhs: RawName) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}

extension String {
    /// Whether the two strings are the same bytes, not merely canonically equivalent as `==` says (`K` and the Kelvin
    /// sign `K` are two names to git, and must be two to dossier where it names releases and roles).
    package func sameBytes(as other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}
