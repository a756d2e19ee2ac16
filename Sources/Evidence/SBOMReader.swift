import Crypto
import Foundation
import Support

/// Reads an SBOM file, CycloneDX or SPDX JSON, telling the two apart by their content and holding a file to what
/// its name promises (`*.cdx.json` is CycloneDX, `*.spdx.json` is SPDX, the names both projects recommend).
public enum SBOMReader {
    /// Whether a file name is one an SBOM would have (`.json`).
    public static func looksLikeSBOM(_ file: String) -> Bool { file.lowercased().hasSuffix(".json") }

    /// Reads the SBOM in `data`, named `file` in messages.
    /// - Throws: `DossierError` for bytes that are not UTF-8, text that is not JSON, a document that is neither
    ///   CycloneDX 1.4–1.6 nor SPDX 2.3, a document other than its name says, or a field of the wrong type.
    public static func read(_ data: Data, file: String) throws -> SBOM {
        var sbom = try document(data, file: file)
        sbom.sha256 = sha256Hex(data)
        return sbom
    }

    private static func document(_ data: Data, file: String) throws -> SBOM {
        let top = try JSONValue.parse(data, file: file).object("an SBOM")
        let named = file.lowercased()
        if top["bomFormat"] != nil {
            if named.hasSuffix(".spdx.json") {
                throw DossierError("expected an SPDX document, as the name \(file) says, found a CycloneDX SBOM (bomFormat)", at: top.location)
            }
            return try CycloneDXReader.read(top, file: file)
        }
        if top["spdxVersion"] != nil {
            if named.hasSuffix(".cdx.json") {
                throw DossierError("expected a CycloneDX SBOM, as the name \(file) says, found an SPDX document (spdxVersion \(Excerpt.of((try? top.text("spdxVersion")) ?? "?")))",
                                   at: top.location)
            }
            return try SPDXReader.read(top, file: file)
        }
        let keys = top.members.prefix(6).map(\.key).joined(separator: ", ")
        throw DossierError("expected a CycloneDX SBOM (with \"bomFormat\") or an SPDX document (with \"spdxVersion\"), found an object with the keys \(Excerpt.of(keys))",
                           at: top.location)
    }
}
