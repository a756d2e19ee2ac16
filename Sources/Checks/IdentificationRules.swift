import Foundation
import Model
import Records
import Support

/// I1–I3: what the SUF's identification (IEC 62304 5.8.4) needs from dossier.yml and the command line.
enum IdentificationRules {
    /// I1: dossier.yml names no device, or leaves its name or manufacturer empty.
    static func i1(_ c: CheckContext) -> [Finding] {
        emptyFields(c, rule: .I1, [("name", "device name", { $0.name }), ("manufacturer", "manufacturer", { $0.manufacturer })])
    }

    /// I2: dossier.yml leaves the device's model or UDI-DI empty.
    static func i2(_ c: CheckContext) -> [Finding] {
        emptyFields(c, rule: .I2, [("model", "model", { $0.model }), ("udi_di", "UDI-DI", { $0.udiDI })])
    }

    /// I3: the release is a tag, named on the command line, that `releases.tag_pattern` does not match: no other
    /// release counts it as its previous release, and the DHF lists it only as the newest release it was asked for.
    static func i3(_ c: CheckContext) -> [Finding] {
        let id = c.release.identification
        guard let pattern = id.outsideTagPattern, let tag = id.tag else { return [] }
        let location = c.config.locations["releases.tag_pattern"] ?? SourceLocation(file: c.config.locations["file"]?.file ?? "dossier.yml")
        let written = c.config.locations["releases.tag_pattern"] == nil ? "the default" : "set at \(location)"
        return [c.finding(.I3, "the release tag \(tag.name) does not match releases.tag_pattern '\(pattern)' (\(written)): other releases do not count it as a release (no SUF takes it as its previous release, the DHF lists it only when it is the newest release asked for); name it in the pattern, or tag the release to match",
                          subjects: [tag.name], at: location)]
    }

    /// One finding per field of `fields` that dossier.yml leaves out or empty (blank text counts as empty), located at
    /// the field's value, else at the device mapping, else at the start of dossier.yml. Without a dossier.yml there
    /// is no identification to check: the SUF says it was made from history alone.
    private static func emptyFields(_ c: CheckContext, rule: RuleID,
                                    _ fields: [(key: String, noun: String, value: (Device) -> String?)]) -> [Finding] {
        guard c.config.source != nil, let start = c.config.locations["file"] else { return [] }
        let file = start.file
        guard let device = c.release.identification.device else {
            return fields.map { field in
                c.finding(rule, "\(file) has no device: section (device.\(field.key)): the SUF's identification states no \(field.noun)",
                          subjects: ["device.\(field.key)"], at: start)
            }
        }
        return fields.compactMap { field in
            let text = field.value(device)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard text.isEmpty else { return nil }
            let written = c.config.locations["device.\(field.key)"]
            let location = written ?? c.config.locations["device"] ?? start
            let state = written == nil ? "is not given (\(location), the device)" : "is empty (\(location))"
            return c.finding(rule, "device.\(field.key) \(state): the SUF's identification states no \(field.noun)",
                             subjects: ["device.\(field.key)"], at: location)
        }
    }
}
