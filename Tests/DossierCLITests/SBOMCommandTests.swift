import Foundation
import TestSupport
import Testing

/// A device whose SOUP list is a CycloneDX SBOM in the tree plus a soup.yml overlay, over two releases.
enum SBOMFixture {
    static let config = DeviceFixture.dossierYML.replacingOccurrences(
        of: "  change_requests: regulatory/change-requests.yml\n",
        with: "  change_requests: regulatory/change-requests.yml\n  threats: regulatory/threats.yml\n"
            + "  soup: {sbom: build/sbom.cdx.json, overlay: regulatory/soup.yml}\n")

    static func sbom(zlib: String, mbedtls: String, extra: String = "", vulnerabilities: String = "") -> String {
        """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "metadata": {"component": {"bom-ref": "pump", "type": "firmware", "name": "pump-controller"}},
          "components": [
            {"bom-ref": "zlib", "type": "library", "group": "madler", "name": "zlib", "version": "\(zlib)",
             "purl": "pkg:github/madler/zlib@\(zlib)", "supplier": {"name": "zlib project"},
             "licenses": [{"license": {"id": "Zlib"}}],
             "properties": [{"name": "cdx:lifecycle:milestone:endOfSupport", "value": "2030-12-31"}]},
            {"bom-ref": "mbedtls", "type": "library", "name": "mbedtls", "version": "\(mbedtls)",
             "purl": "pkg:github/Mbed-TLS/mbedtls@\(mbedtls)", "supplier": {"name": "Trusted Firmware"}}\(extra)
          ],
          "dependencies": [{"ref": "mbedtls", "dependsOn": ["zlib"]}],
          "vulnerabilities": [\(vulnerabilities)]
        }

        """
    }

    static let overlay = """
        soup:
          - id: SOUP-1
            purl: pkg:github/madler/zlib
            support_level: maintained
            items: [ITEM-1]
          - id: SOUP-2
            bom_ref: mbedtls
            supplier: ARM
            support_level: security-only
            end_of_support: "2027-03-31"
            items: [ITEM-2]

        """

    static let vulnerabilities = """

            {"id": "CVE-2024-45159", "source": {"name": "NVD"},
             "ratings": [{"score": 7.5, "severity": "high", "method": "CVSSv31", "vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
             "affects": [{"ref": "mbedtls"}], "analysis": {"state": "exploitable"}},
            {"id": "CVE-2023-45853", "affects": [{"ref": "zlib"}],
             "analysis": {"state": "not_affected", "justification": "code_not_reachable"}},
            {"id": "<script>alert(1)</script>", "affects": [{"ref": "cjson"}]}

        """

    static let threats = """
        threats:
          - id: THR-1
            title: Denial of service over TLS
            stride: Denial of service
            cvss: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H
            disposition: mitigated
            mitigations: [REQ-1]

        """

    /// v1.0.0 and v1.1.0 of the device fixture, then v2.0.0 that updates zlib, adds cJSON and lists vulnerabilities.
    static func make(_ scratch: Scratch) throws -> GitRepository {
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Ship an SBOM\n\nChange-Request: CR-1\n", files: [
            "dossier.yml": config, "regulatory/soup.yml": overlay, "regulatory/threats.yml": threats,
            "build/sbom.cdx.json": sbom(zlib: "1.3.0", mbedtls: "3.6.0"),
        ])
        try repo.tag("v1.2.0")
        let cjson = """
            ,
                {"bom-ref": "cjson", "type": "library", "name": "cJSON", "version": "1.7.18",
                 "purl": "pkg:github/DaveGamble/cJSON@1.7.18"}
            """
        try repo.commit("Update zlib, take cJSON\n\nChange-Request: CR-1\n", files: [
            "build/sbom.cdx.json": sbom(zlib: "1.3.1", mbedtls: "3.5.2", extra: cjson, vulnerabilities: vulnerabilities),
        ])
        try repo.tag("v2.0.0")
        return repo
    }
}

