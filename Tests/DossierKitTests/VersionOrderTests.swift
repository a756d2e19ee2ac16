import Foundation
@testable import Git
import TestSupport
import Testing

/// `VersionOrder` against git's own `tag --sort=version:refname`, on hundreds of generated tag names.
@Suite("release order as git sorts versions")
struct VersionOrderTests {
    /// Where the endings of `names()` are drawn from.
    static let generator = SeededGenerator(seed: 16)

    /// Tag names built from prefixes, version cores and endings that real histories hold (`v1.0rc1`, `v0.99.7a`,
    /// `v2.2.4_xcode12`, leading zeros, `-rc.N`), deterministic.
    static func names() -> [String] {
        let prefixes = ["v", "", "release-", "V"]
        let cores = ["1.0", "1.9", "1.10", "0.99", "0.99.7", "2.2.4", "1.01", "1.001", "10", "2.0.0", "009", "1.0.0", "2.10.1"]
        let endings = ["", "a", "rc1", "-rc1", "-rc.2", "-rc.10", "-beta", "_xcode12", "-1", ".1", "-rc1-fix", "b", "-alpha.1", "pre"]
        var names: Set = ["v0.99.7a", "v1.0rc1", "v2.2.4_xcode12", "v2.0.0-rc.1", "v2.0.0-rc.2"]
        var generator = Self.generator
        func next() -> Int { Int(generator.next() >> 33) }
        for prefix in prefixes {
            for core in cores {
                names.insert(prefix + core)
                names.insert(prefix + core + endings[next() % endings.count])
                names.insert(prefix + core + endings[next() % endings.count] + endings[next() % endings.count])
            }
        }
        return names.sorted()
    }

    /// A repository with a lightweight tag of its one commit for each name.
    static func repository(_ scratch: Scratch, names: [String], config: [(String, String)]) throws -> String {
        let path = scratch.file("repo")
        let env = Shell.isolatedEnvironment(home: scratch.file("home"))
        func git(_ arguments: [String], input: String? = nil) throws -> String {
            if let input { try input.write(toFile: scratch.file("stdin"), atomically: true, encoding: .utf8) }
            let result = try Shell.run("/bin/sh", ["-c", "git \"$@\"" + (input == nil ? "" : " < \(scratch.file("stdin"))"), "git"] + arguments,
                                       in: path, environment: env)
            guard result.status == 0 else { throw TestFailure("git \(arguments) failed: \(result.stderr)") }
            return result.stdout
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        _ = try git(["init", "-q", "-b", "main"])
        _ = try git(["-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-q", "--allow-empty", "-m", "one"])
        let head = try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try git(["update-ref", "--stdin"], input: names.map { "create refs/tags/\($0) \(head)\n" }.joined())
        for (key, value) in config { _ = try git(["config", "--add", key, value]) }
        return path
    }

    static func gitOrder(_ path: String, _ scratch: Scratch, options: [String] = []) throws -> [String] {
        let result = try Shell.run("git", options + ["tag", "--sort=version:refname"], in: path,
                                   environment: Shell.isolatedEnvironment(home: scratch.file("home")))
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("with no suffix configured, the order is git -c versionsort.suffix=- tag --sort=version:refname")
    func defaultSuffix() throws {
        let scratch = try Scratch()
        let names = Self.names()
        let path = try Self.repository(scratch, names: names, config: [])
        let git = try Self.gitOrder(path, scratch, options: ["-c", "versionsort.suffix=-"])
        #expect(git.count == names.count)
        let dossier = try Repository(path: path).releaseTags(matching: "*").names
        #expect(dossier == git, "\(Self.generator): first difference at \(Array(zip(dossier, git)).firstIndex { $0.0 != $0.1 } ?? -1)")
        // The names real histories hold sort where git sorts them, not first.
        let v = dossier.filter { ["v1.0", "v1.0rc1", "v0.99.7a", "v0.99.7", "v2.2.4", "v2.2.4_xcode12", "v1.10", "v1.9"].contains($0) }
        #expect(v == ["v0.99.7", "v0.99.7a", "v1.0", "v1.0rc1", "v1.9", "v1.10", "v2.2.4", "v2.2.4_xcode12"])
    }

    @Test("versionsort.suffix (several values) and versionsort.prereleaseSuffix in the repository's configuration order the tags as git does")
    func configuredSuffixes() throws {
        let cases: [[(String, String)]] = [
            [("versionsort.suffix", "-rc"), ("versionsort.suffix", "rc"), ("versionsort.suffix", "-beta"), ("versionsort.suffix", "_")],
            [("versionsort.suffix", "-alpha"), ("versionsort.suffix", "-beta"), ("versionsort.suffix", "-rc")],
            [("versionsort.prereleaseSuffix", "pre"), ("versionsort.prereleaseSuffix", "-")],
        ]
        let names = Self.names()
        for config in cases {
            let scratch = try Scratch()
            let path = try Self.repository(scratch, names: names, config: config)
            let git = try Self.gitOrder(path, scratch)
            let repository = try Repository(path: path)
            #expect(repository.versionOrder().suffixes == config.map(\.1))
            let dossier = try repository.releaseTags(matching: "*").names
            #expect(dossier == git, "\(config), \(Self.generator): first difference at \(Array(zip(dossier, git)).firstIndex { $0.0 != $0.1 } ?? -1)")
        }
    }

    @Test("a pre-release holds a suffix after its first digit")
    func prerelease() {
        let order = VersionOrder()
        #expect(order.isPrerelease("v2.0.0-rc.1"))
        #expect(!order.isPrerelease("release-2.0.0"))
        #expect(!order.isPrerelease("v1.0rc1"))
        #expect(!order.isPrerelease("latest"))
        #expect(VersionOrder(suffixes: ["rc"]).isPrerelease("v1.0rc1"))
    }
}
