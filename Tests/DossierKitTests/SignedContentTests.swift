@testable import Signatures
import Testing

@Suite("the signed payload, cut as git cuts it")
struct SignedContentTests {
    private let header = "tree 4b825dc642cb6eb9a060e54bf8d69288fbe4904b\nauthor A <a@example.com> 1 +0000\ncommitter A <a@example.com> 1 +0000\n"

    @Test("gpgsig and its continuation lines are the signature; mergetag stays in the payload")
    func commitSignature() throws {
        let raw = header + "mergetag object abc\n type commit\n tag v1\ngpgsig -----BEGIN SSH SIGNATURE-----\n AAAA\n -----END SSH SIGNATURE-----\n\nSubject\n"
        let content = try #require(SignedContent.ofCommit(Array(raw.utf8)))
        #expect(content.signature == "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n")
        #expect(String(decoding: content.payload, as: UTF8.self) == header + "mergetag object abc\n type commit\n tag v1\n\nSubject\n")
        #expect(content.kind == .ssh)
    }

    @Test("a gpgsig-sha256 header is left out of the payload, with its continuation lines (libgit2 1.5.1 keeps it)")
    func otherSignatureHeader() throws {
        let raw = header + "gpgsig -----BEGIN PGP SIGNATURE-----\n x\n -----END PGP SIGNATURE-----\ngpgsig-sha256 -----BEGIN SSH SIGNATURE-----\n y\n -----END SSH SIGNATURE-----\n\nSubject\n"
        let content = try #require(SignedContent.ofCommit(Array(raw.utf8)))
        #expect(content.signature == "-----BEGIN PGP SIGNATURE-----\nx\n-----END PGP SIGNATURE-----\n")
        #expect(String(decoding: content.payload, as: UTF8.self) == header + "\nSubject\n")
        // Only a gpgsig-sha256 header: in a SHA-1 repository git sees no signature.
        let only = header + "gpgsig-sha256 -----BEGIN SSH SIGNATURE-----\n y\n -----END SSH SIGNATURE-----\n\nSubject\n"
        #expect(SignedContent.ofCommit(Array(only.utf8)) == nil)
    }

    @Test("a body line starting with gpgsig is message, not signature (libgit2 1.5.1 reads it as one)")
    func bodyLine() {
        let raw = header + "\nSubject\n\ngpgsig is a word here\n"
        #expect(SignedContent.ofCommit(Array(raw.utf8)) == nil)
    }

    @Test("a tag's signature starts at the last armor line; the payload is everything before it")
    func tagSignature() throws {
        let raw = "object abc\ntype commit\ntag v1\ntagger A <a@example.com> 1 +0000\n\nQuote:\n-----BEGIN PGP SIGNATURE-----\nnot this one\n-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n"
        let content = try #require(SignedContent.ofTag(Array(raw.utf8)))
        #expect(content.signature == "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n")
        #expect(String(decoding: content.payload, as: UTF8.self).hasSuffix("not this one\n"))
        #expect(SignedContent.ofTag(Array("object abc\n\nno signature\n".utf8)) == nil)
    }

    @Test("X.509 and unknown armors are E with a reason, never G; an unsigned object is N")
    func unsupported() {
        let checker = SignatureChecker(trust: .none, verificationTime: 0)
        let x509 = checker.verdict(SignedContent(payload: [1], signature: "-----BEGIN SIGNED MESSAGE-----\nMIIB\n-----END SIGNED MESSAGE-----\n"), signedAt: 0)
        #expect(x509.letter == .cannotCheck)
        #expect(x509.kind == .x509)
        #expect(x509.reason.contains("X.509"))
        let unknown = checker.verdict(SignedContent(payload: [1], signature: "-----BEGIN SOMETHING-----\n"), signedAt: 0)
        #expect(unknown.letter == .cannotCheck)
        #expect(unknown.reason == "the signature's format is not recognised: it starts '-----BEGIN SOMETHING-----'")
        #expect(checker.verdict(nil, signedAt: 0) == .unsigned)
    }
}
