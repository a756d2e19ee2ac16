/// One clause of IEC 62304 or ISO 14971: its number, a short title in dossier's words, the software safety
/// classes it applies to, and where dossier evidences it.
public struct Clause: Sendable, Hashable, Codable {
    /// `IEC 62304` or `ISO 14971`.
    public var standard: String
    /// The clause number, e.g. `5.2.3`.
    public var number: String
    /// A short title in dossier's words, not the standard's text.
    public var title: String
    /// The IEC 62304 software safety classes the clause applies to; all three for ISO 14971.
    public var classes: Set<SafetyClass>
    /// Where dossier evidences the clause: sections of the SUF or DHF (`ClauseTable.evidenceSections`) and
    /// rules (`rule R1`). Empty when dossier does not evidence it.
    public var evidence: [String]

    /// Creates a clause.
    public init(standard: String, number: String, title: String, classes: Set<SafetyClass>, evidence: [String]) {
        self.standard = standard
        self.number = number
        self.title = title
        self.classes = classes
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey { case standard, number, title, classes, evidence }

    /// Decodes a clause; `classes` is a list of class letters.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        standard = try container.decode(String.self, forKey: .standard)
        number = try container.decode(String.self, forKey: .number)
        title = try container.decode(String.self, forKey: .title)
        classes = Set(try container.decode([SafetyClass].self, forKey: .classes))
        evidence = try container.decode([String].self, forKey: .evidence)
    }

    /// Encodes a clause with `classes` as a sorted list of class letters, so the same clause always gives the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(standard, forKey: .standard)
        try container.encode(number, forKey: .number)
        try container.encode(title, forKey: .title)
        try container.encode(classes.sorted(), forKey: .classes)
        try container.encode(evidence, forKey: .evidence)
    }

    /// `standard number`, e.g. `IEC 62304 5.2.3`, as rules name clauses.
    public var reference: String { "\(standard) \(number)" }

    /// Whether dossier evidences the clause at all.
    public var isEvidenced: Bool { !evidence.isEmpty }

    /// The rule ids named in `evidence`, e.g. `["R1", "R2"]`.
    public var ruleIDs: [String] { evidence.compactMap { $0.hasPrefix("rule ") ? String($0.dropFirst(5)) : nil } }

    /// The number's parts, e.g. `[6, 2, 1, 3]`, for ordering (`5.1.10` comes after `5.1.9`).
    var numberParts: [Int] { number.split(separator: ".").map { Int($0) ?? 0 } }
}

/// The clauses of IEC 62304:2006+A1:2015 (4.1–9.8) and ISO 14971:2019 (4–10) that dossier reports on, with
/// the safety classes each applies to and where dossier evidences it. The SUF and the DHF print the table;
/// clauses with no evidence show as not evidenced by dossier.
public enum ClauseTable {
    /// The IEC 62304 standard's name as clauses and rules write it.
    public static let iec62304 = "IEC 62304"
    /// The ISO 14971 standard's name as clauses and rules write it.
    public static let iso14971 = "ISO 14971"

    /// The names `Clause.evidence` uses for SUF and DHF sections (rules are written `rule ID`).
    public static let evidenceSections: [String] = [
        suf1, suf2, suf3, suf4, suf5, suf6, suf7, suf8, suf9, suf10, suf11, suf12, suf13, suf14, suf15, sufTrace,
        dhfReleases, dhfRequirements, dhfRisk, dhfThreats, dhfSOUP, dhfChanges,
    ]

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

    // MARK: Evidence names

    static let suf1 = "SUF 1 Identification"
    static let suf2 = "SUF 2 Release summary"
    static let suf3 = "SUF 3 Version history"
    static let suf4 = "SUF 4 Affected software items and safety class"
    static let suf5 = "SUF 5 Requirements delta"
    static let suf6 = "SUF 6 Risk management file"
    static let suf7 = "SUF 7 Cybersecurity delta"
    static let suf8 = "SUF 8 SOUP delta"
    static let suf9 = "SUF 9 Verification evidence"
    static let suf10 = "SUF 10 Problem reports resolved"
    static let suf11 = "SUF 11 Known residual anomalies"
    static let suf12 = "SUF 12 Labeling and IFU delta"
    static let suf13 = "SUF 13 Deprecations"
    static let suf14 = "SUF 14 Build and update integrity"
    static let suf15 = "SUF 15 Gap report"
    static let sufTrace = "SUF traceability matrix"
    static let dhfReleases = "DHF release history"
    static let dhfRequirements = "DHF requirements baseline"
    static let dhfRisk = "DHF risk management file"
    static let dhfThreats = "DHF threat model"
    static let dhfSOUP = "DHF SOUP list"
    static let dhfChanges = "DHF change-control log"

