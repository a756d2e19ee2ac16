import Foundation
import TestSupport
import Testing

/// Attached bundles fetched from elsewhere (`refs/dossier/*`): their tree entries' names are chosen by whoever made
/// them. `show --extract` and `dhf` write none of a bundle whose names leave the folder or clash, and say which.
@Suite("hostile attached bundles")
struct HostileAttachedBundleTests {
    /// A device repository with v1.0.0's bundle attached, then replaced by real git with a tree holding `extra`
    /// entries beside the real files (mode, name, content) and a manifest listing them all, so that the bundle is
    /// whole by its own manifest. Returns the scratch directory.
    private func attachHostile(_ extra: [(mode: String, name: [UInt8], content: String)], scratch: Scratch) throws {
        let repo = try DeviceFixture.make(scratch)
        #expect(try dossier(["attach", "v1.0.0", "--repo", "repo"], in: scratch.path).status == 0)
        var entries: [(mode: String, name: [UInt8], blob: String)] = []
        var contents: [(name: String, data: Data)] = []
        for line in try repo.git(["ls-tree", "refs/dossier/v1.0.0"]).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            let name = String(fields[1])
            guard name != "MANIFEST.sha256" else { continue }
            entries.append(("100644", Array(name.utf8), String(fields[0].split(separator: " ")[2])))
            contents.append((name, Data(try repo.git(["show", "refs/dossier/v1.0.0:\(name)"]).utf8)))
        }
        for file in extra {
            let blob = try Shell.run("git", ["hash-object", "-w", "--stdin"], in: repo.path, environment: repo.environment,
                                     input: Data(file.content.utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            entries.append((file.mode, file.name, blob))
            contents.append((String(decoding: file.name, as: UTF8.self), Data(file.content.utf8)))
        }
        // The attacker's manifest lists every file, so that the bundle matches it.
        var manifest = ""
        for file in contents.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
            let sum = try Shell.run("sha256sum", [], input: file.data).stdout.prefix(64)
            manifest += "\(sum)  \(file.name)\n"
        }
        let manifestBlob = try Shell.run("git", ["hash-object", "-w", "--stdin"], in: repo.path, environment: repo.environment,
                                         input: Data(manifest.utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        entries.append(("100644", Array("MANIFEST.sha256".utf8), manifestBlob))
        // The tree object, byte by byte: git mktree would refuse a '/' in a name; git hash-object --literally does not.
        var tree = Data()
        for entry in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            tree.append(contentsOf: Array("\(entry.mode) ".utf8) + entry.name + [0])
            var hex = Substring(entry.blob)
            while !hex.isEmpty { tree.append(try #require(UInt8(hex.prefix(2), radix: 16))); hex = hex.dropFirst(2) }
        }
        let treeId = try Shell.run("git", ["hash-object", "-t", "tree", "-w", "--literally", "--stdin"], in: repo.path,
                                   environment: repo.environment, input: tree).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try repo.git(["commit-tree", treeId, "-p", "refs/dossier/v1.0.0", "-m", "hostile"],
                                  environment: repo.identity(("Mallory", "mallory@example.com")))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git(["update-ref", "refs/dossier/v1.0.0", commit])
    }

    /// Everything in the scratch directory but the repository and home, with what each file holds.
    private func written(_ scratch: Scratch) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: scratch.path)?.allObjects as? [String] ?? []
        return all.filter { !$0.hasPrefix("repo") && !$0.hasPrefix("home") && !$0.hasPrefix("message-") }.sorted()
    }

    private func expectNothingWritten(_ scratch: Scratch) throws {
        let left = try written(scratch)
        #expect(left.isEmpty, "\(left)")
    }

    @Test("an entry named ../../../pwned.txt: show --extract and dhf exit 2 naming the ref and the entry, and write nothing")
    func escapingEntry() throws {
        let scratch = try Scratch()
        try attachHostile([("100644", Array("../../../pwned.txt".utf8), "pwned\n")], scratch: scratch)
        let extract = try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "a/b/x"], in: scratch.path)
        #expect(extract.status == 2, "\(extract.stdout)")
        #expect(extract.stderr.contains("the bundle attached to v1.0.0 (refs/dossier/v1.0.0, commit "), "\(extract.stderr)")
        #expect(extract.stderr.contains("holds the entry '../../../pwned.txt', a '/' inside one name"), "\(extract.stderr)")
        try expectNothingWritten(scratch)

