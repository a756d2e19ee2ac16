import Foundation

/// CVSS v3.1: the metrics of the specification's Table 15 and the Base Score of section 7.1.
enum CVSS31 {
    /// Every v3.1 metric in the specification's order (Table 15): base, temporal, environmental.
    static let metrics: [CVSSMetric] = [
        CVSSMetric(key: "AV", name: "Attack Vector", values: ["N", "A", "L", "P"], mandatory: true),
        CVSSMetric(key: "AC", name: "Attack Complexity", values: ["L", "H"], mandatory: true),
        CVSSMetric(key: "PR", name: "Privileges Required", values: ["N", "L", "H"], mandatory: true),
        CVSSMetric(key: "UI", name: "User Interaction", values: ["N", "R"], mandatory: true),
        CVSSMetric(key: "S", name: "Scope", values: ["U", "C"], mandatory: true),
        CVSSMetric(key: "C", name: "Confidentiality", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "I", name: "Integrity", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "A", name: "Availability", values: ["H", "L", "N"], mandatory: true),
        CVSSMetric(key: "E", name: "Exploit Code Maturity", values: ["X", "H", "F", "P", "U"], mandatory: false),
        CVSSMetric(key: "RL", name: "Remediation Level", values: ["X", "U", "W", "T", "O"], mandatory: false),
        CVSSMetric(key: "RC", name: "Report Confidence", values: ["X", "C", "R", "U"], mandatory: false),
        CVSSMetric(key: "CR", name: "Confidentiality Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "IR", name: "Integrity Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "AR", name: "Availability Requirement", values: ["X", "H", "M", "L"], mandatory: false),
        CVSSMetric(key: "MAV", name: "Modified Attack Vector", values: ["X", "N", "A", "L", "P"], mandatory: false),
        CVSSMetric(key: "MAC", name: "Modified Attack Complexity", values: ["X", "L", "H"], mandatory: false),
        CVSSMetric(key: "MPR", name: "Modified Privileges Required", values: ["X", "N", "L", "H"], mandatory: false),
        CVSSMetric(key: "MUI", name: "Modified User Interaction", values: ["X", "N", "R"], mandatory: false),
        CVSSMetric(key: "MS", name: "Modified Scope", values: ["X", "U", "C"], mandatory: false),
        CVSSMetric(key: "MC", name: "Modified Confidentiality", values: ["X", "N", "L", "H"], mandatory: false),
        CVSSMetric(key: "MI", name: "Modified Integrity", values: ["X", "N", "L", "H"], mandatory: false),
        CVSSMetric(key: "MA", name: "Modified Availability", values: ["X", "N", "L", "H"], mandatory: false),
    ]

    /// The Base Score (section 7.1) of validated metrics; temporal and environmental metrics are ignored.
    static func baseScore(_ metrics: [String: String]) -> Double {
        let changed = metrics["S"] == "C"
        let attackVector: Double = switch metrics["AV"] {
        case "N": 0.85
        case "A": 0.62
        case "L": 0.55
        default: 0.2
        }
        let attackComplexity: Double = metrics["AC"] == "L" ? 0.77 : 0.44
        let privileges: Double = switch metrics["PR"] {
        case "N": 0.85
        case "L": changed ? 0.68 : 0.62
        default: changed ? 0.5 : 0.27
        }
        let userInteraction: Double = metrics["UI"] == "N" ? 0.85 : 0.62
        func impact(_ key: String) -> Double {
            switch metrics[key] {
            case "H": 0.56
            case "L": 0.22
            default: 0
            }
        }
        let iss = 1 - ((1 - impact("C")) * (1 - impact("I")) * (1 - impact("A")))
        let impactSubScore = changed
            ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15)
            : 6.42 * iss
        let exploitability = 8.22 * attackVector * attackComplexity * privileges * userInteraction
        if impactSubScore <= 0 { return 0 }
        return changed
            ? roundup(min(1.08 * (impactSubScore + exploitability), 10))
            : roundup(min(impactSubScore + exploitability, 10))
    }

    /// Roundup as Appendix A defines it: the smallest one-decimal number ≥ `value`, computed on an
    /// integer of hundred-thousandths so that floating-point noise (4.000000000000001) does not round up.
    static func roundup(_ value: Double) -> Double {
        let scaled = (value * 100_000).rounded()
        guard scaled.isFinite, scaled >= 0, scaled <= 10_000_000 else { return value.isFinite ? min(max(value, 0), 10) : 0 }
        let integer = Int(scaled)
        if integer % 10_000 == 0 { return Double(integer) / 100_000 }
        return Double(integer / 10_000 + 1) / 10
    }
}