    private static let abc: Set<SafetyClass> = [.a, .b, .c]
    private static let bc: Set<SafetyClass> = [.b, .c]
    private static let c: Set<SafetyClass> = [.c]

    private static func iec(_ number: String, _ title: String, _ classes: Set<SafetyClass>, _ evidence: [String] = []) -> Clause {
        Clause(standard: iec62304, number: number, title: title, classes: classes, evidence: evidence)
    }

    private static func iso(_ number: String, _ title: String, _ evidence: [String] = []) -> Clause {
        Clause(standard: iso14971, number: number, title: title, classes: abc, evidence: evidence)
    }

    // MARK: IEC 62304:2006+A1:2015

    private static let iec62304Clauses: [Clause] = [
        // 4 General requirements
        iec("4.1", "Work within a quality management system", abc),
        iec("4.2", "Apply an ISO 14971 risk management process", abc, [dhfRisk, suf6]),
        iec("4.3", "Assign software safety classes", abc, [suf1, suf4, "rule R5"]),
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
        iec("5.2.1", "Derive and document software requirements", abc, [suf5, dhfRequirements, "rule D1"]),
        iec("5.2.2", "Content of software requirements", abc, [dhfRequirements]),
        iec("5.2.3", "Put risk control measures into requirements", bc, [suf6, sufTrace, "rule R2"]),
        iec("5.2.4", "Re-evaluate the device risk analysis", abc),
        iec("5.2.5", "Update requirements", abc, [suf5]),
        iec("5.2.6", "Verify the software requirements", abc),
        // 5.3 Software architectural design
        iec("5.3.1", "Turn the requirements into an architecture", bc, [suf4, "rule C5", "rule D1"]),
        iec("5.3.2", "Design the interfaces of software items", bc),
        iec("5.3.3", "Specify what SOUP items must do", bc),
        iec("5.3.4", "Specify what SOUP items need to run", bc),
        iec("5.3.5", "Segregate for risk control", c),
        iec("5.3.6", "Verify the architecture", bc),
        // 5.4 Software detailed design
        iec("5.4.1", "Divide software into units", bc),
        iec("5.4.2", "Design each unit in detail", c),
        iec("5.4.3", "Design the interfaces in detail", c),
        iec("5.4.4", "Verify the detailed design", c),
        // 5.5 Software unit implementation and verification
        iec("5.5.1", "Implement each unit", abc),
        iec("5.5.2", "Set up unit verification", bc),
        iec("5.5.3", "Unit acceptance criteria", bc),
        iec("5.5.4", "Further unit acceptance criteria", c),
        iec("5.5.5", "Verify the units", bc, [suf9]),
        // 5.6 Software integration and integration testing
        iec("5.6.1", "Integrate the units", bc),
        iec("5.6.2", "Verify the integration", bc),
        iec("5.6.3", "Test the integration", bc, [suf9]),
        iec("5.6.4", "What integration tests cover", bc),
        iec("5.6.5", "Evaluate integration test procedures", bc),
        iec("5.6.6", "Run regression tests", bc),
        iec("5.6.7", "Integration test records", bc),
        iec("5.6.8", "Route integration anomalies to problem resolution", bc),
        // 5.7 Software system testing
        iec("5.7.1", "Test every software requirement", abc, [suf9, sufTrace, "rule T1"]),
        iec("5.7.2", "Route system test anomalies to problem resolution", abc, ["rule A2"]),
        iec("5.7.3", "Retest after changes", abc),
        iec("5.7.4", "Evaluate the system testing", abc, [suf9, "rule T1", "rule X2", "rule A2"]),
        iec("5.7.5", "System test records", abc, [suf9]),
        // 5.8 Software release
        iec("5.8.1", "Verification complete before release", abc, [suf9, suf15, "rule T1"]),
        iec("5.8.2", "List known residual anomalies", abc, [suf11]),
        iec("5.8.3", "Evaluate known residual anomalies", bc, [suf11]),
        iec("5.8.4", "Identify the released version", abc, [suf1, dhfReleases, "rule I1", "rule I2", "rule I3"]),
        iec("5.8.5", "Record how the release was built", bc, [suf14]),
        iec("5.8.6", "Activities and tasks complete", bc, [suf15]),
        iec("5.8.7", "Archive the release", abc, [suf1]),
        iec("5.8.8", "Deliver the release reliably", abc, [suf14]),
        // 6 Software maintenance process
        iec("6.1", "Plan software maintenance", abc),
        iec("6.2.1.1", "Monitor feedback", abc),
        iec("6.2.1.2", "Record and evaluate feedback", abc, [suf10]),
        iec("6.2.1.3", "Judge a problem report's effect on safety", abc),
        iec("6.2.2", "Use the problem resolution process", abc, [suf10]),
        iec("6.2.3", "Analyse change requests", abc, [suf2, suf13, "rule C2", "rule C8"]),
        iec("6.2.4", "Approve change requests", abc, [suf2]),
        iec("6.2.5", "Inform users and regulators", abc, [suf2, suf12]),
        iec("6.3.1", "Implement modifications by the established process", abc, [suf3]),
        iec("6.3.2", "Re-release the modified system", abc, [suf1, dhfReleases]),
        // 7 Software risk management process
        iec("7.1.1", "Find software items that can contribute to hazardous situations", bc, [dhfRisk, "rule R5", "rule D1"]),
        iec("7.1.2", "Find how software can contribute", bc, [dhfRisk]),
        iec("7.1.3", "Review SOUP anomaly lists", bc, [suf8, dhfSOUP, "rule S6"]),
        iec("7.1.4", "Record the potential causes", bc, [dhfRisk]),
        iec("7.2.1", "Choose risk control measures", bc, [suf6, dhfRisk, "rule R1"]),
        iec("7.2.2", "Risk controls implemented in software", bc, [sufTrace, "rule R2"]),
        iec("7.3.1", "Verify risk control measures", bc, [sufTrace, "rule R2"]),
        iec("7.3.3", "Trace hazards to controls and their verification", bc, [sufTrace, suf15, "rule T2"]),
        iec("7.4.1", "Analyse changes for safety", abc, [suf2, "rule C2"]),
        iec("7.4.2", "Analyse changes' impact on existing risk controls", bc, ["rule C2"]),
        iec("7.4.3", "Carry out the risk management the analyses call for", bc, [suf6]),
        // 8 Software configuration management process
        iec("8.1.1", "Identify configuration items", abc, [suf1, suf4, "rule C5", "rule I3"]),
        iec("8.1.2", "Identify SOUP", abc, [suf8, dhfSOUP, "rule S1", "rule S4"]),
        iec("8.1.3", "Identify the system configuration documentation", abc),
        iec("8.2.1", "Approve change requests before changing", abc, [suf2, dhfChanges]),
        iec("8.2.2", "Implement the approved changes", abc, [suf3]),
        iec("8.2.3", "Verify the changes", abc),
        iec("8.2.4", "Trace every change", abc, [suf3, dhfChanges, "rule C1", "rule T2", "rule G1", "rule G2"]),
        iec("8.3", "Configuration status accounting", abc, [suf3, dhfReleases, "rule G1", "rule G2"]),
        // 9 Software problem resolution process
        iec("9.1", "Write problem reports", abc, [suf10, suf11]),
        iec("9.2", "Investigate the problem", abc),
        iec("9.3", "Tell the relevant parties", abc),
        iec("9.4", "Use change control", abc, [suf10]),
        iec("9.5", "Keep the records", abc, [suf10]),
        iec("9.6", "Look for trends", abc),
        iec("9.7", "Verify the resolution", abc),
        iec("9.8", "Test documentation", abc, [suf9, "rule A2"]),
    ]

