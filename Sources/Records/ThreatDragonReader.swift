import Evidence
import Foundation
import Support

/// Reads the threats of an OWASP Threat Dragon v2 model (JSON): every diagram cell's `data.threats`, each a threat
/// record that keeps Threat Dragon's id as its origin.
package enum ThreatDragonReader {
    /// Threat Dragon's status as a disposition: Mitigated and NotApplicable map; Open is no disposition yet.
    static let dispositions: [String: Threat.Disposition] = ["Mitigated": .mitigated, "NotApplicable": .notApplicable, "N/A": .notApplicable]

    /// The threats in the model, in diagram and cell order.
    /// - Throws: `DossierError` for text that is not JSON, a model of an older schema version, or a threat without id.
    package static func threats(_ data: Data, file: String) throws -> [Threat] {
        let top = try JSONValue.parse(data, file: file).object("an OWASP Threat Dragon model")
        let detail = try top.object("detail")
        guard let version = try top.text("version") else {
            if try detail?.objects("diagrams", each: "a diagram").contains(where: { $0["diagramJson"] != nil }) == true {
                throw DossierError("expected an OWASP Threat Dragon v2 model (\"version\": \"2.x\"), found a version 1 model (diagrams with diagramJson); open it in Threat Dragon 2 and save it to upgrade it",
                                   at: top.location)
            }
            let keys = top.members.prefix(6).map(\.key).joined(separator: ", ")
            throw DossierError("expected an OWASP Threat Dragon v2 model (with \"version\", \"summary\" and \"detail\"), found an object with the keys \(Excerpt.of(keys))",
                               at: top.location)
        }
        guard version.hasPrefix("2.") else {
            throw DossierError("expected an OWASP Threat Dragon model of version 2.x, found version \(Excerpt.of(version))", at: top["version"]!.location)
        }
        guard let detail else { throw DossierError("the Threat Dragon model has no 'detail'", at: top.location) }
        var threats: [Threat] = []
        var usedIds = Set<String>()
        for diagram in try detail.objects("diagrams", each: "a diagram") {
            for cell in try diagram.objects("cells", each: "a diagram cell") {
                guard let cellData = try cell.object("data") else { continue }
                let asset = try cellData.text("name")?.split(whereSeparator: \.isNewline).joined(separator: " ")
                for entry in try cellData.objects("threats", each: "a threat") {
                    let toolId = try entry.requiredText("id")
                    // The first eight characters of Threat Dragon's UUID make a readable id; all of it when they clash.
                    var id = Threat.importedId("TD-", String(toolId.prefix(8)))
                    if usedIds.contains(id) { id = Threat.importedId("TD-", toolId) }
                    usedIds.insert(id)
                    var threat = Threat(imported: id, title: try entry.text("title") ?? "(untitled threat)",
                                        origin: "Threat Dragon \(toolId)", at: entry.location)
                    let type = try entry.text("type")
                    threat.stride = type.flatMap { Threat.strideCategories.contains($0) ? $0 : nil }
                    threat.asset = asset
                    threat.description = try entry.text("description")
                    threat.severity = try entry.text("severity")
                    threat.mitigationText = try entry.text("mitigation")
                    threat.disposition = try entry.text("status").flatMap { dispositions[$0] }
                    threats.append(threat)
                }
            }
        }
        return threats
    }
}
