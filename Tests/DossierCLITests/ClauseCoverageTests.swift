import Foundation
import TestSupport
import Testing

/// Clause coverage is judged by what a release holds: records, test results, signatures, each linked to where
/// the document shows it; never by the absence of findings.
@Suite("clause coverage from evidence")
struct ClauseCoverageTests {
    /// The clause coverage of a bundle's suf.json: clause → (state, evidence texts, missing, reason).
    func coverage(_ scratch: Scratch, _ bundle: String) throws -> [String: (state: String, evidence: [String], missing: [String], reason: String?)] {
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("\(bundle)/suf.json")) as? [String: Any])
        var out: [String: (state: String, evidence: [String], missing: [String], reason: String?)] = [:]
        for status in try #require(json["coverage"] as? [[String: Any]]) {
            out[try #require(status["clause"] as? String)] = (try #require(status["state"] as? String),
                                                try #require(status["evidence"] as? [[String: Any]]).map { try #require($0["what"] as? String) },
                                                try #require(status["missing"] as? [String]), status["reason"] as? String)
        }
        return out
    }

    /// Every `href="#x"` of an HTML page has an element with `id="x"`.
    func brokenLinks(_ html: String) -> [String] {
        func values(_ attribute: String) -> [String] {
            html.components(separatedBy: "\(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
        }
        let ids = Set(values("id"))
        return values("href").filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }.filter { !ids.contains($0) }
    }

    @Test("a repository with nothing but history (no dossier.yml, unsigned commits) evidences only its release tag, and no records clause")
    func historyAlone() throws {
        let scratch = try Scratch()
        var repo = try GitRepository(scratch)
        try repo.commit("Start\n", files: ["Sources/main.c": "int main(void) { return 0; }\n"])
        try repo.commit("Fix the exit code\n", files: ["Sources/main.c": "int main(void) { return 1; }\n"])
        try repo.tag("v1.0.0")
        let result = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")

        let clauses = try coverage(scratch, "out/v1.0.0")
        let evidenced = clauses.filter { $0.value.state == "evidenced" }.keys.sorted()
        #expect(evidenced == ["IEC 62304 5.8.4"])
        #expect(clauses["IEC 62304 5.8.4"]?.evidence.first?.hasPrefix("release tag v1.0.0 (annotated) at commit ") == true)
        // The unsigned tag is a G2 error: the clauses G2 serves are gaps, with the evidence there is (the commits).
        #expect(clauses.filter { $0.value.state == "gap" }.keys.sorted() == ["IEC 62304 8.2.4", "IEC 62304 8.3"])
        #expect(clauses["IEC 62304 8.3"]?.evidence == ["2 commits since the root"])
        #expect(clauses["IEC 62304 8.3"]?.missing == ["no software items"])
        // No class in a dossier.yml: every clause applies; none is claimed from records.
        #expect(clauses.values.allSatisfy { $0.state != "not applicable" })
        for clause in ["IEC 62304 4.3", "IEC 62304 5.2.1", "IEC 62304 5.2.6", "IEC 62304 7.2.1", "IEC 62304 8.1.2", "IEC 62304 8.1.3",
                       "IEC 62304 9.1", "ISO 14971 4.5", "ISO 14971 7.3", "ISO 14971 7.4", "IEC 62304 5.8.5", "IEC 62304 5.8.8"] {
            #expect(clauses[clause]?.state == "not evidenced", "\(clause)")
        }
        #expect(clauses["IEC 62304 5.2.1"]?.missing == ["no requirements"])
        #expect(clauses["ISO 14971 7.4"]?.missing == ["no residual risk judged by the policy"])
        #expect(clauses["IEC 62304 8.1.3"]?.missing == ["no software items"])
        #expect(clauses["IEC 62304 5.8.8"]?.missing == ["no release tag with a good signature", "no update package (--artifact) whose every signature is good"])

        let md = try scratch.read("out/v1.0.0/SUF-v1.0.0.md")
        #expect(md.contains("1 clauses evidenced, 2 with a gap, 112 not evidenced (the manufacturer's own records must cover them), 0 not applicable"))
        #expect(md.contains("| <a id=\"iec-62304-5.2.1\"></a>IEC 62304 5.2.1 | Derive and document software requirements | not evidenced | no requirements |"))
        #expect(md.contains("| <a id=\"iec-62304-8.3\"></a>IEC 62304 8.3 | Configuration status accounting | gap: G2 (1) | [2 commits since the root](#3-version-history); no software items |"))
        #expect(brokenLinks(try scratch.read("out/v1.0.0/SUF-v1.0.0.html")).isEmpty)
    }

    @Test("the sample's v2.0.0: each clause lists what the release holds for it, linked to where the SUF and the DHF show it")
    func sampleProject() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/v2.0.0-junit.xml"
        let package = Paths.packageRoot + "/sample-project/evidence/pdrm-hub-2.0.0.img"
        let provenance = Paths.packageRoot + "/sample-project/evidence/pdrm-hub-2.0.0.provenance.json"
        let result = try dossier(["suf", "--repo", "pd", "--evidence", evidence, "--artifact", package, "--provenance", provenance], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let clauses = try coverage(scratch, "dist/dossier/v2.0.0")
        #expect(clauses["IEC 62304 5.2.1"]?.state == "evidenced")
        // 9.7: PR-5 names the soak test of its resolution, and the report holds its result.
        #expect(clauses["IEC 62304 9.7"]?.evidence == ["1 problem report whose tests of the resolution have results in the evidence"])
        // Without the report, a test's name alone verifies nothing: 9.7 was claimed from the name before.
        #expect(try dossier(["suf", "--repo", "pd", "--out", "bare"], in: scratch.path).status == 0)
        let bare = try coverage(scratch, "bare/v2.0.0")
        #expect(bare["IEC 62304 9.7"]?.state == "not evidenced")
        #expect(bare["IEC 62304 9.7"]?.missing == ["no problem report whose named tests have results in the evidence"])
        #expect(clauses["IEC 62304 5.2.1"]?.evidence == ["29 requirements"])
        #expect(clauses["IEC 62304 5.7.4"]?.evidence == ["29 of 29 requirements with a linked test (29 passed)", "40 test cases (39 passed) in 1 report"])
        #expect(clauses["IEC 62304 5.8.8"]?.evidence == ["release tag v2.0.0 signed, verdict G", "1 update package, each signed, verdict G"])
        #expect(clauses["IEC 62304 8.2.4"]?.evidence == ["13 of 13 commits naming a change request", "13 of 14 commits signed, verdict G"])
        #expect(clauses["IEC 62304 8.1.3"]?.evidence == ["7 software items", "4 SOUP items"])
        #expect(clauses["ISO 14971 7.4"]?.evidence == ["12 risks with a residual risk judged by the policy (2 not acceptable)", "2 risks with a benefit-risk statement"])
        // Signatures do not evidence how the release was built, the build's provenance does (the bare build has none);
        // SOUP without an SBOM does not evidence the review of anomaly lists.
        #expect(clauses["IEC 62304 5.8.5"]?.evidence == ["build provenance of commit d99341320fc0 by https://ci.rheinrenal.example/runners/release-builder, naming 1 update package"])
        #expect(bare["IEC 62304 5.8.5"]?.state == "not evidenced")
        #expect(clauses["IEC 62304 7.1.3"]?.state == "not evidenced")
        #expect(clauses["IEC 62304 7.1.3"]?.evidence == ["4 SOUP items"])
        #expect(clauses["IEC 62304 7.1.3"]?.missing == ["no SBOM"])
        // The items' interfaces evidence 5.3.2 (documented interfaces); nothing else does.
        #expect(clauses["IEC 62304 5.3.2"]?.evidence == ["8 interfaces of 5 software items"])
        // The manufacturer's clause 8 and 9 records that name the release evidence ISO 14971 8 and 9.
        #expect(clauses["ISO 14971 8"]?.evidence == ["overall residual risk evaluation of 2025-01-17 (acceptable)"])
        #expect(clauses["ISO 14971 9"]?.evidence == ["risk management review of 2025-01-20 (RMR-PDRM-2.0)"])
        #expect(clauses.values.filter { $0.state == "evidenced" }.count == 66)

        let md = try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.md")
        #expect(md.contains("66 clauses evidenced, 0 with a gap, 49 not evidenced (the manufacturer's own records must cover them), 0 not applicable"))
        #expect(md.contains("| <a id=\"iec-62304-5.8.8\"></a>IEC 62304 5.8.8 | Deliver the release reliably | evidenced | [release tag v2.0.0 signed, verdict G](#14-build-and-update-integrity); [1 update package, each signed, verdict G](#update-packages) |"))
        #expect(md.contains("| <a id=\"iec-62304-5.2.3\"></a>IEC 62304 5.2.3 | Put risk control measures into requirements | evidenced | [20 risk controls that are requirements](#req-2) |"))
        #expect(md.contains("| <a id=\"iec-62304-5.8.5\"></a>IEC 62304 5.8.5 | Record how the release was built | evidenced | [build provenance of commit d99341320fc0 by https\\://ci.rheinrenal.example/runners/release-builder, naming 1 update package](#how-the-release-was-built) |"))
        #expect(brokenLinks(try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.html")).isEmpty)

        // The DHF lists the newest release's evidence with links into the DHF itself.
        #expect(try dossier(["dhf", "--repo", "pd"], in: scratch.path).status == 0)
        let dhf = try scratch.read("dist/dossier/dhf/DHF.md")
        #expect(dhf.contains("| <a id=\"iec-62304-8.1.3\"></a>IEC 62304 8.1.3 | Identify the system configuration documentation | evidenced | [7 software items](#6-software-items); [4 SOUP items](#7-soup-per-release) | v1.0.0: evidenced |"))
        #expect(brokenLinks(try scratch.read("dist/dossier/dhf/DHF.html")).isEmpty)
    }

    @Test("not applicable only with a reason: the standard's class rule, or the manufacturer's in dossier.yml")
    func notApplicableReasons() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        let yml = DeviceFixture.dossierYML.replacingOccurrences(of: "safety_class: C", with: "safety_class: A") + """
            clauses:
              not_applicable:
                "IEC 62304 4.4": Developed under IEC 62304 from its first commit; there is no legacy software.

            """
        try repo.commit("Class A, and no legacy software\n\nChange-Request: CR-1\n", files: ["dossier.yml": yml])
        try repo.tag("v1.2.0")
        let result = try dossier(["suf", "--repo", "repo", "--out", "out"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let clauses = try coverage(scratch, "out/v1.2.0")
        #expect(clauses["IEC 62304 4.4"]?.state == "not applicable")
        #expect(clauses["IEC 62304 4.4"]?.reason == "Developed under IEC 62304 from its first commit; there is no legacy software. (the manufacturer, in dossier.yml)")
        #expect(clauses["IEC 62304 5.2.3"]?.reason == "IEC 62304 applies 5.2.3 to class B and C; the device is class A per dossier.yml")
        #expect(clauses["IEC 62304 5.4.2"]?.reason == "IEC 62304 applies 5.4.2 to class C; the device is class A per dossier.yml")
        #expect(clauses.values.allSatisfy { $0.state != "not applicable" || !($0.reason ?? "").isEmpty })
        let md = try scratch.read("out/v1.2.0/SUF-v1.2.0.md")
        #expect(md.contains("| <a id=\"iec-62304-4.4\"></a>IEC 62304 4.4 | Legacy software | not applicable | Developed under IEC 62304 from its first commit; there is no legacy software. (the manufacturer, in dossier.yml) |"))
        #expect(md.contains("| <a id=\"iec-62304-5.4.2\"></a>IEC 62304 5.4.2 | Design each unit in detail | not applicable | IEC 62304 applies 5.4.2 to class C; the device is class A per dossier.yml |"))
    }

    /// dossier.yml with `clauses:` as given, at a new release v1.2.0 of the device fixture.
    func fixture(clauses: String) throws -> Scratch {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Clauses\n", files: ["dossier.yml": DeviceFixture.dossierYML + clauses])
        try repo.tag("v1.2.0")
        return scratch
    }

    @Test("dossier.yml's clauses: an unknown clause, an empty reason, a list instead of a mapping and an unknown field are refused at their place, exit 2")
    func badClauses() throws {
        let cases: [(String, String)] = [
            ("clauses:\n  not_applicable:\n    \"IEC 62304 5.1.99\": no such clause\n",
             "dossier.yml:15:5: expected a clause of the coverage table such as \"IEC 62304 5.1.10\" or \"ISO 14971 7.4\" in 'clauses.not_applicable', found 'IEC 62304 5.1.99'"),
            ("clauses:\n  not_applicable:\n    \"IEC 62304 4.4\": \"  \"\n",
             "dossier.yml:15:22: expected the reason IEC 62304 4.4 does not apply in 'clauses.not_applicable', found an empty reason"),
            ("clauses:\n  not_applicable:\n    \"IEC 62304 4.4\":\n",
             "dossier.yml:15:21: expected the reason IEC 62304 4.4 does not apply in 'clauses.not_applicable', found an empty reason"),
            ("clauses:\n  not_applicable: [IEC 62304 4.4]\n",
             "dossier.yml:14:19: expected a mapping of clauses to reasons for 'not_applicable'"),
            ("clauses:\n  applicable: {}\n",
             "dossier.yml:14:3: unknown field 'applicable' in clauses; expected one of: not_applicable"),
        ]
        for (clauses, message) in cases {
            let scratch = try fixture(clauses: clauses)
            for command in [["suf", "--out", "out"], ["check"]] {
                let result = try dossier(command + ["--repo", "repo"], in: scratch.path)
                #expect(result.status == 2, "\(command[0]): exit \(result.status): \(result.stderr)")
                #expect(result.stderr.contains(message), "\(command[0]): stderr was: \(result.stderr)")
                #expect(!scratch.exists("out"))
            }
        }
    }
}
