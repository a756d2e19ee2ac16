import Foundation
#if canImport(FoundationXML)
import FoundationXML
import Support
#endif

/// The XMLParser delegate behind ``JUnitReader``: walks one report's elements and gathers its suites and test cases.
/// Stops at the first problem and keeps it in ``failure``; one instance reads one report, on one thread.
final class JUnitReportParser: NSObject, XMLParserDelegate {
    /// The suite names, in document order (nested suites too).
    private(set) var suites: [String] = []
    /// The test cases read.
    private(set) var cases: [TestCase] = []
    /// The first `timestamp` attribute on a `<testsuites>` or `<testsuite>`.
    private(set) var timestamp: String?
    /// The first problem found; nothing is read after it.
    private(set) var failure: DossierError?
    /// Whether the document had a root element at all.
    private(set) var sawRoot = false

    private let file: String
    private var text: ReportText
    /// The names of the open elements, outermost first.
    private var open: [String] = []
    /// The open `<testsuite>`s: name and depth (the count of open elements, itself included).
    private var suiteStack: [(name: String, depth: Int)] = []
    private var current: OpenCase?

    /// A `<testcase>` being read.
    private struct OpenCase {
        var className: String
        var name: String
        var suite: String
        var location: SourceLocation
        var depth: Int
        var outcome: TestOutcome = .passed
        var message: String?
        var requirements: [String] = []
        /// Whether a `<failure>`, `<error>` or `<skipped>` has set the outcome (not only gtest's attributes).
        var outcomeElementSeen = false
        /// The depth of the `<failure>`, `<error>` or `<skipped>` whose text gives the message, while it is open.
        var messageDepth: Int?
        var messageText = FirstLine()
        /// The depth of a requirement `<property>` without a `value`, whose text gives the ids, while it is open.
        var propertyDepth: Int?
        var propertyText = ""
    }

