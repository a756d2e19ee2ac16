@testable import Evidence
import Foundation
@testable import Records
@testable import Support
import Testing

/// A file of Tests/Fixtures/sbom, the published CycloneDX and SPDX examples.
private func fixture(_ name: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/sbom/\(name)"))
}

@Suite("JSON with positions")
struct JSONValueTests {
    @Test("values keep the line and column where they start; escapes, surrogate pairs and numbers are read as written")
    func positions() throws {
        let text = "{\n  \"a\": [1, -2.5e3],\n  \"é\": \"x\\u00e9\\ud83d\\ude00\\/\\n\",\n  \"b\": {\"c\": null, \"d\": true}\n}\n"
        let top = try JSONValue.parse(Data(text.utf8), file: "t.json").object("top")
        #expect(top.location.description == "t.json:1:1")
        let list = try top.array("a")
        #expect(list.map(\.location.description) == ["t.json:2:9", "t.json:2:12"])
        #expect(try list.map { try $0.text("n") } == ["1", "-2.5e3"])
        #expect(try top.text("é") == "xé😀/\n")
        #expect(top["é"]?.location.description == "t.json:3:8")
        let b = try #require(try top.object("b"))
        #expect(b["c"] == nil)
        #expect(try b.text("d") == "true")
    }

    @Test("bad JSON names the file, line and column, what was expected and what was found", arguments: [
        ("{\"a\": [1, 2,\n  {\"b\": tru", "t.json:2:9: expected true, found 't'"),
        ("{\"a\": 1,\n \"b\": }", "t.json:2:7: expected a JSON value, found '}'"),
        ("{\"a\": [1, 2", "t.json:1:12: expected ',' or ']' in an array, found the end of the file (is it truncated?)"),
        ("{\"a\": \"x", "t.json:1:9: expected '\"' to end a string, found the end of the file (is it truncated?)"),
        ("{\"a\": 01}", "t.json:1:7: expected a number without leading zeros, found one"),
        ("{\"a\": 1} x", "t.json:1:10: expected the end of the JSON text, found 'x'"),
        ("{\"a\": \"\\ud83d\"}", "t.json:1:14: expected the low half of a surrogate pair (\\uDC00–\\uDFFF) after \\ud83d, found '\"'"),
        ("", "t.json:1:1: expected a JSON value, found an empty file"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: DossierError.self) { try JSONValue.parse(Data(text.utf8), file: "t.json") }
        do { _ = try JSONValue.parse(Data(text.utf8), file: "t.json") } catch { #expect("\(error)" == message) }
    }

    @Test("bytes that are not UTF-8 are named by line and column")
    func notUTF8() {
        var data = Data("{\n  \"name\": \"caf".utf8)
        data.append(0xE9)  // Latin-1 é
        data.append(contentsOf: Array("\"\n}".utf8))
        do {
            _ = try JSONValue.parse(data, file: "sbom.json")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "sbom.json:2:15: expected UTF-8 text, found the byte 0xE9 that is not UTF-8")
        }
    }
}

@Suite("SBOMs: CycloneDX and SPDX")
struct SBOMReaderTests {
    @Test("CycloneDX 1.4: components with supplier, hashes and licenses; the product in metadata is left out")
    func cycloneDX14() throws {
        let sbom = try SBOMReader.read(fixture("cyclonedx-1.4-bom.json"), file: "bom.json")
        #expect(sbom.standard == "CycloneDX 1.4")
        #expect(sbom.components.map(\.name) == ["com.acme/tomcat-catalina", "org.example/mylibrary"])
        let tomcat = sbom.components[0]
        #expect(tomcat.ref == "pkg:npm/acme/component@1.0.0")
        #expect(tomcat.version == "9.0.14")
        #expect(tomcat.supplier == "Acme Inc")  // no supplier object: the publisher
        #expect(tomcat.licenses == ["Apache-2.0"])
        #expect(tomcat.hashes.contains("SHA-256:f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b"))
        #expect(tomcat.dependsOn == ["pkg:npm/acme/component@1.0.0"])
        #expect(sbom.components[1].supplier == "Example, Inc.")
        #expect(sbom.components[1].ref == "mylibrary@1.0.0")  // no bom-ref, no purl: name@version
        #expect(sbom.sha256.count == 64)
    }

    @Test("CycloneDX 1.5: a license expression")
    func cycloneDX15() throws {
        let sbom = try SBOMReader.read(fixture("cyclonedx-1.5-license-expression.json"), file: "bom.json")
        #expect(sbom.components.first?.licenses == ["EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0"])
    }

