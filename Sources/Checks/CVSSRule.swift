import Model
import Records

/// X6: every threat carries a valid CVSS v3.1 or v4.0 base vector (and a valid residual one, when given).
enum CVSSRule {
    /// X6: a threat with a missing or invalid CVSS vector.
    static func x6(_ c: CheckContext) -> [Finding] {
        c.release.records.threats.filter { $0.obsolete == nil }.flatMap { threat -> [Finding] in
            var findings: [Finding] = []
            let name = c.named(threat.id, threat.source)
            if let vector = threat.cvss {
                if let problem = problem(vector) {
                    findings.append(c.finding(.X6, "\(name) has an invalid cvss vector '\(vector)': \(problem)", subjects: [threat.id], at: threat.source))
                }
            } else {
                findings.append(c.finding(.X6, "\(name) has no cvss vector", subjects: [threat.id], at: threat.source))
            }
            if let vector = threat.residualCvss, let problem = problem(vector) {
                findings.append(c.finding(.X6, "\(name) has an invalid residual_cvss vector '\(vector)': \(problem)", subjects: [threat.id], at: threat.source))
            }
            return findings
        }
    }

    /// What is wrong with a vector, or nil when it parses.
    private static func problem(_ vector: String) -> String? {
        do throws(CVSSError) {
            _ = try CVSSVector(vector)
            return nil
        } catch {
            return error.message
        }
    }
}
