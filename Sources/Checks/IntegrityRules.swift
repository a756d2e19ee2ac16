import Model

/// G1 and G2: commit and release-tag signatures.
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
}
