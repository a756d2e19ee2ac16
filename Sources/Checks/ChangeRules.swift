import Model
import Support

/// C1, C2, C5, C6, C8: change control — every change traced to a change request, analysed and labelled.
enum ChangeRules {
    /// C1: a non-merge commit in the release naming no change request.
    static func c1(_ c: CheckContext) -> [Finding] {
        let commits = c.release.commits
        let indexById = Dictionary(commits.indices.map { (commits[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        return c.release.commitsWithoutChangeRequest.compactMap { indexById[$0] }.map {
            let commit = commits[$0]
            return c.finding(.C1, "\(c.named(commit: commit)) by \(commit.author.name) names no change request in its trailers", subjects: [commit.id], at: c.file(of: commit), commit: commit.id)
        }
    }

    /// C2: a change request without a safety-impact analysis, or touching a class B or C item without naming
    /// the affected risk controls; a change request that commits name but no record describes.
    static func c2(_ c: CheckContext) -> [Finding] {
        c.release.changeRequests.flatMap { entry -> [Finding] in
            guard let cr = entry.record else {
                return [c.finding(.C2, "\(entry.id) is named by \(entry.commits.count) commit(s) of the release, but no change request record has that id, so its safety impact is not analysed",
                                  subjects: [entry.id], at: c.recordFile(.changeRequest), commit: entry.commits.first)]
            }
            var findings: [Finding] = []
            if (cr.safetyImpact ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                findings.append(c.finding(.C2, "\(c.named(cr.id, cr.source)) has no safety_impact analysis", subjects: [cr.id], at: cr.source))
            }
            let critical = Set(entry.items + cr.items).sorted(by: ReleaseJoin.idOrder).filter { (c.items[$0]?.safetyClass ?? .a) >= .b }
            if !critical.isEmpty, !cr.statesAffectedControls {
                findings.append(c.finding(.C2, "\(c.named(cr.id, cr.source)) touches class B/C software items (\(critical.joined(separator: ", "))) but does not state its affected_controls (write [] when the analysis finds none)",
                                          subjects: [cr.id] + critical, at: cr.source))
            }
            return findings
        }
    }

    /// C5: a changed file that no software item claims.
    static func c5(_ c: CheckContext) -> [Finding] {
        guard !c.release.unclaimedPaths.isEmpty else { return [] }
        // The path itself, and the last commit of the release that changed it (one pass over the history).
        var lastCommit: [String: String] = [:]
        for commit in c.release.commits { for file in commit.changedFiles { lastCommit[file.path] = commit.id } }
        return c.release.unclaimedPaths.map { path in
            c.finding(.C5, "\(path) changed in the release, but no software item's paths claim it", subjects: [path],
                      at: SourceLocation(file: path), commit: lastCommit[path])
        }
    }

    /// C6: a change request that affects labeling, adds an information-for-safety control or names a transferred
    /// threat, in a release with no IFU change.
    static func c6(_ c: CheckContext) -> [Finding] {
        let ifu = c.release.delta[.ifuChange]
        guard ifu.added.isEmpty, ifu.changed.isEmpty else { return [] }
        let changedRisks = Set(c.release.delta[.risk].added + c.release.delta[.risk].changed.map(\.id))
        return c.release.changeRequests.compactMap(\.record).compactMap { cr -> Finding? in
            var reasons: [String] = []
            if cr.affectsLabeling == true { reasons.append("it affects labeling") }
            let transferred = cr.threats.filter { c.threats[$0]?.disposition == .transferred }
            if !transferred.isEmpty { reasons.append("it names transferred threat(s) \(transferred.joined(separator: ", "))") }
            let safetyInfo = cr.risks.filter { id in
                changedRisks.contains(id) && (c.risks[id]?.controls.contains { $0.type == .informationForSafety } ?? false)
            }
            if !safetyInfo.isEmpty { reasons.append("it adds information-for-safety controls to \(safetyInfo.joined(separator: ", "))") }
            guard !reasons.isEmpty else { return nil }
            return c.finding(.C6, "\(c.named(cr.id, cr.source)): \(reasons.joined(separator: "; ")), but the release adds or changes no IFU entry",
                             subjects: [cr.id], at: cr.source)
        }
    }

    /// C8: an obsoleted requirement without rationale.
    static func c8(_ c: CheckContext) -> [Finding] {
        c.release.records.requirements.filter { ($0.obsolete?.rationale.trimmingCharacters(in: .whitespaces).isEmpty) == true }.map {
            c.finding(.C8, "\(c.named($0.id, $0.source)) is obsolete without a rationale", subjects: [$0.id], at: $0.source)
        }
    }
}
