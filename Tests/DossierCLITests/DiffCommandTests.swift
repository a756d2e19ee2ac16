import Foundation
import TestSupport
import Testing

/// `dossier diff` on the sample project's releases, as an auditor runs it.
@Suite("dossier diff")
struct DiffCommandTests {
    /// The JSON diff of OLD and NEW in the sample project.
    private func jsonDiff(_ old: String, _ new: String, in scratch: Scratch) throws -> [String: Any] {
        let result = try dossier(["diff", old, new, "--repo", "pd", "--format", "json"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func kind(_ diff: [String: Any], _ name: String) throws -> [String: Any] {
        try #require((diff["records"] as? [[String: Any]])?.first { $0["kind"] as? String == name })
    }

    private func ids(_ kind: [String: Any], _ key: String) throws -> [String] {
        try ((kind[key] as? [[String: Any]]) ?? []).map { try #require($0["id"] as? String) }
    }

    @Test("v1.1.0 → v2.0.0 shows exactly the records that changed, field by field")
    func recordsThatChanged() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let diff = try jsonDiff("v1.1.0", "v2.0.0", in: scratch)
        let requirements = try kind(diff, "requirement")
        #expect(try ids(requirements, "added") == (23...30).map { "REQ-\($0)" })
        #expect(try ids(requirements, "obsoleted") == ["REQ-11"])
        #expect(try ids(requirements, "changed") == ["REQ-1"])
        #expect(try ids(requirements, "removed").isEmpty)
        let req1 = try #require((requirements["changed"] as? [[String: Any]])?[0]["fields"] as? [[String: Any]])
        #expect(try req1.map { try #require($0["field"] as? String) } == ["text"])
        let words = try #require(req1[0]["words"] as? [[String: String]])
        #expect(words.contains { $0["operation"] == "removed" && $0["text"] == "cycler's USB log export (REQ-11)," })
        #expect(words.contains { $0["operation"] == "added" && $0["text"] == "paired cycler over the BLE link (REQ-23)," })

        let risks = try kind(diff, "risk")
        #expect(try ids(risks, "added") == ["RISK-10", "RISK-11", "RISK-12"])
        #expect(try ids(risks, "changed") == ["RISK-2", "RISK-6"])
        #expect(try ids(kind(diff, "threat"), "added") == ["THR-4", "THR-5", "THR-6"])
        #expect(try ids(kind(diff, "ifuChange"), "added") == ["IFU-3", "IFU-4"])
        #expect(try ids(kind(diff, "softwareItem"), "added") == ["ITEM-6"])
        #expect(try ids(kind(diff, "softwareItem"), "changed") == (0...5).map { "ITEM-\($0)" })
        #expect(try ids(kind(diff, "soup"), "added") == ["SOUP-4"])
        #expect(try ids(kind(diff, "changeRequest"), "added") == (8...12).map { "CR-\($0)" })
        #expect(try ids(kind(diff, "problemReport"), "added") == ["PR-3", "PR-4", "PR-5"])

        // The one deliberate gap of v1.1.0 is closed in v2.0.0; Lena's unsigned commit is new.
        let findings = try #require(diff["findings"] as? [String: Any])
        let removed = try #require(findings["removed"] as? [[String: String]]).map { "\(try #require($0["rule"])) \(try #require($0["message"]))" }
        #expect(removed.contains { $0.hasPrefix("C2 CR-5 ") })
        let added = try #require(findings["added"] as? [[String: String]]).map { "\(try #require($0["rule"])) \(try #require($0["message"]))" }
        #expect(added.contains { $0.hasPrefix("G1 commit ") && $0.contains(" 'Add the BLE cycler link skeleton' by Lena Fischer") })
        let signers = try #require((diff["signatures"] as? [String: Any])?["signers"] as? [[String: Any]])
        let lena = try signers.first { try #require($0["signer"] as? String).hasPrefix("lena.fischer") }
        #expect((lena?["commits"] as? [String: Int]) == ["old": 0, "new": 4])
        let items = try #require(diff["itemsTouched"] as? [String: Any])
        #expect(try #require(items["onlyNew"] as? [String]) == ["ITEM-1", "ITEM-2", "ITEM-6"])
        let coverage = try #require(diff["coverage"] as? [[String: Any]]).map { "\(try #require($0["clause"])): \(try #require($0["old"])) → \(try #require($0["new"]))" }
        #expect(coverage.contains("IEC 62304 7.4.2: gap → evidenced"))
    }

    @Test("a bundle compared with itself shows no change; --exit-code is 1 only when the two differ")
    func sameAndDifferent() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "pd"], in: scratch.path).status == 0)
        let same = try dossier(["diff", "dist/dossier/v1.1.0", "dist/dossier/v1.1.0/suf.json", "--exit-code"], in: scratch.path)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("**No difference**"))
        #expect(same.stdout.contains("### Requirements: no change"))
        let different = try dossier(["diff", "dist/dossier/v1.1.0", "v2.0.0", "--repo", "pd", "--exit-code"], in: scratch.path)
        #expect(different.status == 1)
        #expect(different.stdout.contains("| <ins>added</ins> | REQ-23 | Receive treatment records over BLE |"))
        #expect(!different.stdout.contains("No difference"))
        // Without --exit-code a difference still exits 0.
        #expect(try dossier(["diff", "dist/dossier/v1.1.0", "v2.0.0", "--repo", "pd"], in: scratch.path).status == 0)
    }

    @Test("the delivery part: each release's update packages with their verdicts and its build provenance, as each SUF records them")
    func delivery() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/"
        let add = try dossier(["evidence", "add", "v2.0.0", "--artifact", evidence + "pdrm-hub-2.0.0.img",
                               "--provenance", evidence + "pdrm-hub-2.0.0.provenance.json", "--repo", "pd"], in: scratch.path)
        #expect(add.status == 0, "\(add.stderr)")
        let diff = try jsonDiff("v1.1.0", "v2.0.0", in: scratch)
        let delivery = try #require(diff["delivery"] as? [String: Any])
        let packages = try #require(delivery["packages"] as? [String: Any])
        #expect((packages["old"] as? [Any])?.isEmpty == true)
        #expect((packages["new"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["letter"]!)" } == ["pdrm-hub-2.0.0.img G"])
        let builds = try #require((delivery["builds"] as? [String: Any])?["new"] as? [[String: Any]])
        #expect(builds.first?["commits"] as? [String] == ["d99341320fc0eed7d428d6e8427d1e9200c3519e"])
        let md = try dossier(["diff", "v1.1.0", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(md.stdout.contains("| Update packages | none | pdrm-hub-2.0.0.img (SHA-256 14a2569b9d68…, G) |"), "\(md.stdout)")
        #expect(md.stdout.contains("| Build provenance | none | https\\://ci.rheinrenal.example/runners/release-builder from d99341320fc0 (pdrm-hub-2.0.0.provenance.json) |"))
    }

    @Test("HTML marks added words with <ins> and removed ones with <del>, and writes --out whole")
    func html() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let result = try dossier(["diff", "v1.1.0", "v2.0.0", "--repo", "pd", "--format", "html", "--out", "diff.html"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try scratch.read("diff.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<del>cycler's USB log export (<span class=\"id\">REQ-11</span>),</del>")
                || html.contains("<del>cycler’s USB log export (<span class=\"id\">REQ-11</span>),</del>"))
        #expect(html.contains("<ins>paired cycler over the BLE link (<span class=\"id\">REQ-23</span>),</ins>"))
        #expect(html.contains("ins { color: #116329"))
        #expect(html.contains("<a href=\"#records\">Records</a>"))
    }

    @Test("bad input: an unknown release, a folder that is not a bundle, a suf.json of a newer format, a bad --format")
    func badInput() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let unknown = try dossier(["diff", "v1.1.0", "v9.9.9", "--repo", "pd"], in: scratch.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown revision 'v9.9.9'"))
        #expect(unknown.stdout.isEmpty)

        try FileManager.default.createDirectory(atPath: scratch.file("not-a-bundle"), withIntermediateDirectories: true)
        let folder = try dossier(["diff", "not-a-bundle", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("not-a-bundle is not a dossier bundle: it holds no suf.json"))

        #expect(try dossier(["suf", "v1.1.0", "--repo", "pd", "--format", "json"], in: scratch.path).status == 0)
        let text = try scratch.read("dist/dossier/v1.1.0/suf.json").replacingOccurrences(of: "\"formatVersion\": 2,", with: "\"formatVersion\": 7,")
        try text.write(toFile: scratch.file("newer.json"), atomically: true, encoding: .utf8)
        let newer = try dossier(["diff", "newer.json", "v2.0.0", "--repo", "pd", "--out", "out.md"], in: scratch.path)
        #expect(newer.status == 2)
        let (line, column) = Self.position(of: "\"formatVersion\": 7", in: text, plus: "\"formatVersion\": ".count)
        #expect(newer.stderr.contains("newer.json:\(line):\(column): suf.json format 7 was written by a newer dossier; this one reads format 2 and older"),
                "\(newer.stderr)")
        #expect(!scratch.exists("out.md"))

        try "{\"formatVersion\": 1, \"commits\": 3}".write(toFile: scratch.file("broken.json"), atomically: true, encoding: .utf8)
        let broken = try dossier(["diff", "broken.json", "broken.json"], in: scratch.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:1:1: not a suf.json of format 1: .changeRequests is missing"), "\(broken.stderr)")

        try "not json".write(toFile: scratch.file("text.json"), atomically: true, encoding: .utf8)
        let notJSON = try dossier(["diff", "text.json", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("text.json:1:1: not a suf.json: the file is not a JSON object"), "\(notJSON.stderr)")

        let format = try dossier(["diff", "v1.1.0", "v2.0.0", "--repo", "pd", "--format", "docx"], in: scratch.path)
        #expect(format.status == 2)
        #expect(format.stderr.contains("unknown format 'docx' in --format; expected md, html, json or pdf"))
    }

    /// The 1-based line and column (in characters) of the first `needle` in `text`, moved on by `plus` characters.
    static func position(of needle: String, in text: String, plus: Int = 0) -> (Int, Int) {
        guard let range = text.range(of: needle) else { return (0, 0) }
        let before = text[..<range.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return (line, column + plus)
    }

    @Test("a suf.json that diff refuses is named with the line and column of what is wrong: a value of the wrong type deep inside, a syntax error, bytes that are not UTF-8")
    func refusedSufJSONIsPlaced() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "pd", "--format", "json"], in: scratch.path).status == 0)
        let text = try scratch.read("dist/dossier/v1.1.0/suf.json")

        let wrongType = text.replacingOccurrences(of: "\"merge\": false", with: "\"merge\": \"no\"")
        try wrongType.write(toFile: scratch.file("type.json"), atomically: true, encoding: .utf8)
        let (line, column) = Self.position(of: "\"merge\": \"no\"", in: wrongType, plus: "\"merge\": ".count)
        let type = try dossier(["diff", "type.json", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(type.status == 2)
        #expect(type.stderr.contains("type.json:\(line):\(column): not a suf.json of format 2: .commits[0].merge should be Bool"), "\(type.stderr)")
        #expect(type.stdout.isEmpty)

        try "{\n  \"formatVersion\": 1,\n  \"commits\": [1 2]\n}\n".write(toFile: scratch.file("syntax.json"), atomically: true, encoding: .utf8)
        let syntax = try dossier(["diff", "syntax.json", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("syntax.json:3:17: not a suf.json: the file is not a JSON object (expected ',' or ']' in an array, found '2')"),
                "\(syntax.stderr)")

        try (Data("{\"formatVersion\": 1,\n \"x\": \"".utf8) + [0xE9] + Data("\"}".utf8)).write(to: URL(fileURLWithPath: scratch.file("latin1.json")))
        let latin1 = try dossier(["diff", "latin1.json", "v2.0.0", "--repo", "pd"], in: scratch.path)
        #expect(latin1.status == 2)
        #expect(latin1.stderr.contains("latin1.json:2:8: not a suf.json of format 1 (expected UTF-8 text, found the byte 0xE9 that is not UTF-8)"),
                "\(latin1.stderr)")
    }
}
