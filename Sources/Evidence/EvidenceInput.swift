import Foundation

/// One evidence file to read: its name (as the documents will show it) and its bytes.
public struct EvidenceInput: Sendable, Hashable {
    /// The name: the path given on the command line, or the path it is stored at with the release.
    public var name: String
    /// The file's bytes.
    public var data: Data

    /// Creates an input.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}
