import Foundation
import Support

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks) as a header and rows,
/// each row with the line it starts on. Columns may repeat a name, as Jira's exports do for multi-valued fields.
package struct CSVTable {
    let file: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Parses the whole text.
    /// - Throws: `DossierError` for bytes that are not UTF-8, an unclosed quote, or an empty file.
    package init(_ data: Data, file: String) throws {
        self.file = file
        guard var text = String(data: data, encoding: .utf8) else {
            throw DossierError("expected UTF-8 text, found bytes that are not UTF-8", at: SourceLocation(file: file))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [(Int, [String])] = []
        var fields: [String] = [], field = "", quoted = false, atFieldStart = true
        var line = 1, recordLine = 1, quoteLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? { if let p = pending { pending = nil; return p }; return scalars.next() }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                quoted = true; quoteLine = line; atFieldStart = false
            case ",":
                fields.append(field); field = ""; atFieldStart = true
            case "\r":
                continue
            case "\n":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
                fields = []; field = ""; atFieldStart = true
                line += 1; recordLine = line
            default:
                field.unicodeScalars.append(c); atFieldStart = false
            }
        }
        if quoted {
            throw DossierError("expected a closing '\"' for the quoted field opened here, found the end of the file", at: SourceLocation(file: file, line: quoteLine))
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((recordLine, fields)) }
        guard let first = records.first else { throw DossierError("expected a header line of column names, found an empty file", at: SourceLocation(file: file)) }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records.dropFirst().map { (line: $0.0, fields: $0.1) }
    }

    /// Throws unless every column in `required` is in the header, naming the missing ones and those present.
    func require(_ required: [String]) throws {
        let missing = required.filter { !header.contains($0) }
        guard !missing.isEmpty else { return }
        throw DossierError("expected the column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) in the header, found the columns \(Excerpt.of(header.joined(separator: ", ")))",
                           at: SourceLocation(file: file, line: 1))
    }

    /// The non-empty values of every column named `name` in a row.
    func values(_ name: String, in fields: [String]) -> [String] {
        header.indices.filter { header[$0] == name && $0 < fields.count }.map { fields[$0].trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
