import Foundation
import TestSupport
import Testing

/// JSON evidence (SBOMs, threat models, tracker exports) of any content is read in time linear in its size.
@Suite("hostile JSON")
struct HostileJSONTests {
    // Before the reader was made linear, 1 MiB of escapes took 14 s (debug build) and every value on a long line
    // recounted the line from its start; this file (2 MiB of escapes, then a thousand components on the same line)
    // did not finish in a minute. 10 s is a generous bound for what now takes well under a second.
    @Test("a minified SBOM with a 2 MiB string of escapes is read, line and column of later values intact")
    func escapes() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let escapes = String(repeating: "\\\\\\\"\\u00e9\\ud83d\\ude00", count: 2 * 1024 * 1024 / 24)
        let components = (1...1000).map { "{\"type\":\"library\",\"bom-ref\":\"c\($0)\",\"name\":\"lib\($0)\",\"version\":\"1.\($0)\"}" }
        let sbom = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":{\"type\":\"firmware\",\"name\":\"pump\",\"description\":\"\(escapes)\"}},"
            + "\"components\":[" + components.joined(separator: ",") + ",{\"type\":\"library\",\"name\":[7]}]}"
        try sbom.write(toFile: scratch.file("big.cdx.json"), atomically: true, encoding: .utf8)
        let start = Date()
        let result = try dossier(["check", "v1.1.0", "--repo", "repo", "--evidence", "big.cdx.json"], in: scratch.path)
        let seconds = Date().timeIntervalSince(start)
        // The last component's name is a list: the error names its column, counted in characters past the escapes.
        let column = sbom.count - "[7]}]}".count + 1
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("big.cdx.json:1:\(column): expected text for 'name'"), "\(result.stderr.prefix(300))")
        #expect(seconds < 10, "took \(seconds) s")
    }
}
