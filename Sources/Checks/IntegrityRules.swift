import Model
import Support

/// G1, G2 and G3: commit, release-tag and update-package signatures.
enum IntegrityRules {
    /// G1: a commit whose signature verdict is not G.
    static func g1(_ c: CheckContext) -> [Finding] {
        c.release.commits.compactMap { commit -> Finding? in
            guard commit.signature.letter != .good else { return nil }
            let reason = commit.signature.reason.isEmpty ? commit.signature.letter.meaning : commit.signature.reason
            return c.finding(.G1, "\(c.named(commit: commit)) by \(commit.author.name): signature \(commit.signature.letter.rawValue) (\(reason))",
                             subjects: [commit.id],
                             at: commit.signature.letter == .none ? c.file(of: commit) : c.trustFile(for: commit.signature.kind), commit: commit.id)
        }
    }

    /// G2: the release is not a tag, or its tag is lightweight, unsigned or not G.
    static func g2(_ c: CheckContext) -> [Finding] {
        let id = c.release.identification
        if id.workTree { return [] }  // the uncommitted state has no tag yet
        guard let tag = id.tag else {
            return [c.finding(.G2, "the release \(id.release) is not a tag: no signed tag vouches for commit \(id.commit.prefix(12))", subjects: [id.release], at: c.trustFile(for: nil), commit: id.commit)]
        }
        if !tag.annotated {
            return [c.finding(.G2, "the release tag \(tag.name) is lightweight: it has no tagger, date or signature", subjects: [tag.name], at: c.trustFile(for: nil), commit: id.commit)]
        }
        guard tag.signature.letter != .good else { return [] }
        let reason = tag.signature.reason.isEmpty ? tag.signature.letter.meaning : tag.signature.reason
        return [c.finding(.G2, "the release tag \(tag.name): signature \(tag.signature.letter.rawValue) (\(reason))", subjects: [tag.name], at: c.trustFile(for: tag.signature.kind), commit: id.commit)]
    }

    /// G3: an update package with no detached signature beside it, or one whose verdict is not G. Nothing is found
    /// for a release given no packages: that the release's delivery is not evidenced is the clause table's to say.
    static func g3(_ c: CheckContext) -> [Finding] {
        c.release.updatePackages.compactMap { package -> Finding? in
            let verdict = package.signature
            guard verdict.letter != .good else { return nil }
            let reason = verdict.reason.isEmpty ? verdict.letter.meaning : verdict.reason
            let what = package.signatureFile.map { "signature \($0): \(verdict.letter.rawValue) (\(reason))" }
                ?? "no detached signature beside it (\(package.name).sig or .asc): N"
            return c.finding(.G3, "update package \(package.name) (SHA-256 \(package.sha256.prefix(16))…): \(what)",
                             subjects: [package.name],
                             at: package.signatureFile == nil ? SourceLocation(file: package.name) : c.trustFile(for: verdict.kind))
        }
    }
}
