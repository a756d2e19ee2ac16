/// One clause of IEC 62304 or ISO 14971: its number, a short title in dossier's words, the software safety
/// classes it applies to, the kinds of evidence a release must hold for dossier to call it evidenced, and the
/// rules that serve it.
public struct Clause: Sendable, Hashable, Codable {
    /// `IEC 62304` or `ISO 14971`.
    public var standard: String
    /// The clause number, e.g. `5.2.3`.
    public var number: String
    /// A short title in dossier's words, not the standard's text.
    public var title: String
    /// The IEC 62304 software safety classes the clause applies to; all three for ISO 14971.
    public var classes: Set<SafetyClass>
    /// What a release must hold, every kind of it, for the clause to be evidenced. Empty when dossier cannot
    /// evidence the clause (the manufacturer's own records must).
    public var needs: [EvidenceKind]
    /// What is listed with the needs when the release holds it, without being needed.
    public var shows: [EvidenceKind]
    /// Rules that serve the clause besides those whose catalog clauses name it (or a parent of it).
    public var rules: [RuleID]

    /// Creates a clause.
    public init(standard: String, number: String, title: String, classes: Set<SafetyClass>, needs: [EvidenceKind],
                shows: [EvidenceKind] = [], rules: [RuleID] = []) {
        self.standard = standard
        self.number = number
        self.title = title
        self.classes = classes
        self.needs = needs
        self.shows = shows
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey { case standard, number, title, classes, needs, shows, rules }

    /// Decodes a clause; `classes` is a list of class letters.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        standard = try container.decode(String.self, forKey: .standard)
        number = try container.decode(String.self, forKey: .number)
        title = try container.decode(String.self, forKey: .title)
        classes = Set(try container.decode([SafetyClass].self, forKey: .classes))
        needs = try container.decode([EvidenceKind].self, forKey: .needs)
        shows = try container.decode([EvidenceKind].self, forKey: .shows)
        rules = try container.decode([RuleID].self, forKey: .rules)
    }

    /// Encodes a clause with `classes` as a sorted list of class letters, so the same clause always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(standard, forKey: .standard)
        try container.encode(number, forKey: .number)
        try container.encode(title, forKey: .title)
        try container.encode(classes.sorted(), forKey: .classes)
        try container.encode(needs, forKey: .needs)
        try container.encode(shows, forKey: .shows)
        try container.encode(rules, forKey: .rules)
    }

    /// `standard number`, e.g. `IEC 62304 5.2.3`, as rules name clauses.
    public var reference: String { "\(standard) \(number)" }

    /// Whether a release can evidence the clause at all.
    public var canBeEvidenced: Bool { !needs.isEmpty }

    /// The number's parts, e.g. `[6, 2, 1, 3]`, for ordering (`5.1.10` comes after `5.1.9`).
    var numberParts: [Int] { number.split(separator: ".").map { Int($0) ?? 0 } }
}

/// The clauses of IEC 62304:2006+A1:2015 (4.1–9.8) and ISO 14971:2019 (4–10) that dossier reports on, with
/// the safety classes each applies to and what a release must hold to evidence it (`ClauseCoverage` judges each
/// release against it). Clauses that need nothing dossier reads are never evidenced by dossier.
public enum ClauseTable {
    /// The IEC 62304 standard's name as clauses and rules write it.
    public static let iec62304 = "IEC 62304"
    /// The ISO 14971 standard's name as clauses and rules write it.
    public static let iso14971 = "ISO 14971"

    /// Every clause, IEC 62304 first, each standard in clause order.
    public static let clauses: [Clause] = iec62304Clauses + iso14971Clauses

    /// The clauses that apply to software of this safety class; every clause when the class is unknown.
    public static func applicable(to safetyClass: SafetyClass?) -> [Clause] {
        guard let safetyClass else { return clauses }
        return clauses.filter { $0.classes.contains(safetyClass) }
    }

