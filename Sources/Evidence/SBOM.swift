import Support

/// A software bill of materials as dossier reads it from CycloneDX (1.4–1.6) or SPDX (2.3) JSON: the components
/// the software is built from, what depends on what, and the known vulnerabilities with their VEX analysis.
public struct SBOM: Sendable, Codable, Hashable {
    /// The two SBOM standards dossier reads.
    public enum Format: String, Sendable, Codable, Hashable {
        /// OWASP CycloneDX, JSON.
        case cycloneDX = "CycloneDX"
        /// SPDX, JSON.
        case spdx = "SPDX"
    }

    /// The file it was read from, as named in the tree or on the command line.
    public var file: String
    /// The SHA-256 of the file's bytes, lower-case hex.
    public var sha256 = ""
    /// CycloneDX or SPDX.
    public var format: Format
    /// The version of the standard, e.g. `1.6` or `2.3`.
    public var specVersion: String
    /// The components, the product itself (CycloneDX `metadata.component`, SPDX's described package) left out.
    public var components: [SBOMComponent]
    /// Known vulnerabilities (CycloneDX only: SPDX 2.3 has no vulnerability records).
    public var vulnerabilities: [SBOMVulnerability]

    /// `CycloneDX 1.6` or `SPDX 2.3`.
    public var standard: String { "\(format.rawValue) \(specVersion)" }
}

/// One component of an SBOM.
public struct SBOMComponent: Sendable, Codable, Hashable {
    /// Its reference inside the SBOM: CycloneDX `bom-ref`, SPDX `SPDXID`.
    public var ref: String
    /// Its name (CycloneDX `group/name` when it has a group).
    public var name: String
    /// Its version, when stated.
    public var version: String?
    /// Its supplier or manufacturer.
    public var supplier: String?
    /// Its package URL.
    public var purl: String?
    /// Its digests, as `ALG:hex`, e.g. `SHA-256:9f86…`.
    public var hashes: [String]
    /// Its licenses: SPDX ids, names or expressions.
    public var licenses: [String]
    /// The references of the components it depends on.
    public var dependsOn: [String]
    /// When its supplier stops supporting it: CycloneDX's `cdx:lifecycle:milestone:endOfSupport` property,
    /// SPDX's `validUntilDate`.
    public var endOfSupport: String?
    /// Where it is written in the SBOM.
    public var location: SourceLocation
}

/// A known vulnerability of components, with the manufacturer's VEX analysis of it.
public struct SBOMVulnerability: Sendable, Codable, Hashable {
    /// Its id, e.g. `CVE-2024-3094`.
    public var id: String
    /// Where the id comes from, e.g. NVD.
    public var source: String?
    /// The highest-scored rating: `9.8 critical (CVSSv31 AV:N/…)`.
    public var rating: String?
    /// What it is.
    public var description: String?
    /// The references of the affected components (resolved to SOUP ids once joined with the SOUP list).
    public var affects: [String]
    /// The VEX analysis state: resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected.
    public var state: String?
    /// Why it does not affect the device, e.g. code_not_reachable.
    public var justification: String?
    /// The response: can_not_fix, will_not_fix, update, rollback, workaround_available.
    public var response: [String]
    /// The analysis in words.
    public var detail: String?
    /// Where it is written in the SBOM.
    public var location: SourceLocation
}
