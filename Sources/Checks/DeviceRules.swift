import Model
import Records
import Support

/// D1: a device whose software safety class asks for records that it does not have.
enum DeviceRules {
    /// D1: a device of software safety class B or C with no requirements, no risks or no software items; one
    /// finding per missing kind. The class is the device's (dossier.yml), else the highest of its software items.
    /// Obsolete records do not count: a device whose requirements are all retired has none in force.
    static func d1(_ c: CheckContext) -> [Finding] {
        let records = c.release.records
        let items = records.items.filter { $0.obsolete == nil }
        let stated: (safetyClass: SafetyClass, named: String, location: SourceLocation?)
        if let safetyClass = c.release.identification.device?.safetyClass {
            let location = c.config.locations["device.safety_class"]
            stated = (safetyClass, "the device is software safety class \(safetyClass.rawValue)\(location.map { " (\($0))" } ?? "")", location)
        } else if let item = items.filter({ $0.safetyClass != nil }).max(by: { $0.safetyClass! < $1.safetyClass! }) {
            stated = (item.safetyClass!, "the device has a software item of safety class \(item.safetyClass!.rawValue), \(c.named(item.id, item.source)),", item.source)
        } else {
            return []
        }
        guard stated.safetyClass >= .b else { return [] }
        let missing: [(kind: RecordKind, count: Int, noun: String, needs: String, clauses: [String])] = [
            (.requirement, records.requirements.count { $0.obsolete == nil && $0.status != .obsolete }, "requirement",
             "IEC 62304 5.2 asks for the software requirements", ["IEC 62304 5.2.1"]),
            (.risk, records.risks.count { $0.obsolete == nil }, "risk",
             "ISO 14971 and IEC 62304 7.1 ask for the hazards the software can contribute to", ["IEC 62304 7.1.1", "ISO 14971 5.4"]),
            (.softwareItem, items.count, "software item",
             "IEC 62304 5.3 asks for the software items of the architecture, and changed files are matched to them", ["IEC 62304 5.3.1"]),
        ]
        return missing.filter { $0.count == 0 }.map { kind in
            let path = c.config.recordPaths[kind.kind].map { " (\($0))" } ?? " (no file for them is named in dossier.yml's records)"
            var finding = c.finding(.D1, "\(stated.named) but has no \(kind.noun) in force\(path): \(kind.needs)",
                                    subjects: [kind.kind.configKey], at: stated.location)
            finding.clauses = kind.clauses
            return finding
        }
    }
}