    /// The clauses a reference such as `IEC 62304 5.2` names: the clause itself, or, for a clause the table
    /// holds only by its subclauses, those subclauses (`5.2` gives 5.2.1 to 5.2.6). Empty for references to
    /// other standards (`MDR GSPR 23`) and for numbers the table does not hold.
    public static func clauses(for reference: String) -> [Clause] {
        guard let standard = [iec62304, iso14971].first(where: { reference.hasPrefix($0 + " ") }) else { return [] }
        let number = String(reference.dropFirst(standard.count + 1))
        return clauses.filter { $0.standard == standard && ($0.number == number || $0.number.hasPrefix(number + ".")) }
    }

    private static let abc: Set<SafetyClass> = [.a, .b, .c]
    private static let bc: Set<SafetyClass> = [.b, .c]
    private static let c: Set<SafetyClass> = [.c]

    private static func iec(_ number: String, _ title: String, _ classes: Set<SafetyClass>, needs: [EvidenceKind] = [],
                            shows: [EvidenceKind] = [], rules: [RuleID] = []) -> Clause {
        Clause(standard: iec62304, number: number, title: title, classes: classes, needs: needs, shows: shows, rules: rules)
    }

    private static func iso(_ number: String, _ title: String, needs: [EvidenceKind] = [], shows: [EvidenceKind] = [],
                            rules: [RuleID] = []) -> Clause {
        Clause(standard: iso14971, number: number, title: title, classes: abc, needs: needs, shows: shows, rules: rules)
    }

    // MARK: IEC 62304:2006+A1:2015

