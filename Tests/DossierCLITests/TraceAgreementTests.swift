import TestSupport
import Foundation
import Testing

/// `dossier trace ID` and the SUF's trace matrix (suf.json, trace-matrix.csv, the Markdown) come from one
/// computation: for every record of the sample project they show the same links.
@Suite("trace matrix and dossier trace agree")
struct TraceAgreementTests {
    /// One link as both sides can state it: the kind and id at the other end, where it is written, its status.
    struct Link: Hashable, Comparable, CustomStringConvertible {
        var kind: String, id: String, via: [String], status: String?
        var description: String { "\(kind) \(id) via \(via) \(status ?? "-")" }
        static func < (a: Link, b: Link) -> Bool { a.description < b.description }
    }

    /// suf.json's keys for the matrix's columns, with their node kind and the field left out of labels.
    static let columns: [(key: String, kind: String, usual: String)] = [
        ("risks", "risk", "controls"), ("threats", "threat", "mitigations"), ("ifuChanges", "ifuChange", "requirements"),
        ("items", "softwareItem", "items"), ("changeRequests", "changeRequest", "requirements"), ("commits", "commit", "Refs"),
        ("tests", "test", "verified_by"),
    ]

    @Test("for every record of the sample (and every commit in its matrix), trace ID one link away equals the matrix rows in suf.json, the CSV and the Markdown")
    func everyRecordAgrees() throws {
        let scratch = try Scratch()
        _ = try SampleProjectTests.build(scratch)
        let evidence = Paths.packageRoot + "/sample-project/evidence/v2.0.0-junit.xml"
        let suf = try dossier(["suf", "--repo", "pd", "--evidence", evidence], in: scratch.path)
        #expect(suf.status == 0, "\(suf.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: scratch.readData("dist/dossier/v2.0.0/suf.json")) as? [String: Any])
        let rows = try #require(json["traceMatrix"] as? [[String: Any]])

        // The matrix as suf.json holds it: each row's links.
        var matrix: [String: [Link]] = [:]
        for row in rows {
            matrix[try #require(row["requirement"] as? String)] = try Self.columns.flatMap { column in
                try #require(row[column.key] as? [[String: Any]]).map {
                    Link(kind: column.kind, id: try #require($0["id"] as? String), via: try #require($0["via"] as? [String]), status: $0["status"] as? String)
                }
            }
        }
        // The CSV's and the Markdown's cells, by requirement.
        let csvLines = try scratch.read("dist/dossier/v2.0.0/trace-matrix.csv").split(separator: "\n").map { Self.csvFields(String($0)) }
        #expect(csvLines.first?.count == 11)
        let csv = Dictionary(uniqueKeysWithValues: csvLines.dropFirst().map { ($0[0], Array($0[3..<10])) })
        let md = try scratch.read("dist/dossier/v2.0.0/SUF-v2.0.0.md")
        let section = try #require(md.range(of: "## 16. Traceability matrix")?.upperBound)
        var markdown: [String: [String]] = [:]
        for line in String(md[section...]).components(separatedBy: "\n## ")[0].split(separator: "\n")
        where line.hasPrefix("| [REQ-") {
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\", with: "") }
            #expect(cells.count == 9, "\(line)")
            guard cells.count == 9 else { continue }
            let id = String(cells[0].dropFirst().prefix { $0 != "]" })
            markdown[id] = Array(cells[1..<8])
        }
        #expect(Set(csv.keys) == Set(matrix.keys) && Set(markdown.keys) == Set(matrix.keys))
        #expect(matrix.count == 30)

        // Each row's cells say the same as its links: the label rule, the same order.
        for (requirement, links) in matrix {
            let cells = Self.columns.map { column in
                links.filter { $0.kind == column.kind }.map { Self.label($0, usual: column.usual) }
            }
            #expect(csv[requirement] == cells.map { $0.joined(separator: "; ") }, "\(requirement)")
            #expect(markdown[requirement] == cells.map { $0.joined(separator: ", ") }, "\(requirement)")
        }

        let records = try #require(json["records"] as? [String: Any])
        var ids: [String] = []
        for kind in ["requirements", "risks", "threats", "ifuChanges", "items", "soup", "changeRequests", "problemReports"] {
            ids += try #require(records[kind] as? [[String: Any]]).map { try #require($0["id"] as? String) }
        }
        #expect(ids.count == 80)
        ids += Set(matrix.values.flatMap { $0.filter { $0.kind == "commit" }.map(\.id) }).sorted()

        for id in ids {
            let result = try dossier(["trace", id, "--repo", "pd", "--evidence", evidence, "--json"], in: scratch.path)
            #expect(result.status == 0, "\(id): \(result.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let root = try #require(report["root"] as? [String: Any])
            let near = try (#require(report["up"] as? [[String: Any]]) + #require(report["down"] as? [[String: Any]])).map {
                Link(kind: try #require($0["kind"] as? String), id: try #require($0["id"] as? String), via: try #require($0["via"] as? [String]), status: $0["status"] as? String)
            }
            if let row = matrix[id] {
                // A requirement: one link away, exactly its row, each link from the same place with the same status.
                #expect(near.sorted() == row.sorted(), "\(id)")
            } else {
                // Any other record or commit: the requirements one link away are the rows that show it, linked
                // through the same field or trailer.
                let kind = try #require(root["kind"] as? String)
                let fromTrace = near.filter { $0.kind == "requirement" }.map { "\($0.id) via \($0.via)" }
                let fromRows = matrix.flatMap { requirement, links in
                    links.filter { $0.kind == kind && $0.id == id }.map { "\(requirement) via \($0.via)" }
                }
                #expect(fromTrace.sorted() == fromRows.sorted(), "\(id)")
                // The CSV shows it in exactly those rows.
                let shown = id.count == 40 ? String(id.prefix(12)) : id
                let inCSV = csv.filter { _, cells in
                    cells.contains { $0.components(separatedBy: "; ").contains { $0 == shown || $0.hasPrefix(shown + " (") } }
                }.keys
                #expect(Set(inCSV) == Set(fromRows.map { String($0.prefix { $0 != " " }) }), "\(id)")
            }
        }

        // The links the issue found wrong: REQ-20 is not linked to CR-8, CR-9 or CR-10 through the release commit;
        // the rejected CR-12 is shown with its status; the retired REQ-11 is obsolete, not "no test".
        #expect(try #require(matrix["REQ-20"]).filter { $0.kind == "changeRequest" }.map(\.id) == ["CR-4", "CR-11"])
        #expect(try #require(csv["REQ-24"])[4].contains("CR-12 (rejected)"))
        #expect(try #require(rows.first { $0["requirement"] as? String == "REQ-11" })["result"] as? String == "obsolete")
    }

    /// The label the matrix gives a link: the id (a commit as 12 digits), then in brackets the fields that are not
    /// the column's usual one and a status other than closed.
    static func label(_ link: Link, usual: String) -> String {
        let id = link.kind == "commit" ? String(link.id.prefix(12)) : link.id
        let notes = link.via.filter { $0 != usual } + (link.status.map { $0 == "closed" ? [] : [$0] } ?? [])
        return notes.isEmpty ? id : "\(id) (\(notes.joined(separator: ", ")))"
    }

    /// The fields of one CSV line (RFC 4180 quoting); a leading `'` that guards a formula is kept.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = line.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    guard let next = characters.next() else { quoted = false; break }
                    if next == "\"" { field.append("\"") } else { quoted = false; if next == "," { fields.append(field); field = "" } else { field.append(next) } }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}
