@testable import Git
@testable import Records
import Testing

@Suite("History values")
struct HistoryUnitTests {
    @Test("semantic versions order releases the way release managers expect")
    func semanticOrder() throws {
        let tags = ["v1.10.0", "v1.9.0", "v2.0.0", "v2.0.0-rc.1", "v2.0.0-rc.10", "v2.0.0-rc.2", "v2.0.0-alpha", "v1.0"]
        let sorted = try tags.sorted { try #require(SemanticVersion(tag: $0)) < (try #require(SemanticVersion(tag: $1))) }
        #expect(sorted == ["v1.0", "v1.9.0", "v1.10.0", "v2.0.0-alpha", "v2.0.0-rc.1", "v2.0.0-rc.2", "v2.0.0-rc.10", "v2.0.0"])
        #expect(SemanticVersion(tag: "latest") == nil)
        #expect(SemanticVersion(tag: "release-3.1.4+build.7")?.numbers == [3, 1, 4])
    }

    @Test("person lines parse with their time zone, and dates print in ISO 8601")
    func personLine() throws {
        let person = try #require(Person.parse("Bob Builder <bob@example.com> 1704110400 -0130"))
        #expect(person.name == "Bob Builder")
        #expect(person.email == "bob@example.com")
        #expect(person.offsetMinutes == -90)
        #expect(person.date == "2024-01-01T10:30:00-01:30")
        #expect(ISODate.format(time: 951_782_400, offsetMinutes: 0) == "2000-02-29T00:00:00Z")
        #expect(ISODate.format(time: -1, offsetMinutes: 60) == "1970-01-01T00:59:59+01:00")
    }

    @Test("subject and body split as git's %s and %b")
    func messageParts() {
        let (subject, body) = MessageParts.split("First line\nsecond line\n\n\nBody one\n\nBody two\n\n")
        #expect(subject == "First line second line")
        #expect(body == "Body one\n\nBody two\n\n")  // git's %b: the rest of the message as it is
        let crlf = MessageParts.split("\n \r\n  Subject \t\r\nnext\r\n\r\n \r\nBody  \r\n\r\n")
        #expect(crlf.subject == "  Subject next")
        #expect(crlf.body == "Body  \r\n\r\n")
    }

    @Test("encoding names git reads as UTF-8, and conversion as git's iconv call does it")
    func encodings() {
        #expect(["UTF-8", "utf8", "Utf-8", "UTF8"].allSatisfy(CommitEncoding.isUTF8))
        #expect(!["UTF-16", "utf--8", "ISO-8859-1", "", "utf"].contains(where: CommitEncoding.isUTF8))
        let latin1: [UInt8] = [0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68]  // Zürich
        #expect(latin1.withUnsafeBytes { CommitEncoding.utf8($0, from: "ISO-8859-1") } == Array("Zürich".utf8))
        #expect(latin1.withUnsafeBytes { CommitEncoding.utf8($0, from: "latin-1") } == Array("Zürich".utf8))
        #expect(latin1.withUnsafeBytes { CommitEncoding.utf8($0, from: "no-such-encoding") } == nil)
        let long = [UInt8](repeating: 0xE9, count: 5000)  // more output than input: the buffer grows
        #expect(long.withUnsafeBytes { CommitEncoding.utf8($0, from: "ISO-8859-1") }?.count == 10_000)
        let badShiftJIS: [UInt8] = [0x41, 0x81]  // a lead byte with nothing after it: git keeps the bytes
        #expect(badShiftJIS.withUnsafeBytes { CommitEncoding.utf8($0, from: "SHIFT_JIS") } == nil)
    }

    @Test("object headers keep continuation lines and stop at the first blank line")
    func headers() {
        let raw = "tree abc\nparent p1\nparent p2\ngpgsig -----BEGIN SSH SIGNATURE-----\n line2\n -----END SSH SIGNATURE-----\n\ngpgsig in the body\n"
        let headers = ObjectHeaders(raw)
        #expect(headers.all("parent") == ["p1", "p2"])
        #expect(headers.first("gpgsig") == "-----BEGIN SSH SIGNATURE-----\nline2\n-----END SSH SIGNATURE-----")
        #expect(headers.message == "gpgsig in the body\n")
    }

    @Test("trailer values split on commas for the configured keys, case-insensitively")
    func trailerValues() {
        let trailers = Trailers.parse("Subject\n\nBody.\n\nchange-request: CR-1, CR-2\nRefs: REQ-1\nReviewed-by: Someone\n")
        #expect(Trailers.values(trailers, keys: ["Change-Request", "Refs"]) == ["CR-1", "CR-2", "REQ-1"])
        #expect(Trailers.parse("Only a subject: with a colon\n").isEmpty)
    }

    @Test("trailer keys are found in ASCII and non-ASCII lines alike, blanks allowed before the colon")
    func trailerSeparators() {
        let trailers = Trailers.parse("Subject\n\nBody.\n\nKey : value\nReviewed-by: François Dubois\nNé: not a token\n")
        #expect(trailers.isEmpty, "a line whose token is not ASCII makes the paragraph no trailer block: \(trailers)")
        let spaced = Trailers.parse("Subject\n\nBody.\n\nKey : value\nReviewed-by: François Dubois\n")
        #expect(spaced == [Trailer(key: "Key", value: "value"), Trailer(key: "Reviewed-by", value: "François Dubois")])
        #expect(Trailers.parse("Subject\n\nBody.\n\n: value\n").isEmpty)
        #expect(Trailers.parse("Subject\n\nBody.\n\n Refs: REQ-1\n").isEmpty)
    }
}
