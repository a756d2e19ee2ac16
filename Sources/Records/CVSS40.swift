/// CVSS v4.0: the metrics of the specification's Table 23 and the macrovector scoring of FIRST's calculator.
enum CVSS40 {
    /// Every v4.0 metric in the order the specification requires in a vector:
    /// base, threat, environmental, supplemental.
    static let metrics: [CVSSMetric] = [
        CVSSMetric(key: "AV", name: "Attack Vector", values: ["N", "A", "L", "P"], mandatory: true),
        CVSSMetric(key: "AC", name: "Attack Complexity", values: ["L", "H"], mandatory: true),
        CVSSMetric(key: "AT", name: "Attack Requirements", values: ["N", "P"], mandatory: true),
        CVSSMetric(key: "PR", name: "Privileges Required", values: ["N", "L", "H"], mandatory: true),
        CVSSMetric(key: "UI", name: "User Interaction", values: ["N", "P", "A"], mandatory: true),
        CVSSMetric(key: "VC", name: "Vulnerable System Confidentiality Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "VI", name: "Vulnerable System Integrity Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "VA", name: "Vulnerable System Availability Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "SC", name: "Subsequent System Confidentiality Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "SI", name: "Subsequent System Integrity Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "SA", name: "Subsequent System Availability Impact", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "E", name: "Exploit Maturity", values: ["X", "A", "P", "U"], mandatory: false),
        CVSSMetric(key: "CR", name: "Confidentiality Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "IR", name: "Integrity Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "AR", name: "Availability Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "MAV", name: "Modified Attack Vector", values: ["X", "N", "A", "L", "P"], mandatory: false),
        CVSSMetric(key: "MAC", name: "Modified Attack Complexity", values: ["X", "L", "H"], mandatory: false),
        CVSSMetric(key: "MAT", name: "Modified Attack Requirements", values: ["X", "N", "P"], mandatory: false),
        CVSSMetric(key: "MPR", name: "Modified Privileges Required", values: ["X", "N", "L", "H"], mandatory: false),
        CVSSMetric(key: "MUI", name: "Modified User Interaction", values: ["X", "N", "P", "A"], mandatory: false),
        CVSSMetric(key: "MVC", name: "Modified Vulnerable System Confidentiality", values: ["X", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "MVI", name: "Modified Vulnerable System Integrity", values: ["X", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "MVA", name: "Modified Vulnerable System Availability", values: ["X", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "MSC", name: "Modified Subsequent System Confidentiality", values: ["X", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "MSI", name: "Modified Subsequent System Integrity", values: ["X", "S", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "MSA", name: "Modified Subsequent System Availability", values: ["X", "S", "H", "L", "N"], mandatory: false),
        CVSSMetric(key: "S", name: "Safety", values: ["X", "N", "P"], mandatory: false),
        CVSSMetric(key: "AU", name: "Automatable", values: ["X", "N", "Y"], mandatory: false),
        CVSSMetric(key: "R", name: "Recovery", values: ["X", "A", "U", "I"], mandatory: false),
        CVSSMetric(key: "V", name: "Value Density", values: ["X", "D", "C"], mandatory: false),
        CVSSMetric(key: "RE", name: "Vulnerability Response Effort", values: ["X", "L", "M", "H"], mandatory: false),
        CVSSMetric(key: "U", name: "Provider Urgency", values: ["X", "Clear", "Green", "Amber", "Red"], mandatory: false),
    ]

    /// CVSS-B: the score of the base metrics only, threat and environmental metrics taken as Not Defined.
    static func baseScore(_ metrics: [String: String]) -> Double {
        var base: [String: String] = [:]
        for metric in Self.metrics where metric.mandatory {
            base[metric.key] = metrics[metric.key]
        }
        return score(base)
    }

    /// The value a metric takes for scoring (the reference calculator's `m`): E:X counts as A,
    /// CR/IR/AR:X as H, and a defined modified metric (MAV…) replaces its base metric.
    static func effective(_ key: String, in metrics: [String: String]) -> String {
        let selected = metrics[key] ?? "X"
        if selected == "X", key == "E" { return "A" }
        if selected == "X", key == "CR" || key == "IR" || key == "AR" { return "H" }
        if let modified = metrics["M" + key], modified != "X" { return modified }
        return selected
    }

    /// The macrovector "EQ1EQ2EQ3EQ4EQ5EQ6" of validated metrics (specification section 8.2).
    static func macroVector(_ metrics: [String: String]) -> [Int] {
        func m(_ key: String) -> String { effective(key, in: metrics) }
        let av = m("AV"), pr = m("PR"), ui = m("UI")
        let eq1 = if av == "N" && pr == "N" && ui == "N" { 0 }
            else if (av == "N" || pr == "N" || ui == "N") && av != "P" { 1 }
            else { 2 }
        let eq2 = m("AC") == "L" && m("AT") == "N" ? 0 : 1
        let vc = m("VC"), vi = m("VI"), va = m("VA")
        let eq3 = if vc == "H" && vi == "H" { 0 }
            else if vc == "H" || vi == "H" || va == "H" { 1 }
            else { 2 }
        let eq4 = if m("MSI") == "S" || m("MSA") == "S" { 0 }
            else if m("SC") == "H" || m("SI") == "H" || m("SA") == "H" { 1 }
            else { 2 }
        let eq5 = switch m("E") {
        case "A": 0
        case "P": 1
        default: 2
        }
        let eq6 = (m("CR") == "H" && vc == "H") || (m("IR") == "H" && vi == "H") || (m("AR") == "H" && va == "H") ? 0 : 1
        return [eq1, eq2, eq3, eq4, eq5, eq6]
    }

    /// Severity levels per metric value, in steps of 0.1, as the reference calculator defines them.
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3],
        "PR": ["N": 0.0, "L": 0.1, "H": 0.2],
        "UI": ["N": 0.0, "P": 0.1, "A": 0.2],
        "AC": ["L": 0.0, "H": 0.1],
        "AT": ["N": 0.0, "P": 0.1],
        "VC": ["H": 0.0, "L": 0.1, "N": 0.2],
        "VI": ["H": 0.0, "L": 0.1, "N": 0.2],
        "VA": ["H": 0.0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3],
        "SI": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "SA": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "CR": ["H": 0.0, "M": 0.1, "L": 0.2],
        "IR": ["H": 0.0, "M": 0.1, "L": 0.2],
        "AR": ["H": 0.0, "M": 0.1, "L": 0.2],
    ]

    /// The metrics scoring reads through `effective`.
    static let scoredMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA",
                                "E", "CR", "IR", "AR", "MSI", "MSA"]

    /// The metrics whose severity distance counts, in the reference calculator's order.
    static let distanceMetrics = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"]

    /// "AV:N/PR:N/UI:N/" as a dictionary.
    static func values(of run: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in run.split(separator: "/") {
            let pieces = part.split(separator: ":")
            if pieces.count == 2 { result[String(pieces[0])] = String(pieces[1]) }
        }
        return result
    }

    /// For each macrovector, its highest-severity vectors (composed EQ by EQ, in the reference
    /// calculator's order) as the levels of `distanceMetrics`.
    static let maxVectorLevels: [String: [[Double]]] = {
        var result: [String: [[Double]]] = [:]
        for key in CVSS40Tables.macroVectorScores.keys {
            let eq = key.compactMap { $0.wholeNumberValue }
            guard eq.count == 6 else { continue }
            let maxes1 = CVSS40Tables.maxComposed[1]?[eq[0]] ?? []
            let maxes2 = CVSS40Tables.maxComposed[2]?[eq[1]] ?? []
            let maxes36 = CVSS40Tables.maxComposedEQ3EQ6[eq[2]]?[eq[5]] ?? []
            let maxes4 = CVSS40Tables.maxComposed[4]?[eq[3]] ?? []
            let maxes5 = CVSS40Tables.maxComposed[5]?[eq[4]] ?? []
            var candidates: [[Double]] = []
            for a in maxes1 { for b in maxes2 { for c in maxes36 { for d in maxes4 { for e in maxes5 {
                let merged = values(of: a + b + c + d + e)
                candidates.append(distanceMetrics.map { levels[$0]?[merged[$0] ?? ""] ?? 0 })
            } } } } }
            result[key] = candidates
        }
        return result
    }()

    /// The score of a macrovector, nil when the table has none (the reference calculator's NaN).
    static func lookup(_ eq: [Int]) -> Double? {
        CVSS40Tables.macroVectorScores[eq.map(String.init).joined()]
    }

    /// The score FIRST's v4.0 calculator gives validated metrics (all base metrics present), with the
    /// same floating-point steps, rounded half up at one decimal after adding 10⁻⁶ as RedHat's upstream
    /// calculator and `cvss` library do since their 2024-11 rounding fix (FIRSTdotorg's copy still
    /// rounds with a bare Math.round). Threat and environmental metrics in `metrics` take part
    /// (CVSS-BTE); `baseScore` passes none (CVSS-B).
    static func score(_ metrics: [String: String]) -> Double {
        // The effective values once; `effective` leaves them as they are.
        let resolved = Dictionary(uniqueKeysWithValues: scoredMetrics.map { ($0, effective($0, in: metrics)) })
        func m(_ key: String) -> String { resolved[key] ?? "X" }
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ m($0) == "N" }) { return 0 }
        let eq = macroVector(resolved)
        guard let value = lookup(eq) else { return 0 }
        let (eq1, eq2, eq3, eq4, eq6) = (eq[0], eq[1], eq[2], eq[3], eq[5])

        func lower(_ index: Int) -> [Int] {
            var next = eq
            next[index] += 1
            return next
        }
        let lowerEQ1 = lookup(lower(0))
        let lowerEQ2 = lookup(lower(1))
        let lowerEQ3EQ6: Double?
        switch (eq3, eq6) {
        case (1, 1), (0, 1): lowerEQ3EQ6 = lookup(lower(2))
        case (1, 0): lowerEQ3EQ6 = lookup(lower(5))
        case (0, 0):
            let left = lookup(lower(5)), right = lookup(lower(2))
            if let left, let right { lowerEQ3EQ6 = max(left, right) } else { lowerEQ3EQ6 = left ?? right }
        default: lowerEQ3EQ6 = nil
        }
        let lowerEQ4 = lookup(lower(3))
        let lowerEQ5 = lookup(lower(4))

        // The severity distance from the first highest-severity vector of this macrovector
        // that is at least as severe in every metric.
        let own = distanceMetrics.map { levels[$0]?[m($0)] ?? 0 }
        var distance = [Double](repeating: 0, count: distanceMetrics.count)
        for maxLevels in maxVectorLevels[eq.map(String.init).joined()] ?? [] {
            distance = zip(own, maxLevels).map { $0 - $1 }
            if distance.allSatisfy({ $0 >= 0 }) { break }
        }
        let d = Dictionary(uniqueKeysWithValues: zip(distanceMetrics, distance))
        func dist(_ key: String) -> Double { d[key] ?? 0 }
        let currentEQ1 = dist("AV") + dist("PR") + dist("UI")
        let currentEQ2 = dist("AC") + dist("AT")
        let currentEQ3EQ6 = dist("VC") + dist("VI") + dist("VA") + dist("CR") + dist("IR") + dist("AR")
        let currentEQ4 = dist("SC") + dist("SI") + dist("SA")

        let step = 0.1
        let depthEQ1 = Double(CVSS40Tables.maxSeverity[1]?[eq1] ?? 1) * step
        let depthEQ2 = Double(CVSS40Tables.maxSeverity[2]?[eq2] ?? 1) * step
        let depthEQ3EQ6 = Double(CVSS40Tables.maxSeverityEQ3EQ6[eq3]?[eq6] ?? 1) * step
        let depthEQ4 = Double(CVSS40Tables.maxSeverity[4]?[eq4] ?? 1) * step

        // Each EQ with a lower macrovector moves the score down by its share of the gap to it.
        var existingLower = 0
        var normalized: [Double] = []
        func add(_ lowerScore: Double?, _ current: Double, _ depth: Double) {
            guard let lowerScore else { normalized.append(0); return }
            existingLower += 1
            normalized.append((value - lowerScore) * (current / depth))
        }
        add(lowerEQ1, currentEQ1, depthEQ1)
        add(lowerEQ2, currentEQ2, depthEQ2)
        add(lowerEQ3EQ6, currentEQ3EQ6, depthEQ3EQ6)
        add(lowerEQ4, currentEQ4, depthEQ4)
        add(lowerEQ5, 0, 1) // EQ5's proportion is always 0
        let sum = normalized[0] + normalized[1] + normalized[2] + normalized[3] + normalized[4]
        let mean = existingLower == 0 ? 0 : sum / Double(existingLower)
        return roundHalfUp(min(10, max(0, value - mean)))
    }

    /// One decimal, half up, after lifting by 10⁻⁶ so that a tie the arithmetic lands one ulp below
    /// (8.549999999999999 for 8.55) still rounds up.
    static func roundHalfUp(_ value: Double) -> Double {
        ((value + 1e-6) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
