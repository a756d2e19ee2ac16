/// A release and what dossier concludes about it: what a SUF documents, and what `suf.json` holds as one object.
/// Every document of a release (the SUF, the DHF's copy, a diff, `trace`) is made from this one value.
public struct AssessedRelease: Sendable, Hashable {
    /// The facts: history, records and evidence, joined.
    public var release: Release
    /// The trace matrix, findings, rules turned off and clause coverage computed from the facts.
    public var assessment: Assessment

    /// The pair.
    public init(release: Release, assessment: Assessment) {
        self.release = release
        self.assessment = assessment
    }

    /// The release's name as a file or folder name.
    public var fileStem: String { release.fileStem }
}

extension AssessedRelease: Codable {
    /// suf.json's keys, the facts' and the assessment's, in sorted order: the order suf.json holds them in, so that
    /// the encoder passes the document on in pieces as it writes it instead of holding all of it to sort it.
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case buildProvenance, changeRequests, commits, commitsWithoutChangeRequest, coverage, delta, evidence, findings, formatVersion,
             identification, itemsTouched, notSoftwarePaths, records, rulesOff, statistics, traceMatrix, unclaimedPaths,
             updatePackages
    }

    /// Writes the facts and the assessment as one object, keys in sorted order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Only when there is some (as update packages below): a release without reads as it did before it was recorded.
        if !release.buildProvenance.isEmpty { try container.encode(release.buildProvenance, forKey: .buildProvenance) }
        try container.encode(release.changeRequests, forKey: .changeRequests)
        try container.encode(release.commits, forKey: .commits)
        try container.encode(release.commitsWithoutChangeRequest, forKey: .commitsWithoutChangeRequest)
        try container.encode(assessment.coverage, forKey: .coverage)
        try container.encode(release.delta, forKey: .delta)
        try container.encode(release.evidence, forKey: .evidence)
        try container.encode(assessment.findings, forKey: .findings)
        try container.encode(release.formatVersion, forKey: .formatVersion)
        try container.encode(release.identification, forKey: .identification)
        try container.encode(release.itemsTouched, forKey: .itemsTouched)
        try container.encode(release.notSoftwarePaths, forKey: .notSoftwarePaths)
        try container.encode(release.records, forKey: .records)
        try container.encode(assessment.rulesOff, forKey: .rulesOff)
        try container.encode(release.statistics, forKey: .statistics)
        try container.encode(assessment.traceMatrix, forKey: .traceMatrix)
        try container.encode(release.unclaimedPaths, forKey: .unclaimedPaths)
        // Only when there are packages: a release without them reads as it did before they were recorded.
        if !release.updatePackages.isEmpty { try container.encode(release.updatePackages, forKey: .updatePackages) }
    }

    /// Reads one suf.json object into the facts and the assessment.
    public init(from decoder: any Decoder) throws {
        release = try Release(from: decoder)
        assessment = try Assessment(from: decoder)
    }
}
