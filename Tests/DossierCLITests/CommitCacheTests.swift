import Foundation
import Support
import TestSupport
import Testing

/// The commit cache in `.git/dossier/cache/commits-1/`: a second run reads it, gives the same bundles, and a cache
/// that is corrupt, foreign, linked elsewhere or unwritable is never trusted and never followed.
@Suite("commit facts cached by git object id")
struct CommitCacheTests {
    static let folder = "repo/.git/dossier/cache/commits-1"
    static let timings = ["DOSSIER_TIMINGS": "1"]

    /// A repository with a few commits (7 after the root) carrying trailers, an old address the `.mailmap` maps, and a tag.
    static func project() throws -> (Scratch, GitRepository, root: String) {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        let root = try repo.commit("Start\n", files: ["README.md": "start\n"])
        for index in 1...6 {
            try repo.commit("Change \(index)\n\nWhy it changed.\n\nChange-Request: CR-\(index)\nRefs: REQ-\(index)\n",
                            files: ["src/file\(index).c": "int x\(index);\n", "src/shared.c": "\(index)\n"],
                            author: ("Alice", index.isMultiple(of: 2) ? "alice@old.example.com" : "alice@example.com"))
        }
        try repo.commit("Map addresses\n", files: [".mailmap": "Alice Example <alice@example.com> <alice@old.example.com>\n"])
        try repo.tag("v1.0.0")
        return (scratch, repo, root)
    }