@Suite("SBOM as the SOUP list, end to end")
struct SBOMCommandTests {
    @Test("the SUF names the SBOM, shows the SOUP delta with version up and down, and lists the vulnerabilities with their VEX state")
    func suf() throws {
        let scratch = try Scratch()
        _ = try SBOMFixture.make(scratch)
        let result = try dossier(["suf", "v2.0.0", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("out/v2.0.0/SUF-v2.0.0.md")
        #expect(md.contains("The SOUP list is the SBOM build/sbom.cdx.json (CycloneDX 1.6, 3 components, SHA-256 `"))
        #expect(md.contains("), with what it lacks from regulatory/soup.yml.\n"))
        #expect(md.contains("| changed | [SOUP-1](#soup-1) | madler/zlib 1.3.1 | version: 1.3.0 → 1.3.1 (version up)<br>purl: "))
        #expect(md.contains("version: 3.6.0 → 3.5.2 (version down)"))
        #expect(md.contains("| added | [pkg:github/DaveGamble/cJSON]("))
        #expect(md.contains("| CVE-2024-45159 | SOUP-2 | 7\\.5 high (CVSSv31 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H) | exploitable |  |  |  |"))
        #expect(md.contains("| CVE-2023-45853 | SOUP-1 | not rated | not affected | code not reachable |  |  |"))
        // A hostile id from an SBOM is inert: escaped in Markdown, and never raw in HTML.
        #expect(!md.contains("<script>alert(1)</script>"))
        let html = try scratch.read("out/v2.0.0/SUF-v2.0.0.html")
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("out/v2.0.0/suf.json")) as? [String: Any])
        let records = try #require(json["records"] as? [String: Any])
        #expect((records["sbom"] as? [String: Any])?["standard"] as? String == "CycloneDX 1.6")
        #expect((records["vulnerabilities"] as? [[String: Any]])?.count == 3)

        // The release before has the SBOM with no vulnerabilities: the SUF says so in one line.
        let before = try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(try scratch.read("out/v1.2.0/SUF-v1.2.0.md").contains("### Known vulnerabilities\n\nThe SBOM lists no known vulnerability.\n"))
    }

