import Foundation
import TestSupport

/// A real git repository in a scratch directory, written by real `git` with fixed identities and dates.
struct GitRepository {
    let scratch: Scratch
    let path: String
    var environment: [String: String]
    /// The time of the next commit (seconds since 1970), one hour apart.
    private(set) var clock: Int = 1_704_110_400

    init(_ scratch: Scratch, name: String = "repo", bare: Bool = false) throws {
        self.scratch = scratch
        path = scratch.file(name)
        environment = Shell.isolatedEnvironment(home: scratch.file("home"))
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    @discardableResult
    func git(_ arguments: [String], environment extra: [String: String] = [:]) throws -> String {
        let result = try Shell.run("git", arguments, in: path, environment: environment.merging(extra) { $1 })
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Writes files (relative path → contents) into the work tree.
    func write(_ files: [String: String]) throws {
        for (relative, contents) in files {
            let file = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try contents.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    /// Writes files, stages everything and commits with the message, as `author`. Returns the commit id.
    @discardableResult
    mutating func commit(_ message: String, files: [String: String] = [:], author: (String, String) = ("Alice Example", "alice@example.com"),
                         options: [String] = []) throws -> String {
        try write(files)
        try git(["add", "-A"])
        clock += 3600
        let messageFile = scratch.file("message-\(clock)")
        try message.write(toFile: messageFile, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", messageFile] + options, environment: identity(author))
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Makes an annotated tag (or lightweight with `annotated: false`) on HEAD.
    mutating func tag(_ name: String, message: String? = nil, annotated: Bool = true, options: [String] = []) throws {
        clock += 60
        if annotated {
            try git(["tag", "-a", "-m", message ?? "Release \(name)", name] + options, environment: identity(("Rita Release", "rita@example.com")))
        } else {
            try git(["tag", name])
        }
    }

    func identity(_ person: (String, String)) -> [String: String] {
        ["GIT_AUTHOR_NAME": person.0, "GIT_AUTHOR_EMAIL": person.1, "GIT_COMMITTER_NAME": person.0,
         "GIT_COMMITTER_EMAIL": person.1, "GIT_AUTHOR_DATE": "@\(clock) +0100", "GIT_COMMITTER_DATE": "@\(clock) +0100"]
    }
}

/// Runs the built `dossier` binary.
func dossier(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    return try Shell.run(Paths.dossier, arguments, in: directory, environment: env.merging(environment) { $1 })
}
