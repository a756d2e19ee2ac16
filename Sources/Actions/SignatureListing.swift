import Foundation
import Git
import Signatures
import Support

/// The verdicts on a range of commits (or on every tag), in the shape of `git log --format='%H %G? %GS %GF'`.
public struct SignatureListing: Sendable, Codable {
    /// One commit or tag and its verdict.
    public struct Entry: Sendable, Codable, Hashable {
        /// The commit id, or the tag's name.
        public var name: String
        /// The tag object's id (annotated tags); nil for commits and lightweight tags.
        public var object: String?
        /// git's verdict.
        public var verdict: Verdict
    }

    /// What was listed: `PREV..RELEASE`, `all commits` or `tags`.
    public var scope: String
    /// The trust the verdicts rest on.
    public var allowedSigners: String?
    /// The trusted OpenPGP keys' source.
    public var openPGPKeys: String?
    /// The entries, oldest commit first (tags in name order).
    public var entries: [Entry]
    /// Notes for the user on tags that point at a tree or a blob (not part of the listing's JSON).
    public var notes: [String] = []

    private enum CodingKeys: String, CodingKey { case scope, allowedSigners, openPGPKeys, entries }

    /// One line per entry: name, letter, signer, fingerprint, separated by single spaces as git prints them.
    public var text: String {
        entries.map { "\($0.name) \($0.verdict.letter.rawValue) \($0.verdict.signer) \($0.verdict.fingerprint)\n" }.joined()
    }

    /// The listing as canonical JSON.
    public func json() throws -> Data { try CanonicalJSON.encode(self) }
}
