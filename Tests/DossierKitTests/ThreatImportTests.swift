import Foundation
@testable import Records
import Testing

private func fixture(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/threat-models/\(name)"), encoding: .utf8)
}

@Suite("Threat models from tools")
struct ThreatImportTests {
    static let config = "records:\n  threats: regulatory/threats\n"
    static let ownThreats = """
        threats:
          - id: THR-1
            title: BLE pairing spoofed
            stride: Spoofing
            disposition: mitigated
            mitigations: [REQ-1]

        """

    @Test("a threats folder holding dossier's YAML, a Threagile model and a Threat Dragon v2 model: all threats, each imported one with its tool's id")
    func folder() throws {
        let source = MemorySource(files: [
            "dossier.yml": Self.config, "regulatory/threats/a-own.yml": Self.ownThreats,
            "regulatory/threats/b-threagile.yaml": try fixture("threagile-example.yaml"),
            "regulatory/threats/c-dragon.json": try fixture("threat-dragon-v2-demo.json"),
        ])
        let set = try RecordLoader.records(from: source, config: RecordLoader.config(from: source))
        let byOrigin = Dictionary(set.threats.compactMap { t in t.origin.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        #expect(set.threats.first?.id == "THR-1")

        // Threagile: the two manual risks of the individual category, tracked or not, and the tracked rule risks.
        let manual = try #require(byOrigin["Threagile something-strange@sql-database"])
        #expect(manual.id == "THR-something-strange.sql-database")
        #expect(manual.title == "Example Individual Risk at Database")
        #expect(manual.stride == "Repudiation")
        #expect(manual.severity == "critical")
        #expect(manual.asset == "Customer Contract Database")
        #expect(manual.mitigationText == "Some text describing the mitigation...")
        #expect(manual.source.file == "regulatory/threats/b-threagile.yaml")
        let accepted = try #require(byOrigin["Threagile untrusted-deserialization@erp-system"])
        #expect(accepted.disposition == .accepted)
        #expect(accepted.title == "Untrusted deserialization at Backoffice ERP System")
        #expect(accepted.description == "Risk tracking: accepted, Risk accepted as tolerable (XYZ-1234, John Doe, 2020-01-04)")
        let wildcard = try #require(byOrigin["Threagile ldap-injection@*@ldap-auth-server@*"])
        #expect(wildcard.id == "THR-ldap-injection.any.ldap-auth-server.any")
        #expect(wildcard.disposition == .mitigated)
        #expect(byOrigin["Threagile dos-risky-access-across-trust-boundary@*@*@*"]?.disposition == nil)  // in-progress: open

        // Threat Dragon: every cell's threats, STRIDE type, status as disposition, the cell as the asset.
        let dragon = set.threats.filter { $0.origin?.hasPrefix("Threat Dragon ") == true }
        #expect(dragon.count > 5)
        let credentials = try #require(byOrigin["Threat Dragon 7df716cd-a982-48a5-b4ed-800ccb670734"])
        #expect(credentials.id == "THR-TD-7df716cd")
        #expect(credentials.title == "Accessing DB credentials")
        #expect(credentials.stride == "Information disclosure")
        #expect(credentials.asset == "Worker Config")
        #expect(credentials.severity == "High")
        #expect(credentials.disposition == nil)
        #expect(byOrigin["Threat Dragon 21fc4b20-ca29-4891-9691-d8f0331b2a11"]?.disposition == .mitigated)
        #expect(Set(set.threats.map(\.id)).count == set.threats.count)
    }

    @Test("a Threat Dragon model stands in for threats.yml; one of the version 1 schema is refused, naming the upgrade")
    func threatDragonAlone() throws {
        let v2 = MemorySource(files: ["dossier.yml": "records:\n  threats: design/model.json\n", "design/model.json": try fixture("threat-dragon-v2-demo.json")])
        #expect(try RecordLoader.records(from: v2, config: RecordLoader.config(from: v2)).threats.count > 5)

        let v1 = MemorySource(files: ["dossier.yml": "records:\n  threats: design/model.json\n", "design/model.json": try fixture("threat-dragon-v1-demo.json")])
        do { _ = try RecordLoader.records(from: v1, config: RecordLoader.config(from: v1)); Issue.record("expected an error") } catch {
            #expect("\(error)" == "design/model.json:1:1: expected an OWASP Threat Dragon v2 model (\"version\": \"2.x\"), found a version 1 model (diagrams with diagramJson); open it in Threat Dragon 2 and save it to upgrade it (in the tree of test)")
        }
        let other = MemorySource(files: ["dossier.yml": "records:\n  threats: design/model.json\n", "design/model.json": "{\"bomFormat\": \"CycloneDX\"}"])
        do { _ = try RecordLoader.records(from: other, config: RecordLoader.config(from: other)); Issue.record("expected an error") } catch {
            #expect("\(error)" == "design/model.json:1:1: expected an OWASP Threat Dragon v2 model (with \"version\", \"summary\" and \"detail\"), found an object with the keys bomFormat (in the tree of test)")
        }
    }

    @Test("risk tracking wildcards match one @-part each")
    func wildcards() {
        #expect(ThreagileReader.matches("ldap-injection@*@ldap-auth-server@*", "ldap-injection@a@ldap-auth-server@b"))
        #expect(!ThreagileReader.matches("ldap-injection@*", "ldap-injection@a@b"))
        #expect(!ThreagileReader.matches("x@a", "x@b"))
    }
}
