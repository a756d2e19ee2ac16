@testable import Git
@testable import Records
import Testing

// Known answers come from RedHat's `cvss` Python library 3.6 (pip install cvss), an implementation
// independent of this one, run once by a throwaway script; the tests do not need Python.

@Suite("CVSS")
struct CVSSTests {
    // MARK: Examples

    /// FIRST's published examples and well-known vectors, with the scores FIRST's calculators give.
    static let examples: [(String, Double, String)] = [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "Critical"), // CVE-2014-6271 Shellshock
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "High"), // CVE-2014-0160 Heartbleed
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "Medium"), // CVE-2013-1937 reflected XSS
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "Critical"), // CVE-2021-44228 Log4Shell
        ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "High"),
        ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6, "Low"),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, "None"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "Critical"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, "Critical"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9, "Medium"),
        ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, "High"),
        ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.7, "High"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N", 7.7, "High"),
        ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 1.0, "Low"),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0, "None"),
        // Threat metrics do not change CVSS-B (the full CVSS-BT of this one is 8.1).
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 9.3, "Critical"),
    ]

    @Test func examplesScoreAsPublished() throws {
        for (text, score, severity) in Self.examples {
            let vector = try CVSSVector(text)
            #expect(vector.baseScore == score, "\(text)")
            #expect(vector.severity == severity, "\(text)")
            #expect(vector.description == text)
            #expect(vector.version == (text.hasPrefix("CVSS:3.1/") ? .v3_1 : .v4_0))
        }
    }

    /// Interpolated v4.0 scores that land one ulp below an x.x5 tie round up (8.549999999999999 → 8.6),
    /// as FIRST's calculator has since RedHat's 2024-11 rounding fix and the Python library does; a bare
    /// Math.round(x * 10) / 10 gives 8.5 for 522 of the 104,976 base vectors.
    @Test func v40TiesRoundHalfUp() throws {
        for text in [
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:H/SC:H/SI:H/SA:H",
        ] {
            #expect(try CVSSVector(text).baseScore == 8.6, "\(text)")
        }
    }

    // MARK: Known answers from the oracle

    @Test func knownAnswersV31() throws {
        #expect(knownAnswers31.count >= 200)
        for (text, score) in knownAnswers31 {
            #expect(try CVSSVector(text).baseScore == score, "\(text)")
        }
    }

    @Test func knownAnswersV40() throws {
        #expect(knownAnswers40.count >= 200)
        for (text, score) in knownAnswers40 {
            #expect(try CVSSVector(text).baseScore == score, "\(text)")
        }
    }

    /// The internal scorer with threat and environmental metrics gives the full CVSS-BTE score.
    @Test func knownAnswersV40WithThreatAndEnvironment() throws {
        var cases = knownAnswers40BTE
        cases.append(("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:H/SA:H/E:P", 9.0))
        cases.append(("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U", 0.4))
        for (text, score) in cases {
            let parsed = try CVSSParser.parse(text)
            #expect(CVSS40.score(parsed.metrics) == score, "\(text)")
        }
    }

    /// Every combination of base metric values, in the specification's value order.
    static func allBaseVectors(_ prefix: String, _ table: [CVSSMetric]) -> [String] {
        var vectors = [prefix]
        for metric in table where metric.mandatory {
            vectors = vectors.flatMap { head in metric.values.map { "\(head)/\(metric.key):\($0)" } }
        }
        return vectors
    }

    /// FNV-1a 64 over "d.d\n" per score, as the oracle script hashed them.
    static func fingerprint(_ vectors: [String]) throws -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in vectors {
            let tenths = Int((try CVSSVector(text).baseScore * 10).rounded())
            for byte in "\(tenths / 10).\(tenths % 10)\n".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    @Test func everyV31BaseVectorMatchesTheOracle() throws {
        let vectors = Self.allBaseVectors("CVSS:3.1", CVSS31.metrics)
        #expect(vectors.count == allBase31.count)
        #expect(try Self.fingerprint(vectors) == allBase31.fnv)
    }

    @Test func everyV40BaseVectorMatchesTheOracle() throws {
        let vectors = Self.allBaseVectors("CVSS:4.0", CVSS40.metrics)
        #expect(vectors.count == allBase40.count)
        #expect(try Self.fingerprint(vectors) == allBase40.fnv)
    }

    @Test func macroVectorTableIsComplete() {
        #expect(CVSS40Tables.macroVectorScores.count == 270)
        for eq1 in 0...2 { for eq2 in 0...1 { for eq36 in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 1)] {
            for eq4 in 0...2 { for eq5 in 0...2 {
                #expect(CVSS40.lookup([eq1, eq2, eq36.0, eq4, eq5, eq36.1]) != nil)
            } }
        } } }
    }

    // MARK: Severity

    @Test func severityBoundaries() throws {
        let scale: [(Double, String)] = [
            (0.0, "None"), (0.1, "Low"), (3.9, "Low"), (4.0, "Medium"), (6.9, "Medium"),
            (7.0, "High"), (8.9, "High"), (9.0, "Critical"), (10.0, "Critical"),
        ]
        for (score, severity) in scale {
            #expect(CVSSVector.severity(of: score) == severity, "\(score)")
        }
        let vectors: [(String, Double, String)] = [
            ("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L", 3.9, "Low"),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:L/I:N/A:N", 4.0, "Medium"),
            ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:L/A:N", 6.9, "Medium"),
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L", 7.0, "High"),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:L", 8.9, "High"),
            ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H", 9.0, "Critical"),
            ("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:H/SI:N/SA:N", 4.0, "Medium"),
            ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", 6.9, "Medium"),
            ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:L/VA:L/SC:L/SI:L/SA:L", 7.0, "High"),
            ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:H/SI:N/SA:N", 8.9, "High"),
            ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:H/SC:H/SI:N/SA:N", 9.0, "Critical"),
        ]
        for (text, score, severity) in vectors {
            let vector = try CVSSVector(text)
            #expect(vector.baseScore == score, "\(text)")
            #expect(vector.severity == severity, "\(text)")
        }
    }

    @Test func v31RoundupFollowsAppendixA() {
        #expect(CVSS31.roundup(4.02) == 4.1)
        #expect(CVSS31.roundup(4.0) == 4.0)
        #expect(CVSS31.roundup(4.000000000000001) == 4.0)
        #expect(CVSS31.roundup(4.00001) == 4.1)
        #expect(CVSS31.roundup(.nan) == 0)
    }

    // MARK: Accepted forms

    @Test func optionalMetricsAreAcceptedAndIgnored() throws {
        let v31 = try CVSSVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:R/CR:L/IR:L/AR:L"
            + "/MAV:P/MAC:H/MPR:H/MUI:R/MS:C/MC:N/MI:N/MA:N")
        #expect(v31.baseScore == 9.8)
        let v31Shuffled = try CVSSVector("CVSS:3.1/A:H/E:X/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N")
        #expect(v31Shuffled.baseScore == 9.8)
        #expect(v31Shuffled.description == "CVSS:3.1/A:H/E:X/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N")
        let v40 = try CVSSVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L"
            + "/MAV:P/MAC:H/MAT:P/MPR:H/MUI:A/MVC:N/MVI:N/MVA:N/MSC:N/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Amber")
        #expect(v40.baseScore == 9.3)
        #expect(v40.severity == "Critical")
        let v40X = try CVSSVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/U:X")
        #expect(v40X.baseScore == 9.3)
    }

    @Test func equalityFollowsTheText() throws {
        let a = try CVSSVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
        let b = try CVSSVector("CVSS:3.1/AC:L/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H")
        #expect(a == (try CVSSVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")))
        #expect(a != b)
        #expect(a.baseScore == b.baseScore)
        #expect(Set([a, b]).count == 2)
    }

    // MARK: Errors

    static func message(_ text: String) -> String? {
        do {
            _ = try CVSSVector(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func errorMessages() {
        let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
        let v40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
        let cases: [(String, String)] = [
            ("", "the vector is empty; expected a vector starting CVSS:3.1/ or CVSS:4.0/"),
            ("CVSS:2.0/AV:N", "expected a vector starting CVSS:3.1/ or CVSS:4.0/, found 'CVSS:2.0/…'"),
            ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "expected a vector starting CVSS:3.1/ or CVSS:4.0/, found 'CVSS:3.0/…'"),
            ("AV:N/AC:L/Au:N/C:C/I:C/A:C", "expected a vector starting CVSS:3.1/ or CVSS:4.0/, found 'AV:N/…'"),
            ("CVSS:4.0", "metric AV (Attack Vector) is missing"),
            ("CVSS:3.1/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H", "metric AC (Attack Complexity) is missing"),
            ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
             "metric SA (Subsequent System Availability Impact) is missing"),
            (v31 + "/AV:N", "metric AV (Attack Vector) appears more than once"),
            (v40 + "/E:A/E:A", "metric E (Exploit Maturity) appears more than once"),
            ("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "AV:Q is not a value of AV (Attack Vector); expected N, A, L or P"),
            ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "UI:R is not a value of UI (User Interaction); expected N, P or A"),
            (v31 + "/E:A", "E:A is not a value of E (Exploit Code Maturity); expected X, H, F, P or U"),
            ("CVSS:3.1/AV:N/AC:X/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "AC:X is not a value of AC (Attack Complexity); expected L or H"),
            (v40 + "/U:red", "U:red is not a value of U (Provider Urgency); expected X, Clear, Green, Amber or Red"),
            (v31 + "/Q:N", "'Q' is not a CVSS v3.1 metric"),
            (v31 + "/AT:N", "'AT' is not a CVSS v3.1 metric (it is a CVSS v4.0 metric)"),
            (v40 + "/RL:O", "'RL' is not a CVSS v4.0 metric (it is a CVSS v3.1 metric)"),
            ("CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "'av' is not a CVSS v3.1 metric (metric names are upper case: AV)"),
            ("CVSS:4.0/AV:N/AT:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
             "metric AC (Attack Complexity) comes after AT (Attack Requirements); CVSS v4.0 requires the "
                + "specification's order AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, E, CR, IR, AR, MAV, MAC, MAT, "
                + "MPR, MUI, MVC, MVI, MVA, MSC, MSI, MSA, S, AU, R, V, RE, U"),
            (v40 + "/S:N/E:A", "metric E (Exploit Maturity) comes after S (Safety); CVSS v4.0 requires the "
                + "specification's order AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, E, CR, IR, AR, MAV, MAC, MAT, "
                + "MPR, MUI, MVC, MVI, MVA, MSC, MSI, MSA, S, AU, R, V, RE, U"),
            (v31 + "/", "part 9 after the prefix is empty (a '/' too many)"),
            ("CVSS:3.1//AV:N", "part 1 after the prefix is empty (a '/' too many)"),
            (v31 + "/E", "'E' is not a metric:value pair such as AV:N"),
            (v31 + "/E:", "'E:' is not a metric:value pair such as AV:N"),
            (v31 + "/E:X:X", "'E:X:X' is not a metric:value pair such as AV:N"),
            (" " + v31, "the vector ' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' contains whitespace or control characters"),
            (v40 + "\n", "the vector 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/S…' contains whitespace or control characters"),
        ]
        for (text, expected) in cases {
            #expect(Self.message(text) == expected, "\(text)")
        }
    }

    // MARK: Fuzz

    /// Parses without crashing; a vector that parses has a score in 0...10 and a matching severity.
    static func check(_ text: String) {
        guard let vector = try? CVSSVector(text) else { return }
        #expect((0...10).contains(vector.baseScore), "\(text)")
        #expect(vector.severity == CVSSVector.severity(of: vector.baseScore))
        #expect(vector.description == text)
    }

    @Test func randomStringsNeverCrash() throws {
        var random = SeededGenerator(seed: 0xC055)
        let alphabet = Array("CVSS:3.14.0/AVNALPCHRUIESMXTWFOQ:/:/ \u{0}é🙂-")
        let valid = CVSSTests.examples.map(\.0)
        for _ in 0..<4000 {
            let length = Int.random(in: 0...80, using: &random)
            var text = try String((0..<length).map { _ in try #require(alphabet.randomElement(using: &random)) })
            if Bool.random(using: &random) { text = (try #require(valid.randomElement(using: &random)) + "/") + text }
            Self.check(text)
        }
        for _ in 0..<2000 {
            var scalars = Array(try #require(valid.randomElement(using: &random)).unicodeScalars)
            let index = Int.random(in: 0..<scalars.count, using: &random)
            scalars[index] = Unicode.Scalar(UInt8.random(in: 0...127, using: &random))
            Self.check(String(String.UnicodeScalarView(scalars)))
        }
    }

    @Test func everyTruncationIsHandled() {
        let vectors = CVSSTests.examples.map(\.0) + knownAnswers31.prefix(20).map(\.0)
            + knownAnswers40.prefix(20).map(\.0) + knownAnswers40BTE.prefix(20).map(\.0)
        for text in vectors {
            for end in text.indices {
                let prefix = String(text[..<end])
                Self.check(prefix)
                Self.check(String(text[end...]))
            }
        }
        // A v4.0 vector cut before its last base metric names the metric that is missing.
        #expect(Self.message("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")
            == "metric SA (Subsequent System Availability Impact) is missing")
        #expect(Self.message("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/")
            == "part 11 after the prefix is empty (a '/' too many)")
    }

    @Test func swappedMetrics() throws {
        var random = SeededGenerator(seed: 0x5A9)
        for (text, score) in knownAnswers31.prefix(60) {
            var parts = text.split(separator: "/").dropFirst().map(String.init)
            parts.shuffle(using: &random)
            let shuffled = (["CVSS:3.1"] + parts).joined(separator: "/")
            #expect(try CVSSVector(shuffled).baseScore == score, "\(shuffled)")
        }
        for (text, _) in knownAnswers40.prefix(60) {
            var parts = text.split(separator: "/").dropFirst().map(String.init)
            let i = Int.random(in: 0..<(parts.count - 1), using: &random)
            parts.swapAt(i, i + 1)
            let swapped = (["CVSS:4.0"] + parts).joined(separator: "/")
            let message = Self.message(swapped)
            #expect(message?.contains("CVSS v4.0 requires the specification's order") == true, "\(swapped)")
            // Swapping a metric name with another's value never crashes either.
            var mixed = text.split(separator: "/").dropFirst().map(String.init)
            let j = Int.random(in: 0..<mixed.count, using: &random), k = Int.random(in: 0..<mixed.count, using: &random)
            let a = mixed[j].split(separator: ":"), b = mixed[k].split(separator: ":")
            mixed[j] = "\(a[0]):\(b[1])"
            mixed[k] = "\(b[0]):\(a[1])"
            Self.check((["CVSS:4.0"] + mixed).joined(separator: "/"))
        }
    }
}

/// FNV-1a 64 of "d.d\n" per score over every v3.1 base vector in enumeration order, from RedHat's `cvss` 3.6.
private let allBase31 = (count: 2592, fnv: UInt64(0xcdcc37874ed4b519))
/// The same over every v4.0 base vector (104,976), from RedHat's `cvss` 3.6.
private let allBase40 = (count: 104976, fnv: UInt64(0x49b0e95b1195bab3))

/// Random valid v3.1 vectors (every fourth with temporal/environmental metrics, shuffled) and the base score RedHat's `cvss` 3.6 gives their base part.
private let knownAnswers31: [(String, Double)] = [
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:N/A:H", 5.1),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:L", 7.6),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2),
    ("CVSS:3.1/C:L/MPR:L/AC:L/MI:X/MA:N/RC:C/AV:N/A:N/PR:N/MAC:H/MC:L/UI:R/S:C/IR:H/I:L/E:H/RL:U/MUI:X", 6.1),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:C/C:N/I:H/A:N", 5.5),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:C/C:H/I:N/A:N", 5.1),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:H", 7.7),
    ("CVSS:3.1/AR:X/A:N/I:H/E:U/MPR:N/AC:L/MS:C/AV:L/MAC:X/UI:N/S:U/CR:L/PR:L/MUI:X/MA:X/C:N", 5.5),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:N/I:H/A:H", 7.9),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:L", 2.6),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:N/I:L/A:N", 2.7),
    ("CVSS:3.1/C:H/A:N/S:U/I:N/AV:N/AC:L/PR:H/AR:X/UI:N/IR:H", 4.9),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:N/I:L/A:L", 4.4),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:C/C:H/I:L/A:N", 5.7),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:C/C:N/I:N/A:N", 0.0),
    ("CVSS:3.1/S:U/PR:L/AV:A/I:H/A:L/C:N/MC:N/UI:R/CR:L/AC:L", 5.8),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:H", 8.5),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:L", 8.1),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:H", 5.0),
    ("CVSS:3.1/MI:L/RL:W/E:F/A:H/MPR:X/AC:L/RC:R/MC:N/IR:M/S:C/MAC:L/PR:N/MAV:N/UI:N/AV:P/I:N/C:H/AR:L", 7.3),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:C/C:N/I:N/A:L", 3.2),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:H", 6.1),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N", 6.5),
    ("CVSS:3.1/UI:R/C:N/MAC:H/IR:L/MUI:N/A:L/RL:O/MAV:X/AR:H/I:L/MPR:X/AC:H/RC:U/MC:H/MA:X/AV:L/MI:X/MS:C/PR:L/S:U", 3.3),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N", 4.6),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:N/S:C/C:N/I:H/A:H", 6.7),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", 6.6),
    ("CVSS:3.1/C:H/UI:R/PR:H/RC:R/MS:U/I:N/AV:N/A:L/MPR:N/MAC:H/MI:H/S:U/AC:H", 4.8),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:U/C:L/I:H/A:L", 5.4),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:C/C:H/I:H/A:N", 7.2),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:N/S:U/C:H/I:N/A:N", 3.8),
    ("CVSS:3.1/PR:L/MC:H/IR:H/AC:L/CR:X/C:H/MPR:X/A:N/RC:X/RL:T/UI:N/I:N/AV:A/S:U", 5.7),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:C/C:L/I:N/A:H", 6.1),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:H/A:N", 4.0),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N", 2.6),
    ("CVSS:3.1/AV:N/E:F/RC:U/MS:C/S:C/A:L/MA:L/CR:M/MAC:H/I:H/PR:N/AC:L/MAV:X/IR:X/UI:N/MI:L/C:L/MPR:L/MUI:N/AR:H/RL:T/MC:N", 9.9),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:H/I:H/A:L", 6.7),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:L", 7.8),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:N", 9.3),
    ("CVSS:3.1/A:H/IR:L/AC:L/MA:N/UI:R/I:N/RC:C/MAV:P/MC:H/E:H/CR:L/AR:H/S:C/MPR:H/MAC:X/AV:L/RL:X/PR:H/MUI:X/C:N", 5.5),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:N/A:H", 7.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:L", 6.4),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:L", 6.9),
    ("CVSS:3.1/MAV:P/MPR:X/AR:H/IR:X/MC:N/E:H/CR:M/A:H/MI:X/RL:W/UI:N/PR:H/C:N/MUI:R/S:C/I:L/AV:A/MS:U/RC:U/AC:H", 6.2),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:L", 8.7),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:C/C:N/I:L/A:L", 4.3),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H", 6.4),
    ("CVSS:3.1/A:N/C:N/MUI:X/RL:O/PR:L/CR:H/AC:L/AR:X/MI:N/I:L/AV:A/S:C/UI:N/MC:X/MS:X/MA:H/E:X/MAC:H/MPR:L/IR:X/MAV:L", 4.1),
    ("CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:C/C:L/I:N/A:N", 2.2),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 8.2),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0),
    ("CVSS:3.1/MUI:X/AV:L/I:H/MPR:L/A:N/MC:N/C:L/CR:M/UI:R/PR:L/RL:U/S:C/MAC:L/AC:L", 6.7),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:C/C:L/I:H/A:H", 7.7),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:L", 6.6),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:L", 7.2),
    ("CVSS:3.1/MA:N/MS:C/UI:N/AV:L/MUI:X/S:C/MAC:H/E:X/A:L/MC:X/PR:L/AC:L/C:H/I:N/MPR:L/MAV:N", 7.3),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:H", 6.2),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:C/C:L/I:L/A:L", 6.0),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8),
    ("CVSS:3.1/AC:H/I:H/AR:X/MI:X/PR:N/C:L/MAV:P/IR:H/AV:P/RC:X/A:N/UI:R/S:U", 4.6),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:C/C:L/I:H/A:N", 5.6),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N", 4.2),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:N/A:H", 6.9),
    ("CVSS:3.1/I:L/AC:H/A:H/S:U/MC:N/UI:N/AV:L/PR:N/C:H", 6.9),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:N/I:N/A:L", 1.7),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:L/I:H/A:H", 6.0),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:N/I:N/A:L", 3.0),
    ("CVSS:3.1/MA:N/RL:U/MUI:X/AC:L/MAV:N/AR:X/PR:N/MPR:N/I:L/MI:L/C:L/A:L/RC:R/S:C/UI:N/CR:X/AV:P/MAC:L/IR:M/MS:X", 5.1),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N", 5.3),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:U/C:L/I:L/A:N", 3.1),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:L", 5.6),
    ("CVSS:3.1/AC:H/A:L/MI:H/MC:X/E:U/UI:N/PR:L/S:U/AR:L/C:H/MUI:X/I:H/AV:N", 7.1),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:H/I:N/A:H", 7.7),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.0),
    ("CVSS:3.1/I:L/MPR:L/RC:U/AR:X/AC:L/E:X/RL:O/AV:L/MAV:X/UI:N/MS:X/PR:H/MI:N/S:U/MAC:L/C:N/CR:X/A:N/MC:H/IR:L", 2.3),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:H", 4.4),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:L/I:H/A:N", 7.6),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:H/I:L/A:H", 7.5),
    ("CVSS:3.1/AV:N/AR:M/I:L/RL:O/E:P/RC:X/MPR:N/C:N/MC:N/CR:M/MAC:X/PR:L/UI:R/MAV:P/AC:H/MS:C/S:C/MI:X/MA:N/MUI:R/A:H", 6.5),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:C/C:H/I:L/A:N", 5.7),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:N", 7.3),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:H/I:N/A:N", 4.8),
    ("CVSS:3.1/CR:M/AC:L/C:H/MPR:N/MAC:H/MS:X/S:U/PR:L/RL:O/AR:H/I:L/UI:N/MUI:X/AV:L/A:H/IR:M", 7.3),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:L", 3.1),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:N", 4.7),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:R/S:C/C:N/I:L/A:N", 3.4),
    ("CVSS:3.1/AC:L/C:N/UI:R/S:C/A:L/AV:A/I:H/E:P/MC:H/PR:H/MAV:P", 6.5),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:H", 7.9),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:H/I:L/A:N", 4.6),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:H", 7.1),
    ("CVSS:3.1/A:L/MAC:L/I:L/S:C/RC:U/PR:N/C:L/IR:X/MC:H/AV:A/AC:H/MAV:L/UI:R", 5.4),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 3.5),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:L/I:H/A:L", 7.3),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:L/A:H", 6.7),
    ("CVSS:3.1/MC:N/C:N/A:L/AV:N/UI:R/AC:H/S:U/I:N/IR:M/PR:H", 2.0),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:C/C:H/I:N/A:L", 5.5),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:L/A:H", 8.5),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:H", 5.4),
    ("CVSS:3.1/C:N/MAC:X/A:L/MA:H/UI:R/I:N/S:U/MS:X/PR:H/RL:W/MUI:X/AC:H/MI:N/AV:A", 1.8),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:H", 6.3),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:N/S:C/C:N/I:L/A:N", 1.9),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N", 5.5),
    ("CVSS:3.1/MA:H/I:L/UI:R/MAV:X/E:P/S:U/MI:H/MPR:H/AC:H/PR:L/C:H/RC:X/RL:W/MAC:H/A:L/AV:N", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L", 4.6),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:N/I:H/A:H", 8.0),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L", 5.4),
    ("CVSS:3.1/MAC:H/MI:L/C:N/PR:H/AC:L/A:N/MPR:N/RC:C/UI:R/MS:C/I:N/S:U/CR:X/AV:P", 0.0),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:N/I:H/A:L", 6.9),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:L", 5.5),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:N", 4.5),
    ("CVSS:3.1/S:U/MC:N/PR:H/MUI:X/I:H/IR:M/AV:L/MAV:A/RL:U/AC:L/MPR:L/RC:U/AR:M/UI:R/A:N/C:N", 4.2),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:N/A:L", 5.0),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.7),
    ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:U/C:L/I:L/A:H", 5.7),
    ("CVSS:3.1/S:U/AV:L/I:H/AR:M/PR:N/MUI:N/UI:N/A:L/C:L/AC:L", 7.3),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:N", 5.7),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:C/C:L/I:H/A:H", 7.2),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:U/C:L/I:H/A:N", 4.6),
    ("CVSS:3.1/C:L/AR:M/MUI:R/I:N/A:N/AC:H/AV:N/UI:R/S:U/PR:N", 3.1),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:C/C:N/I:L/A:N", 2.4),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:L", 9.6),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:U/C:L/I:L/A:N", 3.2),
    ("CVSS:3.1/S:C/MS:U/C:L/A:L/I:H/PR:L/E:U/AV:A/AC:L/IR:H/AR:L/CR:X/MAC:H/RC:X/MAV:P/MA:X/UI:R", 7.5),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:L", 4.9),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:R/S:C/C:N/I:H/A:H", 8.5),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:C/C:H/I:H/A:H", 6.9),
    ("CVSS:3.1/S:C/RC:X/UI:N/A:N/C:N/PR:H/AC:H/AV:P/I:H", 4.7),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:L/I:L/A:N", 4.2),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:C/C:H/I:L/A:N", 6.6),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N", 9.3),
    ("CVSS:3.1/A:N/PR:L/AC:H/UI:N/I:H/CR:H/MI:L/MA:N/S:U/C:N/AV:P", 4.0),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:H", 9.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", 5.8),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H", 7.2),
    ("CVSS:3.1/CR:M/MC:X/MAV:L/PR:H/AV:A/MUI:N/C:N/AC:H/I:L/UI:N/A:N/MAC:L/S:U/MPR:H/AR:H/MS:U", 2.0),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:C/C:L/I:L/A:H", 7.7),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:N/A:L", 5.4),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:L", 8.6),
    ("CVSS:3.1/A:N/I:H/PR:L/MI:X/C:H/S:C/AC:L/UI:N/AV:L", 8.4),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 4.7),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:L", 4.5),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:L", 6.5),
    ("CVSS:3.1/A:H/MAV:P/AV:L/S:U/UI:R/MI:H/AC:H/MC:N/PR:H/C:N/I:L/MAC:X", 4.6),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:L", 3.6),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:L", 5.3),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:R/S:U/C:N/I:H/A:L", 4.5),
    ("CVSS:3.1/RC:X/MI:L/IR:M/AC:H/RL:O/MS:X/MC:N/MAV:N/C:L/A:N/MAC:L/UI:N/S:C/AR:H/CR:M/PR:N/AV:L/I:H/MA:H", 6.7),
    ("CVSS:3.1/AV:P/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:C/C:N/I:L/A:L", 4.3),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.1),
    ("CVSS:3.1/MUI:X/RL:T/MPR:H/MS:X/MAV:P/A:H/MAC:L/AV:P/IR:M/MI:N/E:H/PR:N/I:L/MC:L/AC:L/MA:N/S:C/UI:R/CR:X/C:H/AR:X/RC:U", 7.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:L", 6.3),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N", 2.0),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:L/I:H/A:N", 4.5),
    ("CVSS:3.1/I:H/PR:H/IR:H/S:U/C:L/UI:N/A:H/AV:A/AC:H", 6.0),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N", 6.1),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:C/C:N/I:N/A:L", 3.2),
    ("CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:C/C:N/I:L/A:H", 5.7),
    ("CVSS:3.1/CR:L/UI:N/RL:T/IR:X/AC:H/MAC:H/RC:X/PR:N/MPR:L/AR:H/AV:P/C:L/E:X/MUI:X/A:L/I:L/S:C", 4.6),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:L/I:H/A:L", 6.6),
    ("CVSS:3.1/AV:P/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:L", 3.2),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:N/I:L/A:N", 3.2),
    ("CVSS:3.1/UI:R/I:L/AC:H/PR:N/S:U/AV:L/A:H/MPR:L/IR:X/C:N", 5.3),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:N/I:L/A:N", 2.8),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:L", 5.4),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:L", 6.2),
    ("CVSS:3.1/PR:H/UI:N/AV:P/AC:H/I:N/A:H/MC:H/C:L/MUI:R/S:U", 4.4),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N", 7.1),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:L", 4.2),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:H/I:L/A:L", 5.0),
    ("CVSS:3.1/IR:H/CR:H/S:C/E:H/RC:U/A:L/RL:X/PR:L/UI:N/MAC:X/I:N/AR:M/C:H/AC:L/AV:L", 7.3),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:N/I:N/A:N", 0.0),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:N/S:C/C:H/I:L/A:H", 7.0),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:C/C:N/I:L/A:L", 3.6),
    ("CVSS:3.1/A:L/I:L/S:C/AV:A/MAV:P/C:N/PR:N/AC:H/UI:N", 4.7),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:N", 8.7),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:L", 9.2),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 8.1),
    ("CVSS:3.1/CR:L/MC:L/AR:X/AV:N/A:L/PR:H/RL:X/MAV:P/I:H/C:H/S:U/AC:L/UI:R", 6.4),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:C/C:N/I:L/A:L", 3.3),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:H", 8.1),
    ("CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:H", 5.6),
    ("CVSS:3.1/MA:L/MAC:H/AC:L/MI:L/AR:M/RL:X/C:N/S:C/E:X/CR:H/MPR:H/A:H/MS:X/RC:R/MC:H/I:N/IR:L/UI:N/AV:N/MAV:N/PR:L/MUI:N", 7.7),
    ("CVSS:3.1/AV:P/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:H", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:L/I:H/A:L", 6.8),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:C/C:N/I:N/A:L", 3.4),
    ("CVSS:3.1/MAV:A/MAC:H/MC:X/CR:H/MS:U/AC:H/AV:N/MA:L/A:H/PR:L/C:H/I:N/E:H/MUI:R/S:U/UI:R/AR:H/RL:U/MPR:N/MI:L", 6.4),
    ("CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:C/C:L/I:H/A:N", 5.7),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:H", 8.6),
    ("CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:H", 6.8),
    ("CVSS:3.1/S:U/C:N/A:N/I:L/AV:L/IR:H/AR:L/UI:R/AC:L/PR:L", 2.8),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:C/C:L/I:H/A:L", 6.9),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:L/A:L", 7.7),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:C/C:H/I:L/A:L", 7.5),
    ("CVSS:3.1/AC:L/PR:N/UI:R/C:H/S:U/I:L/AV:L/MAV:N/A:H/AR:L", 7.3),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N", 6.5),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:R/S:U/C:N/I:L/A:H", 5.8),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:H/A:H", 7.7),
    ("CVSS:3.1/AC:L/C:N/I:H/S:U/PR:L/AV:L/IR:M/A:H/UI:N", 7.1),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:N/I:N/A:H", 4.4),
    ("CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:N/I:N/A:L", 3.0),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:L", 7.5),
    ("CVSS:3.1/RC:C/AV:A/MPR:N/C:H/UI:R/A:H/MI:N/PR:N/MC:N/S:C/RL:X/I:L/E:H/AC:H/MAV:A", 7.8),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:H", 8.0),
    ("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N", 1.8),
    ("CVSS:3.1/AV:A/AC:L/PR:H/UI:R/S:U/C:N/I:N/A:H", 4.3),
    ("CVSS:3.1/A:H/CR:L/IR:M/AC:H/I:L/RL:W/UI:N/C:H/S:C/MA:N/AV:L/MI:H/PR:L/AR:H/MC:L", 7.7),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:R/S:C/C:L/I:H/A:L", 6.9),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:H", 5.9),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:L", 4.4),
    ("CVSS:3.1/AC:H/MS:C/AV:L/I:L/MAC:H/E:F/C:H/S:C/PR:L/RC:X/A:H/MUI:N/UI:R/IR:X", 7.4),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:L", 5.8),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:L", 5.4),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:C/C:N/I:H/A:H", 7.3),
    ("CVSS:3.1/IR:M/MUI:R/S:U/MI:X/MAV:P/AC:H/A:L/UI:N/I:H/C:N/AV:P/PR:L/MAC:H", 4.6),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:H", 6.2),
    ("CVSS:3.1/AV:A/AC:L/PR:L/UI:R/S:U/C:L/I:H/A:N", 5.8),
    ("CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:L/I:H/A:H", 7.7),
    ("CVSS:3.1/I:H/RC:R/PR:H/S:C/UI:N/AV:N/C:H/A:L/AC:H", 7.9),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L", 6.2),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 6.5),
    ("CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 4.2),
    ("CVSS:3.1/AC:H/PR:N/AV:A/C:H/MA:H/RL:W/A:H/IR:X/RC:C/S:C/UI:N/I:L/MC:X", 8.2),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:L/I:H/A:L", 7.9),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L", 5.6),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:L", 6.9),
    ("CVSS:3.1/AC:H/E:X/PR:L/MS:U/AV:L/MAV:X/RC:X/MI:L/S:C/A:N/CR:L/I:L/AR:L/UI:N/C:L", 4.2),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 7.3),
    ("CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:L/A:N", 5.0),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L", 3.1),
    ("CVSS:3.1/UI:N/AC:H/I:L/A:H/PR:H/MPR:N/S:U/AV:A/C:L", 5.3),
    ("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:L/I:H/A:N", 4.8),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:N/I:H/A:L", 7.6),
    ("CVSS:3.1/AV:A/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:N", 0.0),
    ("CVSS:3.1/AC:H/A:N/UI:R/I:N/MI:N/E:P/CR:M/MAC:L/MPR:L/C:N/MA:L/PR:N/S:C/AV:N", 0.0),
    ("CVSS:3.1/AV:P/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N", 4.9),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:N", 5.0),
    ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:L/A:L", 8.1),
    ("CVSS:3.1/UI:N/CR:L/AR:L/A:H/I:L/PR:H/S:C/C:N/AC:H/MA:X/AV:P", 5.5),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:L/I:H/A:H", 7.5),
    ("CVSS:3.1/AV:P/AC:L/PR:L/UI:R/S:C/C:N/I:H/A:H", 6.8),
    ("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N", 6.8),
    ("CVSS:3.1/C:H/I:H/AV:N/PR:N/IR:X/E:P/AC:H/S:C/UI:N/A:H", 9.0),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:L", 6.3),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:H", 5.9),
    ("CVSS:3.1/AV:A/AC:H/PR:H/UI:N/S:C/C:N/I:L/A:L", 4.0),
    ("CVSS:3.1/MC:L/MAC:X/RL:O/C:H/E:F/AC:L/CR:M/AV:L/MUI:R/MS:C/MA:X/PR:H/MPR:L/MI:L/A:H/I:H/AR:X/UI:R/S:U/IR:M/RC:C", 6.5),
    ("CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:N", 4.0),
    ("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 6.7),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:N/I:H/A:N", 4.8),
    ("CVSS:3.1/AC:H/MAV:X/UI:N/MI:X/AV:N/MAC:L/A:N/PR:L/C:N/IR:H/S:U/CR:X/E:F/MS:X/MUI:R/RL:T/RC:C/I:H/AR:X", 5.3),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:H", 6.8),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:L", 5.9),
    ("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:N/A:L", 5.4),
    ("CVSS:3.1/AV:L/PR:H/MAV:A/MAC:X/C:H/MPR:H/IR:M/AC:L/CR:L/A:L/UI:N/S:C/MA:X/I:N", 6.7),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:H", 7.3),
    ("CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:C/C:L/I:H/A:H", 7.8),
    ("CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:H", 8.5),
    ("CVSS:3.1/S:C/C:L/PR:L/AC:L/AV:P/MC:H/UI:N/A:L/I:N", 3.8),
]

