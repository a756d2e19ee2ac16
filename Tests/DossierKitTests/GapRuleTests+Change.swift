import Foundation
@testable import Model
@testable import Signatures
@testable import Support
import Testing

/// ITEM-1 (class B) claims Sources/Dosing, ITEM-2 (class A) Sources/Display, ITEM-3 (class C) Sources/Pump.
private let items = """
    items:
      - {id: ITEM-1, name: Dosing, safety_class: B, paths: ['Sources/Dosing/**']}
      - {id: ITEM-2, name: Display, safety_class: A, paths: ['Sources/Display/**']}
      - {id: ITEM-3, name: Pump, safety_class: C, paths: ['Sources/Pump/**']}
    """

private let cr1 = SourceLocation(file: "regulatory/change-requests.yml", line: 2, column: 5)

@Suite("Gap rules: change control (C1, C2, C5, C6, C8)")
struct GapRuleChangeTests {
    @Test("C1 fires for a non-merge commit naming no change request")
    func c1Fires() throws {
        let findings = try Gap.findings(.C1, commits: [Gap.commit(1, "Tweak alarm")])
        #expect(findings == [Finding(
            rule: .C1, level: .warning, message: "commit 111111111111 'Tweak alarm' by Dana Dev names no change request in its trailers",
            subjects: [Gap.id(1)], location: SourceLocation(file: "dossier.yml"), commit: Gap.id(1), clauses: ["IEC 62304 8.2.4"])])
    }

    @Test("C1 does not fire for a commit with a Change-Request trailer, or a merge")
    func c1Quiet() throws {
        let commits = [Gap.commit(1, "Tweak alarm", trailers: [Gap.cr("CR-1")]), Gap.commit(2, "Merge branch 'x'", merge: true)]
        #expect(try Gap.findings(.C1, commits: commits).isEmpty)
    }

    @Test("C2 fires for a change request without safety_impact")
    func c2NoSafetyImpact() throws {
        let crs = "change_requests:\n  - {id: CR-1, title: Louder alarm}\n"
        let findings = try Gap.findings(.C2, ["change-requests": crs], commits: [Gap.commit(1, "Louder", trailers: [Gap.cr("CR-1")])])
        #expect(findings == [Finding(
            rule: .C2, level: .error, message: "CR-1 (regulatory/change-requests.yml:2:5) has no safety_impact analysis",
            subjects: ["CR-1"], location: cr1, clauses: ["IEC 62304 7.4"])])
    }

    @Test("C2 fires for a change request touching class B/C items (by its commits or its record) without affected_controls")
    func c2NoAffectedControls() throws {
        let crs = "change_requests:\n  - {id: CR-1, title: Faster dosing, safety_impact: Dose timing changes., items: [ITEM-3]}\n"
        let commit = Gap.commit(1, "Faster", trailers: [Gap.cr("CR-1")], files: ["Sources/Dosing/Rate.swift", "Sources/Display/View.swift"])
        let findings = try Gap.findings(.C2, ["change-requests": crs, "items": items], commits: [commit])
        #expect(findings.map(\.message) == [
            "CR-1 (regulatory/change-requests.yml:2:5) touches class B/C software items (ITEM-1, ITEM-3) but does not state its affected_controls (write [] when the analysis finds none)",
        ])
        #expect(findings.map(\.subjects) == [["CR-1", "ITEM-1", "ITEM-3"]])
        #expect(findings.map(\.location) == [cr1])
    }

    @Test("C2 accepts affected_controls: [] as the analysis finding no affected control")
    func c2EmptyAffectedControlsIsStated() throws {
        let crs = "change_requests:\n  - {id: CR-1, title: Faster dosing, safety_impact: No control affected., affected_controls: [], items: [ITEM-3]}\n"
        let commit = Gap.commit(1, "Faster", trailers: [Gap.cr("CR-1")], files: ["Sources/Dosing/Rate.swift"])
        #expect(try Gap.findings(.C2, ["change-requests": crs, "items": items], commits: [commit]).isEmpty)
    }

    @Test("C2 lists the items as people read ids: ITEM-2 before ITEM-10")
    func c2ItemOrder() throws {
        let items = """
            items:
              - {id: ITEM-2, name: Dosing, safety_class: B, paths: ['Sources/Dosing/**']}
              - {id: ITEM-10, name: Pump, safety_class: C, paths: ['Sources/Pump/**']}
            """
        let crs = "change_requests:\n  - {id: CR-1, title: Faster dosing, safety_impact: Dose timing changes.}\n"
        let commit = Gap.commit(1, "Faster", trailers: [Gap.cr("CR-1")], files: ["Sources/Dosing/Rate.swift", "Sources/Pump/Motor.swift"])
        let findings = try Gap.findings(.C2, ["change-requests": crs, "items": items], commits: [commit])
        #expect(findings.map(\.subjects) == [["CR-1", "ITEM-2", "ITEM-10"]])
        #expect(findings.first?.message.contains("(ITEM-2, ITEM-10)") == true)
    }

    @Test("C2 fires for a change request that commits name but no record describes")
    func c2NoRecord() throws {
        let commits = [Gap.commit(1, "Louder", trailers: [Gap.cr("CR-7")]), Gap.commit(2, "Louder still", trailers: [Gap.cr("CR-7")])]
        let findings = try Gap.findings(.C2, commits: commits)
        #expect(findings == [Finding(
            rule: .C2, level: .error,
            message: "CR-7 is named by 2 commit(s) of the release, but no change request record has that id, so its safety impact is not analysed",
            subjects: ["CR-7"], location: SourceLocation(file: "dossier.yml"), commit: Gap.id(1), clauses: ["IEC 62304 7.4"])])
    }

    @Test("C2 does not fire with safety_impact and affected_controls, or for a change to class A items only")
    func c2Quiet() throws {
        let crs = """
            change_requests:
              - {id: CR-1, title: Faster dosing, safety_impact: Dose timing changes., affected_controls: [REQ-1]}
              - {id: CR-2, title: New font, safety_impact: None.}
            """
        let requirements = "requirements:\n  - {id: REQ-1, title: Rate limit, text: The pump shall limit the rate.}\n"
        let commits = [
            Gap.commit(1, "Faster", trailers: [Gap.cr("CR-1")], files: ["Sources/Dosing/Rate.swift"]),
            Gap.commit(2, "Font", trailers: [Gap.cr("CR-2")], files: ["Sources/Display/Font.swift"]),
        ]
        #expect(try Gap.findings(.C2, ["change-requests": crs, "items": items, "requirements": requirements], commits: commits).isEmpty)
    }

    @Test("C5 fires for a changed path no software item claims, and not for claimed ones")
    func c5() throws {
        let commit = Gap.commit(1, "Build", trailers: [Gap.cr("CR-1")], files: ["scripts/build.sh", "Sources/Dosing/Rate.swift"])
        let findings = try Gap.findings(.C5, ["items": items], commits: [commit])
        #expect(findings == [Finding(
            rule: .C5, level: .warning, message: "scripts/build.sh changed in the release, but no software item's paths claim it",
            subjects: ["scripts/build.sh"], location: SourceLocation(file: "scripts/build.sh"), commit: Gap.id(1), clauses: ["IEC 62304 8.1", "IEC 62304 5.3.1"])])
        let claimed = Gap.commit(1, "Rate", trailers: [Gap.cr("CR-1")], files: ["Sources/Dosing/Rate.swift", "Sources/Pump/Motor.swift"])
        #expect(try Gap.findings(.C5, ["items": items], commits: [claimed]).isEmpty)
    }

    @Test("C6 fires for a change request that affects labeling in a release with no IFU change")
    func c6Fires() throws {
        let crs = "change_requests:\n  - {id: CR-1, title: New warning, safety_impact: None., affects_labeling: true}\n"
        let ifu = "ifu_changes:\n  - {id: IFU-1, document: IFU, change: Old text.}\n"
        // IFU-1 is unchanged since the previous release: it is not an IFU change of this release.
        let files = ["change-requests": crs, "ifu": ifu]
        let findings = try Gap.findings(.C6, files, previous: ["ifu": ifu], commits: [Gap.commit(1, "Warn", trailers: [Gap.cr("CR-1")])])
        #expect(findings == [Finding(
            rule: .C6, level: .error,
            message: "CR-1 (regulatory/change-requests.yml:2:5): it affects labeling, but the release adds or changes no IFU entry",
            subjects: ["CR-1"], location: cr1, clauses: ["MDR GSPR 23", "21 CFR 801"])])
    }

    @Test("C6 gives every reason: labeling, a transferred threat, a new information-for-safety control")
    func c6Reasons() throws {
        let crs = """
            change_requests:
              - {id: CR-1, title: Warnings, safety_impact: None., affects_labeling: yes, threats: [THR-1], risks: [RISK-1]}
            """
        let threats = "threats:\n  - {id: THR-1, title: Stolen password, disposition: transferred}\n"
        let risks = "risks:\n  - {id: RISK-1, hazard: Overdose, controls: [{requirement: REQ-1, type: information_for_safety}]}\n"
        let requirements = "requirements:\n  - {id: REQ-1, title: Warn, text: The IFU shall warn.}\n"
        let findings = try Gap.findings(.C6, ["change-requests": crs, "threats": threats, "risks": risks, "requirements": requirements],
                                        previous: ["threats": threats, "requirements": requirements],
                                        commits: [Gap.commit(1, "Warn", trailers: [Gap.cr("CR-1")])])
        #expect(findings.map(\.message) == [
            "CR-1 (regulatory/change-requests.yml:2:5): it affects labeling; it names transferred threat(s) THR-1; it adds information-for-safety controls to RISK-1, but the release adds or changes no IFU entry",
        ])
    }

    @Test("C6 does not fire when the release adds or changes an IFU entry, or nothing affects labeling")
    func c6Quiet() throws {
        let crs = "change_requests:\n  - {id: CR-1, title: New warning, safety_impact: None., affects_labeling: true}\n"
        let old = "ifu_changes:\n  - {id: IFU-1, document: IFU, change: Old text.}\n"
        let added = old + "  - {id: IFU-2, document: IFU, change: New warning.}\n"
        let changed = "ifu_changes:\n  - {id: IFU-1, document: IFU, change: New text.}\n"
        let commits = [Gap.commit(1, "Warn", trailers: [Gap.cr("CR-1")])]
        #expect(try Gap.findings(.C6, ["change-requests": crs, "ifu": added], previous: ["ifu": old], commits: commits).isEmpty)
        #expect(try Gap.findings(.C6, ["change-requests": crs, "ifu": changed], previous: ["ifu": old], commits: commits).isEmpty)
        let plain = "change_requests:\n  - {id: CR-1, title: Refactor, safety_impact: None., affects_labeling: false}\n"
        #expect(try Gap.findings(.C6, ["change-requests": plain], commits: commits).isEmpty)
    }

    @Test("C8 fires for a requirement obsoleted without (or with a blank) rationale: the loader allows both")
    func c8Fires() throws {
        let requirements = """
            requirements:
              - {id: REQ-1, title: A, text: A., status: obsolete, obsolete: {release: v2.0.0}}
              - {id: REQ-2, title: B, text: B., status: obsolete, obsolete: {release: v2.0.0, rationale: ' '}}
              - {id: REQ-3, title: C, text: C., status: obsolete, obsolete: {release: v2.0.0, rationale: }}
            """
        let records = try Gap.records(["requirements": requirements])
        #expect(records.requirements.map { $0.obsolete?.rationale } == ["", " ", ""])
        let findings = try Gap.findings(.C8, ["requirements": requirements])
        #expect(findings.map(\.message) == [
            "REQ-1 (regulatory/requirements.yml:2:5) is obsolete without a rationale",
            "REQ-2 (regulatory/requirements.yml:3:5) is obsolete without a rationale",
            "REQ-3 (regulatory/requirements.yml:4:5) is obsolete without a rationale",
        ])
        #expect(findings.map(\.subjects) == [["REQ-1"], ["REQ-2"], ["REQ-3"]])
        #expect(findings.first?.level == .error)
    }

    @Test("C8 does not fire with a rationale, or for a requirement in force")
    func c8Quiet() throws {
        let requirements = """
            requirements:
              - {id: REQ-1, title: A, text: A., status: obsolete, obsolete: {release: v2.0.0, rationale: Replaced by REQ-2.}}
              - {id: REQ-2, title: B, text: B., status: approved}
            """
        #expect(try Gap.findings(.C8, ["requirements": requirements]).isEmpty)
    }
}

