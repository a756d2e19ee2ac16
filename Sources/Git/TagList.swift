import CLibGit2
import Support

/// The repository's tags, split into the tags of commits (the only ones a release can be) and the tags set aside:
/// tags that point, maybe through other tags, at a tree or a blob (git's own repository has `junio-gpg-pub`, a tag of
/// a blob), tags whose objects are missing or unreadable, and tags whose names are not UTF-8 (which no command line or
/// document can name faithfully). Every command that lists tags goes through this listing, so such a tag is skipped
/// with the same note everywhere and never fails the command; and each tag's ids are the ones the listing read, so no
/// caller looks a tag up again by its name.
///
/// Names are matched by their bytes: `v2.0.é` written precomposed (NFC) and decomposed (NFD) are two tags to git,
/// though Swift's `==` takes them for one.
public struct TagList: Sendable {
    /// A tag of a commit.
    public struct Entry: Sendable, Hashable {
        /// The tag's short name.
        public var name: String
        /// The id its reference names: the tag object's for an annotated tag, else the commit's.
        public var target: String
        /// The commit it points at once every tag object is peeled.
        public var commit: String
    }

    /// A tag that is no release, and why.
    public struct Skipped: Sendable, Hashable {
        /// Why a tag is set aside.
        public enum Reason: Sendable, Hashable {
            /// It points at a tree or a blob (`kind`), `object`.
            case notACommit(kind: String, object: String)
            /// Its name is not UTF-8.
            case nameNotUTF8
            /// Its name is not a valid reference name (control characters, `~`, `^`, `..`…): git ignores such a tag.
            case invalidName
            /// It (or a tag object it goes through) names `object`, which is not in the repository.
            case missing(object: String)
            /// The tag object `object` names no object to peel to (no `object` header, or one that is no object id).
            case malformed(object: String, found: String)
        }

        /// The tag's short name; for a name that is not UTF-8, its bytes quoted as git quotes them (`"v1\377"`).
        public var name: String
        /// The short name's bytes as git stores them, which a release tag pattern is matched against.
        public var bytes: [UInt8]
        /// Why it is skipped.
        public var reason: Reason
        /// The id its reference names, when that object is in the repository and the tag can be named (a tag object
        /// whose signature `git verify-tag` checks); nil when the tag cannot be read or its name is not UTF-8.
        public var target: String?

        /// What points where, for a note or an error.
        public var fact: String {
            switch reason {
            case let .notACommit(kind, object): "tag \(name) points at a \(kind) (\(object.prefix(12))), not at a commit"
            case .nameNotUTF8: "tag \(name) has a name that is not UTF-8, which no document can show as git stores it"
            case .invalidName: "tag \(name) has a name git refuses as a reference name (git ignores it too)"
            case let .missing(object): "tag \(name) points at \(object.prefix(12)), which is not in the repository"
            case let .malformed(object, found): "tag \(name) has a tag object (\(object.prefix(12))) that names \(found), not an object id"
            }
        }

        /// The note the user is shown for it where releases are listed.
        public var note: String { "note: \(fact): it is not taken as a release" }

        /// The note shown by a listing of every tag's signature (`dossier signatures --tags`): a tag whose own object
        /// is read is listed (git verifies any tag object), any other is left out.
        public var listingNote: String {
            target == nil ? "note: \(fact): it is not listed" : "note: \(fact): it is listed, but it is no release"
        }
    }

    /// The tags of commits, in byte order of their names.
    public var tags: [Entry]
    /// The tags set aside, in byte order of their names.
    public var skipped: [Skipped]

    /// The names of the tags of commits, in byte order.
    public var commitTags: [String] { tags.map(\.name) }

    /// One note per skipped tag, in byte order.
    public var notes: [String] { skipped.map(\.note) }

    /// The tag of a commit whose name has exactly the bytes of `name`.
    public func entry(named name: String) -> Entry? {
        tags.first { Self.same($0.name, name) }
    }

    /// Whether `name` is a tag of a commit.
    /// - Throws: `DossierError` saying what it points at when `name` is a tag of a tree or a blob, or cannot be read.
    public func isCommitTag(_ name: String) throws -> Bool {
        if entry(named: name) != nil { return true }
        if let other = skipped.first(where: { Self.same($0.name, name) }) {
            if case let .notACommit(kind, object) = other.reason { throw Repository.notACommit(name, kind: kind, object: object) }
            throw DossierError("'\(name)' is no release: \(other.fact)")
        }
        return false
    }