/// Random valid v4.0 vectors (every fourth with threat/environmental/supplemental metrics) and the CVSS-B score RedHat's `cvss` 3.6 gives their base part.
private let knownAnswers40: [(String, Double)] = [
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:P/VC:L/VI:L/VA:L/SC:N/SI:N/SA:H", 1.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:N/VI:H/VA:L/SC:L/SI:N/SA:N", 5.8),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:H/VI:N/VA:L/SC:L/SI:L/SA:L", 4.3),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:N/VI:N/VA:L/SC:N/SI:N/SA:L/E:U/CR:L/IR:H/AR:M/MAV:A/MAC:H/MAT:N/MPR:N/MUI:A/MVC:X/MVI:L/MVA:X/MSC:H/MSI:X/S:P/AU:Y/R:U/V:D", 1.0),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:H/SC:L/SI:N/SA:N", 4.1),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:H/VI:N/VA:L/SC:H/SI:H/SA:L", 7.2),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:H/VI:H/VA:H/SC:H/SI:L/SA:H", 7.2),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:H/VI:N/VA:H/SC:N/SI:L/SA:L/E:U/IR:M/MAV:P/MAC:L/MPR:N/MUI:N/MVA:H/MSA:S/R:X/V:D", 5.8),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:P/VC:L/VI:L/VA:L/SC:H/SI:L/SA:N", 2.0),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:P/VC:L/VI:N/VA:N/SC:N/SI:N/SA:H", 1.8),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:N/VC:N/VI:H/VA:N/SC:H/SI:L/SA:L", 5.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:P/VC:H/VI:N/VA:N/SC:H/SI:L/SA:L/MUI:X/MVC:X", 5.8),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:A/VC:L/VI:H/VA:H/SC:L/SI:L/SA:N", 4.6),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:N/VI:H/VA:H/SC:N/SI:L/SA:H", 5.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:P/VC:L/VI:H/VA:N/SC:H/SI:H/SA:H", 7.2),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:P/VC:H/VI:H/VA:N/SC:H/SI:L/SA:N/E:X/CR:H/AR:M/MAV:X/MAC:X/MVC:X/MVA:L/MSC:L/MSI:X/MSA:X/AU:X/V:D/RE:M", 6.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:L/SI:N/SA:N", 7.5),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:L/VI:N/VA:H/SC:N/SI:N/SA:L", 5.9),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:L/VI:L/VA:L/SC:H/SI:H/SA:L", 4.7),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:H/VI:N/VA:L/SC:H/SI:H/SA:N/E:X/IR:L/MAV:N/MAT:X/MPR:X/MVI:N/MVA:X/MSC:X/MSA:L/AU:Y/R:A/V:X/RE:H", 7.2),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:N/VI:N/VA:L/SC:H/SI:H/SA:N", 2.1),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:L/SI:H/SA:H", 9.5),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:P/VC:L/VI:L/VA:L/SC:H/SI:H/SA:H", 2.4),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:L/SC:L/SI:L/SA:N/CR:H/MVC:H/AU:Y", 7.5),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:N/SA:L", 6.9),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:N/VI:H/VA:N/SC:N/SI:H/SA:N", 6.8),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:N/VI:H/VA:N/SC:N/SI:N/SA:H", 7.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:H/SC:L/SI:N/SA:L/E:X/CR:H/AR:H/MAC:L/MPR:N/MUI:N/MVA:N/RE:X/U:Green", 5.2),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:H/VI:N/VA:N/SC:N/SI:H/SA:H", 5.8),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:H/VI:H/VA:L/SC:N/SI:N/SA:H", 8.7),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:L/VI:N/VA:N/SC:L/SI:H/SA:H", 5.3),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:P/VC:H/VI:N/VA:L/SC:L/SI:H/SA:L/E:P/IR:H/AR:H/MAC:X/MAT:N/MPR:H/MUI:N/MVC:N/MVI:L/MVA:L/MSC:N/MSI:N/MSA:H/S:P/AU:N/R:A/V:D/RE:H/U:Amber", 7.1),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:L/VI:L/VA:N/SC:N/SI:H/SA:H", 2.1),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:H", 5.8),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:A/VC:H/VI:L/VA:N/SC:N/SI:N/SA:H", 6.7),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:N/SC:N/SI:L/SA:N/E:U/CR:L/IR:L/MAV:P/MAC:H/MPR:L/MUI:N/MVC:L/MVA:H/MSC:H/MSI:H/MSA:S/S:N/AU:Y/R:U/RE:H/U:Red", 5.3),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:N/VI:H/VA:L/SC:L/SI:L/SA:H", 5.8),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:L/SA:N", 1.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:L/SC:H/SI:L/SA:H", 4.5),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:N/VC:N/VI:H/VA:L/SC:N/SI:H/SA:L/AR:L/U:X", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:A/VC:H/VI:N/VA:H/SC:L/SI:L/SA:L", 5.8),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:P/VC:L/VI:L/VA:L/SC:L/SI:H/SA:H", 2.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:H/VI:L/VA:L/SC:L/SI:L/SA:L", 5.7),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:A/VC:N/VI:H/VA:H/SC:H/SI:L/SA:L/CR:X/MPR:X/MVI:N/MSI:N/S:X/AU:Y/R:X", 8.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:A/VC:N/VI:H/VA:H/SC:L/SI:N/SA:N", 4.4),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:H", 8.2),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:H/VI:L/VA:H/SC:N/SI:L/SA:L", 4.6),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:A/VC:L/VI:L/VA:H/SC:N/SI:N/SA:H/CR:M/IR:M/AR:X/MAV:P/MAC:X/MUI:X/MVC:H/MVI:N/MVA:N/AU:X/V:C/U:Green", 6.8),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:A/VC:N/VI:H/VA:H/SC:L/SI:L/SA:H", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:N/VI:L/VA:N/SC:L/SI:L/SA:L", 1.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:L/SC:H/SI:H/SA:H", 8.6),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:H/VI:N/VA:L/SC:L/SI:H/SA:H/IR:H/AR:L/MAC:X/MVC:L/MSC:L/AU:N/RE:H", 5.9),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:L/SA:L", 7.0),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:A/VC:H/VI:L/VA:H/SC:L/SI:H/SA:L", 7.1),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:H/VI:L/VA:L/SC:N/SI:N/SA:H", 6.9),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:N/VC:N/VI:H/VA:L/SC:H/SI:H/SA:N/E:A/CR:L/IR:M/AR:M/MAV:X/MPR:H/MVC:X/MVA:X/MSC:H/S:P/AU:N/R:X/V:C/RE:M/U:Green", 7.0),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:L/VI:H/VA:L/SC:H/SI:H/SA:H", 6.1),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:L/VI:N/VA:N/SC:L/SI:H/SA:N", 2.0),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:N/SI:L/SA:L", 1.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:L/SI:N/SA:H/E:P/CR:L/IR:H/AR:M/MAC:H/MAT:P/MPR:X/MVC:X/MVI:H/MSC:X/MSI:X/MSA:N/S:P/AU:Y/V:X/U:Amber", 7.1),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:H/VI:N/VA:H/SC:H/SI:L/SA:N", 5.8),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:P/VC:N/VI:N/VA:H/SC:H/SI:H/SA:H", 6.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:A/VC:N/VI:H/VA:N/SC:H/SI:H/SA:L", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:H/SC:L/SI:L/SA:H/MAV:A", 8.4),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:N/VI:L/VA:L/SC:L/SI:H/SA:L", 5.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:H/VA:L/SC:H/SI:L/SA:H", 9.3),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:L/SA:L", 2.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:H/SC:N/SI:L/SA:N/E:X/IR:X/AR:X/MAV:A/MAT:P/MVC:X/MVI:N/MSI:L/S:X/AU:N/R:X/RE:M/U:Red", 6.9),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L", 4.4),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:A/VC:L/VI:H/VA:L/SC:L/SI:H/SA:H", 7.1),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:H/VI:L/VA:N/SC:H/SI:H/SA:N", 6.9),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/IR:M/AR:M/MAV:L/MAT:X/MSC:X/MSI:X/MSA:S/S:P/R:X/RE:L/U:Green", 2.4),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:H/SC:H/SI:L/SA:H", 7.1),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:P/VC:L/VI:N/VA:H/SC:L/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:N/SC:N/SI:H/SA:N", 6.7),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:H/E:U/CR:H/IR:M/AR:H/MAV:N/MAT:N/MPR:N/MVI:L/MVA:N/MSC:H/MSI:N/MSA:H/S:P/AU:Y/R:A/V:C/RE:X/U:Clear", 1.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:P/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", 6.8),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:N/SC:L/SI:L/SA:L", 5.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:A/VC:H/VI:H/VA:H/SC:N/SI:L/SA:H", 8.5),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:A/VC:H/VI:L/VA:L/SC:H/SI:H/SA:H/CR:M/AR:M/MSC:H", 8.4),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:A/VC:H/VI:N/VA:H/SC:N/SI:L/SA:H", 5.8),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:N/VC:L/VI:N/VA:H/SC:N/SI:H/SA:H", 5.8),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:A/VC:H/VI:L/VA:N/SC:L/SI:H/SA:N", 6.9),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:H/VI:L/VA:L/SC:H/SI:L/SA:H/CR:X/IR:H/AR:H/MAV:N/MAC:H/MAT:X/MPR:L/MUI:N/MVC:L/MVI:X/MVA:H/MSC:N/MSI:H/MSA:H/S:P/RE:L/U:Clear", 7.1),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:H", 9.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:N/VI:H/VA:H/SC:L/SI:L/SA:H", 5.9),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:L", 6.2),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:A/VC:N/VI:L/VA:N/SC:N/SI:N/SA:H/E:X/CR:L/AR:L/MAT:N/MPR:H/MUI:P/MVC:H/MVI:X/MVA:N/MSC:H/MSI:N/MSA:S/S:X/AU:Y/V:C/RE:X/U:Green", 1.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:N/SI:N/SA:L", 4.4),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:L/VI:H/VA:H/SC:L/SI:N/SA:H", 8.3),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:H/SC:L/SI:L/SA:N", 5.7),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:A/VC:N/VI:H/VA:H/SC:H/SI:N/SA:H/CR:H/MAV:A/MAC:X/MPR:N/MVA:H/V:C/RE:M/U:Clear", 7.1),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:A/VC:H/VI:L/VA:L/SC:N/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N", 5.8),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:H/VA:L/SC:N/SI:N/SA:H", 5.6),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:H/MSI:S", 1.8),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:A/VC:N/VI:L/VA:H/SC:N/SI:L/SA:L", 5.2),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:H/SI:H/SA:N", 6.3),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:P/VC:N/VI:N/VA:L/SC:H/SI:N/SA:N", 4.1),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:N/VI:L/VA:L/SC:L/SI:L/SA:H/E:A/CR:L/MAC:L/MUI:N/MVC:X/MVI:N/MVA:L/MSC:X/MSI:L/MSA:X/S:X/AU:X/R:X/V:C/U:Red", 5.3),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:L", 2.0),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:L/VI:H/VA:H/SC:H/SI:N/SA:N", 5.7),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:H/SA:L", 8.7),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:L/VI:H/VA:L/SC:H/SI:L/SA:N/IR:H/MAC:H/MUI:P/MVI:H/MVA:H/MSC:N/S:X/V:C/RE:X/U:X", 5.8),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:A/VC:H/VI:L/VA:H/SC:L/SI:H/SA:N", 5.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:L/VI:H/VA:H/SC:L/SI:N/SA:H", 8.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:P/VC:H/VI:H/VA:N/SC:H/SI:N/SA:H", 6.9),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:N/VC:N/VI:L/VA:H/SC:L/SI:N/SA:N/E:A/CR:H/IR:X/AR:H/MAV:A/MAC:L/MAT:P/MPR:L/MUI:N/MVC:L/MVI:H/MVA:H/MSA:X/S:P/AU:Y/R:I/V:X/RE:M/U:Red", 5.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:L/SI:L/SA:L", 2.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:P/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", 1.0),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:H/SC:N/SI:L/SA:L", 4.6),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:H/VI:H/VA:N/SC:N/SI:L/SA:H/IR:H/AR:L/MVC:X/MSI:X/MSA:L/S:X/V:D", 8.3),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/SC:H/SI:L/SA:L", 9.1),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:H/VI:H/VA:N/SC:H/SI:N/SA:L", 6.8),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:L", 2.0),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:N/VA:N/SC:H/SI:H/SA:H/E:U/CR:L/IR:H/AR:L/MAV:N/MAC:L/MAT:P/MPR:L/MUI:P/MVC:H/MVI:N/MVA:H/MSC:L/MSI:X/MSA:L/S:N/AU:N/R:X/V:D/RE:X/U:Amber", 7.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:N/VI:H/VA:H/SC:L/SI:N/SA:N", 4.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:H/SC:H/SI:L/SA:L", 8.5),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:L/SI:L/SA:L", 6.0),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:L/VA:N/SC:L/SI:N/SA:L/CR:M/MAC:X/MVC:L/MSC:X/MSA:N/S:X/AU:N/V:X/RE:H", 1.0),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:H/VI:H/VA:N/SC:H/SI:N/SA:H", 8.8),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:L/VI:L/VA:N/SC:L/SI:N/SA:L", 1.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:L/SC:N/SI:N/SA:L", 4.8),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:H/VI:N/VA:H/SC:N/SI:L/SA:N/CR:L/IR:X/MAT:N/MPR:H/MVC:H/MSI:L/R:A/V:D", 5.9),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:N/SC:L/SI:N/SA:N", 4.3),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N", 2.0),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:N/VI:L/VA:L/SC:H/SI:H/SA:H", 5.8),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:N/VC:N/VI:L/VA:L/SC:N/SI:L/SA:L/CR:L/IR:M/AR:L/MAV:X/MAC:X/MAT:X/MPR:L/MUI:P/MVC:N/MVI:N/MVA:N/MSC:H/MSI:L/S:X/AU:Y/R:U/V:X/RE:H/U:Red", 1.8),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:A/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L", 7.3),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:N", 1.0),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:L/VI:L/VA:L/SC:H/SI:L/SA:L", 2.1),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:A/VC:N/VI:L/VA:L/SC:N/SI:H/SA:L/E:X/CR:L/AR:M/MAV:L/MAC:L/MAT:N/MUI:N/MVC:X/MVI:L/MSC:L/S:P", 4.2),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:H", 7.0),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:A/VC:L/VI:H/VA:L/SC:N/SI:L/SA:N", 4.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:N/VA:H/SC:H/SI:L/SA:N", 8.4),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:N/VI:L/VA:N/SC:L/SI:H/SA:L/IR:M/MUI:N/MVC:N/MSC:N/AU:X/RE:H", 2.1),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:H/VI:N/VA:L/SC:H/SI:N/SA:H", 5.8),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:A/VC:N/VI:L/VA:N/SC:N/SI:L/SA:N", 2.4),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:P/VC:H/VI:N/VA:H/SC:N/SI:L/SA:H", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:N/VI:H/VA:N/SC:N/SI:N/SA:L/E:A/CR:X/IR:H/MUI:P/R:X/V:D/U:X", 5.9),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:N/VI:H/VA:H/SC:L/SI:L/SA:L", 4.4),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:L/VI:N/VA:H/SC:H/SI:L/SA:N", 5.7),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:N/SA:H", 8.4),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:A/VC:L/VI:N/VA:H/SC:L/SI:N/SA:H/E:U/IR:H/AR:L/MAC:L/MAT:X/MPR:H/MVC:X/MVI:H/MSC:L/MSI:L/MSA:X/S:N/AU:X/RE:X/U:Clear", 5.7),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:L/VI:H/VA:L/SC:H/SI:N/SA:L", 6.9),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:L/SC:L/SI:H/SA:L", 5.1),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:L/VI:N/VA:L/SC:H/SI:L/SA:N", 4.3),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:L/SA:H/E:P/MAV:L/MAC:X/MAT:N/MPR:L/MUI:N/MVC:L/MVA:H/MSC:X/MSI:L/MSA:L/S:P/AU:X/R:U/V:C/RE:X/U:X", 2.0),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:N/VC:L/VI:L/VA:N/SC:H/SI:L/SA:H", 5.6),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:N/VC:H/VI:H/VA:N/SC:L/SI:H/SA:N", 8.6),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:L", 7.2),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:A/VC:L/VI:L/VA:L/SC:N/SI:L/SA:N/E:A/IR:M/AR:X/MAC:H/MPR:N/MVC:L/MVI:X/MVA:H/AU:Y/RE:H", 1.0),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:N/VI:L/VA:H/SC:L/SI:N/SA:L", 5.2),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:A/VC:L/VI:N/VA:L/SC:L/SI:H/SA:H", 4.7),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:N/VI:L/VA:H/SC:N/SI:N/SA:N", 4.3),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:H/SI:N/SA:N/E:A/CR:H/IR:X/AR:L/MAV:P/MAC:L/MAT:P/MPR:X/MUI:A/MVC:N/MVI:H/MVA:H/MSC:L/MSI:N/MSA:H/S:P/AU:N/R:U/V:C/RE:X/U:X", 8.5),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:N/VC:N/VI:L/VA:N/SC:N/SI:L/SA:H", 4.3),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:N/VI:L/VA:L/SC:H/SI:L/SA:H", 6.3),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:L/SC:H/SI:N/SA:H", 8.7),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:N/SI:L/SA:L/CR:H/AR:X/MAV:X/MAC:H/MPR:H/MSA:L/S:P/AU:X/RE:L", 1.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:N/VI:L/VA:L/SC:L/SI:H/SA:N", 5.1),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:P/VC:L/VI:H/VA:H/SC:H/SI:L/SA:H", 6.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:H/SI:H/SA:N", 6.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:P/VC:H/VI:N/VA:H/SC:L/SI:L/SA:L/CR:M/MAV:N/U:Amber", 5.2),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:P/VC:L/VI:H/VA:L/SC:N/SI:L/SA:N", 5.2),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:N/SI:N/SA:L", 5.8),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:L/VI:H/VA:N/SC:L/SI:L/SA:H", 8.3),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:A/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N/MSC:L", 5.1),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:L/VA:H/SC:H/SI:H/SA:L", 8.4),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:H/VI:L/VA:H/SC:N/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:H/SI:N/SA:N", 5.6),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:H/VA:L/SC:H/SI:L/SA:L/E:P/CR:H/IR:L/AR:H/MAV:X/MAC:H/MAT:X/MPR:X/MUI:A/MVC:N/MVI:H/MVA:N/MSC:N/MSI:N/MSA:N/S:N/AU:Y/R:U/V:X/RE:H/U:Green", 8.4),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:N/VI:L/VA:L/SC:N/SI:L/SA:L", 2.1),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:N/VI:H/VA:L/SC:L/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:L/VI:L/VA:L/SC:L/SI:N/SA:N", 2.1),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:P/VC:L/VI:H/VA:L/SC:H/SI:H/SA:L/E:X/CR:X/IR:X/AR:L/MAV:X/MAC:H/MAT:X/MPR:L/MUI:P/MVC:X/MVI:N/MVA:L/MSC:X/MSI:L/MSA:H/S:X/AU:N/R:X/V:X/RE:M/U:Green", 6.0),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:H/SI:H/SA:L", 9.1),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:N/SI:L/SA:N", 5.2),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:L/VI:H/VA:L/SC:H/SI:L/SA:N", 5.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:H/SI:H/SA:H/R:A", 6.5),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:L/VA:N/SC:N/SI:H/SA:L", 4.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:H/VI:H/VA:L/SC:N/SI:H/SA:L", 8.8),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:N/VC:L/VI:H/VA:N/SC:L/SI:H/SA:N", 7.0),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:N/VI:H/VA:L/SC:L/SI:L/SA:N/E:P/AR:L/MAC:X/MPR:H/MUI:P/MVC:N/MVA:N/MSC:X/MSA:H/AU:N/V:X", 4.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:P/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N", 1.8),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:A/VC:H/VI:L/VA:L/SC:H/SI:N/SA:L", 5.8),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:L/VI:L/VA:H/SC:N/SI:L/SA:L", 5.9),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:N/VC:H/VI:L/VA:L/SC:N/SI:L/SA:L/IR:M/MAV:N/MVI:L/S:X", 4.4),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:L/VI:N/VA:N/SC:H/SI:H/SA:L", 2.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:H/SI:N/SA:H", 6.0),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:H/SA:L", 9.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:N/VI:L/VA:L/SC:H/SI:H/SA:N/E:X/IR:X/MAC:H/MUI:X/MVC:L/MVA:N/MSI:N/S:N/V:X", 5.3),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:N/SI:H/SA:N", 5.6),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:L/VI:N/VA:L/SC:L/SI:H/SA:H", 5.6),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:L/VA:L/SC:H/SI:H/SA:L", 2.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:P/VC:N/VI:H/VA:L/SC:N/SI:H/SA:H/IR:H/AR:H/MAV:L/MVI:X/MSI:N/U:X", 5.8),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:P/VC:N/VI:N/VA:H/SC:L/SI:H/SA:L", 7.0),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:L/SI:H/SA:N", 6.9),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:L/SI:H/SA:N", 2.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:A/VC:N/VI:H/VA:L/SC:L/SI:L/SA:L/E:X/CR:H/IR:X/MAV:N/MAC:X/MAT:N/MUI:X/MVC:X/MVI:X/MVA:X/MSC:N/MSI:H/MSA:X/S:P/AU:Y/R:X/V:X/RE:H/U:X", 5.8),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:L/SA:N", 1.8),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:A/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N", 5.8),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:H/VI:N/VA:H/SC:H/SI:N/SA:L", 5.8),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:H/VI:H/VA:L/SC:L/SI:N/SA:L/E:U/CR:H/MUI:P/MVC:N/MVI:X/MSC:L/AU:N/V:X/U:Red", 5.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:L/VA:L/SC:H/SI:H/SA:H", 6.2),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:A/VC:N/VI:L/VA:H/SC:H/SI:N/SA:L", 6.9),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:H", 4.6),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:N/VA:L/SC:N/SI:N/SA:H/E:P/CR:M/IR:L/MAV:L/MAC:X/MPR:N/MVC:X/MVI:H/MVA:N/MSC:X/MSI:X/MSA:X/S:X/R:U/V:X/RE:M/U:Amber", 4.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:P/VC:L/VI:L/VA:H/SC:L/SI:N/SA:N", 4.4),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:N/SI:L/SA:L", 4.4),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:L/VI:H/VA:N/SC:L/SI:H/SA:L", 8.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:A/VC:L/VI:H/VA:L/SC:H/SI:N/SA:N/MSA:H/AU:N", 5.7),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:L", 2.3),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:H/VA:N/SC:H/SI:H/SA:H", 7.2),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:N/VI:N/VA:H/SC:N/SI:L/SA:N", 5.7),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:N/SI:L/SA:N/E:P/AR:L/MSI:N/RE:H/U:Amber", 4.4),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:P/VC:N/VI:L/VA:L/SC:H/SI:H/SA:L", 5.3),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:H", 1.8),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:H/VA:L/SC:N/SI:H/SA:N", 5.7),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:L/SI:L/SA:L/R:X", 4.6),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:N/VC:L/VI:H/VA:H/SC:H/SI:H/SA:H", 7.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:N/VI:L/VA:N/SC:H/SI:H/SA:H", 2.4),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:A/VC:L/VI:L/VA:L/SC:N/SI:H/SA:N", 4.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:L/VI:L/VA:H/SC:L/SI:L/SA:L/MAV:N/AU:Y", 4.4),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N", 6.9),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:N/VI:N/VA:H/SC:H/SI:N/SA:N", 6.9),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:L/VI:N/VA:L/SC:H/SI:L/SA:H", 2.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:L/VI:L/VA:L/SC:H/SI:N/SA:N/CR:M/IR:H/MPR:N/MVC:H/V:D/RE:M/U:Amber", 1.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:L/SA:H", 6.3),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:N/VI:L/VA:N/SC:N/SI:H/SA:H", 2.1),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:L/VI:N/VA:H/SC:L/SI:L/SA:L", 4.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:A/VC:N/VI:N/VA:H/SC:L/SI:N/SA:H/E:X/CR:H/IR:H/AR:M/MAV:L/MAC:L/MAT:P/MUI:X/MVC:H/MVI:H/MVA:N/MSC:H/MSI:S/MSA:N/S:N/AU:Y/R:X/V:C/RE:M/U:X", 7.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:L/SI:H/SA:N", 6.1),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:P/VC:H/VI:L/VA:L/SC:L/SI:N/SA:H", 5.8),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:H/SI:L/SA:L", 7.1),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:N/VC:N/VI:L/VA:L/SC:L/SI:N/SA:H/CR:X/IR:L/MAV:A/MPR:H/MSI:X/MSA:N/V:C/RE:M", 4.5),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:H/SA:L", 4.5),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:P/VC:N/VI:L/VA:N/SC:N/SI:H/SA:N", 1.8),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:N/SC:L/SI:N/SA:H", 6.8),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:A/VC:H/VI:H/VA:L/SC:L/SI:N/SA:H/IR:M/AR:M/MAV:A/MAC:H/MAT:P/MPR:H/MUI:N/MVC:X/MSC:H/MSA:L/S:P/R:X/V:X/RE:M/U:Clear", 8.7),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:H/VA:H/SC:L/SI:N/SA:H", 5.8),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:L/VI:L/VA:N/SC:L/SI:H/SA:N", 4.5),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:N/VI:L/VA:H/SC:L/SI:N/SA:H", 5.7),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:A/VC:H/VI:L/VA:L/SC:N/SI:L/SA:N/CR:M/IR:X/AR:L/MAC:X/MAT:X/MUI:A/MVI:H/MVA:N/MSC:N/MSI:X/S:N/AU:Y/R:I/V:C/U:X", 4.4),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:A/VC:H/VI:L/VA:N/SC:H/SI:L/SA:L", 6.9),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 5.4),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:A/VC:N/VI:L/VA:L/SC:L/SI:L/SA:L", 1.8),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:L/VI:N/VA:L/SC:N/SI:L/SA:H/E:U/CR:X/AR:H/MAV:X/MAC:H/MPR:N/MVC:N/MVI:L/MVA:N/MSC:L/MSI:S/MSA:N/S:P/U:Clear", 4.8),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:L", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:L/VI:H/VA:H/SC:L/SI:L/SA:L", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:H/SC:N/SI:L/SA:H", 8.3),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:H/SC:L/SI:H/SA:H/E:X/MAV:A/MAC:H/MVC:N/MVA:X/MSC:N/MSI:N/S:X/AU:Y/R:I/RE:H/U:Clear", 6.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:H", 4.2),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:A/VC:H/VI:N/VA:L/SC:H/SI:N/SA:N", 6.7),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N", 4.3),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:H/SA:H/E:X/IR:M/MAV:L/MAC:L/MAT:X/MUI:N/MVC:N/MVA:L/MSC:L/MSA:X/S:X/V:X/RE:X", 4.7),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:N/VC:N/VI:L/VA:H/SC:L/SI:H/SA:L", 6.9),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:N/UI:A/VC:N/VI:L/VA:H/SC:H/SI:L/SA:H", 5.9),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:N/VC:N/VI:N/VA:L/SC:L/SI:L/SA:N", 2.3),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:A/VC:N/VI:L/VA:L/SC:H/SI:L/SA:N/MSA:L", 4.2),
]