    private static let iec62304Clauses: [Clause] = [
        // 4 General requirements
        iec("4.1", "Work within a quality management system", abc),
        iec("4.2", "Apply an ISO 14971 risk management process", abc, needs: [.risks], shows: [.riskPolicy]),
        iec("4.3", "Assign software safety classes", abc, needs: [.deviceClass], shows: [.classifiedItems], rules: [.R5]),
        iec("4.4", "Legacy software", abc),
        // 5.1 Software development planning
        iec("5.1.1", "Plan the software development", abc),
        iec("5.1.2", "Keep the development plan current", abc),
        iec("5.1.3", "Relate the plan to system design and development", abc),
        iec("5.1.4", "Plan development standards, methods and tools", c),
        iec("5.1.5", "Plan integration and integration testing", bc),
        iec("5.1.6", "Plan software verification", abc),
        iec("5.1.7", "Plan software risk management", abc),
        iec("5.1.8", "Plan the documentation", abc),
        iec("5.1.9", "Plan configuration management", abc),
        iec("5.1.10", "Name the supporting items to control", bc),
        iec("5.1.11", "Control configuration items before verification", bc),
        iec("5.1.12", "Identify and avoid common software defects", bc),
        // 5.2 Software requirements analysis
        iec("5.2.1", "Derive and document software requirements", abc, needs: [.requirements], rules: [.D1]),
        iec("5.2.2", "Content of software requirements", abc, needs: [.requirements]),
        iec("5.2.3", "Put risk control measures into requirements", bc, needs: [.controlRequirements], rules: [.R2]),
        iec("5.2.4", "Re-evaluate the device risk analysis", abc, needs: [.requirements, .risks], shows: [.controlRequirements]),
        iec("5.2.5", "Update requirements", abc, needs: [.requirements]),
        iec("5.2.6", "Verify the software requirements", abc, needs: [.approvedRequirements]),
        // 5.3 Software architectural design
        iec("5.3.1", "Turn the requirements into an architecture", bc, needs: [.items], rules: [.C5, .D1]),
        iec("5.3.2", "Design the interfaces of software items", bc, needs: [.interfaces]),
        iec("5.3.3", "Specify what SOUP items must do", bc),
        iec("5.3.4", "Specify what SOUP items need to run", bc),
        iec("5.3.5", "Segregate for risk control", c),
        iec("5.3.6", "Verify the architecture", bc),
        // 5.4 Software detailed design
        iec("5.4.1", "Divide software into units", bc),
        iec("5.4.2", "Design each unit in detail", c),
        iec("5.4.3", "Design the interfaces in detail", c),
        iec("5.4.4", "Verify the detailed design", c),
        // 5.5 Software unit implementation and verification; test reports do not say which tests are unit tests.
        iec("5.5.1", "Implement each unit", abc),
        iec("5.5.2", "Set up unit verification", bc),
        iec("5.5.3", "Unit acceptance criteria", bc),
        iec("5.5.4", "Further unit acceptance criteria", c),
        iec("5.5.5", "Verify the units", bc),
        // 5.6 Software integration and integration testing; nor which are integration tests.
        iec("5.6.1", "Integrate the units", bc),
        iec("5.6.2", "Verify the integration", bc),
        iec("5.6.3", "Test the integration", bc),
        iec("5.6.4", "What integration tests cover", bc),
        iec("5.6.5", "Evaluate integration test procedures", bc),
        iec("5.6.6", "Run regression tests", bc),
        iec("5.6.7", "Integration test records", bc),
        iec("5.6.8", "Route integration anomalies to problem resolution", bc),
        // 5.7 Software system testing: tests linked to software requirements
        iec("5.7.1", "Test every software requirement", abc, needs: [.testedRequirements], rules: [.T1]),
        iec("5.7.2", "Route system test anomalies to problem resolution", abc, needs: [.testCases, .problemReports], rules: [.A2]),
        iec("5.7.3", "Retest after changes", abc, needs: [.testCases, .traceableCommits]),
        iec("5.7.4", "Evaluate the system testing", abc, needs: [.testedRequirements, .testCases], rules: [.T1, .X2, .A2]),
        iec("5.7.5", "System test records", abc, needs: [.testCases]),
        // 5.8 Software release
        iec("5.8.1", "Verification complete before release", abc, needs: [.testedRequirements, .testCases], rules: [.T1]),
        iec("5.8.2", "List known residual anomalies", abc, needs: [.problemReports]),
        iec("5.8.3", "Evaluate known residual anomalies", bc, needs: [.evaluatedAnomalies]),
        iec("5.8.4", "Identify the released version", abc, needs: [.releaseTag], rules: [.I1, .I2, .I3]),
        iec("5.8.5", "Record how the release was built", bc, needs: [.buildProvenance], rules: [.G4, .G5]),
        iec("5.8.6", "Activities and tasks complete", bc),
        iec("5.8.7", "Archive the release", abc),
        iec("5.8.8", "Deliver the release reliably", abc, needs: [.signedTag, .signedUpdatePackages], rules: [.G3, .G5]),
        // 6 Software maintenance process
        iec("6.1", "Plan software maintenance", abc),
        iec("6.2.1.1", "Monitor feedback", abc),
        iec("6.2.1.2", "Record and evaluate feedback", abc, needs: [.problemReports], shows: [.evaluatedProblemReports]),
        iec("6.2.1.3", "Judge a problem report's effect on safety", abc, needs: [.evaluatedProblemReports]),
        iec("6.2.2", "Use the problem resolution process", abc, needs: [.problemReportsInChangeControl]),
        iec("6.2.3", "Analyse change requests", abc, needs: [.analysedChangeRequests], rules: [.C2, .C8]),
        iec("6.2.4", "Approve change requests", abc, needs: [.approvedChangeRequests]),
        iec("6.2.5", "Inform users and regulators", abc, needs: [.regulatoryDecisions]),
        iec("6.3.1", "Implement modifications by the established process", abc, needs: [.traceableCommits]),
        iec("6.3.2", "Re-release the modified system", abc, needs: [.releaseTag, .previousRelease, .traceableCommits]),
        // 7 Software risk management process
        iec("7.1.1", "Find software items that can contribute to hazardous situations", bc, needs: [.risksWithItems], rules: [.R5, .D1]),
        iec("7.1.2", "Find how software can contribute", bc, needs: [.risksWithCause]),
        iec("7.1.3", "Review SOUP anomaly lists", bc, needs: [.soup, .sbom], rules: [.S6]),
        iec("7.1.4", "Record the potential causes", bc, needs: [.risksWithCause]),
        iec("7.2.1", "Choose risk control measures", bc, needs: [.risksWithControls], rules: [.R1]),
        iec("7.2.2", "Risk controls implemented in software", bc, needs: [.controlRequirements], rules: [.R2]),
        iec("7.3.1", "Verify risk control measures", bc, needs: [.verifiedControls], rules: [.R2]),
        iec("7.3.3", "Trace hazards to controls and their verification", bc, needs: [.risksWithControls, .verifiedControls], rules: [.T2]),
        iec("7.4.1", "Analyse changes for safety", abc, needs: [.analysedChangeRequests], rules: [.C2]),
        iec("7.4.2", "Analyse changes' impact on existing risk controls", bc, needs: [.controlImpactStated], rules: [.C2]),
        iec("7.4.3", "Carry out the risk management the analyses call for", bc, needs: [.changeRequestsNamingRisks]),
        // 8 Software configuration management process
        iec("8.1.1", "Identify configuration items", abc, needs: [.items], rules: [.C5, .I3]),
        iec("8.1.2", "Identify SOUP", abc, needs: [.soup], rules: [.S1, .S4]),
        iec("8.1.3", "Identify the system configuration documentation", abc, needs: [.items], shows: [.soup]),
        iec("8.2.1", "Approve change requests before changing", abc, needs: [.approvedChangeRequests, .traceableCommits]),
        iec("8.2.2", "Implement the approved changes", abc, needs: [.traceableCommits]),
        iec("8.2.3", "Verify the changes", abc, needs: [.traceableCommits, .testCases]),
        iec("8.2.4", "Trace every change", abc, needs: [.traceableCommits], shows: [.signedCommits], rules: [.C1, .T2, .G1, .G2]),
        iec("8.3", "Configuration status accounting", abc, needs: [.items, .commits], shows: [.signedCommits, .signedTag], rules: [.G1, .G2]),
        // 9 Software problem resolution process
        iec("9.1", "Write problem reports", abc, needs: [.problemReports]),
        iec("9.2", "Investigate the problem", abc, needs: [.evaluatedProblemReports]),
        iec("9.3", "Tell the relevant parties", abc),
        iec("9.4", "Use change control", abc, needs: [.problemReportsInChangeControl]),
        iec("9.5", "Keep the records", abc, needs: [.problemReports]),
        iec("9.6", "Look for trends", abc),
        iec("9.7", "Verify the resolution", abc, needs: [.problemReportsWithTests]),
        iec("9.8", "Test documentation", abc, needs: [.problemReportsWithTests, .testCases]),
    ]

