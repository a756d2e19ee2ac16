import Support

/// The outcome of one test case in a test report.
public enum TestOutcome: String, Sendable, Codable, Hashable {
    /// Ran and passed.
    case passed
    /// Ran and an assertion failed (`<failure>`).
    case failed
    /// Ran and could not complete (`<error>`).
    case error
    /// Did not run (`<skipped>`, or gtest's `status="notrun"`).
    case skipped
}

/// One test case read from a JUnit XML report.
public struct TestCase: Sendable, Codable, Hashable {
    /// The id requirements name in `verified_by`: `classname.name`, or `name` when there is no class name.
    public var id: String
    /// The test's class name (`classname` attribute), possibly empty.
    public var className: String
    /// The test's name.
    public var name: String
    /// The enclosing `<testsuite name>`.
    public var suite: String
    /// What happened.
    public var outcome: TestOutcome
    /// The failure, error or skip message (first line of it), when there is one.
    public var message: String?
    /// Requirement ids named by `<property name="requirement" value="…"/>` on the test case (comma-separated values split).
    public var requirements: [String]
    /// Where the test case is written in the report.
    public var location: SourceLocation

    /// Creates a test case.
    public init(id: String, className: String, name: String, suite: String, outcome: TestOutcome, message: String?,
                requirements: [String], location: SourceLocation) {
        self.id = id
        self.className = className
        self.name = name
        self.suite = suite
        self.outcome = outcome
        self.message = message
        self.requirements = requirements
        self.location = location
    }
}

/// One evidence file as the bundle records it: what it is and how to recognise it again.
public struct EvidenceFile: Sendable, Codable, Hashable {
    /// The path as given on the command line (relative paths stay relative: no machine paths in bundles).
    public var path: String
    /// The SHA-256 of its bytes, lower-case hex.
    public var sha256: String
    /// The names of its test suites, in order.
    public var suites: [String]
    /// Test cases in it.
    public var tests: Int
    /// Failed test cases.
    public var failures: Int
    /// Test cases in error.
    public var errors: Int
    /// Skipped test cases.
    public var skipped: Int
    /// The report's timestamp (the first `timestamp` attribute), as written; nil when there is none.
    public var timestamp: String?

    /// Creates an evidence file record.
    public init(path: String, sha256: String, suites: [String], tests: Int, failures: Int, errors: Int, skipped: Int, timestamp: String?) {
        self.path = path
        self.sha256 = sha256
        self.suites = suites
        self.tests = tests
        self.failures = failures
        self.errors = errors
        self.skipped = skipped
        self.timestamp = timestamp
    }
}

/// Every test report given with `--evidence`: the files and their test cases.
public struct TestEvidence: Sendable, Codable, Hashable {
    /// The files, in the order given.
    public var files: [EvidenceFile]
    /// The test cases of all files, in file order.
    public var cases: [TestCase]
    /// The SBOM given with `--evidence` (a `.json` file), which is the release's SOUP list; the records carry it,
    /// so it is not written again with the evidence.
    public var sbom: SBOM?
    /// The update packages given with `--artifact` or stored under `packages/`, in name order; the release's model
    /// carries them with the verdicts on their signatures, so they are not written again with the evidence.
    public var packages: [UpdatePackageFile] = []
    /// The build provenance given with `--provenance` or stored under `provenance/`: every statement of every file,
    /// in file order; the release's model carries it, so it is not written again with the evidence.
    public var provenance: [BuildProvenance] = []

    private enum CodingKeys: String, CodingKey { case files, cases }

    /// Creates evidence.
    public init(files: [EvidenceFile] = [], cases: [TestCase] = []) {
        self.files = files
        self.cases = cases
    }
}