    @Test("dossier check: S4 for the overlay's supplier against the SBOM's, S6 for a vulnerability without state and an exploitable one without response or threat")
    func check() throws {
        let scratch = try Scratch()
        _ = try SBOMFixture.make(scratch)
        let result = try dossier(["check", "v2.0.0", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("  S4  SOUP-2 gives supplier 'ARM', but build/sbom.cdx.json gives 'Trusted Firmware' for mbedtls\n"))
        #expect(result.stdout.contains("  S6  CVE-2024-45159 (affects SOUP-2) is exploitable, with no response (analysis.response) and no threat that names it in 'vulnerabilities'\n"))
        #expect(result.stdout.contains("  S6  <script>alert(1)</script> (affects pkg:github/DaveGamble/cJSON) has no VEX analysis state (analysis.state) in build/sbom.cdx.json\n"))
        #expect(!result.stdout.contains("CVE-2023-45853"))

        let json = try dossier(["check", "v2.0.0", "--repo", "repo", "--format", "json"], in: scratch.path)
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let s6 = findings.filter { $0["rule"] as? String == "S6" }
        #expect((s6.first?["location"] as? [String: Any])?["file"] as? String == "build/sbom.cdx.json")
        #expect((s6.first?["location"] as? [String: Any])?["line"] as? Int == 17)
    }

    @Test("S6 is satisfied for an exploitable vulnerability once the SBOM gives a response and a threat names it, and not by either alone")
    func s6Satisfied() throws {
        let scratch = try Scratch()
        var repo = try SBOMFixture.make(scratch)
        let answered = SBOMFixture.vulnerabilities.replacingOccurrences(
            of: #""analysis": {"state": "exploitable"}"#, with: #""analysis": {"state": "exploitable", "response": ["update"]}"#)
        let sbom = SBOMFixture.sbom(zlib: "1.3.1", mbedtls: "3.5.2", vulnerabilities: answered)
        try repo.commit("Respond to CVE-2024-45159\n", files: ["build/sbom.cdx.json": sbom])
        try repo.tag("v2.1.0")
        let responseOnly = try dossier(["check", "v2.1.0", "--repo", "repo"], in: scratch.path)
        #expect(responseOnly.stdout.contains("  S6  CVE-2024-45159 (affects SOUP-2) is exploitable, with no threat that names it in 'vulnerabilities'\n"),
                "\(responseOnly.stdout)")

        try repo.commit("THR-1 covers CVE-2024-45159\n", files: [
            "regulatory/threats.yml": SBOMFixture.threats + "    vulnerabilities: [CVE-2024-45159]\n"])
        try repo.tag("v2.2.0")
        let both = try dossier(["check", "v2.2.0", "--repo", "repo"], in: scratch.path)
        #expect(!both.stdout.contains("S6  CVE-2024-45159"), "\(both.stdout)")
        // The other vulnerability names a component this SBOM no longer lists: its reference is shown as written.
        #expect(both.stdout.contains("  S6  <script>alert(1)</script> (affects cjson) has no VEX analysis state"))
        let suf = try dossier(["suf", "v2.2.0", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        #expect(try scratch.read("out/v2.2.0/SUF-v2.2.0.md").contains("| exploitable |  | update | THR-1 |"))
    }

    @Test("an SPDX SBOM given with --evidence is the SOUP list of the release, named with its digest as given with --evidence")
    func evidenceSBOM() throws {
        let scratch = try Scratch()
        _ = try SBOMFixture.make(scratch)
        let spdx = """
            {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "pump", "documentDescribes": ["SPDXRef-pump"],
             "packages": [
              {"SPDXID": "SPDXRef-pump", "name": "pump-controller", "versionInfo": "2.0.0"},
              {"SPDXID": "SPDXRef-zlib", "name": "zlib", "versionInfo": "1.3.1", "supplier": "Organization: zlib project",
               "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:github/madler/zlib@1.3.1"}],
               "checksums": [{"algorithm": "SHA256", "checksumValue": "9a93b2b7dfdac77ceba5a558a580e74667dd6fede4585b91eefb60f03b72df23"}],
               "licenseConcluded": "Zlib", "validUntilDate": "2030-12-31T00:00:00Z"}
             ],
             "relationships": [{"spdxElementId": "SPDXRef-pump", "relationshipType": "DEPENDS_ON", "relatedSpdxElement": "SPDXRef-zlib"}]}

            """
        try spdx.write(toFile: scratch.file("ci-sbom.spdx.json"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "v2.0.0", "--repo", "repo", "--out", "out", "--evidence", "ci-sbom.spdx.json"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("out/v2.0.0/SUF-v2.0.0.md")
        #expect(md.contains("The SOUP list is the SBOM ci-sbom.spdx.json (SPDX 2.3, 1 components, SHA-256 `"))
        #expect(md.contains(", given with --evidence), with what it lacks from regulatory/soup.yml.\n"))
        #expect(md.contains("| <a id=\"soup-1\"></a>SOUP-1 | zlib | 1\\.3.1 | zlib project | maintained | 2030-12-31T00:00:00Z | ITEM-1 |"))
        #expect(md.contains("The SBOM lists no known vulnerability."))
    }

    @Test("bad SBOMs: truncated in the tree, not UTF-8 or an SPDX file named .cdx.json as evidence, two SBOMs: exit 2, file and position, nothing written")
    func badSBOMs() throws {
        let scratch = try Scratch()
        var repo = try SBOMFixture.make(scratch)
        let whole = SBOMFixture.sbom(zlib: "1.3.2", mbedtls: "3.6.1")
        try repo.commit("Truncated SBOM\n", files: ["build/sbom.cdx.json": String(whole.prefix(200))])
        try repo.tag("v2.1.0")
        let truncated = try dossier(["suf", "v2.1.0", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(truncated.status == 2)
        #expect(truncated.stderr == "dossier: error: build/sbom.cdx.json:6:32: expected a JSON value, found the end of the file (is it truncated?) (in the tree of v2.1.0)\n")
        #expect(!scratch.exists("out"))

        var latin1 = Data("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n \"components\": [{\"name\": \"caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Array("\"}]}\n".utf8))
        try latin1.write(to: URL(fileURLWithPath: scratch.file("latin1.json")))
        let notUTF8 = try dossier(["suf", "v2.0.0", "--repo", "repo", "--out", "out", "--evidence", "latin1.json"], in: scratch.path)
        #expect(notUTF8.status == 2)
        #expect(notUTF8.stderr.contains("latin1.json:2:30: expected UTF-8 text, found the byte 0xE9 that is not UTF-8"), "\(notUTF8.stderr)")
        #expect(!scratch.exists("out"))

        try #"{"spdxVersion": "SPDX-2.3", "packages": []}"#.write(toFile: scratch.file("ci.cdx.json"), atomically: true, encoding: .utf8)
        let misnamed = try dossier(["suf", "v2.0.0", "--repo", "repo", "--out", "out", "--evidence", "ci.cdx.json"], in: scratch.path)
        #expect(misnamed.status == 2)
        #expect(misnamed.stderr.contains("ci.cdx.json:1:1: expected a CycloneDX SBOM, as the name ci.cdx.json says, found an SPDX document (spdxVersion SPDX-2.3)"),
                "\(misnamed.stderr)")
        #expect(!scratch.exists("out"))

        try whole.write(toFile: scratch.file("a.json"), atomically: true, encoding: .utf8)
        try whole.write(toFile: scratch.file("b.json"), atomically: true, encoding: .utf8)
        let two = try dossier(["check", "v2.0.0", "--repo", "repo", "--evidence", "a.json", "--evidence", "b.json"], in: scratch.path)
        #expect(two.status == 2)
        #expect(two.stderr.contains("b.json: expected one SBOM in --evidence, found a second one (the first is a.json)"), "\(two.stderr)")
    }
}
