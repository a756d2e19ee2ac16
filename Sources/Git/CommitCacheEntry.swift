import Signatures

/// How one commit's facts are written in the commit cache: every field but the signature's verdict, in a fixed
/// order, numbers little-endian, strings as a 32-bit length and their UTF-8 bytes, and whether the commit carries a
/// signature (the verdict is worked out again from the object each run).
enum CommitCacheEntry {
    /// The payload for `commit`.
    static func encode(_ commit: Commit) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(commit.tree)
        writer.number(UInt32(commit.parents.count))
        for parent in commit.parents { writer.string(parent) }
        writer.person(commit.author)
        writer.person(commit.committer)
        writer.string(commit.subject)
        writer.string(commit.body)
        writer.string(commit.message)
        writer.bytes.append(commit.invalidUTF8 ? 1 : 0)
        writer.number(UInt32(commit.trailers.count))
        for trailer in commit.trailers {
            writer.string(trailer.key)
            writer.string(trailer.value)
        }
        writer.number(UInt32(commit.changedFiles.count))
        for file in commit.changedFiles {
            writer.bytes.append(file.status.rawValue.utf8.first!)
            writer.string(file.path)
        }
        writer.bytes.append(commit.verdict == .unsigned ? 0 : 1)
        return writer.bytes
    }

    /// The commit `id` read back from `payload`, its verdict `.unsigned` and `signed` telling whether it carries a
    /// signature to verify; nil when the payload is not one whole entry (every length is checked against what is left).
    static func decode(id: String, _ payload: UnsafeRawBufferPointer) -> (commit: Commit, signed: Bool)? {
        /// A SHA-1 or SHA-256 object id in lower-case hex, as git writes them in a commit.
        func isObjectId(_ text: String) -> Bool {
            (text.utf8.count == 40 || text.utf8.count == 64)
                && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        }
        var reader = ByteReader(payload)
        guard let tree = reader.string(), isObjectId(tree), let parentCount = reader.count(minimumSize: 4) else { return nil }
        var parents: [String] = []
        parents.reserveCapacity(parentCount)
        for _ in 0..<parentCount {
            guard let parent = reader.string(), isObjectId(parent) else { return nil }
            parents.append(parent)
        }
        guard let author = reader.person(), let committer = reader.person(), let subject = reader.string(),
              let body = reader.string(), let message = reader.string(), let invalidUTF8 = reader.flag(),
              let trailerCount = reader.count(minimumSize: 8) else { return nil }
        var trailers: [Trailer] = []
        trailers.reserveCapacity(trailerCount)
        for _ in 0..<trailerCount {
            guard let key = reader.string(), let value = reader.string() else { return nil }
            trailers.append(Trailer(key: key, value: value))
        }
        guard let fileCount = reader.count(minimumSize: 5) else { return nil }
        var files: [ChangedFile] = []
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            guard let letter = reader.byte(), let status = ChangedFile.Status(rawValue: String(UnicodeScalar(letter))),
                  let path = reader.string() else { return nil }
            files.append(ChangedFile(path: path, status: status))
        }
        guard let signed = reader.flag(), reader.isAtEnd else { return nil }
        // Only what reading a commit object can give is taken (offsets are bounded as `person()` reads them).
        guard !files.contains(where: { $0.path.isEmpty || $0.path.utf8.contains(0) }) else { return nil }
        let commit = Commit(id: id, tree: tree, parents: parents, author: author, committer: committer, subject: subject,
                            body: body, message: message, invalidUTF8: invalidUTF8, trailers: trailers,
                            changedFiles: files, verdict: .unsigned)
        return (commit, signed)
    }
}

/// Appends numbers and strings to a byte array, little-endian.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        number(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func person(_ person: Person) {
        string(person.name)
        string(person.email)
        number(person.time)
        number(Int64(person.offsetMinutes))
    }
}

/// Reads what `ByteWriter` wrote, never past the end of its bytes: each read that does not fit gives nil.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func flag() -> Bool? {
        switch byte() {
        case 0: false
        case 1: true
        default: nil
        }
    }

    mutating func number<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { return nil }
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])) }
        offset += size
        return T(littleEndian: value)
    }

    /// A count of items each at least `minimumSize` bytes long: nil when that many could not fit in what is left.
    mutating func count(minimumSize: Int) -> Int? {
        guard let count = number(UInt32.self).map(Int.init), count <= (bytes.count - offset) / minimumSize else { return nil }
        return count
    }

    /// A string; nil when its length runs past the end or its bytes are not UTF-8 (the writer wrote only UTF-8).
    mutating func string() -> String? {
        guard let length = number(UInt32.self).map(Int.init), length <= bytes.count - offset else { return nil }
        defer { offset += length }
        return String(utf8: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
    }

    mutating func person() -> Person? {
        guard let name = string(), let email = string(), let time = number(Int64.self),
              let offset = number(Int64.self), let minutes = Int(exactly: offset),
              // An offset no commit object can carry (a forged entry) would reach the date arithmetic.
              offset.magnitude <= Person.largestOffsetMinutes.magnitude else { return nil }
        return Person(name: name, email: email, time: time, offsetMinutes: minutes)
    }
}
