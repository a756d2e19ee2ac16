import Foundation
import TestSupport
import Testing

@Suite("trailers in suf.json agree with git log")
struct TrailerHistoryTests {
    /// Repositories whose configuration changes the parse, each with its own generated messages.
    static let repositories: [(name: String, config: [(key: String, value: String)])] = [
        ("default", []),
        ("configured", [("trailer.separators", ":#"), ("core.commentChar", ";"), ("trailer.sign.key", "Signed-off-by"),
                        ("trailer.Closes.key", "Closes"), ("trailer.ack.ifexists", "add")]),
        ("letter-comments", [("core.commentChar", "R"), ("trailer.cr.key", "Change-Request")]),
    ]

    @Test("generated messages committed byte for byte: each commit's trailers in suf.json are git log's %(trailers:unfold,only)")
    func generatedHistory() throws {
        var generator = TrailerMessages(seed: 0x1616)
        var compared = 0, withTrailers = 0
        for (name, config) in Self.repositories {
            let scratch = try Scratch()
            var repo = try GitRepository(scratch)
            for (key, value) in config { try repo.git(["config", key, value]) }
            // commit-tree keeps the message's bytes (CRLF, trailing blanks, comment lines and all).
            let tree = try repo.git(["hash-object", "-t", "tree", "-w", "/dev/null"]).trimmingCharacters(in: .whitespacesAndNewlines)
            var parent: String?
            for index in 0..<40 {
                let file = scratch.file("message-\(index)")
                try Data(generator.message(leadingBlankLines: true).utf8).write(to: URL(fileURLWithPath: file))
                let arguments = ["commit-tree", tree, "-F", file] + (parent.map { ["-p", $0] } ?? [])
                parent = try repo.git(arguments, environment: repo.identity(("Alice Example", "alice@example.com")))
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            try repo.git(["update-ref", "refs/heads/main", try #require(parent)])
            try repo.tag("v1.0.0")

            let result = try dossier(["suf", "--repo", "repo", "--format", "json"], in: scratch.path)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v1.0.0/suf.json")) as? [String: Any])
            var ours: [String: String] = [:]
            for commit in try #require(json["commits"] as? [[String: Any]]) {
                let trailers = try #require(commit["trailers"] as? [[String: String]])
                ours[try #require(commit["id"] as? String)] = try trailers.map { try #require($0["key"]) + ": " + (try #require($0["value"])) + "\n" }.joined()
            }
            let log = try repo.git(["log", "--format=%x02%H%x00%(trailers:unfold,only)%x01", "main"])
            for record in log.split(separator: "\u{02}") {
                guard let nul = record.firstIndex(of: "\u{00}"), let end = record.lastIndex(of: "\u{01}") else { continue }
                let id = String(record[..<nul])
                let theirs = String(record[record.index(after: nul)..<end])
                compared += 1
                if !theirs.isEmpty { withTrailers += 1 }
                let message = try repo.git(["cat-file", "commit", id])
                #expect(ours[id].map { Array($0.utf8) } == Array(theirs.utf8),
                        "\(name) \(id) (\(generator)): \(message.debugDescription)\n  git: \(theirs.debugDescription)\n  ours: \(ours[id].debugDescription)")
            }
        }
        #expect(compared == 120)
        #expect(withTrailers > 25, "\(withTrailers) of 120 commits have trailers")
    }
}
