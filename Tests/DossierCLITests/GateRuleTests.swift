import Foundation
import TestSupport
import Testing

/// The gate's rules for what is obviously missing (D1, I1, I2, I3), run by the real binary on real repositories.
@Suite("the gate: class B/C records, identification, release tag pattern")
struct GateRuleTests {
    /// A repository whose one commit holds `files`, tagged v1.0.0.
    static func repository(_ scratch: Scratch, _ files: [String: String]) throws -> GitRepository {
        var repo = try GitRepository(scratch)
        try repo.commit("Start\n", files: ["src/main.c": "int main(void) { return 0; }\n"].merging(files) { $1 })
        try repo.tag("v1.0.0")
        return repo
    }

    /// `dossier check --format json` on the repository: the findings of `rule` as (level, message, file:line:col).
    static func findings(_ rule: String, in scratch: Scratch, _ arguments: [String] = []) throws -> [(level: String, message: String, location: String)] {
        let result = try dossier(["check", "--repo", "repo", "--format", "json"] + arguments, in: scratch.path)
        #expect(result.status != 2, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(report["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == rule }.map { finding in
            let location = finding["location"] as? [String: Any]
            let place = try location.map { "\(try #require($0["file"] as? String)):\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)" } ?? "none"
            return (try #require(finding["level"] as? String), try #require(finding["message"] as? String), place)
        }
    }

    @Test("D1: a class B device with no requirements, risks or items gets one error for each, at dossier.yml's safety_class")
    func d1Fires() throws {
        let scratch = try Scratch()
        _ = try Self.repository(scratch, ["dossier.yml": "device:\n  name: Pump\n  manufacturer: Example Medical\n  safety_class: B\n"])
        let d1 = try Self.findings("D1", in: scratch)
        #expect(d1.map(\.level) == ["error", "error", "error"])
        #expect(d1.map(\.location) == Array(repeating: "dossier.yml:4:17", count: 3))
        #expect(d1.map(\.message) == [
            "the device is software safety class B (dossier.yml:4:17) but has no requirement in force (regulatory/requirements.yml): IEC 62304 5.2 asks for the software requirements",
            "the device is software safety class B (dossier.yml:4:17) but has no risk in force (regulatory/risks.yml): ISO 14971 and IEC 62304 7.1 ask for the hazards the software can contribute to",
            "the device is software safety class B (dossier.yml:4:17) but has no software item in force (regulatory/items.yml): IEC 62304 5.3 asks for the software items of the architecture, and changed files are matched to them",
        ])
        let check = try dossier(["check", "--repo", "repo"], in: scratch.path)
        #expect(check.status == 1)
        #expect(check.stdout.contains("  D1  the device is software safety class B (dossier.yml:4:17) but has no risk in force"))
    }

    @Test("D1: without a device class, the highest item class counts; a device whose requirements are all obsolete has none in force")
    func d1ItemClassAndObsolete() throws {
        let scratch = try Scratch()
        _ = try Self.repository(scratch, [
            "dossier.yml": "device:\n  name: Pump\n  manufacturer: Example Medical\n",
            "regulatory/items.yml": "items:\n  - {id: ITEM-1, name: Core, safety_class: A}\n  - {id: ITEM-2, name: Dose, safety_class: C}\n",
            "regulatory/requirements.yml": "requirements:\n  - {id: REQ-1, title: Old, text: Gone., status: obsolete, obsolete: {release: v1.0.0, rationale: Removed}}\n",
        ])
        let d1 = try Self.findings("D1", in: scratch)
        #expect(d1.map(\.location) == ["regulatory/items.yml:3:5", "regulatory/items.yml:3:5"])
        #expect(d1.first?.message.hasPrefix("the device has a software item of safety class C, ITEM-2 (regulatory/items.yml:3:5), but has no requirement in force") == true)
        #expect(d1.last?.message.contains("but has no risk in force") == true)
    }

    @Test("D1 does not fire: a class A device, a device without a class, a class C device with its records")
    func d1Quiet() throws {
        for yml in ["device:\n  name: Pump\n  manufacturer: M\n  safety_class: A\n", "device:\n  name: Pump\n  manufacturer: M\n"] {
            let scratch = try Scratch()
            _ = try Self.repository(scratch, ["dossier.yml": yml])
            #expect(try Self.findings("D1", in: scratch).isEmpty)
        }
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try Self.findings("D1", in: scratch).isEmpty)
    }

    @Test("I1: an empty manufacturer at its value, a missing one at the device, a dossier.yml without a device for both fields, a blank name")
    func i1Fires() throws {
        let cases: [(String, [(String, String)])] = [
            ("device:\n  name: Pump\n  manufacturer: \"\"\n",
             [("dossier.yml:3:17", "device.manufacturer is empty (dossier.yml:3:17): the SUF's identification states no manufacturer")]),
            ("# the pump\ndevice:\n  name: Pump\n",
             [("dossier.yml:3:3", "device.manufacturer is not given (dossier.yml:3:3, the device): the SUF's identification states no manufacturer")]),
            ("releases:\n  tag_pattern: \"v*\"\n", [
                ("dossier.yml:1:1", "dossier.yml has no device: section (device.name): the SUF's identification states no device name"),
                ("dossier.yml:1:1", "dossier.yml has no device: section (device.manufacturer): the SUF's identification states no manufacturer"),
            ]),
            ("device:\n  name: \"  \"\n  manufacturer: M\n",
             [("dossier.yml:2:9", "device.name is empty (dossier.yml:2:9): the SUF's identification states no device name")]),
        ]
        for (yml, expected) in cases {
            let scratch = try Scratch()
            _ = try Self.repository(scratch, ["dossier.yml": yml])
            let i1 = try Self.findings("I1", in: scratch)
            #expect(i1.map(\.level) == expected.map { _ in "error" }, "\(yml)")
            #expect(i1.map(\.location) == expected.map(\.0), "\(yml)")
            #expect(i1.map(\.message) == expected.map(\.1), "\(yml)")
        }
    }

    @Test("I1 does not fire with a name and manufacturer, nor without a dossier.yml (history alone)")
    func i1Quiet() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try Self.findings("I1", in: scratch).isEmpty)
        let bare = try Scratch()
        _ = try Self.repository(bare, [:])
        #expect(try Self.findings("I1", in: bare).isEmpty)
        #expect(try Self.findings("I2", in: bare).isEmpty)
    }

    @Test("I2: no model or UDI-DI is a warning each, at the device or the empty value; given, none; the gate still passes")
    func i2() throws {
        let scratch = try Scratch()
        _ = try Self.repository(scratch, ["dossier.yml": "device:\n  name: Pump\n  manufacturer: M\n  udi_di: \"\"\npolicy: {G1: off, G2: off}\n"])
        let i2 = try Self.findings("I2", in: scratch)
        #expect(i2.map(\.level) == ["warning", "warning"])
        #expect(i2.map(\.location) == ["dossier.yml:2:3", "dossier.yml:4:11"])
        #expect(i2.map(\.message) == [
            "device.model is not given (dossier.yml:2:3, the device): the SUF's identification states no model",
            "device.udi_di is empty (dossier.yml:4:11): the SUF's identification states no UDI-DI",
        ])
        let check = try dossier(["check", "--repo", "repo"], in: scratch.path)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("  I2  device.model is not given (dossier.yml:2:3, the device)"))
        let given = try Scratch()
        _ = try Self.repository(given, ["dossier.yml": "device:\n  name: Pump\n  manufacturer: M\n  model: P-1\n  udi_di: \"04012345000012\"\n"])
        #expect(try Self.findings("I2", in: given).isEmpty)
    }
}