    /// Prepares to read the report `bytes`, named `file` in errors.
    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.text = ReportText(bytes)
    }

    /// Stops reading with a problem at a location.
    private func fail(_ parser: XMLParser, _ message: String, line: Int, column: Int) {
        guard failure == nil else { return }
        failure = DossierError(message, at: SourceLocation(file: file, line: line, column: column))
        parser.abortParsing()
    }

    /// Where the element whose start tag XMLParser has just read begins.
    private func elementStart(_ parser: XMLParser) -> SourceLocation {
        let start = text.tagStart(endingAt: parser.lineNumber, column: parser.columnNumber)
        return SourceLocation(file: file, line: start.line, column: start.column)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        if open.isEmpty {
            sawRoot = true
            guard elementName == "testsuites" || elementName == "testsuite" else {
                let start = elementStart(parser)
                fail(parser, "expected <testsuites> or <testsuite> as the root element, found <\(Excerpt.of(elementName))>",
                     line: start.line ?? parser.lineNumber, column: start.column ?? parser.columnNumber)
                return
            }
        }
        open.append(elementName)
        let depth = open.count
        if var testCase = current {
            if elementName == "testcase" {
                let start = elementStart(parser)
                fail(parser, "expected </testcase> before the next <testcase>, found a <testcase> inside another",
                     line: start.line ?? parser.lineNumber, column: start.column ?? parser.columnNumber)
                return
            }
            startInside(&testCase, elementName, attributes, depth: depth)
            current = testCase
            return
        }
        switch elementName {
        case "testsuites", "testsuite":
            if elementName == "testsuite" {
                suites.append(attributes["name"] ?? "")
                suiteStack.append((attributes["name"] ?? "", depth))
            }
            if timestamp == nil, let stamp = attributes["timestamp"], !stamp.isEmpty { timestamp = stamp }
        case "testcase":
            startCase(parser, attributes, depth: depth)
        default:
            break
        }
    }

    /// Opens a `<testcase>`; gtest's `status="notrun"` and `result="skipped"|"suppressed"` make it skipped.
    private func startCase(_ parser: XMLParser, _ attributes: [String: String], depth: Int) {
        let location = elementStart(parser)
        guard let name = attributes["name"], !FirstLine.trimmed(name).isEmpty else {
            fail(parser, "expected a name attribute on <testcase>, found none",
                 line: location.line ?? parser.lineNumber, column: location.column ?? parser.columnNumber)
            return
        }
        var testCase = OpenCase(className: attributes["classname"] ?? "", name: name, suite: suiteStack.last?.name ?? "",
                                location: location, depth: depth)
        let status = attributes["status"]?.lowercased(), result = attributes["result"]?.lowercased()
        if status == "notrun" || result == "skipped" || result == "suppressed" { testCase.outcome = .skipped }
        current = testCase
    }

    /// An element inside the open `<testcase>`: an outcome, or a requirement property.
    private func startInside(_ testCase: inout OpenCase, _ elementName: String, _ attributes: [String: String], depth: Int) {
        if depth == testCase.depth + 1 {
            let outcome: TestOutcome? = switch elementName {
            case "failure": .failed
            case "error": .error
            case "skipped": .skipped
            default: nil
            }
            // The worst outcome wins; between a failure and an error, the first one written. gtest's
            // `result="skipped"` comes with a `<skipped message=…>` that still gives the message.
            guard let outcome else { return }
            let (new, old) = (Self.rank(outcome), Self.rank(testCase.outcome))
            guard new > old || (new == old && !testCase.outcomeElementSeen) else { return }
            testCase.outcome = outcome
            testCase.outcomeElementSeen = true
            testCase.message = FirstLine.of(attributes["message"])
            if testCase.message == nil {
                testCase.messageDepth = depth
                testCase.messageText = FirstLine()
            }
        } else if depth == testCase.depth + 2, elementName == "property", open[depth - 2] == "properties",
                  let name = attributes["name"], ["requirement", "requirements"].contains(FirstLine.trimmed(name).lowercased()) {
            if let value = attributes["value"] {
                Self.addRequirements(value, to: &testCase)
            } else {
                testCase.propertyDepth = depth
                testCase.propertyText = ""
            }
        }
    }

    private static func rank(_ outcome: TestOutcome) -> Int {
        switch outcome {
        case .passed: 0
        case .skipped: 1
        case .failed, .error: 2
        }
    }

    /// Adds the ids in a property value: separated by commas and white space, each once.
    private static func addRequirements(_ value: String, to testCase: inout OpenCase) {
        for id in value.split(whereSeparator: { $0 == "," || $0.isWhitespace }) where !testCase.requirements.contains(String(id)) {
            testCase.requirements.append(String(id))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, var testCase = current else { return }
        if testCase.messageDepth != nil { testCase.messageText.add(string) }
        // A property's text is kept whole, up to a bound no honest list of ids reaches.
        if testCase.propertyDepth != nil && testCase.propertyText.utf8.count < 65_536 { testCase.propertyText += string }
        current = testCase
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil, !open.isEmpty else { return }
        let depth = open.count
        open.removeLast()
        if var testCase = current {
            if testCase.messageDepth == depth {
                testCase.message = testCase.messageText.value
                testCase.messageDepth = nil
            }
            if testCase.propertyDepth == depth {
                Self.addRequirements(testCase.propertyText, to: &testCase)
                testCase.propertyDepth = nil
            }
            if testCase.depth == depth {
                let id = testCase.className.isEmpty ? testCase.name : testCase.className + "." + testCase.name
                cases.append(TestCase(id: id, className: testCase.className, name: testCase.name, suite: testCase.suite,
                                      outcome: testCase.outcome, message: testCase.message,
                                      requirements: testCase.requirements, location: testCase.location))
                current = nil
            } else {
                current = testCase
            }
        } else if suiteStack.last?.depth == depth {
            suiteStack.removeLast()
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, Self.describe(parseError), line: parser.lineNumber, column: parser.columnNumber)
    }

    /// What XMLParser's error means, phrased for the user (its own description is only a number on Linux).
    /// The codes are libxml2's `xmlParserErrors`, which Apple's `NSXMLParserError` numbers mirror; FoundationXML's
    /// `XMLParser.ErrorCode` enum on Linux is numbered differently, so the numbers are matched here, not the enum.
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        let what = switch code {
        case 4: "no root element (the document is empty or is not XML)"
        case 5, 77, 85, 86: "an element left open at the end of the document, or content after the root element"
        case 9, 6, 7, 8: "a character XML does not allow"
        case 22, 23: "an '&' that starts no entity reference (write '&amp;')"
        case 26, 27: "an entity that is not declared"
        case 38: "a '<' inside an attribute value"
        case 39, 40, 41, 43, 44: "a malformed attribute value"
        case 42: "the same attribute twice on one element"
        case 45: "a comment that is not closed"
        case 63: "a CDATA section that is not closed"
        case 65, 68, 73, 72, 74, 75: "a malformed tag"
        case 76: "a closing tag that does not match the element that is open"
        case 89, 90: "an entity that refers to itself or expands without end"
        default: "malformed XML"
        }
        return "expected well-formed XML, found \(what) (libxml2 error \(code))"
    }
}
