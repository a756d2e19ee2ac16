import CLibGit2
import Crypto
import Foundation

/// The facts of commits read before, kept between runs in `<git common dir>/dossier/cache/commits-<format>/`: per
/// commit id, under a key that names everything else the facts depend on (the `.mailmap` applied, by its blob id,
/// and the trailer configuration), its headers, message parts, trailers and changed paths. Signature verdicts are
/// never kept: a signed commit's object is read and verified again each run.
///
/// A few segment files hold many commits each: `<key>-<digest>.seg`, a header (the format, the whole key), then
/// entries `[length][checksum][id][payload]`, where the checksum is the first 16 bytes of SHA-256 over the key and
/// the rest of the entry. The folder may be written by an attacker: a segment with another format or key, or an
/// entry whose checksum, id or lengths do not hold, is ignored, the commit read from git and the segment rewritten;
/// every length is bounded by what is left to read. Set `DOSSIER_CACHE=off` to neither read nor write it.
struct CommitCache: Sendable {
    /// The format of the files; a new format lives in a new folder.
    static let format = 1
    static let folder = "commits-\(format)"
    /// More segments than this are merged into one.
    static let maximumSegments = 8
    /// Bounds on what is read: segments, their size taken together (a segment past what is left of it is not read:
    /// sparse files of a gigabyte each cost nothing on disk and would be read whole), the length of one entry.
    static let segmentLimit = 64
    static let sizeLimit = 1 << 30
    static let entryLimit = 1 << 26

    /// Where an entry lies: its segment, and its bytes after the length.
    private struct Location: Sendable {
        let segment: Int
        let range: Range<Int>
    }

    /// What a lookup found.
    enum Lookup {
        case found(Commit, signed: Bool)
        /// An entry for the id that does not hold (its checksum or layout): the segment is rewritten.
        case damaged
        case absent
    }

    private let gitDirectory: String
    /// SHA-256 of the format, the mailmap's blob id and the trailer configuration.
    private let key: [UInt8]
    private let segments: [[UInt8]]
    private let segmentNames: [String]
    private let index: [String: Location]
    /// Whether a segment under this key was foreign (another format or key) or cut short.
    private let damaged: Bool

    /// Loads the segments under the key of `mailmap` and `trailerConfig`; nil when `DOSSIER_CACHE=off`.
    static func load(gitDirectory: String, mailmap: String?, trailerConfig: TrailerConfig) -> CommitCache? {
        guard ProcessInfo.processInfo.environment["DOSSIER_CACHE"] != "off" else { return nil }
        return CommitCache(gitDirectory: gitDirectory, key: key(mailmap: mailmap, trailerConfig: trailerConfig))
    }

    private init(gitDirectory: String, key: [UInt8]) {
        self.gitDirectory = gitDirectory
        self.key = key
        var segments: [[UInt8]] = [], names: [String] = [], index: [String: Location] = [:], damaged = false
        if let folder = CacheDirectory(gitDirectory: gitDirectory, name: Self.folder, create: false) {
            let prefix = Self.namePrefix(key)
            var left = Self.sizeLimit
            for name in folder.names().filter({ $0.hasPrefix(prefix) && $0.hasSuffix(".seg") }).prefix(Self.segmentLimit) {
                names.append(name)
                guard let bytes = folder.read(name, limit: left), bytes.starts(with: Self.header(key)) else {
                    damaged = true
                    continue
                }
                left -= bytes.count
                let entries = Self.entries(in: bytes)
                if !entries.complete { damaged = true }
                for (id, range) in entries.found where index[id] == nil {
                    index[id] = Location(segment: segments.count, range: range)
                }
                segments.append(bytes)
            }
        }
        self.segments = segments
        segmentNames = names
        self.index = index
        self.damaged = damaged
    }

    /// The key: SHA-256 of the format, the `.mailmap`'s blob id (the git hash of the text applied) and what of git's
    /// configuration changes how trailers are read.
    static func key(mailmap: String?, trailerConfig: TrailerConfig) -> [UInt8] {
        var text = "dossier commit cache \(format)\nmailmap "
        if let mailmap {
            var id = git_oid()
            let bytes = Array(mailmap.utf8)
            text += git_odb_hash(&id, bytes, bytes.count, GIT_OBJECT_BLOB) == 0 ? hex(&id) : "unhashed \(bytes)"
        } else {
            text += "none"
        }
        text += "\nseparators \(trailerConfig.separators)\ncomment \(trailerConfig.commentChar)\n"
        for trailer in trailerConfig.configured {
            text += "trailer \(trailer.nameBytes) \(trailer.keyBytes.map { "\($0)" } ?? "none")\n"
        }
        return Array(SHA256.hash(data: Array(text.utf8)))
    }

