import Evidence
import Foundation
import Support

/// Reads change requests from an issue tracker's export, without any network call: a GitHub issues export (the
/// REST API's JSON array of issues), a Jira search result (JSON, `issues` with `key` and `fields`) or a Jira CSV
/// export. dossier.yml's `tracker:` says which label or field means type, safety impact and regulatory decision.
package enum TrackerExportReader {
    /// Whether a record path names a tracker export rather than YAML.
    static func isExport(_ file: String) -> Bool {
        let name = file.lowercased()
        return name.hasSuffix(".json") || name.hasSuffix(".csv")
    }

    /// The change requests in an export file.
    /// - Throws: `DossierError` for text that is not JSON or CSV, an export of another kind, a missing column or field.
    package static func changeRequests(_ data: Data, file: String, mapping: TrackerMapping) throws -> [ChangeRequest] {
        if file.lowercased().hasSuffix(".csv") { return try jiraCSV(CSVTable(data, file: file), mapping: mapping) }
        let top = try JSONValue.parse(data, file: file)
        switch top.kind {
        case .array(let items): return try gitHub(items, mapping: mapping)
        case .object:
            let object = try top.object("a Jira search result")
            guard object["issues"] != nil else {
                let keys = object.members.prefix(6).map(\.key).joined(separator: ", ")
                throw DossierError("expected a GitHub issues export (an array of issues) or a Jira search result (an object with \"issues\"), found an object with the keys \(Excerpt.of(keys))",
                                   at: top.location)
            }
            return try jiraJSON(object, mapping: mapping)
        default:
            throw top.fail("a GitHub issues export (an array of issues) or a Jira search result (an object with \"issues\")")
        }
    }

    private static func gitHub(_ items: [JSONValue], mapping: TrackerMapping) throws -> [ChangeRequest] {
        try items.compactMap { item -> ChangeRequest? in
            let issue = try item.object("a GitHub issue")
            // The issues API lists pull requests too; they are not change requests.
            guard issue["pull_request"] == nil else { return nil }
            let number = try issue.requiredText("number")
            var cr = ChangeRequest(imported: mapping.id(number: number), title: try issue.requiredText("title"),
                                   origin: "GitHub issue #\(number)" + (try issue.text("html_url").map { " \($0)" } ?? ""), at: issue.location)
            let labels = try issue.objects("labels", each: "a label").compactMap { try $0.text("name") }
            cr.description = try issue.text("body")
            cr.type = mapping.type(from: labels)
            let state = try issue.text("state")
            let reason = try issue.text("state_reason")
            cr.status = state == "closed" ? (reason == "not_planned" ? .rejected : .closed) : (state == nil ? nil : .open)
            cr.targetRelease = try issue.object("milestone")?.text("title")
            mapping.assess(&cr, labels: labels) { name in try? issue.text(name) }
            return cr
        }
    }

    private static func jiraJSON(_ result: JSONObject, mapping: TrackerMapping) throws -> [ChangeRequest] {
        try result.objects("issues", each: "a Jira issue").map { issue in
            let key = try issue.requiredText("key")
            guard let f = try issue.object("fields") else { throw DossierError("the Jira issue \(key) has no 'fields'", at: issue.location) }
            var cr = ChangeRequest(imported: mapping.id(key: key), title: try f.requiredText("summary"), origin: "Jira \(key)", at: issue.location)
            let issueType = try f.object("issuetype")?.text("name")
            let labels = try f.texts("labels")
            cr.type = mapping.type(from: [issueType].compactMap { $0 } + labels)
            let status = try f.object("status")
            cr.status = mapping.status(name: try status?.text("name"), resolution: try f.object("resolution")?.text("name"),
                                       category: try status?.object("statusCategory")?.text("key"))
            cr.description = f["description"].flatMap { value in if case .string(let text) = value.kind { return text } else { return nil } }
            let versions = try f.objects("fixVersions", each: "a fix version").compactMap { try $0.text("name") }
            cr.targetRelease = versions.isEmpty ? nil : versions.joined(separator: ", ")
            let links = try f.objects("issuelinks", each: "an issue link").compactMap { link -> String? in
                let type = try link.object("type")
                if let outward = try link.object("outwardIssue")?.text("key") { return "\(try type?.text("outward") ?? "links to") \(outward)" }
                if let inward = try link.object("inwardIssue")?.text("key") { return "\(try type?.text("inward") ?? "linked from") \(inward)" }
                return nil
            }
            cr.relatedIssues = links.isEmpty ? nil : links
            // A custom field is text, or an option object with its text in "value".
            mapping.assess(&cr, labels: labels) { name in
                guard let value = f[name] else { return nil }
                if case .object = value.kind { return try? value.object(name).text("value") }
                return try? value.text(name)
            }
            return cr
        }
    }

    /// The columns a Jira CSV export must have.
    static let jiraColumns = ["Issue key", "Summary", "Issue Type", "Status"]

    private static func jiraCSV(_ table: CSVTable, mapping: TrackerMapping) throws -> [ChangeRequest] {
        try table.require(jiraColumns)
        return try table.rows.map { row in
            let at = SourceLocation(file: table.file, line: row.line)
            func one(_ column: String) -> String? { table.values(column, in: row.fields).first }
            guard let key = one("Issue key"), let summary = one("Summary") else {
                throw DossierError("expected an issue key and a summary in this row, found \(one("Issue key") == nil ? "no issue key" : "no summary")", at: at)
            }
            var cr = ChangeRequest(imported: mapping.id(key: key), title: summary, origin: "Jira \(key)", at: at)
            let labels = table.values("Labels", in: row.fields)
            cr.type = mapping.type(from: [one("Issue Type")].compactMap { $0 } + labels)
            cr.status = mapping.status(name: one("Status"), resolution: one("Resolution"))
            cr.description = one("Description")
            let versions = table.values("Fix Version/s", in: row.fields) + table.values("Fix versions", in: row.fields)
            cr.targetRelease = versions.isEmpty ? nil : versions.joined(separator: ", ")
            // Link columns are named "Outward issue link (Blocks)", "Inward issue link (Relates)", ….
            let links = table.header.indices.compactMap { index -> String? in
                let name = table.header[index]
                guard name.hasPrefix("Outward issue link") || name.hasPrefix("Inward issue link"), index < row.fields.count,
                      !row.fields[index].isEmpty else { return nil }
                let kind = name.split(separator: "(").last.map { $0.dropLast() }.map(String.init) ?? "link"
                return "\(name.hasPrefix("Outward") ? kind.lowercased() : "\(kind.lowercased()) (inward)") \(row.fields[index])"
            }
            cr.relatedIssues = links.isEmpty ? nil : links
            mapping.assess(&cr, labels: labels) { one($0) }
            return cr
        }
    }
}
