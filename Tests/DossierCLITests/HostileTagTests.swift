import Foundation
import TestSupport
import Testing

/// Tags a fetch can deliver that used to stop every command listing tags, or to give a release the wrong range: a
/// name that is not UTF-8, names that differ only in Unicode normalisation, tag objects that name a missing object
/// or no object id, and many tags with a release on an unrelated commit.
@Suite("hostile tags: each is skipped with a note, matched by its bytes, and the previous release found in one walk")
struct HostileTagTests {
    /// The commands that list tags, each with the release range it must show (nil: it shows none).
    static let commands: [[String]] = [["suf", "--out", "dist"], ["suf", "v1.3.0", "--out", "dist"], ["check"],
                                       ["dhf", "--out", "dist"], ["diff", "v1.1.0", "v1.3.0"], ["signatures"],
                                       ["signatures", "--tags"]]

    /// A repository with two commits, tagged v1.0.0 and v1.1.0.
    static func twoReleases(_ scratch: Scratch) throws -> GitRepository {
        var repo = try GitRepository(scratch)
        try repo.commit("One\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        try repo.commit("Two\n", files: ["a": "2"])
        try repo.tag("v1.1.0")
        return repo
    }

    @Test("a tag whose name is not UTF-8 (git tag $'v1.2.0\\xff') is skipped with a note by every command; ranges stay git's")
    func nameNotUTF8() throws {
        let scratch = try Scratch()
        var repo = try Self.twoReleases(scratch)
        // A Swift string cannot hold the byte 0xff: the shell's printf makes the name.
        let made = try Shell.run("sh", ["-c", "git tag \"$(printf 'v1.2.0\\377')\""], in: repo.path, environment: repo.environment)
        #expect(made.status == 0, "\(made.stderr)")
        try repo.commit("Three\n", files: ["a": "3"])
        try repo.tag("v1.3.0")
        for command in Self.commands {
            let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
            // check exits 1 on its findings (a repository without records has some), 2 on an error.
            #expect(result.status == (command == ["check"] ? 1 : 0), "dossier \(command): \(result.stderr)")
            #expect(result.stderr.contains("dossier: note: tag \"v1.2.0\\377\" has a name that is not UTF-8"), "dossier \(command): \(result.stderr)")
        }
        let suf = try dossier(["suf", "v1.3.0", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(suf.stdout.contains("SUF for v1.3.0 (1 commits since v1.1.0)"), "\(suf.stdout)")
        let tags = try dossier(["signatures", "--tags", "--repo", "repo"], in: scratch.path)
        #expect(tags.stdout.split(separator: "\n").map { $0.prefix(6) } == ["v1.0.0", "v1.1.0", "v1.3.0"], "\(tags.stdout)")
        #expect(tags.stderr.contains("not UTF-8, which no document can show as git stores it: it is not listed"), "\(tags.stderr)")
    }

    @Test("tags whose names differ only in Unicode normalisation are two tags: suf takes the one named; the DHF refuses both, naming them")
    func normalisation() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        let (nfc, nfd) = ("v2.0.\u{E9}", "v2.0.e\u{301}")
        try repo.commit("One\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        try repo.commit("Two\n", files: ["a": "2"])
        try repo.tag(nfd)
        try repo.commit("Three\n", files: ["a": "3"])
        try repo.tag(nfc)
        // git's order (by bytes): v1.0.0, the decomposed name ('e' 0x65), the precomposed one (0xc3).
        let order = try repo.git(["tag", "--sort=version:refname"]).split(separator: "\n").map { Array($0.utf8) }
        #expect(order == [Array("v1.0.0".utf8), Array(nfd.utf8), Array(nfc.utf8)])

        let suf = try dossier(["suf", nfc, "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/\(nfc)/suf.json")) as? [String: Any])
        let identification = try #require(json["identification"] as? [String: Any])
        #expect(Array((identification["previousRelease"] as? String ?? "").utf8) == Array(nfd.utf8), "\(identification)")
        #expect((json["commits"] as? [Any])?.count == 1, "\(suf.stdout)")

        let dhf = try dossier(["dhf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(dhf.status == 2)
        #expect(dhf.stderr.contains("the release tags \"v2.0.e\\314\\201\" and \"v2.0.\\303\\251\" would share the DHF folder"), "\(dhf.stderr)")
        #expect(!scratch.exists("out/dhf"))
    }

    @Test("a tag object naming a missing object, 'object zz' or no object is skipped with a note; suf, check, signatures --tags go on")
    func unreadableTagObjects() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("One\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        func rawTag(_ name: String, _ headers: String) throws -> String {
            let body = "\(headers)tag \(name)\ntagger T <t@e> 1700000000 +0000\n\nhostile\n"
            let result = try Shell.run("git", ["hash-object", "-t", "tag", "--literally", "-w", "--stdin"], in: repo.path,
                                       environment: repo.environment, input: Data(body.utf8))
            let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try "\(id)\n".write(toFile: repo.path + "/.git/refs/tags/\(name)", atomically: true, encoding: .utf8)
            return id
        }
        _ = try rawTag("v1.8.0", "object 1234567890123456789012345678901234567890\ntype commit\n")
        let zz = try rawTag("v1.7.0", "object zz\ntype commit\n")
        let none = try rawTag("v1.6.0", "type commit\n")
        // git still lists and sorts them.
        #expect(try repo.git(["tag", "--sort=version:refname"]) == "v1.0.0\nv1.6.0\nv1.7.0\nv1.8.0\n")

        let notes = ["dossier: note: tag v1.8.0 points at 123456789012, which is not in the repository",
                     "dossier: note: tag v1.7.0 has a tag object (\(zz.prefix(12))) that names 'zz', not an object id",
                     "dossier: note: tag v1.6.0 has a tag object (\(none.prefix(12))) that names no object, not an object id"]
        for command in [["suf", "--out", "dist"], ["check"], ["dhf", "--out", "dist"]] {
            let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
            #expect(result.status == (command == ["check"] ? 1 : 0), "dossier \(command): \(result.stderr)")
            #expect(result.stdout.contains("v1.0.0"), "dossier \(command): \(result.stdout)")
            for note in notes { #expect(result.stderr.contains(note + ": it is not taken as a release"), "dossier \(command): \(result.stderr)") }
            #expect(!result.stderr.contains("points at a tag"), "\(result.stderr)")
        }
        // signatures --tags verifies each tag object it can read, and says so in its own words.
        let tags = try dossier(["signatures", "--tags", "--repo", "repo"], in: scratch.path)
        #expect(tags.status == 0, "\(tags.stderr)")
        #expect(tags.stdout.split(separator: "\n").map { $0.prefix(8) } == ["v1.0.0 N", "v1.6.0 N", "v1.7.0 N", "v1.8.0 N"], "\(tags.stdout)")
        for note in notes { #expect(tags.stderr.contains(note + ": it is listed, but it is no release"), "\(tags.stderr)") }
        #expect(!tags.stderr.contains("taken as a release"), "\(tags.stderr)")
    }

    @Test("tag names git refuses (a newline, a tab, an escape, '~') written straight into refs/tags are skipped with a note; no output line is forged")
    func invalidNames() throws {
        let scratch = try Scratch()
        let repo = try Self.twoReleases(scratch)
        let head = try repo.git(["rev-parse", "HEAD"])
        for name in ["v1.3.0\nnote: forged", "v1.2.0\tx", "v1.4.0\u{1B}[31mred", "v1.5.0~1"] {
            try head.write(toFile: repo.path + "/.git/refs/tags/" + name, atomically: true, encoding: .utf8)
        }
        #expect(try repo.git(["tag", "--sort=version:refname"]) == "v1.0.0\nv1.1.0\n")  // git ignores them
        for command in [["suf", "--out", "dist"], ["check"], ["dhf", "--out", "dist"], ["signatures", "--tags"]] {
            let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
            #expect(result.status == (command == ["check"] ? 1 : 0), "dossier \(command): \(result.stderr)")
            #expect(result.stderr.contains("dossier: note: tag \"v1.3.0\\012note: forged\" has a name git refuses"), "\(result.stderr)")
            #expect(result.stderr.contains("tag \"v1.5.0~1\" has a name git refuses"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\t"), "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).split(separator: "\n").contains { $0.hasPrefix("note: forged") })
        }
        let suf = try dossier(["suf", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(suf.stdout.contains("SUF for v1.1.0 (1 commits since v1.0.0)"), "\(suf.stdout)")
    }

    @Test("packed tags are peeled through their objects as git peels them: a forged peel line, a missing tag object, a chain of 70 tags")
    func packedAndChainedTags() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("One\n", files: ["a": "1"])
        try repo.tag("v1.0.0")
        try repo.commit("Two\n", files: ["a": "2"])
        try repo.tag("v1.1.0", annotated: true)
        try repo.commit("Three\n", files: ["a": "3"])
        try repo.tag("v1.2.0", annotated: true)
        try repo.commit("Four\n", files: ["a": "4"])
        // v1.3.0: a chain of 70 annotated tags over the fourth commit (git peels any length).
        var target = try repo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines), type = "commit"
        for level in 0..<70 {
            let body = "object \(target)\ntype \(type)\ntag chain\(level)\ntagger T <t@e> 1700000000 +0000\n\nlink\n"
            let made = try Shell.run("git", ["hash-object", "-t", "tag", "-w", "--stdin"], in: repo.path, environment: repo.environment,
                                     input: Data(body.utf8))
            (target, type) = (made.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "tag")
        }
        try repo.git(["update-ref", "refs/tags/v1.3.0", target])
        try repo.git(["pack-refs", "--all"])
        // v1.1.0's peel line now names the first commit; git follows the tag object, not the line.
        let first = try repo.git(["rev-parse", "v1.0.0"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try repo.git(["rev-parse", "v1.1.0^{commit}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let packed = repo.path + "/.git/packed-refs"
        try String(contentsOfFile: packed, encoding: .utf8).replacingOccurrences(of: "^" + second, with: "^" + first)
            .write(toFile: packed, atomically: true, encoding: .utf8)
        #expect(try repo.git(["rev-list", "--count", "v1.1.0..v1.2.0"]) == "1\n")
        #expect(try repo.git(["rev-list", "--count", "v1.2.0..v1.3.0"]) == "1\n")
        var suf = try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "dist"], in: scratch.path)
        #expect(suf.stdout.contains("SUF for v1.2.0 (1 commits since v1.1.0)"), "\(suf.stdout) \(suf.stderr)")
        suf = try dossier(["suf", "--repo", "repo", "--out", "dist2"], in: scratch.path)
        #expect(suf.stdout.contains("SUF for v1.3.0 (1 commits since v1.2.0)"), "\(suf.stdout) \(suf.stderr)")
        // v1.2.0's tag object removed: a packed tag whose object is gone is skipped with a note, not an error.
        let object = try repo.git(["rev-parse", "v1.2.0"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: repo.path + "/.git/objects/\(object.prefix(2))/\(object.dropFirst(2))")
        for command in [["suf", "--out", "dist3"], ["check"], ["dhf", "--out", "dist4"], ["signatures", "--tags"]] {
            let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
            #expect(result.status == (command == ["check"] ? 1 : 0), "dossier \(command): \(result.stderr)")
            #expect(result.stderr.contains("dossier: note: tag v1.2.0 points at \(object.prefix(12)), which is not in the repository"), "\(result.stderr)")
        }
        suf = try dossier(["suf", "--repo", "repo", "--out", "dist5"], in: scratch.path)
        #expect(suf.stdout.contains("SUF for v1.3.0 (2 commits since v1.1.0)"), "\(suf.stdout) \(suf.stderr)")
    }

    /// A linear history of `count` commits with a release tag on every tenth, and `v99.0.0` on an unrelated root
    /// commit, written with `git fast-import`.
    static func manyTags(_ scratch: Scratch, count: Int) throws -> GitRepository {
        let repo = try GitRepository(scratch)
        var stream = ""
        for n in 1...count {
            stream += "commit refs/heads/main\nmark :\(n)\ncommitter T <t@e> \(1_700_000_000 + n) +0000\ndata 7\nChange\n"
            stream += n == 1 ? "" : "from :\(n - 1)\n"
            stream += "M 644 inline a\ndata \(String(n).utf8.count)\n\(n)\n"
            if n % 10 == 0 { stream += "reset refs/tags/v1.\(n / 10).0\nfrom :\(n)\n\n" }
        }
        stream += "commit refs/heads/orphan\ncommitter T <t@e> 1800000000 +0000\ndata 7\nOrphan\n\n"
        stream += "reset refs/tags/v99.0.0\nfrom refs/heads/orphan\n\n"
        let result = try Shell.run("git", ["fast-import", "--quiet"], in: repo.path, environment: repo.environment, input: Data(stream.utf8))
        guard result.status == 0 else { throw TestFailure("git fast-import: \(result.stderr)") }
        return repo
    }

    /// A generous bound, noted: a release on an unrelated commit among 3,000 release tags on 30,000 commits took
    /// about 60 s (debug build, measured on the old code) when each earlier tag was tested with its own ancestry query (each walking that tag's
    /// history); one walk from the release commit takes well under a second.
    @Test("the previous release among 3,000 tags, for a release on an unrelated commit, is found in one walk (bound 10 s, was ~60 s)")
    func previousReleaseInOneWalk() throws {
        let scratch = try Scratch()
        _ = try Self.manyTags(scratch, count: 30_000)
        let start = Date()
        let result = try dossier(["suf", "v99.0.0", "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SUF for v99.0.0 (1 commits since the root)"), "\(result.stdout)")
        #expect(seconds < 10, "took \(seconds) s")
        let newest = try dossier(["suf", "v1.3000.0", "--repo", "repo", "--format", "json", "--out", "dist"], in: scratch.path)
        #expect(newest.stdout.contains("SUF for v1.3000.0 (10 commits since v1.2999.0)"), "\(newest.stdout)")
    }
}