/// Random v4.0 vectors with threat/environmental metrics and the full (CVSS-BTE) score RedHat's `cvss` 3.6 gives them.
private let knownAnswers40BTE: [(String, Double)] = [
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:N/VI:L/VA:L/SC:N/SI:L/SA:H/E:P/CR:L/AR:L/MAV:P/MAT:N/MPR:H/MUI:A/MVI:H/MSA:S/S:X/V:C/RE:H", 5.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:N/VC:H/VI:L/VA:N/SC:H/SI:L/SA:H/E:A/CR:X/IR:H/AR:M/MAV:N/MAC:X/MAT:P/MPR:L/MUI:A/MVC:H/MVI:N/MVA:X/MSC:N/MSI:L/MSA:X/AU:X/R:I/V:X/U:Red", 6.9),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:P/VC:L/VI:L/VA:L/SC:N/SI:N/SA:L/RE:X/U:Clear", 1.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:L/SA:N/CR:L/MAC:X/MPR:N/MUI:X/S:X/AU:Y/R:I", 4.2),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L/MSI:N/MSA:N/AU:X", 5.2),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:A/VC:H/VI:H/VA:H/SC:L/SI:H/SA:H/IR:L/MAV:A/MUI:A/MVI:N/MVA:X/MSA:H/R:U/RE:H", 7.0),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:N/VC:N/VI:N/VA:L/SC:H/SI:N/SA:L/MVA:H/MSA:N/R:U/RE:H", 6.8),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:L/VI:H/VA:L/SC:L/SI:H/SA:L/IR:M/AR:L/MAT:N/MVC:H/MSI:S/AU:N/R:A/V:C/RE:X", 9.7),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:N/VI:L/VA:H/SC:L/SI:H/SA:L/E:A/CR:H/AR:M/MAV:L/MAC:H/MPR:X/MUI:X/MVC:X/MVI:X/MVA:N/MSC:N/MSI:S/MSA:L/S:N/AU:X/R:U/V:D/RE:H/U:Red", 4.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:L/VA:H/SC:H/SI:L/SA:H/E:A/IR:M/MAV:X/MVA:L/AU:N/RE:L/U:Red", 4.5),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:A/VC:H/VI:N/VA:L/SC:L/SI:L/SA:L/IR:M/MAC:L/MPR:L/MUI:A/MVC:X/MVI:X/MVA:L/MSA:N/AU:N/R:U/V:C/RE:M", 5.1),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:A/VC:N/VI:H/VA:N/SC:L/SI:H/SA:L/CR:L/IR:H/MAV:X/MUI:A/MVA:N/MSC:N/MSI:X/MSA:X/S:N", 5.6),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:P/VC:N/VI:L/VA:H/SC:H/SI:H/SA:H/MAT:X", 7.1),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:H/VI:L/VA:L/SC:H/SI:N/SA:H/E:A/CR:L/IR:H/AR:M/MAV:N/MAC:X/MAT:X/MPR:H/MUI:A/MVC:L/MVI:H/MVA:X/MSC:N/MSI:H/S:N/AU:Y/R:A/RE:L/U:Clear", 6.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:H/SC:L/SI:N/SA:N/E:P/MPR:N/U:Red", 5.7),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:L/SI:H/SA:H/E:P/CR:X/AR:L/MPR:H/MVI:H/MSI:N/MSA:L/R:U", 3.2),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:N/VI:H/VA:N/SC:H/SI:H/SA:N/E:A/MSI:X/V:D", 8.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:A/VC:H/VI:L/VA:H/SC:H/SI:L/SA:N/E:P/CR:L/IR:X/AR:H/MAV:X/MAC:X/MAT:P/MPR:H/MUI:X/MVC:X/MVI:L/MVA:L/MSC:H/MSI:N/MSA:X/S:P/AU:X/R:I/V:D/RE:H/U:X", 4.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:L/VI:H/VA:N/SC:L/SI:H/SA:N/E:P/CR:H/MAV:L/MAC:L/MPR:L/MUI:N/MVI:L/MVA:N/MSC:L/MSI:H/R:X/V:D/RE:H/U:Green", 2.1),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:P/VC:N/VI:L/VA:H/SC:L/SI:L/SA:N/E:A/CR:H/IR:L/AR:M/MAT:P/MPR:X/MUI:P/MVA:X/MSC:H/MSA:N/S:P/AU:N/U:X", 4.1),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:H/VI:H/VA:H/SC:L/SI:N/SA:H/CR:M/IR:L/MAV:P/MAC:X/MAT:P/MPR:N/MUI:X/MVC:N/MVI:H/MSC:L/MSA:N/S:P/AU:N/V:D/RE:X", 3.9),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:H/VI:N/VA:H/SC:N/SI:H/SA:L/IR:M/MAC:H/MUI:A/MVC:N/MVI:N/MSC:X/MSI:X/S:X", 5.6),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:H/VI:L/VA:L/SC:L/SI:L/SA:H/E:U/AR:L/MAC:L/MAT:P/MPR:L/MUI:N/MVC:N/MSC:X/MSI:X/AU:Y/R:I/U:Green", 1.3),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:N/VC:L/VI:H/VA:N/SC:L/SI:L/SA:H/AR:X/MAV:A/MAT:N/MVC:X/MVI:X/MVA:L/MSA:N/AU:X/U:Clear", 6.9),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:N/SA:L/CR:L/MPR:N", 2.1),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:P/VC:H/VI:L/VA:H/SC:H/SI:H/SA:H/E:A/CR:L/IR:X/AR:X/MAV:P/MAC:L/MAT:X/MPR:X/MUI:X/MVC:L/MVI:X/MVA:X/MSC:L/MSI:N/MSA:H/S:X/AU:Y/R:A/V:C/RE:H/U:X", 5.7),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:L/SI:L/SA:H/E:U/MUI:A/MVC:L/RE:L", 2.1),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:L/SA:N/E:P/CR:X/AR:X/MAV:P/MAT:N/MVI:N/MVA:N/MSI:N/S:P/RE:H", 0.3),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:L/VI:L/VA:H/SC:N/SI:H/SA:N/MAC:X/MAT:N/MPR:H/MUI:N/MVI:H/MVA:X/MSA:S/AU:N/R:X", 7.3),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:N/VA:L/SC:H/SI:N/SA:H/E:P/CR:M/IR:H/AR:X/MAC:L/MAT:X/MPR:H/MVC:N/MVI:N/MSI:X/AU:N/R:A/V:X/U:X", 2.3),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:L/VI:L/VA:H/SC:H/SI:H/SA:L/CR:H/AR:H/MPR:N/MSC:X/MSI:L/S:X/R:U", 7.1),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:A/VC:H/VI:H/VA:N/SC:N/SI:H/SA:N/E:X/CR:H/IR:X/MAT:P/MUI:A/MVC:H/MVI:X/MVA:L/MSI:S/MSA:H/AU:Y/RE:H/U:Green", 8.5),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:P/VC:N/VI:H/VA:N/SC:N/SI:L/SA:H/E:A/CR:L/AR:H/MAV:N/MAC:X/MAT:P/MUI:X/MVC:H/MVI:X/MVA:X/MSI:X/S:P/AU:Y/R:X/V:D/RE:M/U:Green", 8.4),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:N/VA:H/SC:L/SI:L/SA:N/E:U/AR:H/MAT:N/MUI:X/MVC:N/MVI:X/MSC:H/MSI:H/MSA:S/V:C/RE:M", 7.3),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:A/VC:N/VI:H/VA:H/SC:L/SI:H/SA:H/AR:H/MAT:N/MUI:N/MVI:X/MSI:H/R:X/V:X/U:X", 6.0),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:N/VI:L/VA:H/SC:L/SI:L/SA:N/E:A/MAV:A/MUI:A/MSC:L/MSA:L/S:N", 5.8),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:H/SC:L/SI:L/SA:L/E:A/CR:M/IR:M/AR:X/MAV:P/MAT:X/MPR:N/MUI:X/MVC:N/MVI:L/MVA:N/MSC:N/MSI:N/MSA:S/S:P/AU:X/RE:H", 4.1),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:H/MAV:L/MAT:P/MUI:A/MVC:X/MSI:X", 4.6),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:A/VC:L/VI:N/VA:H/SC:N/SI:H/SA:N/E:A/CR:H/AR:X/MPR:X/MVI:L/MSI:L/R:I", 5.8),
    ("CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:L/SC:H/SI:L/SA:H/E:X/AR:H/MAV:A/MPR:H/MUI:A/MVC:N/MVI:X/MVA:L/S:P/RE:L", 4.5),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:H/MAT:N/MPR:X/MVA:L/MSI:N/MSA:H/R:I", 8.3),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:N/VI:H/VA:N/SC:H/SI:H/SA:H/CR:H/IR:L/AR:X/MUI:P/MVA:H/MSC:H/S:X/R:A/U:Amber", 6.0),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:P/VC:N/VI:N/VA:H/SC:N/SI:H/SA:N/E:U/CR:M/IR:H/MAV:P/MAC:H/MAT:P/MPR:L/MUI:X/MVC:H/MVI:L/MVA:X/MSC:H/MSI:L/MSA:S/S:P/AU:N/RE:X/U:X", 3.5),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:H/VI:N/VA:H/SC:N/SI:H/SA:L/E:X/CR:H/IR:L/AR:M/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:X/MVI:H/MVA:L/MSC:N/S:P/AU:N/R:X/V:D/RE:X/U:Red", 9.9),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:P/VC:N/VI:L/VA:L/SC:H/SI:L/SA:L/E:U/CR:X/IR:H/MAV:N/MAT:X/MPR:N/MUI:P/MVC:N/MVI:X/MVA:L/MSC:X/S:X/AU:X/R:A/V:X/RE:X", 1.3),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:P/VC:L/VI:H/VA:L/SC:L/SI:N/SA:L/E:X/CR:L/IR:M/AR:M/MAV:L/MAC:H/MPR:H/MUI:X/MVC:X/MVI:N/MVA:H/MSC:X/MSI:X/AU:N/R:X/V:X/RE:M/U:X", 1.6),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:N/SC:N/SI:N/SA:H/E:U/CR:M/IR:X/AR:X/MAV:X/MAC:H/MAT:P/MPR:X/MUI:P/MVC:N/MVI:H/MVA:H/MSC:X/MSI:H/MSA:X/S:P/AU:N/R:I/V:X/RE:H/U:X", 4.0),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:L/SI:H/SA:H/E:U/CR:X/MAV:A/MAT:X/MPR:H/MVC:X/MVA:H/MSC:L/MSA:X/S:P/AU:N/R:X/V:X/RE:L/U:Red", 5.7),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N/CR:X/AR:M/MAC:H/MPR:N/MUI:N/MVI:N/MVA:X/MSC:L/MSI:N/AU:N/R:I/V:C/RE:L", 2.1),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:N/VI:H/VA:N/SC:L/SI:N/SA:N/AR:X/MAV:X/MAC:H/MAT:P/MPR:X/MUI:P/MVA:L/MSC:L/MSI:L/RE:M/U:Green", 4.3),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:H/SA:N/CR:L/IR:M/MAV:A/MAC:H/MUI:X/MVC:X/MVI:N/MSC:X/MSI:L/MSA:H/S:P/AU:X/R:X/V:D/RE:X/U:Clear", 4.5),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:L/VI:N/VA:L/SC:N/SI:L/SA:N/CR:M/IR:X/MAC:X/MVI:H/R:X/RE:X", 4.3),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:L/SC:N/SI:L/SA:L/E:A/CR:H/AR:X/MAV:A/MAC:H/MAT:N/MPR:X/MSI:X/S:P/AU:Y/R:A/V:X/RE:H/U:Clear", 7.5),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:H/SC:N/SI:H/SA:N/E:P/CR:L/AR:H/MAC:L/MUI:A/MVI:X/MVA:L/MSI:X/S:X/AU:Y/V:C/RE:H", 3.6),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/SC:L/SI:L/SA:L/E:P/IR:L/AR:X/MAV:X/MAC:L/MAT:X/MPR:X/MUI:P/MVA:X/MSC:L/MSI:S/AU:X/R:A/RE:L/U:Clear", 7.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:N/VI:L/VA:H/SC:L/SI:L/SA:L/MVC:X/MVI:L/MSC:H/MSI:S/S:X/R:I/V:X/U:Clear", 8.6),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:N/SC:L/SI:L/SA:L/E:X/IR:L/MAC:L/MAT:N/MPR:N/MUI:N/MVC:X/MVI:L/MSI:X/AU:Y/V:D/U:X", 5.0),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:A/VC:N/VI:H/VA:L/SC:L/SI:H/SA:N/E:U/CR:M/IR:M/AR:L/MAV:L/MAC:X/MAT:P/MPR:X/MUI:X/MVC:H/MVI:X/MVA:X/MSI:L/MSA:H/S:N/AU:N/R:I/V:X/RE:X/U:Green", 1.6),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:L/SI:H/SA:L/E:P/AR:L/MAV:X/MAC:H/MAT:X/MPR:X/MUI:N/MVC:L/MVI:L/MVA:N/MSC:H/MSI:X/MSA:H/R:U/V:D/RE:L/U:Green", 2.5),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:A/VC:H/VI:L/VA:N/SC:L/SI:L/SA:H/E:A/IR:H/MAV:L/MAC:L/MUI:N/MVC:N/MVI:H/MSC:H/S:P/AU:Y/V:D/RE:L/U:Clear", 8.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:P/VC:L/VI:L/VA:L/SC:N/SI:L/SA:N/E:X/CR:L/IR:L/MAV:N/MUI:X/MVI:N/MVA:N/AU:Y/R:U/RE:H", 2.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:H/SI:H/SA:L/MAV:N/MAC:L/MUI:P/MVC:L/MSA:N/R:A/V:D", 6.4),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:H/VI:L/VA:N/SC:N/SI:H/SA:L/MAC:X/MVC:H/R:A", 5.7),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:X/IR:H/AR:H/MAV:L/MAC:X/MAT:N/MUI:P/MSI:X/AU:X/R:I", 0.0),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:P/VC:L/VI:H/VA:N/SC:N/SI:H/SA:L/E:U/CR:M/IR:L/MAV:P/MAC:L/MAT:N/MPR:H/MUI:X/MVC:L/MVA:L/MSC:X/S:N/AU:N/R:A/V:D/RE:H/U:Green", 1.6),
    ("CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:P/VC:L/VI:H/VA:N/SC:H/SI:N/SA:L/IR:L/MAT:N/MSA:S", 5.4),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:H/VI:L/VA:H/SC:L/SI:N/SA:L/E:A/CR:X/IR:M/MAV:P/MUI:N/MVC:H/MSA:N/AU:N/V:D/RE:X/U:X", 4.4),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:N/VA:N/SC:L/SI:L/SA:N/CR:H/IR:X/AR:L/MAV:A/MAC:X/MVC:L/MVA:L/MSC:L/MSA:S/S:X/AU:X/R:A/V:X/RE:X/U:Amber", 6.7),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:H/VI:H/VA:N/SC:L/SI:L/SA:L/E:A/CR:H/IR:H/AR:L/MAV:N/MAC:L/MPR:L/MUI:N/MVC:X/MVA:X/MSC:L/MSA:X/S:X/AU:X/R:U/V:D/RE:H/U:Amber", 7.5),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:L/SA:L/E:U/CR:L/IR:M/AR:H/MAV:N/MAC:L/MAT:P/MPR:N/MUI:X/MVC:N/MVI:X/MVA:H/MSC:H/MSI:N/MSA:L/S:N/AU:N/R:I/V:C/RE:L/U:Amber", 6.4),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:L/VA:L/SC:H/SI:H/SA:N/CR:L/MAT:X/MPR:H/MVC:X/MVI:H/MSI:X/MSA:X/U:Green", 9.3),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:L/SC:N/SI:H/SA:H/MPR:L/MVC:N", 2.1),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:N/VC:H/VI:L/VA:N/SC:L/SI:L/SA:H/CR:M/IR:X/AR:L/MAC:L/MAT:N/MUI:N/MVA:N/MSC:L/MSI:N/MSA:H/AU:X/V:D/U:Red", 7.1),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:H/VI:L/VA:H/SC:L/SI:N/SA:L/MAC:H/MAT:N/MUI:A/MVA:L/MSC:H/MSI:L/MSA:X/S:N/V:C", 5.9),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:H/UI:N/VC:N/VI:N/VA:L/SC:L/SI:N/SA:L/E:X/IR:H/MAV:L/MAT:X/MPR:N/MSC:X/MSI:N/MSA:N/S:N/AU:X/R:I/V:X/RE:M/U:Red", 2.1),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:A/VC:H/VI:H/VA:N/SC:N/SI:L/SA:H/E:P/CR:M/MAV:A/MAC:H/MVA:N/MSA:H", 5.5),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MUI:P/RE:H", 7.4),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:A/VC:L/VI:N/VA:H/SC:N/SI:L/SA:L/E:P/CR:H/MAV:L/MAC:X/MAT:X/MPR:H/MVC:H/MVI:X/MVA:X/MSA:H/R:I/V:D/RE:L/U:Red", 5.1),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:P/VC:N/VI:L/VA:N/SC:H/SI:L/SA:N/E:P/CR:H/IR:X/AR:H/MAV:P/MAC:X/MAT:N/MPR:X/MUI:X/MVC:L/MVI:N/MVA:N/MSC:H/MSI:N/MSA:N/S:X/AU:Y/R:A/V:D/RE:M", 0.8),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:L/VA:H/SC:N/SI:L/SA:H/IR:X/MAT:P/MPR:N/MUI:P/MVI:L/MVA:N/MSI:X/S:N/AU:N/R:X/V:D", 5.1),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:N/VI:N/VA:H/SC:H/SI:L/SA:H/IR:X/MVI:H", 6.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:H/VI:N/VA:H/SC:H/SI:H/SA:N/E:U/IR:H/AR:L/MAV:L/MAC:H/MAT:X/MPR:X/MUI:A/MVC:H/MVI:N/MVA:H/MSC:X/MSI:L/S:N/AU:X/R:I/V:X/RE:L/U:Clear", 3.3),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:L/SA:L/E:X/IR:H/AR:X/MAV:P/MAC:H/MAT:X/MPR:L/MVC:H/MVI:N/MVA:H/MSC:X/MSI:X/MSA:H/S:P/R:X/V:D/U:Amber", 5.8),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:N/VC:H/VI:L/VA:H/SC:H/SI:H/SA:L/E:X/IR:X/MAV:L/MAC:L/MPR:L/MSI:H/R:U", 7.2),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:A/VC:N/VI:L/VA:L/SC:N/SI:L/SA:H/E:U/CR:X/MAT:N/MVA:L/RE:L/U:Red", 1.1),
    ("CVSS:4.0/AV:N/AC:H/AT:P/PR:N/UI:A/VC:H/VI:H/VA:N/SC:H/SI:N/SA:N/E:U/MAC:H", 5.6),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:L/SA:L/MAC:H/MAT:N/MSI:X/U:Red", 2.1),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:N/VA:H/SC:H/SI:H/SA:N/E:X/CR:L/IR:L/AR:L/MAV:X/MAC:X/MAT:X/MPR:N/MUI:A/MVC:X/MVI:X/MVA:L/MSC:N/MSI:L/MSA:N/S:P/AU:N/R:I/V:D/RE:L/U:Amber", 4.2),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:P/VC:H/VI:L/VA:H/SC:N/SI:L/SA:N/E:P/IR:H/AR:M/MAV:L/MAC:L/MAT:P/MPR:H/MUI:P/MVC:N/MVI:L/MVA:X/MSC:H/MSI:S/MSA:N/S:X/AU:Y/R:X/V:X/RE:L", 4.0),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:L/VA:N/SC:L/SI:H/SA:N/E:X/IR:L/MAC:H/AU:X", 4.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:N/VI:H/VA:N/SC:H/SI:H/SA:H/E:A/MAC:H/MVC:H/MVA:X/MSI:S/MSA:S/AU:Y/V:X", 9.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:P/VC:H/VI:H/VA:N/SC:H/SI:L/SA:H/E:P/CR:L/IR:X/MAV:L/MAC:X/MAT:X/MPR:N/MUI:X/MVI:X/MVA:L/MSC:X/MSI:N/MSA:H/S:X/AU:X/R:U/V:D/RE:X/U:Red", 7.1),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:H/SI:L/SA:N/IR:L/MSC:X/MSI:S/MSA:X/AU:X", 8.5),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/AR:H/MAC:L/MAT:N/MPR:H/MVC:N/MVI:X/MSC:L/MSI:S/S:X/AU:Y/R:A/V:X/RE:X/U:Green", 7.0),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:H/UI:N/VC:L/VI:N/VA:L/SC:H/SI:H/SA:H/E:X/MAC:X/MAT:N/MPR:X/MUI:N/MVC:L/RE:X/U:Clear", 4.7),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:H/UI:N/VC:L/VI:N/VA:L/SC:N/SI:H/SA:H/E:U/CR:M/IR:L/MAV:P/MAC:L/MPR:N/MVC:X/MVA:N/MSI:L/S:N/AU:X/R:X/V:C/RE:M/U:Amber", 0.3),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:N/VI:L/VA:L/SC:N/SI:L/SA:L/IR:M/AR:L/MAC:X/MAT:X/MPR:X/MUI:X/MVI:N/S:P/AU:N/R:X/RE:H/U:X", 1.0),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:N/VI:L/VA:N/SC:L/SI:N/SA:N/E:P/MAV:L/MAT:P/MPR:L/MVC:X/MVI:X/MSC:X/MSI:H/MSA:H/AU:Y/R:A/V:X/RE:L/U:X", 2.3),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N/E:P/CR:M/AR:M/MAV:N/MAT:X/MUI:P/MSI:S/MSA:X/R:A/RE:X", 7.3),
    ("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:L/SA:H/CR:L/AR:X/MAV:P/MAC:H/MAT:P/MSC:N/MSA:X/S:P/R:I", 6.7),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:A/VC:N/VI:H/VA:H/SC:N/SI:H/SA:H/E:P/IR:X/MAV:L/MAC:X/MPR:N/MUI:N/MSC:L/MSI:X/R:A/RE:M", 5.6),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:P/CR:M/IR:H/AR:M/MAV:P/MAT:P/MPR:X/MUI:X/MVC:N/MVA:H/MSC:N/MSI:H/MSA:S/S:N/AU:X/V:X/RE:X/U:Amber", 3.8),
    ("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:H/SI:H/SA:N/MPR:N/MSC:L", 6.9),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:N/VI:H/VA:L/SC:L/SI:H/SA:H/E:A/CR:L/IR:L/MPR:N/MSC:L/V:D/U:Green", 7.2),
    ("CVSS:4.0/AV:P/AC:L/AT:N/PR:L/UI:P/VC:N/VI:L/VA:L/SC:H/SI:H/SA:L/E:U/CR:L/IR:H/MAV:X/MAC:H/MAT:P/MPR:L/MUI:A/MVC:H/MVA:H/MSC:H/MSI:S/MSA:X/S:N/V:X/RE:M", 3.4),
    ("CVSS:4.0/AV:P/AC:L/AT:P/PR:H/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:H/MSC:L/R:A", 5.7),
    ("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:N/SI:H/SA:N/E:X/CR:X/IR:H/AR:L/MAV:L/MVC:L/MVI:L/MVA:N/R:I/V:X/RE:L", 1.8),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:N/VI:H/VA:N/SC:L/SI:L/SA:L/V:C", 5.9),
    ("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:N/VA:N/SC:H/SI:N/SA:L/E:X/CR:L/IR:L/AR:X/MAV:N/MAT:X/MPR:H/MVI:H/MVA:N/MSC:N/MSI:S/AU:X", 8.5),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:H/VI:L/VA:N/SC:N/SI:L/SA:L/MSC:L", 5.2),
    ("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:P/VC:L/VI:L/VA:L/SC:N/SI:H/SA:H/IR:X", 4.8),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:H/SC:N/SI:L/SA:L/E:X/CR:H/IR:M/AR:X/MAV:X/MAC:X/MAT:N/MPR:H/MVC:X/MVI:H/MVA:N/MSC:N/MSI:N/MSA:X/S:N/AU:Y/V:C/RE:M/U:X", 4.5),
    ("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:H/E:U/IR:M/AR:M/MAV:X/MAC:L/MAT:N/MUI:N/MVC:H/MSA:N/R:A/RE:H/U:Green", 4.3),
    ("CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:P/VC:H/VI:L/VA:H/SC:H/SI:H/SA:N/AR:X/MAV:A/MPR:H/MUI:P/MSI:N/S:N/AU:N", 5.7),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:P/VC:L/VI:H/VA:L/SC:L/SI:H/SA:L/E:X/CR:M/IR:M/MAV:N/MAC:H/MAT:N/MPR:L/MUI:X/MVC:N/MVI:X/MVA:H/MSI:H/MSA:S/S:P/AU:N/R:A/V:D/RE:L/U:Red", 8.6),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:N/VI:H/VA:H/SC:N/SI:L/SA:N/E:P/CR:L/IR:L/MAC:L/MUI:X/MVI:N/MSC:X/MSI:L/MSA:S/S:N/V:C", 6.9),
    ("CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:A/VC:H/VI:N/VA:H/SC:H/SI:H/SA:N/E:P/CR:H/IR:X/MAV:N/MPR:N/MUI:P/MVC:N/MVI:N/MSC:N/MSI:L/S:X/AU:X/R:I/V:D/RE:H/U:Amber", 5.7),
    ("CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:A/VC:N/VI:H/VA:N/SC:H/SI:L/SA:H/E:P/CR:X/IR:L/AR:X/MAV:P/MAT:N/MPR:H/MUI:P/MVC:L/MVI:H/MVA:N/MSC:N/MSI:H/MSA:X/S:P/AU:Y/R:A/V:C/RE:H/U:Green", 1.6),
    ("CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:N/VC:H/VI:N/VA:N/SC:L/SI:H/SA:H/CR:H/AR:X/MAC:L/MAT:N/MVC:L/MVA:N/MSC:N/MSA:L/RE:L/U:Amber", 4.2),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:N/SC:N/SI:H/SA:H/E:P", 5.4),
]