    @Test("CycloneDX 1.6: dependencies, and a vulnerability with its rating and VEX analysis")
    func cycloneDX16() throws {
        let dependencies = try SBOMReader.read(fixture("cyclonedx-1.6-dependency.json"), file: "deps.cdx.json")
        #expect(dependencies.components.map(\.dependsOn) == [[], ["library-c"], []])
        let sbom = try SBOMReader.read(fixture("cyclonedx-1.6-vulnerability.json"), file: "vex.cdx.json")
        let vulnerability = try #require(sbom.vulnerabilities.first)
        #expect(vulnerability.id == "SNYK-JAVA-COMFASTERXMLJACKSONCORE-32111")
        #expect(vulnerability.source == "Snyk")
        #expect(vulnerability.rating == "9.8 critical (CVSSv3 AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)")
        #expect(vulnerability.affects == ["pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"])
        #expect(vulnerability.state == "not_affected")
        #expect(vulnerability.justification == "code_not_reachable")
        #expect(vulnerability.response == ["will_not_fix", "update"])
        #expect(vulnerability.location.description == "vex.cdx.json:18:5")
    }

    @Test("SPDX 2.3: packages with purl, checksums, supplier and validUntilDate; the described package is left out")
    func spdx23() throws {
        let sbom = try SBOMReader.read(fixture("spdx-2.3-example.spdx.json"), file: "example.spdx.json")
        #expect(sbom.standard == "SPDX 2.3")
        #expect(sbom.components.map(\.name) == ["Apache Commons Lang", "Jena", "Saxon"])
        #expect(sbom.components[1].purl == "pkg:maven/org.apache.jena/apache-jena@3.12.0")
        #expect(sbom.components[2].hashes == ["SHA-1:85ed0817af83a24ad8da68c2b5094de69833983c"])
        #expect(sbom.vulnerabilities.isEmpty)
    }

