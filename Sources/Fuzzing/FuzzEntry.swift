import Evidence
import Foundation
import Records
import Render
import Signatures
import Support

/// The readers `make fuzz` feeds with arbitrary bytes, each reached through the function the product calls on a
/// file from a repository, a bundle or an evidence folder. The libFuzzer driver (Fuzz/Driver) and the replay test
/// of the inputs kept in Tests/Fixtures/fuzz both call `run`, so that what crashed once is replayed as it ran.
public enum FuzzEntry {
    /// One fuzz target; its raw value names it on the command line and its folder in Tests/Fixtures/fuzz.
    public enum Target: String, CaseIterable, Sendable {
        /// An SSHSIG signature (armored, or the raw blob, which is armored first), verified as git's are.
        case sshsig
        /// OpenPGP armor and packets: the public key blocks read as the trusted keys, the signature verified with them.
        case openpgp
        /// An allowed_signers file.
        case allowedSigners = "allowed-signers"
        /// YAML: dossier.yml, and the file as each kind of record file (Threagile models included).
        case yaml
        /// A JUnit XML report.
        case junit
        /// JSON: an SBOM, a Threat Dragon model and a tracker export (GitHub or Jira).
        case json
        /// CSV: the table, and a Jira CSV export of change requests.
        case csv
        /// A mustache template taking the place of every built-in one, parsed and rendered.
        case template
    }

    /// Feeds `data` to the target's readers. Returns when they read it, throws the `DossierError` they threw when
    /// they refused it; any other error is a finding, as a crash or a hang is.
    public static func run(_ target: Target, _ data: Data) throws {
        switch target {
        case .sshsig: sshSignature(data)
        case .openpgp: openPGP(data)
        case .allowedSigners: _ = try AllowedSigners(text: String(decoding: data, as: UTF8.self), file: "allowed_signers")
        case .yaml: try yaml(data)
        case .junit: _ = try JUnitReader.read(data, file: "junit.xml")
        case .json: try json(data)
        case .csv: try csv(data)
        case .template: try template(data)
        }
    }

    /// The payload signatures are checked over: the bytes of a commit.
    static let payload = Array("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nfuzz\n".utf8)

    private static func sshSignature(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let armored = text.hasPrefix("-----BEGIN SSH") ? text : armor(data, begin: "-----BEGIN SSH SIGNATURE-----", end: SSHSignature.endLine)
        for allowedSigners in [nil, try? AllowedSigners(text: "", file: "allowed_signers")] {
            _ = SSHVerifier.verify(armored: armored, payload: payload, time: 1_700_000_000, allowedSigners: allowedSigners)
        }
    }

    /// Text holding armor is read as it is: its public key blocks as the trusted keys, its signature block checked
    /// with them. Other bytes are armored twice: as a public key block and as a signature.
    private static func openPGP(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let keys, signature: String
        if text.contains("-----BEGIN PGP") {
            (keys, signature) = (text, text)
        } else {
            keys = armor(data, begin: "-----BEGIN PGP PUBLIC KEY BLOCK-----", end: "-----END PGP PUBLIC KEY BLOCK-----")
            signature = armor(data, begin: "-----BEGIN PGP SIGNATURE-----", end: "-----END PGP SIGNATURE-----")
        }
        let keyring = (try? OpenPGPKeyring(files: [("keys.asc", keys)])) ?? (try? OpenPGPKeyring(files: []))
        if let keyring {
            _ = OpenPGPVerifier.verify(armored: signature, payload: payload, keyring: keyring, time: 1_700_000_000)
        }
    }

    private static func armor(_ data: Data, begin: String, end: String) -> String {
        "\(begin)\n\(data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))\n\(end)\n"
    }

    /// dossier.yml, then the same file as each kind of record file in turn, read by `RecordLoader` as it reads a tree.
    private static func yaml(_ data: Data) throws {
        var first: DossierError?
        func attempt(_ body: () throws -> Void) throws {
            do { try body() } catch let error as DossierError { first = first ?? error }
        }
        try attempt { _ = try Config.parse(data, file: "dossier.yml") }
        for kind in RecordKind.allCases {
            var config = Config.historyOnly
            config.recordPaths = [kind: "records.yml"]
            try attempt { _ = try RecordLoader.records(from: FuzzSource(files: ["records.yml": data]), config: config) }
        }
        if let first { throw first }
    }

    /// An SBOM, a Threat Dragon model, a tracker export: the readers of JSON evidence and records.
    private static func json(_ data: Data) throws {
        var first: DossierError?
        func attempt(_ body: () throws -> Void) throws {
            do { try body() } catch let error as DossierError { first = first ?? error }
        }
        try attempt { _ = try SBOMReader.read(data, file: "sbom.json") }
        try attempt { _ = try ThreatDragonReader.threats(data, file: "threats.json") }
        try attempt { _ = try TrackerExportReader.changeRequests(data, file: "issues.json", mapping: .standard) }
        if let first { throw first }
    }

    private static func csv(_ data: Data) throws {
        _ = try CSVTable(data, file: "issues.csv")
        _ = try TrackerExportReader.changeRequests(data, file: "issues.csv", mapping: .standard)
    }

    /// The text takes the place of every mustache template (so that it is its own partial and the others'), is
    /// parsed as `TemplateSet` parses an override folder, and renders a small context as the SUF is rendered.
    private static func template(_ data: Data) throws {
        let files = Dictionary(uniqueKeysWithValues: TemplateSet.names.filter { $0.hasSuffix(".mustache") }.map { ("templates/" + $0, data) })
        let library = try TemplateSet.builtIn.overriding(withFolder: "templates", in: FuzzSource(files: files)).library()
        _ = try library.render(templateContext, withTemplate: "suf.md")
    }

    /// Text, numbers, a list of objects, an empty list, a flag and a nested object, with characters to escape.
    private static var templateContext: [String: Any] {
        ["title": "<Dose & \"Alerts\">", "version": "v2.0.0", "count": 3, "flag": false, "empty": [String](),
         "items": [["id": "REQ-1", "title": "*first*", "ok": true], ["id": "REQ-2", "title": "[link](javascript:x)", "ok": false]],
         "device": ["name": "Pump", "class": ["eu": "IIb"]]]
    }
}