    /// Runs `suf v1.0.0 --since root` into `out` and returns how many of how many commits came from the cache.
    static func suf(_ scratch: Scratch, root: String, out: String, environment: [String: String] = timings,
                    release: String = "v1.0.0") throws -> (hits: Int, total: Int) {
        let result = try dossier(["suf", release, "--since", root, "--repo", "repo", "--out", out, "--format", "json,md,html"],
                                 in: scratch.path, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        guard let line = result.stderr.split(separator: "\n").first(where: { $0.contains("history cache:") }) else { return (-1, -1) }
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        return (numbers[0], numbers[1])
    }

    /// Every file under `folder`, by relative path.
    static func files(_ scratch: Scratch, _ folder: String) throws -> [String: Data] {
        let base = scratch.file(folder)
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: base)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))
            }
        }
        return files
    }

    static func segments(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.file(folder)).filter { $0.hasSuffix(".seg") }.sorted()
    }

    @Test("a second run reads every commit from the cache and writes the same bundle as a run without it")
    func secondRunReadsCache() throws {
        let (scratch, _, root) = try Self.project()
        let off = try Self.suf(scratch, root: root, out: "off", environment: ["DOSSIER_CACHE": "off", "DOSSIER_TIMINGS": "1"])
        #expect(off == (-1, -1))  // no cache read or written
        #expect(!scratch.exists("repo/.git/dossier"))
        #expect(try Self.suf(scratch, root: root, out: "first") == (0, 7))
        #expect(try Self.segments(scratch).count == 1)
        #expect(try Self.suf(scratch, root: root, out: "second") == (7, 7))
        #expect(try Self.segments(scratch).count == 1)  // nothing new to keep
        let expected = try Self.files(scratch, "off")
        #expect(expected.count > 3)
        #expect(try Self.files(scratch, "first") == expected)
        #expect(try Self.files(scratch, "second") == expected)
        // The mailmap was applied to cached commits too, and `check` reads the same cache.
        #expect(try scratch.read("second/v1.0.0/suf.json").contains("Alice Example"))
        #expect(!(try scratch.read("second/v1.0.0/suf.json").contains("alice@old.example.com")))
        let check = try dossier(["check", "v1.0.0", "--since", root, "--repo", "repo"], in: scratch.path, environment: Self.timings)
        #expect(check.stderr.contains("history cache: 7 of 7 commits read from the cache"), "\(check.stderr)")
    }

    @Test("a changed .mailmap is a different key: its commits are read from git again, and mapped by the new one")
    func changedMailmapMisses() throws {
        var (scratch, repo, root) = try Self.project()
        #expect(try Self.suf(scratch, root: root, out: "first") == (0, 7))
        try repo.commit("Other file\n", files: ["notes.txt": "x\n"])
        try repo.tag("v1.1.0")
        #expect(try Self.suf(scratch, root: root, out: "same-map", release: "v1.1.0") == (7, 8))
        try repo.commit("Remap\n", files: [".mailmap": "Alice Remapped <alice@example.com> <alice@old.example.com>\n"])
        try repo.tag("v1.2.0")
        #expect(try Self.suf(scratch, root: root, out: "new-map", release: "v1.2.0") == (0, 9))
        let json = try scratch.read("new-map/v1.2.0/suf.json")
        #expect(json.contains("Alice Remapped"))
        #expect(try Self.suf(scratch, root: root, out: "again", release: "v1.2.0") == (9, 9))
        #expect(try Self.files(scratch, "again") == Self.files(scratch, "new-map"))
    }

    /// The bundle with the cache off, to compare damaged runs with.
    static func reference(_ scratch: Scratch, root: String) throws -> [String: Data] {
        _ = try suf(scratch, root: root, out: "reference", environment: ["DOSSIER_CACHE": "off"])
        return try files(scratch, "reference")
    }

    /// The project after a first run that read every commit from git and wrote one segment: the bundle a run
    /// without the cache writes, and the segment's path.
    static func firstRun() throws -> (Scratch, root: String, expected: [String: Data], segment: String) {
        let (scratch, _, root) = try project()
        let expected = try reference(scratch, root: root)
        #expect(try suf(scratch, root: root, out: "first") == (0, 7))
        let name = try #require(try segments(scratch).first)
        return (scratch, root, expected, scratch.file(folder + "/" + name))
    }

    @Test("damaged segments (bytes flipped, cut short, two entries' ids swapped, another key's segment) give the same bundle and are rewritten",
          arguments: ["flip", "truncate", "swap", "foreign"])
    func damagedSegment(damage: String) throws {
        let (scratch, root, expected, path) = try Self.firstRun()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Entries start after the 55-byte header (23 bytes of text, the 32-byte key): [length:4][checksum:16][id length:2][id:40][payload].
        let firstId = 55 + 4 + 16 + 2
        switch damage {
        case "flip":
            for offset in stride(from: bytes.count / 3, to: bytes.count, by: bytes.count / 5) { bytes[offset] ^= 0x5a }
        case "truncate":
            bytes.removeLast(bytes.count / 2)
        case "swap":
            let length = Int(bytes[55]) | Int(bytes[56]) << 8 | Int(bytes[57]) << 16
            let secondId = 55 + 4 + length + 4 + 16 + 2
            let first = Array(bytes[firstId..<(firstId + 40)])
            bytes[firstId..<(firstId + 40)] = bytes[secondId..<(secondId + 40)]
            bytes[secondId..<(secondId + 40)] = first[...]
        default:
            bytes[30] ^= 0xff  // the key in the header: a segment written for another mailmap or configuration
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try Self.suf(scratch, root: root, out: "damaged")
        #expect(damaged.total == 7 && damaged.hits < 7, "\(damaged)")
        #expect(try Self.files(scratch, "damaged") == expected)
        let rewritten = try Self.segments(scratch)
        #expect(rewritten.count == 1, "\(rewritten)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file(Self.folder + "/" + rewritten[0]))) != Data(bytes))
        #expect(try Self.suf(scratch, root: root, out: "after") == (7, 7))
        #expect(try Self.files(scratch, "after") == expected)
    }

    @Test("a forged entry whose checksum holds but which no commit object can give (an offset of 2^62 minutes, a tree that is no object id) is refused, not trusted: it crashed the date arithmetic",
          arguments: ["offset", "tree"])
    func forgedEntry(forgery: String) throws {
        let (scratch, root, expected, path) = try Self.firstRun()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func number(at offset: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        // [length:4][checksum:16][id length:2][id:40], then the payload: tree, parents, author (name, email, time, offset).
        let entry = 55, body = entry + 4 + 16, payload = body + 2 + 40
        var at = payload
        if forgery == "tree" {
            bytes[at + 4] = UInt8(ascii: "Z")  // the tree id's first character: no longer hex
        } else {
            at += 4 + number(at: at)  // tree
            let parents = number(at: at)
            at += 4
            for _ in 0..<parents { at += 4 + number(at: at) }
            at += 4 + number(at: at)  // author name
            at += 4 + number(at: at)  // author email
            at += 8  // time
            for index in 0..<8 { bytes[at + index] = UInt8(truncatingIfNeeded: (Int64(1) << 62) >> (8 * index)) }
        }
        // The checksum made again as the writer makes it: SHA-256 over the key (in the header) and the entry's rest.
        let end = body + number(at: entry) - 16
        let sum = sha256Hex(Data(bytes[23..<55] + bytes[body..<end]))
        for index in 0..<16 {
            bytes[entry + 4 + index] = UInt8(sum.dropFirst(2 * index).prefix(2), radix: 16) ?? 0
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let forged = try Self.suf(scratch, root: root, out: "forged")
        #expect(forged == (6, 7))
        #expect(try Self.files(scratch, "forged") == expected)
        #expect(try Self.suf(scratch, root: root, out: "after") == (7, 7))
    }

    @Test("a cache folder that is a symbolic link is not followed: nothing is written where it points")
    func linkedFolderNotFollowed() throws {
        let (scratch, _, root) = try Self.project()
        let expected = try Self.reference(scratch, root: root)
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.file("repo/.git/dossier"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("repo/.git/dossier/cache"), withDestinationPath: scratch.file("elsewhere"))
        #expect(try Self.suf(scratch, root: root, out: "first") == (0, 7))
        #expect(try Self.suf(scratch, root: root, out: "second") == (0, 7))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("elsewhere")).isEmpty)
        #expect(try Self.files(scratch, "second") == expected)
    }

    @Test("a segment that is a link to a file elsewhere, or a FIFO, is not read, not waited on, and is replaced")
    func linkedOrFifoSegment() throws {
        let (scratch, _, root) = try Self.project()
        let expected = try Self.reference(scratch, root: root)
        #expect(try Self.suf(scratch, root: root, out: "first") == (0, 7))
        let name = try #require(try Self.segments(scratch).first)
        let path = scratch.file(Self.folder + "/" + name)
        try FileManager.default.moveItem(atPath: path, toPath: scratch.file("moved.seg"))
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: scratch.file("moved.seg"))
        let fifo = scratch.file(Self.folder + "/" + String(name.prefix(33)) + "ffffffffffffffffffffffffffffffff.seg")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(try Self.suf(scratch, root: root, out: "linked") == (0, 7))
        #expect(try Self.files(scratch, "linked") == expected)
        #expect(try Self.segments(scratch).count == 1)  // the link and the FIFO are gone, the target kept
        #expect(FileManager.default.fileExists(atPath: scratch.file("moved.seg")))
        #expect(try Self.suf(scratch, root: root, out: "after") == (7, 7))
    }

    @Test("when the cache folder cannot be made, the run works and gives the same bundle")
    func unwritableCache() throws {
        let (scratch, _, root) = try Self.project()
        let expected = try Self.reference(scratch, root: root)
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: scratch.file("repo/.git/dossier")))
        #expect(try Self.suf(scratch, root: root, out: "first") == (0, 7))
        #expect(try Self.suf(scratch, root: root, out: "second") == (0, 7))
        #expect(try Self.files(scratch, "second") == expected)
        #expect(try scratch.read("repo/.git/dossier") == "not a folder\n")
    }
}
