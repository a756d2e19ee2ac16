import Records

extension SUFContext {
    /// The sentence naming the SBOM the SOUP list was read from, or `nil` when the SOUP list is YAML alone.
    static func sbomText(_ sbom: SBOMSource?) -> SUFValues.SBOMValues? {
        guard let sbom else { return nil }
        return SUFValues.SBOMValues(file: sbom.file, standard: sbom.standard, components: sbom.components, sha256: sbom.sha256,
                                    fromEvidence: sbom.fromEvidence, overlay: sbom.overlay ?? "")
    }

    /// One row per known vulnerability: what it affects, its rating, the VEX analysis and the threats that cover it.
    static func vulnerabilityRows(_ records: RecordSet) -> TemplateList<SUFValues.VulnerabilityRow> {
        TemplateList(records.vulnerabilities.map { vulnerability in
            let threats = records.threats.filter { $0.vulnerabilities.contains(vulnerability.id) }.map(\.id)
            return SUFValues.VulnerabilityRow(
                id: vulnerability.id, source: vulnerability.source ?? "",
                affects: vulnerability.affects.joined(separator: ", "), rating: vulnerability.rating ?? "not rated",
                state: vulnerability.state?.replacingUnderscores ?? "not analysed",
                justification: vulnerability.justification?.replacingUnderscores ?? "",
                response: vulnerability.response.map(\.replacingUnderscores).joined(separator: ", "),
                threats: threats.joined(separator: ", "))
        })
    }
}