@Suite("Gap rules: integrity (G1, G2)")
struct GapRuleIntegrityTests {
    @Test("G1 fires for a commit whose verdict is not G, with git's reason or the letter's meaning")
    func g1Fires() throws {
        let untrusted = Verdict(.untrusted, kind: .ssh, reason: "the key is not in the allowed signers")
        let commits = [
            Gap.commit(1, "Unsigned", verdict: .unsigned),
            Gap.commit(2, "Bad", verdict: Verdict(.bad, kind: .openpgp)),
            Gap.commit(3, "Untrusted", verdict: untrusted),
            Gap.commit(4, "Good"),
        ]
        let findings = try Gap.findings(.G1, commits: commits)
        #expect(findings.map(\.message) == [
            "commit 111111111111 'Unsigned' by Dana Dev: signature N (no signature)",
            "commit 222222222222 'Bad' by Dana Dev: signature B (bad signature)",
            "commit 333333333333 'Untrusted' by Dana Dev: signature U (the key is not in the allowed signers)",
        ])
        #expect(findings.map(\.subjects) == [[Gap.id(1)], [Gap.id(2)], [Gap.id(3)]])
        #expect(findings.allSatisfy { $0.level == .warning })
        // Each names its commit; the unsigned one is placed at what it changed (none: dossier.yml), the signed ones at the trust file.
        #expect(findings.map(\.commit) == [Gap.id(1), Gap.id(2), Gap.id(3)])
        #expect(findings.map { $0.location?.file } == ["dossier.yml", "dossier.yml", "dossier.yml"])
    }

    @Test("G1 does not fire when every commit is G")
    func g1Quiet() throws {
        #expect(try Gap.findings(.G1, commits: [Gap.commit(1, "Good"), Gap.commit(2, "Merge", merge: true)]).isEmpty)
    }

    @Test("G2 fires when the release is not a tag")
    func g2NoTag() throws {
        let findings = try Gap.findings(.G2, tag: nil)
        #expect(findings == [Finding(
            rule: .G2, level: .error, message: "the release main is not a tag: no signed tag vouches for commit eeeeeeeeeeee",
            subjects: ["main"], location: SourceLocation(file: "dossier.yml"), commit: findings.first?.commit,
            clauses: ["IEC 62304 8.2.4", "IEC 62304 8.3", "FDA premarket cybersecurity guidance (code integrity)"])])
    }

    @Test("G2 fires for a lightweight tag")
    func g2Lightweight() throws {
        let tag = ReleaseTag(name: "v2.0.0", object: nil, annotated: false, tagger: nil, message: "", signature: .unsigned)
        let findings = try Gap.findings(.G2, tag: tag)
        #expect(findings.map(\.message) == ["the release tag v2.0.0 is lightweight: it has no tagger, date or signature"])
        #expect(findings.map(\.subjects) == [["v2.0.0"]])
    }

    @Test("G2 fires for an unsigned annotated tag and for a tag whose signature is not G")
    func g2Unsigned() throws {
        var tag = Gap.signedTag
        tag.signature = .unsigned
        #expect(try Gap.findings(.G2, tag: tag).map(\.message) == ["the release tag v2.0.0: signature N (no signature)"])
        tag.signature = Verdict(.expiredKey, kind: .openpgp)
        #expect(try Gap.findings(.G2, tag: tag).map(\.message) == ["the release tag v2.0.0: signature Y (good signature by an expired key)"])
    }

    @Test("G2 does not fire for a G-signed annotated tag, or for a work tree (which has no tag yet)")
    func g2Quiet() throws {
        #expect(try Gap.findings(.G2).isEmpty)
        #expect(try Gap.findings(.G2, tag: nil, workTree: true).isEmpty)
    }
}
