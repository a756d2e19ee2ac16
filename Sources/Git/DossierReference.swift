/// The references dossier keeps in a repository beside its history.
public enum DossierReference {
    /// The reference that holds a release's attached bundle (a commit whose tree is the bundle):
    /// `refs/dossier/<tag>`.
    public static func bundle(_ release: String) -> String { "refs/dossier/\(release)" }
}
