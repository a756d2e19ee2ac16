@testable import Evidence
import Foundation
@testable import Support
import TestSupport
import Testing

/// Reports in the shapes real tools write them (pytest 9, gtest 1.12+, jest-junit, Maven Surefire, bun's nested suites,
/// `swift test --xunit-output` for XCTest and Swift Testing), read by JUnitReader.
@Suite("JUnit XML reader")
struct JUnitReaderTests {
    /// Reads a report given as text.
    static func read(_ xml: String, file: String = "report.xml") throws -> (file: EvidenceFile, cases: [TestCase]) {
        try JUnitReader.read(Data(xml.utf8), file: file)
    }

    /// The cases by id.
    static func byID(_ cases: [TestCase]) -> [String: TestCase] {
        Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // pytest --junitxml (junit_family=xunit2, the default): all on one line, newlines only inside texts.
    static let pytest = """
    <?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" \
    failures="1" skipped="2" tests="6" time="0.103" timestamp="2025-11-24T21:38:39.337405+00:00" hostname="ci-7">\
    <testcase classname="tests.test_pump" name="test_rate_limit" time="0.001"><properties><property name="requirement" \
    value="REQ-1, REQ-2" /></properties></testcase><testcase classname="tests.test_pump" name="test_bolus" time="0.001">\
    <failure message="AssertionError: bolus too large&#10;assert 12 == 10">def test_bolus():
    &gt;       assert dose(12) == 10, "bolus too large"
    E       AssertionError: bolus too large

    tests/test_pump.py:5: AssertionError</failure></testcase><testcase classname="tests.test_pump" name="test_on_arm" \
    time="0.000"><skipped type="pytest.skip" message="needs an ARM board">/ci/tests/test_pump.py:7: needs an ARM board\
    </skipped></testcase><testcase classname="tests.test_pump" name="test_alarm" time="0.000"><error \
    message="failed on setup with &quot;RuntimeError: no serial port&quot;">@pytest.fixture
        def port():
    &gt;       raise RuntimeError("no serial port")
    E       RuntimeError: no serial port</error></testcase><testcase classname="tests.test_pump" name="test_known_bug" \
    time="0.000"><skipped type="pytest.xfail" message="known bug" /></testcase><testcase \
    classname="tests.test_pump.TestDisplay" name="test_units" time="0.000" /></testsuite></testsuites>
    """

    @Test("pytest: outcomes, messages, ids, requirements")
    func pytestReport() throws {
        let (file, cases) = try Self.read(Self.pytest)
        let byID = Self.byID(cases)
        #expect(cases.map(\.id) == ["tests.test_pump.test_rate_limit", "tests.test_pump.test_bolus", "tests.test_pump.test_on_arm",
                                    "tests.test_pump.test_alarm", "tests.test_pump.test_known_bug",
                                    "tests.test_pump.TestDisplay.test_units"])
        #expect(byID["tests.test_pump.test_rate_limit"]?.outcome == .passed)
        #expect(byID["tests.test_pump.test_rate_limit"]?.requirements == ["REQ-1", "REQ-2"])
        #expect(byID["tests.test_pump.test_rate_limit"]?.message == nil)
        #expect(byID["tests.test_pump.test_bolus"]?.outcome == .failed)
        #expect(byID["tests.test_pump.test_bolus"]?.message == "AssertionError: bolus too large")
        #expect(byID["tests.test_pump.test_on_arm"]?.outcome == .skipped)
        #expect(byID["tests.test_pump.test_on_arm"]?.message == "needs an ARM board")
        #expect(byID["tests.test_pump.test_alarm"]?.outcome == .error)
        #expect(byID["tests.test_pump.test_alarm"]?.message == "failed on setup with \"RuntimeError: no serial port\"")
        #expect(byID["tests.test_pump.test_known_bug"]?.outcome == .skipped)
        #expect(byID["tests.test_pump.TestDisplay.test_units"]?.className == "tests.test_pump.TestDisplay")
        #expect(byID["tests.test_pump.TestDisplay.test_units"]?.name == "test_units")
        #expect(cases.allSatisfy { $0.suite == "pytest" })
        #expect(file.suites == ["pytest"])
        #expect((file.tests, file.failures, file.errors, file.skipped) == (6, 1, 1, 2))
        #expect(file.timestamp == "2025-11-24T21:38:39.337405+00:00")
        #expect(file.path == "report.xml")
    }

    // gtest --gtest_output=xml (1.12+: result= next to status=; older versions write status="notrun" alone).
    static let gtest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites tests="5" failures="1" disabled="1" errors="0" time="0.004" timestamp="2025-05-14T18:48:32.196" name="AllTests">
      <testsuite name="SqrtTest" tests="3" failures="1" disabled="1" skipped="0" errors="0" time="0.002" timestamp="2025-05-14T18:48:32.196">
        <testcase name="Positive" file="sqrt_test.cc" line="6" status="run" result="completed" time="0" timestamp="2025-05-14T18:48:32.196" classname="SqrtTest" />
        <testcase name="Negative" file="sqrt_test.cc" line="11" status="run" result="completed" time="0.001" timestamp="2025-05-14T18:48:32.197" classname="SqrtTest">
          <failure message="sqrt_test.cc:12&#x0A;Expected equality of these values:&#x0A;  Sqrt(-1)&#x0A;    Which is: nan&#x0A;  0" type=""><![CDATA[sqrt_test.cc:12
    Expected equality of these values:
      Sqrt(-1)
        Which is: nan
      0]]></failure>
        </testcase>
        <testcase name="DISABLED_Huge" file="sqrt_test.cc" line="16" status="notrun" result="suppressed" time="0" timestamp="1970-01-01T00:00:00.000" classname="SqrtTest" />
      </testsuite>
      <testsuite name="DeviceTest" tests="2" failures="0" disabled="0" skipped="1" errors="0" time="0" timestamp="2025-05-14T18:48:32.198">
        <testcase name="NeedsHardware" file="device_test.cc" line="4" status="run" result="skipped" time="0" timestamp="2025-05-14T18:48:32.198" classname="DeviceTest">
          <skipped message="device_test.cc:5&#x0A;no pump attached"><![CDATA[device_test.cc:5
    no pump attached]]></skipped>
        </testcase>
        <testcase name="Legacy" status="notrun" time="0" classname="DeviceTest" />
      </testsuite>
    </testsuites>
    """

    @Test("gtest: status=notrun and result=skipped|suppressed are skipped; CDATA failures")
    func gtestReport() throws {
        let (file, cases) = try Self.read(Self.gtest)
        let byID = Self.byID(cases)
        #expect(cases.map(\.id) == ["SqrtTest.Positive", "SqrtTest.Negative", "SqrtTest.DISABLED_Huge",
                                    "DeviceTest.NeedsHardware", "DeviceTest.Legacy"])
        #expect(byID["SqrtTest.Positive"]?.outcome == .passed)
        #expect(byID["SqrtTest.Negative"]?.outcome == .failed)
        #expect(byID["SqrtTest.Negative"]?.message == "sqrt_test.cc:12")
        #expect(byID["SqrtTest.DISABLED_Huge"]?.outcome == .skipped)
        #expect(byID["SqrtTest.DISABLED_Huge"]?.message == nil)
        #expect(byID["DeviceTest.NeedsHardware"]?.outcome == .skipped)
        #expect(byID["DeviceTest.NeedsHardware"]?.message == "device_test.cc:5")
        #expect(byID["DeviceTest.Legacy"]?.outcome == .skipped)
        #expect(byID["DeviceTest.NeedsHardware"]?.suite == "DeviceTest")
        #expect(file.suites == ["SqrtTest", "DeviceTest"])
        #expect((file.tests, file.failures, file.errors, file.skipped) == (5, 1, 0, 3))
        #expect(file.timestamp == "2025-05-14T18:48:32.196")
        // Locations are where each <testcase> starts, not the end of its start tag.
        #expect(byID["SqrtTest.Positive"]?.location == Support.SourceLocation(file: "report.xml", line: 4, column: 5))
        #expect(byID["SqrtTest.DISABLED_Huge"]?.location.line == 12)
        #expect(byID["DeviceTest.Legacy"]?.location == Support.SourceLocation(file: "report.xml", line: 19, column: 5))
    }

    // jest-junit defaults: classname "{classname} {title}", name "{classname} {title}"; no message attributes.
    static let jest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="jest tests" tests="4" failures="1" errors="0" time="1.349">
      <testsuite name="dose calculator" errors="0" failures="1" skipped="1" timestamp="2025-10-18T19:07:47" time="0.487" tests="4">
        <testcase classname="dose calculator rounds down" name="dose calculator rounds down" time="0.002">
        </testcase>
        <testcase classname="dose calculator limits bolus" name="dose calculator limits bolus" time="0.001">
          <failure>

    Error: expect(received).toBe(expected) // Object.is equality

    Expected: 10
    Received: 12
        at Object.toBe (/ci/__tests__/dose.test.js:10:21)
        at new Promise (&lt;anonymous&gt;)</failure>
        </testcase>
        <testcase classname="dose calculator handles units" name="dose calculator handles units" time="0">
          <skipped/>
        </testcase>
        <testcase classname="dose calculator 用量 μg" name="dose calculator 用量 μg" time="0">
        </testcase>
      </testsuite>
    </testsuites>
    """

    @Test("jest-junit: message from the failure text, bare <skipped/>, non-ASCII names")
    func jestReport() throws {
        let (file, cases) = try Self.read(Self.jest)
        #expect(cases.map(\.outcome) == [.passed, .failed, .skipped, .passed])
        #expect(cases[0].id == "dose calculator rounds down.dose calculator rounds down")
        #expect(cases[1].message == "Error: expect(received).toBe(expected) // Object.is equality")
        #expect(cases[2].message == nil)
        #expect(cases[3].name == "dose calculator 用量 μg")
        #expect(cases[3].location == Support.SourceLocation(file: "report.xml", line: 19, column: 5))
        #expect((file.tests, file.failures, file.errors, file.skipped) == (4, 1, 0, 1))
        #expect(file.timestamp == "2025-10-18T19:07:47")
    }

    // Maven Surefire (JUnit 5): a bare <testsuite> root, suite-level properties, reruns.
    static let surefire = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd" version="3.0.2" name="com.example.pump.InfusionRateTest" time="0.061" tests="9" errors="0" skipped="0" failures="0">
      <properties>
        <property name="java.version" value="21.0.2"/>
        <property name="requirement" value="REQ-SUITE"/>
      </properties>
      <testcase name="rejectsNegativeRate" classname="com.example.pump.InfusionRateTest" time="0.012">
        <properties>
          <property name="Requirements" value="REQ-7,REQ-8  REQ-7,,"/>
          <property name="owner" value="REQ-NOT"/>
        </properties>
      </testcase>
      <testcase name="roundsToPumpResolution" classname="com.example.pump.InfusionRateTest" time="0.003">
        <failure message="expected: &lt;0.1&gt; but was: &lt;0.15&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: expected: <0.1> but was: <0.15>
    \tat com.example.pump.InfusionRateTest.roundsToPumpResolution(InfusionRateTest.java:31)
    ]]></failure>
        <system-out><![CDATA[rate=0.15
    ]]></system-out>
      </testcase>
      <testcase name="readsConfig" classname="com.example.pump.InfusionRateTest" time="0.002">
        <error message="config.yml (No such file or directory)" type="java.io.FileNotFoundException">java.io.FileNotFoundException: config.yml</error>
      </testcase>
      <testcase name="onDevice" classname="com.example.pump.InfusionRateTest" time="0">
        <skipped message="Disabled until hardware arrives"/>
      </testcase>
      <testcase name="flaky" classname="com.example.pump.InfusionRateTest" time="0.004">
        <flakyFailure message="timeout" type="java.util.concurrent.TimeoutException"><stackTrace>...</stackTrace></flakyFailure>
      </testcase>
      <testcase name="requirementsAsText" classname="com.example.pump.InfusionRateTest" time="0.001">
        <properties>
          <property name="requirement">
            REQ-9
            REQ-10
          </property>
        </properties>
      </testcase>
    </testsuite>
    """

    @Test("Surefire: bare <testsuite>, testcase properties (name case-insensitive, value or text), suite properties ignored")
    func surefireReport() throws {
        let (file, cases) = try Self.read(Self.surefire)
        let byID = Self.byID(cases)
        let prefix = "com.example.pump.InfusionRateTest."
        #expect(byID[prefix + "rejectsNegativeRate"]?.requirements == ["REQ-7", "REQ-8"])
        #expect(byID[prefix + "requirementsAsText"]?.requirements == ["REQ-9", "REQ-10"])
        #expect(!cases.contains { $0.requirements.contains("REQ-SUITE") || $0.requirements.contains("REQ-NOT") })
        #expect(byID[prefix + "roundsToPumpResolution"]?.outcome == .failed)
        #expect(byID[prefix + "roundsToPumpResolution"]?.message == "expected: <0.1> but was: <0.15>")
        #expect(byID[prefix + "readsConfig"]?.outcome == .error)
        #expect(byID[prefix + "readsConfig"]?.message == "config.yml (No such file or directory)")
        #expect(byID[prefix + "onDevice"]?.outcome == .skipped)
        #expect(byID[prefix + "onDevice"]?.message == "Disabled until hardware arrives")
        #expect(byID[prefix + "flaky"]?.outcome == .passed)
        #expect(file.suites == ["com.example.pump.InfusionRateTest"])
        // The attributes say 9 tests and no failures; the cases say otherwise.
        #expect((file.tests, file.failures, file.errors, file.skipped) == (6, 1, 1, 1))
        #expect(file.timestamp == nil)
    }

    // Nested suites, as bun and JUnit 5 reporters write them; a case with an empty classname.
    static let nested = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="bun test" tests="99" failures="0" skipped="0" time="0.018664">
      <testsuite name="math.test.ts" file="math.test.ts" tests="3" failures="0" time="0">
        <testcase name="top-level" classname="" time="0.000112" file="math.test.ts" line="3" />
        <testsuite name="add" file="math.test.ts" line="5" tests="2" time="0" timestamp="2025-01-02T03:04:05">
          <testcase name="passes" classname="add" time="0.000006" />
          <testsuite name="negative" file="math.test.ts" line="7" tests="1" failures="0" time="0">
            <testcase name="fails" classname="negative &amp;gt; add" time="0.000237">
              <failure type="AssertionError" />
            </testcase>
          </testsuite>
          <testcase name="after" classname="add" time="0.000006" />
        </testsuite>
        <testcase name="last" time="0" />
      </testsuite>
    </testsuites>
    """

    @Test("nested suites: every suite listed in order, each case in its innermost suite")
    func nestedSuites() throws {
        let (file, cases) = try Self.read(Self.nested)
        #expect(file.suites == ["math.test.ts", "add", "negative"])
        #expect(cases.map(\.id) == ["top-level", "add.passes", "negative &gt; add.fails", "add.after", "last"])
        #expect(cases.map(\.suite) == ["math.test.ts", "add", "negative", "add", "math.test.ts"])
        #expect(cases[2].outcome == .failed && cases[2].message == nil)
        #expect((file.tests, file.failures) == (5, 1))
        #expect(file.timestamp == "2025-01-02T03:04:05")
    }

    // swift test --parallel --xunit-output out.xml (SwiftPM 6.3): XCTest's file, then Swift Testing's out-swift-testing.xml.
    static let xctest = """
    <?xml version="1.0" encoding="UTF-8"?>

    <testsuites>
    <testsuite name="TestResults" errors="0" tests="3" failures="1" time="0.060356668">
    <testcase classname="PumpTests.InfusionTests" name="testFails" time="0.01971521">
    <failure message="failure"></failure>
    </testcase>
    <testcase classname="PumpTests.InfusionTests" name="testPasses" time="0.018775569">
    </testcase>
    <testcase classname="PumpTests.InfusionTests" name="testSkips" time="0.021865889">
    </testcase>
    </testsuite>
    </testsuites>
    """
    static let swiftTesting = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites>
      <testsuite name="TestResults" errors="0" tests="3" failures="1" skipped="1" time="0.00116612">
        <testcase classname="PumpTests" name="freeFunction()" time="0.000248711" />
        <testcase classname="PumpTests.RateSuite" name="passes()" time="0.000639004" />
        <testcase classname="PumpTests.RateSuite" name="disabled()" >
          <skipped>not now</skipped>
        </testcase>
        <testcase classname="PumpTests.RateSuite" name="fails()" time="0.000601547" >
          <failure message="Expectation failed: (rate() &#8594; 1) == 2 (error): one is not two" />
        </testcase>
      </testsuite>
    </testsuites>
    """

    @Test("swift test --xunit-output: XCTest and Swift Testing")
    func swiftReports() throws {
        let xc = try Self.read(Self.xctest, file: "out.xml")
        #expect(xc.cases.map(\.id) == ["PumpTests.InfusionTests.testFails", "PumpTests.InfusionTests.testPasses",
                                       "PumpTests.InfusionTests.testSkips"])
        #expect(xc.cases.map(\.outcome) == [.failed, .passed, .passed])
        #expect(xc.cases[0].message == "failure")
        #expect(xc.cases[0].location == Support.SourceLocation(file: "out.xml", line: 5, column: 1))
        let st = try Self.read(Self.swiftTesting)
        #expect(st.cases.map(\.id) == ["PumpTests.freeFunction()", "PumpTests.RateSuite.passes()", "PumpTests.RateSuite.disabled()",
                                       "PumpTests.RateSuite.fails()"])
        #expect(st.cases.map(\.outcome) == [.passed, .passed, .skipped, .failed])
        #expect(st.cases[2].message == "not now")
        #expect(st.cases[3].message == "Expectation failed: (rate() → 1) == 2 (error): one is not two")
        #expect(st.file.timestamp == nil)
    }

    @Test("messages: first non-empty line, trimmed, at most 200 characters; the worst outcome wins")
    func messages() throws {
        let long = String(repeating: "é", count: 300)
        let (_, cases) = try Self.read("""
        <testsuite name="s">
          <testcase name="a"><failure message="   \(long)   "/></testcase>
          <testcase name="b"><failure message="  "> \n\n   second line is the first non-empty  \nthird</failure></testcase>
          <testcase name="c"><skipped message="skip"/><failure message="then failed"/><error message="and error"/></testcase>
          <testcase name="d"><failure><![CDATA[

        from CDATA ]]></failure></testcase>
          <testcase name="e"><error message="">  </error></testcase>
        </testsuite>
        """)
        #expect(cases[0].message == String(repeating: "é", count: 200))
        #expect(cases[1].message == "second line is the first non-empty")
        #expect(cases[2].outcome == .failed && cases[2].message == "then failed")
        #expect(cases[3].message == "from CDATA")
        #expect(cases[4].outcome == .error && cases[4].message == nil)
    }

    @Test("the sha256 is that of the bytes, as sha256sum computes it")
    func sha256() throws {
        let scratch = try Scratch()
        let data = Data(Self.gtest.utf8)
        try data.write(to: URL(fileURLWithPath: scratch.file("r.xml")))
        let result = try Shell.run("sha256sum", [scratch.file("r.xml")])
        let expected = String(result.stdout.prefix { $0 != " " })
        #expect(expected.count == 64)
        #expect(try JUnitReader.read(data, file: "r.xml").file.sha256 == expected)
    }

    @Test("malformed XML names the file, line and column where XMLParser stopped, and what it found", arguments: [
        // An element left open at line 7 when the document ends.
        ("<testsuites>\n<testsuite name=\"s\">\n<testcase name=\"a\"/>\n<testcase name=\"b\">\n</testcase>\n<testcase name=\"c\"/>\n"
         + "<testcase name=\"d\" classname=\"x\">", 7, "element left open"),
        ("<?xml version=\"1.0\"?>\n<testsuites>\n  <testsuite name=\"s\">\n    <testcase name=\"a\">\n    </testsuite>\n</testsuites>\n",
         5, "closing tag that does not match"),
        ("<testsuite name=\"s\">\n<testcase name=\"a &amp b\"/>\n</testsuite>", 2, "'&amp;'"),
        ("<testsuite name=\"s\">\n<testcase name=\"a\"/>\n</testsuite>\n<testsuite name=\"t\"/>", 4, "after the root element"),
        ("<testsuite name=\"s\">\n\n\n<testcase name=\"a\">&undefined;</testcase>\n</testsuite>", 4, "not declared"),
        ("<testsuite name=\"s\">\n<testcase name=\"a\" name=\"b\"/></testsuite>", 2, "same attribute twice"),
        ("<testsuite name=s/>", 1, "malformed attribute"),
        ("garbage", 1, "no root element"),
    ] as [(String, Int, String)])
    func malformed(xml: String, line: Int, mentions: String) throws {
        let error = #expect(throws: DossierError.self) { try Self.read(xml, file: "reports/unit.xml") }
        #expect(error?.description.hasPrefix("reports/unit.xml:\(line):") == true, "\(String(describing: error))")
        #expect(error?.location?.column != nil)
        #expect(error?.message.hasPrefix("expected well-formed XML, found ") == true, "\(String(describing: error))")
        #expect(error?.message.contains(mentions) == true, "\(String(describing: error))")
    }

    @Test("a root other than <testsuites> or <testsuite> is refused, where it starts")
    func wrongRoot() throws {
        let html = #expect(throws: DossierError.self) {
            try Self.read("<?xml version=\"1.0\"?>\n<!-- a CI error page -->\n  <html><body>502</body></html>", file: "r.xml")
        }
        #expect(html?.description == "r.xml:3:3: expected <testsuites> or <testsuite> as the root element, found <html>")
        let empty = #expect(throws: DossierError.self) { try Self.read("", file: "r.xml") }
        #expect(empty?.description == "r.xml:1:1: expected <testsuites> or <testsuite> as the root element, found no element")
        let nunit = #expect(throws: DossierError.self) { try Self.read("<test-run id=\"2\"><test-suite/></test-run>", file: "r.xml") }
        #expect(nunit?.description.contains("found <test-run>") == true)
    }

    @Test("a <testcase> without a name is refused, where it starts")
    func namelessCase() throws {
        for attributes in ["classname=\"C\"", "name=\"\" classname=\"C\"", "name=\"  \""] {
            let error = #expect(throws: DossierError.self) {
                try Self.read("<testsuites>\n<testsuite name=\"s\">\n<testcase name=\"ok\"/>\n  <testcase\n   \(attributes)>\n</testcase>"
                              + "</testsuite></testsuites>", file: "r.xml")
            }
            #expect(error?.description == "r.xml:4:3: expected a name attribute on <testcase>, found none")
        }
        let nested = #expect(throws: DossierError.self) {
            try Self.read("<testsuite>\n<testcase name=\"a\">\n<testcase name=\"b\"/>\n</testcase>\n</testsuite>", file: "r.xml")
        }
        #expect(nested?.description.hasPrefix("r.xml:3:1: expected </testcase> before the next <testcase>") == true)
    }

    @Test("a file that is not UTF-8 is refused")
    func notUTF8() throws {
        var latin1 = Data("<testsuite name=\"s\">\n<testcase name=\"ok\"/>\n<testcase name=\"caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: "\"/>\n</testsuite>".utf8)
        let invalid = #expect(throws: DossierError.self) { try JUnitReader.read(latin1, file: "r.xml") }
        #expect(invalid?.description == "r.xml:3:20: expected UTF-8 text, found the byte 0xE9 that is not UTF-8")

        let utf16 = try #require("<testsuite name=\"s\"><testcase name=\"a\"/></testsuite>".data(using: .utf16LittleEndian))
        let wide = #expect(throws: DossierError.self) { try JUnitReader.read(utf16, file: "r.xml") }
        #expect(wide?.message.hasPrefix("expected UTF-8 text") == true)
        var bom = Data([0xFF, 0xFE])
        bom.append(utf16)
        #expect(throws: DossierError.self) { try JUnitReader.read(bom, file: "r.xml") }

        // Declared Latin-1: XMLParser would obey the declaration and read UTF-8 "é" as "Ã©".
        let declared = #expect(throws: DossierError.self) {
            try Self.read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<testsuite><testcase name=\"é\"/></testsuite>", file: "r.xml")
        }
        #expect(declared?.description == "r.xml:1:1: expected UTF-8 text, found an XML declaration saying encoding=\"ISO-8859-1\"")

        // UTF-8 with a byte-order mark and a UTF-8 declaration is fine.
        var withBOM = Data([0xEF, 0xBB, 0xBF])
        withBOM.append(contentsOf: "<?xml version='1.0' encoding='UTF-8'?><testsuite><testcase name=\"é\"/></testsuite>".utf8)
        #expect(try JUnitReader.read(withBOM, file: "r.xml").cases.map(\.name) == ["é"])
    }

    /// Each of these crashed Foundation's XML parser on Linux (a null string read as a C string: signal 11), or reads
    /// what it should not (an external entity, an expansion bomb): a document type declaration is refused at its
    /// place, before parsing.
    @Test("a document type declaration is refused where it starts: entities, notations, attribute lists", arguments: [
        "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
        "<!ENTITY lol0 \"lollollol\"><!ENTITY lol1 \"&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;\">",
        "<!ENTITY e \"&#60;?x?&#62;\">",
        "<!NOTATION n SYSTEM \"x\">",
        "<!NOTATION n PUBLIC \"p\">",
        "<!NOTATION n SYSTEM \"x\"><!ENTITY u SYSTEM \"x\" NDATA n>",
        "<!ATTLIST testcase name CDATA #IMPLIED>",
        "<!ATTLIST testcase foo CDATA #REQUIRED>",
    ])
    func documentTypeDeclaration(declarations: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- a report -->\n<!DOCTYPE testsuites [ \(declarations) ]>\n"
            + "<testsuites><testsuite name=\"s\"><testcase name=\"t\" classname=\"c\">&e;</testcase></testsuite></testsuites>"
        let error = #expect(throws: DossierError.self) { try Self.read(xml, file: "reports/unit.xml") }
        #expect(error?.description == "reports/unit.xml:3:1: expected a test report without a document type declaration, found '<!DOCTYPE'")
    }

    @Test("markup quoted in comments and CDATA (a failure printing a web page) is read as text")
    func quotedMarkup() throws {
        let (_, cases) = try Self.read("""
        <testsuite name="s"><!-- <!DOCTYPE x> <?x?> -->
        <testcase name="a"><failure><![CDATA[got <!DOCTYPE html><?x?> back]]></failure></testcase></testsuite>
        """)
        #expect(cases.count == 1)
        #expect(cases[0].message?.contains("<!DOCTYPE html><?x?>") == true, "\(String(describing: cases[0].message))")
    }

    @Test("5,000 test cases, on one line and on many, with exact locations", arguments: [false, true])
    func large(oneLine: Bool) throws {
        let separator = oneLine ? "" : "\n"
        var xml = "<?xml version=\"1.0\"?>\(separator)<testsuites>\(separator)<testsuite name=\"big\" tests=\"1\">"
        var starts: [Int] = []
        for index in 0..<5000 {
            xml += separator + "  "
            starts.append(xml.utf8.count)
            xml += "<testcase classname=\"big.Ω\" name=\"t\(index)\" time=\"0.001\">"
                + (index % 7 == 0 ? "<failure message=\"no \(index)\">trace\nmore</failure>" : "") + "</testcase>"
        }
        xml += "\(separator)</testsuite>\(separator)</testsuites>"
        let (file, cases) = try Self.read(xml)
        #expect((file.tests, file.failures) == (5000, 715))
        #expect(cases[4999].id == "big.Ω.t4999")
        // Where each case starts, counted in characters as XMLParser counts them.
        let lines = xml.split(separator: "\n", omittingEmptySubsequences: false)
        for index in [0, 1, 7, 2500, 4999] {
            let before = xml.utf8.prefix(starts[index])
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let lineText = String(decoding: try #require(before.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).last), as: UTF8.self)
            #expect(cases[index].location == Support.SourceLocation(file: "report.xml", line: line, column: lineText.unicodeScalars.count + 1))
            #expect(lines[line - 1].unicodeScalars.dropFirst(lineText.unicodeScalars.count).starts(with: "<testcase".unicodeScalars))
        }
    }
}

/// `TestEvidence.load`: globs expanded as the shell would, each file read once.
@Suite("JUnit evidence loading")
struct JUnitEvidenceLoadingTests {
    static func report(_ suite: String, _ names: [String]) -> String {
        "<testsuite name=\"\(suite)\">" + names.map { "<testcase classname=\"\(suite)\" name=\"\($0)\"/>" }.joined() + "</testsuite>"
    }

    /// A tree of reports: two unit, one deep integration, one hidden, one not XML, one at the top.
    static func tree() throws -> Scratch {
        let scratch = try Scratch()
        let files = [
            "reports/unit/b.xml": report("unitB", ["b1"]),
            "reports/unit/a.xml": report("unitA", ["a1", "a2"]),
            "reports/int/deep/c.xml": report("int", ["c1"]),
            "reports/.cache/h.xml": report("hidden", ["h"]),
            "reports/.h.xml": report("hidden", ["h"]),
            "reports/notes.txt": "not a report",
            "top.xml": report("top", ["t"]),
        ]
        for (path, text) in files {
            try FileManager.default.createDirectory(atPath: (scratch.file(path) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: scratch.file(path), atomically: true, encoding: .utf8)
        }
        return scratch
    }

    @Test("** reaches any depth (none too), sorted, hidden names left out")
    func globstar() throws {
        let scratch = try Self.tree()
        let evidence = try TestEvidence.load(globs: ["reports/**/*.xml"], relativeTo: scratch.path)
        #expect(evidence.files.map(\.path) == ["reports/int/deep/c.xml", "reports/unit/a.xml", "reports/unit/b.xml"])
        #expect(evidence.cases.map(\.id) == ["int.c1", "unitA.a1", "unitA.a2", "unitB.b1"])
        let top = try TestEvidence.load(globs: ["**/*.xml"], relativeTo: scratch.path)
        #expect(top.files.map(\.path) == ["reports/int/deep/c.xml", "reports/unit/a.xml", "reports/unit/b.xml", "top.xml"])
        let hidden = try TestEvidence.load(globs: ["reports/.*.xml", "reports/.cache/?.xml"], relativeTo: scratch.path)
        #expect(hidden.files.map(\.path) == ["reports/.h.xml", "reports/.cache/h.xml"])
    }

    @Test("a file matched by two globs is read once, where first matched; plain paths kept as written")
    func once() throws {
        let scratch = try Self.tree()
        let evidence = try TestEvidence.load(globs: ["reports/unit/b.xml", "./top.xml", "reports/*/*.xml", "*.xml",
                                                     "reports/int/../unit/a.xml"], relativeTo: scratch.path)
        #expect(evidence.files.map(\.path) == ["reports/unit/b.xml", "./top.xml", "reports/unit/a.xml"])
        #expect(evidence.cases.count == 4)
        let absolute = try TestEvidence.load(globs: [scratch.file("reports/unit/*.xml")], relativeTo: "/nonexistent")
        #expect(absolute.files.map(\.path) == [scratch.file("reports/unit/a.xml"), scratch.file("reports/unit/b.xml")])
        #expect(try TestEvidence.load(globs: [], relativeTo: scratch.path) == TestEvidence())
    }

    @Test("a glob that matches nothing, a folder and a bad report are errors")
    func errors() throws {
        let scratch = try Self.tree()
        for glob in ["reports/*.xml", "missing.xml", "reports/**/*.json", "nowhere/**/*.xml"] {
            let error = #expect(throws: DossierError.self) { try TestEvidence.load(globs: ["top.xml", glob], relativeTo: scratch.path) }
            #expect(error?.description == "--evidence '\(glob)' matches no file")
        }
        let folder = #expect(throws: DossierError.self) { try TestEvidence.load(globs: ["reports/unit"], relativeTo: scratch.path) }
        #expect(folder?.description.hasPrefix("reports/unit: expected a JUnit XML file, found a folder") == true)
        try "<testsuite>\n<testcase name=\"x\">\n</testsuite>".write(toFile: scratch.file("reports/unit/c.xml"), atomically: true, encoding: .utf8)
        let bad = #expect(throws: DossierError.self) { try TestEvidence.load(globs: ["reports/unit/*.xml"], relativeTo: scratch.path) }
        #expect(bad?.description.hasPrefix("reports/unit/c.xml:3:") == true, "\(String(describing: bad))")
    }

    @Test("name matching: * and ? within one name, [..] as a set, as the shell reads them", arguments: [
        ("*.xml", "a.xml", true), ("*.xml", "a.xml.bak", false), ("TEST-*.xml", "TEST-com.Foo.xml", true),
        ("?.xml", "ab.xml", false), ("a*b*c", "aXbYbZc", true), ("a*b*c", "aXbYc", true), ("a*b*c", "acb", false),
        ("*", "", true), ("[ab].xml", "a.xml", true), ("[ab].xml", "c.xml", false), ("[ab.xml", "[ab.xml", true),
        ("*a*a*a*a*a*a*a*a*b", String(repeating: "a", count: 60), false),
    ] as [(String, String, Bool)])
    func names(pattern: String, name: String, matches: Bool) {
        #expect(Wildcard.matches(pattern, name) == matches)
    }
}