    /// A name's bytes quoted as git quotes a path that is not plain ASCII: in double quotes, with `\"`, `\\` and an
    /// octal escape for every byte outside printable ASCII.
    public static func quoted(_ bytes: [UInt8]) -> String {
        var out = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7f: out += String(UnicodeScalar(byte))
            default: out += "\\" + String(byte, radix: 8).leftPadded(to: 3)
            }
        }
        return out + "\""
    }

    /// A name quoted as ``quoted(_:)-([UInt8])`` quotes its UTF-8 bytes, so that names that look alike can be told apart.
    public static func quoted(_ name: String) -> String { quoted(Array(name.utf8)) }

    /// Whether two tag names are the same bytes (not merely canonically equivalent, as Swift's `==` says).
    public static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// Whether `a` comes before `b` byte by byte, as git sorts names.
    public static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

extension Repository {
    /// Every tag, each peeled through its tag objects to the object it finally names, as `git rev-parse TAG^{commit}`
    /// peels it: only object headers are read. The peeled id packed-refs records is not used: it is a cache that a
    /// hostile repository can make name another commit (or one whose tag object is gone).
    /// A tag that cannot be read (a missing object, a tag object naming no object id) is set aside with a note.
    /// - Throws: `GitError` when the tags cannot be listed.
    public func tagList() throws -> TagList {
        let database = try ObjectDatabase(self)
        var list = TagList(tags: [], skipped: [])
        let iterator = try make("git_reference_iterator_glob_new") { git_reference_iterator_glob_new(&$0, pointer, "refs/tags/*") }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        while git_reference_next(&reference, iterator) == 0, let ref = reference {
            defer { git_reference_free(ref) }
            // A symbolic reference under refs/tags/ is no tag of its own (git tag -l lists it by its target).
            guard let direct = git_reference_target(ref) else { continue }
            let target = hex(direct)
            // The name as git stores it, byte for byte: decoding it lossily would name another tag, or none.
            var bytes: [UInt8] = []
            var byte = git_reference_name(ref)! + "refs/tags/".utf8.count
            while byte.pointee != 0 { bytes.append(UInt8(bitPattern: byte.pointee)); byte += 1 }
            // A name git refuses (control characters, `~`, `^`, `:`, `..`) is one git ignores; it could forge output lines.
            var valid: Int32 = 0
            guard git_reference_name_is_valid(&valid, git_reference_name(ref)) == 0, valid == 1 else {
                list.skipped.append(TagList.Skipped(name: TagList.quoted(bytes), bytes: bytes, reason: .invalidName, target: nil))
                continue
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                list.skipped.append(TagList.Skipped(name: TagList.quoted(bytes), bytes: bytes, reason: .nameNotUTF8, target: nil))
                continue
            }
            switch Self.peel(target, in: database) {
            case .success(let commit):
                list.tags.append(TagList.Entry(name: name, target: target, commit: commit))
            case .failure(let failure):
                let reason = failure.reason
                let readable: Bool
                if case let .missing(object) = reason, object == target { readable = false } else { readable = true }
                list.skipped.append(TagList.Skipped(name: name, bytes: bytes, reason: reason, target: readable ? target : nil))
            }
        }
        list.tags.sort { TagList.byteOrder($0.name, $1.name) }
        list.skipped.sort { TagList.byteOrder($0.name, $1.name) }
        return list
    }

    /// Why a tag is no tag of a commit, as an `Error` for `Result`.
    private struct PeelFailure: Error { var reason: TagList.Skipped.Reason }

    /// Peels the object `target` through each tag object's `object` header to a commit, as git peels, however long
    /// the chain (a cycle would need a SHA-1 collision; a chain is as long as the repository has tag objects).
    private static func peel(_ target: String, in database: ObjectDatabase) -> Result<String, PeelFailure> {
        var id = target
        while true {
            guard let type = try? database.type(of: id) else { return .failure(PeelFailure(reason: .missing(object: id))) }
            switch type {
            case GIT_OBJECT_COMMIT: return .success(id)
            case GIT_OBJECT_TAG:
                let header = (try? database.headers(of: id))?.first("object")
                guard let next = header, next.utf8.count == 40, (try? oid(next)) != nil else {
                    return .failure(PeelFailure(reason: .malformed(object: id, found: header.map { "'\($0.prefix(40))'" } ?? "no object")))
                }
                id = next
            default:
                return .failure(PeelFailure(reason: .notACommit(kind: typeName(type), object: id)))
            }
        }
    }

    /// git's name for an object type: `commit`, `tree`, `blob`, `tag`.
    static func typeName(_ type: git_object_t) -> String {
        git_object_type2string(type).map { String(cString: $0) } ?? "object"
    }

    /// The error for a revision that names a tree or a blob where a commit was expected.
    static func notACommit(_ name: String, kind: String, object: String) -> DossierError {
        DossierError("'\(name)' points at a \(kind) (\(object.prefix(12))), not at a commit: a release is a commit; name a tag, branch or commit id of one")
    }
}

private extension String {
    /// The string with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
