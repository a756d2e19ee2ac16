/// Where in an input a problem was found: a file (as named in the repository or on disk), line and column.
public struct SourceLocation: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The file, e.g. `regulatory/requirements.yml`.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?

    /// The keys in sorted order, so that the synthesized `encode(to:)` writes them as canonical JSON orders them
    /// (CanonicalJSON need not put them in order again: a release has tens of thousands).
    enum CodingKeys: String, CodingKey { case column, file, line }

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file):\(line):\(column)"
        case let (line?, nil): "\(file):\(line)"
        default: file
        }
    }
}

/// A problem with what the user gave dossier: a repository, a revision, a record file, a template.
/// Every such error ends the command with exit code 2 and leaves no output behind.
public struct DossierError: Error, Sendable, CustomStringConvertible {
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    /// What is wrong, phrased for the user: what was expected and what was found.
    public var message: String

    /// Creates an error.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// `file:line:column: message`, or the message alone.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