    private static func namePrefix(_ key: [UInt8]) -> String {
        key.prefix(16).map { String(format: "%02x", $0) }.joined() + "-"
    }

    private static func header(_ key: [UInt8]) -> [UInt8] {
        Array("dossier commit cache \(format)\n".utf8) + key
    }

    /// The entries of a segment (each id with the range of its checksum, id and payload), and whether they ran to
    /// its end without a length that does not fit.
    private static func entries(in bytes: [UInt8]) -> (found: [(String, Range<Int>)], complete: Bool) {
        var found: [(String, Range<Int>)] = []
        var offset = header([UInt8](repeating: 0, count: 32)).count
        return bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[offset...]))
                guard let length = reader.number(UInt32.self).map(Int.init), length >= 18, length <= entryLimit,
                      length <= raw.count - offset - 4 else { return (found, false) }
                let start = offset + 4
                let idLength = Int(raw[start + 16]) | Int(raw[start + 17]) << 8
                guard idLength <= 64, 18 + idLength <= length else { return (found, false) }
                found.append((String(decoding: raw[(start + 18)..<(start + 18 + idLength)], as: UTF8.self), start..<(start + length)))
                offset = start + length
            }
            return (found, true)
        }
    }

    /// The entry for `id`, its checksum checked.
    func lookup(_ id: String) -> Lookup {
        guard let location = index[id] else { return .absent }
        return Self.read(segments[location.segment], location.range, id: id, key: key)
    }

    /// The entry at `range` of `segment` (its checksum, id and payload) if its checksum and layout hold.
    private static func read(_ segment: [UInt8], _ range: Range<Int>, id: String, key: [UInt8]) -> Lookup {
        segment.withUnsafeBytes { raw in
            let entry = UnsafeRawBufferPointer(rebasing: raw[range])
            guard checksum(key: key, UnsafeRawBufferPointer(rebasing: entry[16...])).elementsEqual(entry[..<16]) else {
                return .damaged
            }
            let idLength = Int(entry[16]) | Int(entry[17]) << 8
            guard let (commit, signed) = CommitCacheEntry.decode(id: id, UnsafeRawBufferPointer(rebasing: entry[(18 + idLength)...])) else {
                return .damaged
            }
            return .found(commit, signed: signed)
        }
    }

    private static func checksum(key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> some Sequence<UInt8> {
        var hash = SHA256()
        hash.update(data: key)
        hash.update(bufferPointer: bytes)
        return hash.finalize().prefix(16)
    }

    /// One whole entry for `commit` under `key`.
    private static func entry(_ commit: Commit, key: [UInt8]) -> [UInt8] {
        var body = ByteWriter()
        body.number(UInt16(commit.id.utf8.count))
        body.bytes += commit.id.utf8
        body.bytes += CommitCacheEntry.encode(commit)
        let sum = body.bytes.withUnsafeBytes { checksum(key: key, $0) }
        var entry = ByteWriter()
        entry.number(UInt32(16 + body.bytes.count))
        entry.bytes += sum
        entry.bytes += body.bytes
        return entry.bytes
    }

    /// Keeps `fresh` (the commits this run read from git) as a new segment; when a segment was damaged, or there are
    /// too many, merges every entry that holds and `fresh` into one segment instead and removes the segments read.
    /// A folder that cannot be made or written (a link, a read-only repository, a full disk) keeps nothing.
    func save(_ fresh: [Commit], replacedDamage: Bool) {
        let merge = damaged || replacedDamage || segmentNames.count + 1 > Self.maximumSegments
        guard !fresh.isEmpty || merge,
              let folder = CacheDirectory(gitDirectory: gitDirectory, name: Self.folder, create: true) else { return }
        var bytes = Self.header(key)
        var written = Set<String>()
        for commit in fresh where written.insert(commit.id).inserted {
            bytes += Self.entry(commit, key: key)
        }
        if merge {
            for segment in segments {
                for (id, range) in Self.entries(in: segment).found where !written.contains(id) {
                    guard case .found = Self.read(segment, range, id: id, key: key) else { continue }
                    written.insert(id)
                    bytes += segment[(range.lowerBound - 4)..<range.upperBound]
                }
            }
        }
        let name = Self.namePrefix(key) + SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined() + ".seg"
        guard folder.write(name, bytes), merge else { return }
        for old in segmentNames where old != name { folder.remove(old) }
    }
}