    @Test("an SPDX file named as CycloneDX, a CycloneDX 1.3 SBOM, and JSON that is no SBOM are refused with the reason")
    func refused() throws {
        let spdx = try fixture("spdx-2.3-example.spdx.json")
        #expect(throws: DossierError.self) { try SBOMReader.read(spdx, file: "sbom.cdx.json") }
        do { _ = try SBOMReader.read(spdx, file: "sbom.cdx.json") } catch {
            #expect("\(error)" == "sbom.cdx.json:1:1: expected a CycloneDX SBOM, as the name sbom.cdx.json says, found an SPDX document (spdxVersion SPDX-2.3)")
        }
        let old = Data(#"{"bomFormat": "CycloneDX", "specVersion": "1.3", "components": []}"#.utf8)
        do { _ = try SBOMReader.read(old, file: "old.json"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "old.json:1:43: expected CycloneDX specVersion 1.4, 1.5, 1.6, found 1.3")
        }
        do { _ = try SBOMReader.read(Data(#"{"name": "x"}"#.utf8), file: "x.json"); Issue.record("expected an error") } catch {
            #expect("\(error)".hasPrefix("x.json:1:1: expected a CycloneDX SBOM (with \"bomFormat\") or an SPDX document (with \"spdxVersion\"), found an object with the keys name"))
        }
        let wrongType = Data(#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": {"name": "x"}}"#.utf8)
        do { _ = try SBOMReader.read(wrongType, file: "w.json"); Issue.record("expected an error") } catch {
            #expect("\(error)" == "w.json:1:64: expected 'components' in an SBOM (an array), found an object")
        }
    }
}

@Suite("SOUP list from an SBOM and its overlay")
struct SOUPListTests {
    static let sbom = #"""
        {"bomFormat": "CycloneDX", "specVersion": "1.6",
         "metadata": {"component": {"bom-ref": "app", "name": "pd-monitor", "version": "2.0.0"}},
         "components": [
          {"bom-ref": "zlib", "name": "zlib", "group": "madler", "version": "1.3.1", "purl": "pkg:github/madler/zlib@1.3.1",
           "supplier": {"name": "zlib project"}, "licenses": [{"license": {"id": "Zlib"}}],
           "properties": [{"name": "cdx:lifecycle:milestone:endOfSupport", "value": "2030-01-01"}]},
          {"bom-ref": "mbedtls", "name": "mbedtls", "version": "3.6.0", "purl": "pkg:github/Mbed-TLS/mbedtls@3.6.0",
           "supplier": {"name": "Trusted Firmware"}},
          {"bom-ref": "cjson", "name": "cJSON", "version": "1.7.18", "purl": "pkg:github/DaveGamble/cJSON@1.7.18"}
         ],
         "dependencies": [{"ref": "mbedtls", "dependsOn": ["zlib"]}],
         "vulnerabilities": [
          {"id": "CVE-2024-0001", "affects": [{"ref": "mbedtls"}], "analysis": {"state": "exploitable"}},
          {"id": "CVE-2024-0002", "affects": [{"ref": "cjson"}]}
         ]}
        """#

    static let overlay = """
        soup:
          - id: SOUP-1
            purl: pkg:github/madler/zlib
            support_level: maintained
            items: [ITEM-1]
            anomalies_reviewed: "2026-01-10"
          - id: SOUP-2
            bom_ref: mbedtls
            version: 3.5.0
            support_level: security-only
            end_of_support: "2027-03-31"
          - id: SOUP-3
            purl: pkg:pypi/requests
          - id: SOUP-4
            name: FreeRTOS
            version: 10.6.2
            supplier: Amazon

        """

    @Test("components take the overlay's ids and fields; disagreements and overlay entries without a component are kept for S4")
    func join() throws {
        let source = MemorySource(files: [
            "dossier.yml": "records:\n  soup: {sbom: build/sbom.cdx.json, overlay: regulatory/soup.yml}\n",
            "build/sbom.cdx.json": Self.sbom, "regulatory/soup.yml": Self.overlay,
        ])
        let config = try RecordLoader.config(from: source)
        #expect(config.sbom == "build/sbom.cdx.json")
        let set = try RecordLoader.records(from: source, config: config)
        #expect(set.soup.map(\.id) == ["SOUP-1", "SOUP-2", "pkg:github/DaveGamble/cJSON", "SOUP-4"])
        let zlib = set.soup[0]
        #expect(zlib.name == "madler/zlib" && zlib.version == "1.3.1" && zlib.supplier == "zlib project" && zlib.license == "Zlib")
        #expect(zlib.endOfSupport == "2030-01-01" && zlib.supportLevel == .maintained && zlib.items == ["ITEM-1"])
        #expect(zlib.source.description == "regulatory/soup.yml:2:5")
        #expect(set.soup[1].dependsOn == ["SOUP-1"])
        #expect(set.soup[1].version == "3.6.0")  // the SBOM's version stands
        #expect(set.soup[2].source.file == "build/sbom.cdx.json")
        #expect(set.sbom == SBOMSource(file: "build/sbom.cdx.json", standard: "CycloneDX 1.6", sha256: try #require(set.sbom).sha256, components: 3,
                                       fromEvidence: false, overlay: "regulatory/soup.yml"))
        #expect(set.vulnerabilities.map(\.affects) == [["SOUP-2"], ["pkg:github/DaveGamble/cJSON"]])
        #expect(set.soupDisagreements.map(\.message) == [
            "SOUP-2 gives version '3.5.0', but build/sbom.cdx.json gives '3.6.0' for mbedtls",
            "SOUP-3 is in the SOUP list but not in the SBOM build/sbom.cdx.json (no component has purl pkg:pypi/requests)",
            "SOUP-4 is in the SOUP list but not in the SBOM build/sbom.cdx.json",
        ])
    }

    @Test("the SBOM named in dossier.yml but absent from the tree: the overlay alone, and S4's material says so")
    func missingSBOM() throws {
        let source = MemorySource(files: [
            "dossier.yml": "records:\n  soup: {sbom: build/sbom.cdx.json, overlay: regulatory/soup.yml}\n",
            "regulatory/soup.yml": Self.overlay,
        ])
        let set = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        #expect(set.soup.map(\.name) == ["pkg:github/madler/zlib", "mbedtls", "pkg:pypi/requests", "FreeRTOS"])
        #expect(set.soupDisagreements.map(\.message) == [
            "the SBOM build/sbom.cdx.json that dossier.yml names is not in the tree of test, and no SBOM was given with --evidence"])
    }

    @Test("an overlay entry with neither purl, bom_ref nor name and version is an error with its position")
    func overlayNeedsAKey() throws {
        let source = MemorySource(files: [
            "dossier.yml": "records:\n  soup: {sbom: sbom.json, overlay: soup.yml}\n", "sbom.json": Self.sbom,
            "soup.yml": "soup:\n  - id: SOUP-9\n    support_level: maintained\n",
        ])
        do { _ = try RecordLoader.records(from: source, config: RecordLoader.config(from: source)); Issue.record("expected an error") } catch {
            #expect("\(error)" == "soup.yml:2:5: a SOUP overlay entry needs a 'purl' or 'bom_ref' to find its component in the SBOM, or a name and version of its own (in the tree of test)")
        }
    }

    @Test("purls: the key drops version, qualifiers and subpath")
    func purls() {
        #expect(SOUPList.purlKey("pkg:maven/org.apache/jena@3.12.0?type=jar#sub") == "pkg:maven/org.apache/jena")
        #expect(SOUPList.purlVersion("pkg:maven/org.apache/jena@3.12.0?type=jar") == "3.12.0")
        #expect(SOUPList.purlKey("pkg:npm/%40angular/core@16.0.0") == "pkg:npm/%40angular/core")
        #expect(SOUPList.purlVersion("pkg:github/madler/zlib") == nil)
    }
}