    // MARK: ISO 14971:2019

    private static let iso14971Clauses: [Clause] = [
        iso("4.1", "Risk management process"),
        iso("4.2", "Management responsibilities"),
        iso("4.3", "Competent personnel"),
        iso("4.4", "Risk management plan"),
        iso("4.5", "Risk management file", [dhfRisk]),
        iso("5.1", "Risk analysis", [dhfRisk]),
        iso("5.2", "Intended use and foreseeable misuse"),
        iso("5.3", "Characteristics related to safety"),
        iso("5.4", "Hazards and hazardous situations", [suf6, dhfRisk, "rule X5", "rule D1"]),
        iso("5.5", "Estimate the risks", [suf6, dhfRisk]),
        iso("6", "Evaluate the risks", [suf6, "rule R1"]),
        iso("7.1", "Choose risk control options", [suf6, "rule R1"]),
        iso("7.2", "Implement and verify risk controls", [sufTrace, "rule R2", "rule R4"]),
        iso("7.3", "Evaluate the residual risk", [suf6]),
        iso("7.4", "Weigh benefit against residual risk", ["rule R3"]),
        iso("7.5", "Risks the controls introduce"),
        iso("7.6", "Risk control complete", ["rule R1", "rule R2"]),
        iso("8", "Evaluate the overall residual risk", [suf6, dhfRisk, "rule R6"]),
        iso("9", "Review the risk management", [suf6, dhfRisk, "rule R7"]),
        iso("10", "Production and post-production information"),
    ]
}
