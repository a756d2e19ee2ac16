import Records

/// One link of a trace matrix row or of `dossier trace`: the record, commit or test linked, where the link is
/// written, and the linked record's status when it has one (a change request's status, `obsolete`).
public struct TraceEntry: Sendable, Codable, Hashable {
    /// The id linked to: a record id, a full commit id, or a test id.
    public var id: String
    /// Where the link is written: the field (`controls`, `requirements`, `affected_controls`, `verified_by`,
    /// `items`…), the commit trailer's key (`Refs`, `Change-Request`…), or `test report` for a test case's
    /// requirement property.
    public var via: [String]
    /// The linked record's status, or nil.
    public var status: String?

    /// Creates an entry.
    public init(id: String, via: [String], status: String?) {
        self.id = id
        self.via = via
        self.status = status
    }

    /// Reads an entry; a suf.json written before links carried their source holds the id alone.
    /// The object is tried first: it is what dossier writes, and a failed try costs an error value.
    public init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            self.init(id: try decoder.singleValueContainer().decode(String.self), via: [], status: nil)
            return
        }
        self.init(id: try container.decode(String.self, forKey: .id), via: try container.decodeIfPresent([String].self, forKey: .via) ?? [],
                  status: try container.decodeIfPresent(String.self, forKey: .status))
    }

    /// The id as a table shows it (a commit as 12 digits), followed in brackets by what a reader needs beside it:
    /// the fields that write the link when they are not the usual one for a link to a requirement from a `kind`
    /// (`usualVia`), and a status other than closed. `CR-12 (rejected)`, `CR-4 (affected_controls)`,
    /// `Pump.testRate (test report)`.
    public func label(_ kind: TraceNode.Kind) -> String {
        let shown = kind == .commit ? String(id.prefix(12)) : id
        let usual = Self.usualVia(kind)
        var notes = via.filter { $0 != usual }
        if let status, status != "closed" { notes.append(status) }
        return notes.isEmpty ? shown : "\(shown) (\(notes.joined(separator: ", ")))"
    }

    /// The field or trailer key that usually writes a link between a requirement and a node of `kind`, left out of
    /// labels: a risk's `controls`, a threat's `mitigations`, an IFU change's and a change request's
    /// `requirements`, the requirement's `items` and `verified_by`, a commit's `Refs`.
    public static func usualVia(_ kind: TraceNode.Kind) -> String? {
        switch kind {
        case .risk: "controls"
        case .threat: "mitigations"
        case .ifuChange, .changeRequest: "requirements"
        case .softwareItem: "items"
        case .commit: "Refs"
        case .test: "verified_by"
        case .requirement, .soup, .problemReport: nil
        }
    }
}

/// One row of the traceability matrix: a requirement and every link written to or from it, each with its source.
public struct TraceRow: Sendable, Codable, Hashable {
    /// The requirement's id.
    public var requirement: String
    /// Its title.
    public var title: String
    /// Its status (draft, approved, obsolete), or empty.
    public var status: String
    /// Risks that name it as a control (`controls`).
    public var risks: [TraceEntry]
    /// Threats that name it as a mitigation (`mitigations`).
    public var threats: [TraceEntry]
    /// IFU changes that name it (`requirements`).
    public var ifuChanges: [TraceEntry]
    /// Software items it names (`items`).
    public var items: [TraceEntry]
    /// Change requests whose record names it (`requirements`, `affected_controls`); never one that only shares a
    /// commit with it.
    public var changeRequests: [TraceEntry]
    /// Commits of the release whose trailers name it.
    public var commits: [TraceEntry]
    /// Tests that verify it (`verified_by`, or the test report's requirement property).
    public var tests: [TraceEntry]
    /// Its tests taken together: passed, failed, skipped, no test, or obsolete for a retired requirement.
    public var result: String

    /// A row from its columns.
    public init(requirement: String, title: String, status: String, risks: [TraceEntry], threats: [TraceEntry],
                ifuChanges: [TraceEntry], items: [TraceEntry], changeRequests: [TraceEntry], commits: [TraceEntry],
                tests: [TraceEntry], result: String) {
        self.requirement = requirement
        self.title = title
        self.status = status
        self.risks = risks
        self.threats = threats
        self.ifuChanges = ifuChanges
        self.items = items
        self.changeRequests = changeRequests
        self.commits = commits
        self.tests = tests
        self.result = result
    }

    /// Reads a row; one written before IFU changes were a column has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requirement = try c.decode(String.self, forKey: .requirement)
        title = try c.decode(String.self, forKey: .title)
        status = try c.decode(String.self, forKey: .status)
        risks = try c.decode([TraceEntry].self, forKey: .risks)
        threats = try c.decode([TraceEntry].self, forKey: .threats)
        ifuChanges = try c.decodeIfPresent([TraceEntry].self, forKey: .ifuChanges) ?? []
        items = try c.decode([TraceEntry].self, forKey: .items)
        changeRequests = try c.decode([TraceEntry].self, forKey: .changeRequests)
        commits = try c.decode([TraceEntry].self, forKey: .commits)
        tests = try c.decode([TraceEntry].self, forKey: .tests)
        result = try c.decode(String.self, forKey: .result)
    }

    /// The row's columns of links with the kind each holds, in the matrix's order.
    public var columns: [(kind: TraceNode.Kind, entries: [TraceEntry])] {
        [(.risk, risks), (.threat, threats), (.ifuChange, ifuChanges), (.softwareItem, items), (.changeRequest, changeRequests),
         (.commit, commits), (.test, tests)]
    }

    /// The row's columns as cells, labels joined with `separator`, in the matrix's order.
    public func cells(separator: String) -> [String] {
        columns.map { column in column.entries.map { $0.label(column.kind) }.joined(separator: separator) }
    }
}