    // MARK: ISO 14971:2019

    private static let iso14971Clauses: [Clause] = [
        iso("4.1", "Risk management process"),
        iso("4.2", "Management responsibilities", needs: [.riskPolicy]),
        iso("4.3", "Competent personnel"),
        iso("4.4", "Risk management plan"),
        iso("4.5", "Risk management file", needs: [.risks]),
        iso("5.1", "Risk analysis", needs: [.risks]),
        iso("5.2", "Intended use and foreseeable misuse"),
        iso("5.3", "Characteristics related to safety"),
        iso("5.4", "Hazards and hazardous situations", needs: [.risksWithSituation], rules: [.X5, .D1]),
        iso("5.5", "Estimate the risks", needs: [.estimatedRisks]),
        iso("6", "Evaluate the risks", needs: [.estimatedRisks, .riskPolicy], rules: [.R1]),
        iso("7.1", "Choose risk control options", needs: [.risksWithControls], rules: [.R1]),
        iso("7.2", "Implement and verify risk controls", needs: [.verifiedControls], rules: [.R2, .R4]),
        iso("7.3", "Evaluate the residual risk", needs: [.residualRisks]),
        iso("7.4", "Weigh benefit against residual risk", needs: [.residualRisks], shows: [.benefitRisk], rules: [.R3]),
        iso("7.5", "Risks the controls introduce"),
        iso("7.6", "Risk control complete", needs: [.risksWithControls, .residualRisks], rules: [.R1, .R2]),
        iso("8", "Evaluate the overall residual risk", needs: [.residualRiskEvaluation], rules: [.R6]),
        iso("9", "Review the risk management", needs: [.riskManagementReview], rules: [.R7]),
        iso("10", "Production and post-production information"),
    ]
}