        // dhf copies attached bundles: the same refusal, and no DHF, no file outside it.
        let dhf = try dossier(["dhf", "--repo", "repo", "--out", "out/deep"], in: scratch.path)
        #expect(dhf.status == 2, "\(dhf.stdout)")
        #expect(dhf.stderr.contains("holds the entry '../../../pwned.txt'"), "\(dhf.stderr)")
        try expectNothingWritten(scratch)
    }

    @Test("'..', '.git' in any case, a case twin, a control character, a folder, a symlink: each refused before anything is written",
          arguments: [
              (mode: "100644", name: "..", message: "'..', a '..' component"),
              (mode: "100644", name: ".git", message: "'.git', a '.git' component"),
              (mode: "100644", name: ".GIT", message: "'.GIT', a '.git' component"),
              (mode: "100644", name: "Git~1", message: "'Git~1', a '.git' component"),
              // Tree order puts the upper-case twin first.
              (mode: "100644", name: "suf.JSON", message: "'suf.json', a name that differs only in case from 'suf.JSON'"),
              (mode: "100644", name: "suf.json", message: "'suf.json', the same name twice"),
              (mode: "100644", name: "notes\n\u{1B}[2J.md", message: "'notes\\u{A}\\u{1B}[2J.md', a control character"),
              (mode: "40000", name: "docs", message: "'docs', a folder"),
              (mode: "120000", name: "link", message: "'link', a symbolic link"),
          ])
    func refusedNames(mode: String, name: String, message: String) throws {
        let scratch = try Scratch()
        try attachHostile([(mode, Array(name.utf8), "x\n")], scratch: scratch)
        let extract = try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "x"], in: scratch.path)
        #expect(extract.status == 2, "\(extract.stdout)")
        #expect(extract.stderr.contains("refs/dossier/v1.0.0"), "\(extract.stderr)")
        #expect(extract.stderr.contains("holds the entry \(message)"), "\(extract.stderr)")
        try expectNothingWritten(scratch)
    }

    @Test("an entry's control characters are printed escaped, and bytes that are not UTF-8 refused")
    func escapedInMessages() throws {
        let scratch = try Scratch()
        try attachHostile([("100644", Array("\u{1B}[2J/evil".utf8), "x\n"), ("100644", [0x66, 0xFF], "y\n")], scratch: scratch)
        let extract = try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "x"], in: scratch.path)
        #expect(extract.status == 2)
        #expect(extract.stderr.contains("holds the entry '\\u{1B}[2J/evil', a '/' inside one name"), "\(extract.stderr)")
        #expect(!extract.stderr.contains("\u{1B}"))
        try expectNothingWritten(scratch)

        let other = try Scratch()
        try attachHostile([("100644", [0x66, 0xFF], "y\n")], scratch: other)
        let bytes = try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "x"], in: other.path)
        #expect(bytes.status == 2)
        #expect(bytes.stderr.contains("holds the entry 'f\\xFF', a name that is not UTF-8"), "\(bytes.stderr)")
    }

    @Test("show prints an attached file's control characters escaped, whatever the file (an OSC title, a screen clear)")
    func showEscapes() throws {
        let scratch = try Scratch()
        try attachHostile([("100644", Array("notes.csv".utf8), "evil\u{1B}]0;pwned\u{7}\u{1B}[2J,x\r\n")], scratch: scratch)
        let show = try dossier(["show", "v1.0.0", "notes.csv", "--repo", "repo"], in: scratch.path)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout == "evil\\u{1B}]0;pwned\\u{7}\\u{1B}[2J,x\\u{D}\n", "\(show.stdout)")
        // --extract writes the exact bytes.
        #expect(try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "x"], in: scratch.path).status == 0)
        #expect(try scratch.readData("x/notes.csv") == Data("evil\u{1B}]0;pwned\u{7}\u{1B}[2J,x\r\n".utf8))
    }

    /// v1.0.0's bundle attached, then replaced with real git by one holding `copies` entries `zeros-N.bin`, all the
    /// same blob of `megabytes` MiB of zeros (a few hundred KB in .git), listed in its manifest with their true digest
    /// so that the bundle is whole.
    private func attachZeros(megabytes: Int, copies: Int, scratch: Scratch) throws {
        let repo = try DeviceFixture.make(scratch)
        #expect(try dossier(["attach", "v1.0.0", "--repo", "repo"], in: scratch.path).status == 0)
        let script = """
            set -e
            big=$(head -c \(megabytes)M /dev/zero | git hash-object -w --stdin)
            sum=$(head -c \(megabytes)M /dev/zero | sha256sum | cut -c1-64)
            manifest=$({ git show refs/dossier/v1.0.0:MANIFEST.sha256
                         for n in $(seq \(copies)); do printf '%s  zeros-%s.bin\\n' "$sum" "$n"; done; } | git hash-object -w --stdin)
            tree=$({ git ls-tree refs/dossier/v1.0.0 | grep -v 'MANIFEST.sha256$'
                     printf '100644 blob %s\\tMANIFEST.sha256\\n' "$manifest"
                     for n in $(seq \(copies)); do printf '100644 blob %s\\tzeros-%s.bin\\n' "$big" "$n"; done; } | git mktree)
            commit=$(git commit-tree "$tree" -p refs/dossier/v1.0.0 -m hostile)
            git update-ref refs/dossier/v1.0.0 "$commit"
            """
        let made = try Shell.run("sh", ["-c", script], in: repo.path, environment: repo.environment.merging(repo.identity(("Mallory", "mallory@example.com"))) { $1 })
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test("one 300 MiB blob, or five of 250 MiB (1.2 GiB in all), in an attached bundle: show --extract and dhf exit 2 naming the ref, entry and size before reading it, and write nothing",
          arguments: [
              (megabytes: 300, copies: 1, message: #"holds the entry 'zeros-1\.bin' of 314572800 bytes, more than the 268435456 bytes \(256 MiB\) one file of a bundle may hold: dossier reads none of it"#),
              // The bundle's own files add their bytes to the five blobs'.
              (megabytes: 250, copies: 5, message: #"holds the entry 'zeros-5\.bin' of 262144000 bytes, which brings the bundle's files to 1310\d{6} bytes, more than the 1073741824 bytes \(1 GiB\) a bundle may hold"#),
          ])
    func hugeBlobs(megabytes: Int, copies: Int, message: String) throws {  // message: a regular expression
        let scratch = try Scratch()
        try attachZeros(megabytes: megabytes, copies: copies, scratch: scratch)
        let started = Date()
        let extract = try dossier(["show", "v1.0.0", "--repo", "repo", "--extract", "x"], in: scratch.path)
        #expect(extract.status == 2, "\(extract.stdout)")
        #expect(extract.stderr.contains("the bundle attached to v1.0.0 (refs/dossier/v1.0.0, commit "), "\(extract.stderr)")
        #expect(extract.stderr.contains(try Regex(message)), "\(extract.stderr)")
        try expectNothingWritten(scratch)

        let dhf = try dossier(["dhf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(dhf.status == 2, "\(dhf.stdout)")
        #expect(dhf.stderr.contains(try Regex(message)), "\(dhf.stderr)")
        try expectNothingWritten(scratch)
        // Generous: both refusals read object headers only (before, each command inflated every blob into memory).
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
