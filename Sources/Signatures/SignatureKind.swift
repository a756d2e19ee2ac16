/// The kind of signature a commit or tag carries, read from its raw object (verification is a later stage).
public enum SignatureKind: String, Sendable, Codable, Hashable {
    /// An OpenPGP signature (`-----BEGIN PGP SIGNATURE-----`).
    case openpgp
    /// An SSH signature (`-----BEGIN SSH SIGNATURE-----`).
    case ssh
    /// An X.509 (CMS) signature, as gpgsm writes it (`-----BEGIN SIGNED MESSAGE-----`).
    case x509
    /// A Mender Artifact's `manifest.sig` (RSA PKCS#1 v1.5 or ECDSA P-256 over the manifest, with SHA-256): the kind
    /// of a verdict `UpdateKeys` gives, never an armor `of(armor:)` recognises.
    case mender

    /// Recognises the armor's first line.
    static func of(armor: Substring) -> SignatureKind? {
        if armor.hasPrefix("-----BEGIN PGP SIGNATURE-----") || armor.hasPrefix("-----BEGIN PGP MESSAGE-----") { return .openpgp }
        if armor.hasPrefix("-----BEGIN SSH SIGNATURE-----") { return .ssh }
        if armor.hasPrefix("-----BEGIN SIGNED MESSAGE-----") { return .x509 }
        return nil
    }
}
