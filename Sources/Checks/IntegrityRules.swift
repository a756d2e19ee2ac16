import Model
import Support

/// G1, G2 and G3: commit, release-tag and update-package signatures; G4 and G5: build provenance of the release commit
/// that names every update package.
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
            // The same verdict the SUF's table shows, with its reason; an unsigned one says where a signature would be.
            var what = verdict.letter == .none
                ? "no signature (none beside it as \(package.name).sig or .asc\(package.mender == nil ? "" : ", no manifest.sig inside")): N"
                : "\(package.signatureFile.map { "signature \($0)" } ?? "verdict"): \(verdict.letter.rawValue) (\(reason))"
            if verdict.letter == .none, let problem = package.mender?.problems.first { what += "; and it does not match its manifest: \(problem)" }
            return c.finding(.G3, "update package \(package.name) (SHA-256 \(package.sha256.prefix(16))…): \(what)",
                             subjects: [package.name],
                             at: package.signatureFile == nil ? SourceLocation(file: package.name) : c.trustFile(for: verdict.kind))
        }
    }

    /// G4: a provenance statement none of whose resolved sources is the release commit. Nothing is found for a
    /// release given no provenance: clause 5.8.5 then lists it as missing.
    static func g4(_ c: CheckContext) -> [Finding] {
        let commit = c.release.identification.commit.lowercased()
        return c.release.buildProvenance.compactMap { statement -> Finding? in
            guard !statement.sources.contains(where: { $0.commit == commit }) else { return nil }
            let named = statement.sources.isEmpty ? "names no source commit (no resolved dependency with a gitCommit digest)"
                : "names \(statement.sources.map { String($0.commit.prefix(12)) }.joined(separator: ", ")), not the release commit \(commit.prefix(12))"
            return c.finding(.G4, "the build provenance \(statement.file) (builder \(statement.builder)) \(named)",
                             subjects: [statement.file], at: SourceLocation(file: statement.file), commit: c.release.identification.commit)
        }
    }

    /// G5: with build provenance given, an update package whose SHA-256 no statement names as a subject.
    static func g5(_ c: CheckContext) -> [Finding] {
        let provenance = c.release.buildProvenance
        guard !provenance.isEmpty else { return [] }
        let built = Set(provenance.flatMap(\.subjects).compactMap(\.sha256))
        return c.release.updatePackages.compactMap { package -> Finding? in
            guard !built.contains(package.sha256) else { return nil }
            return c.finding(.G5, "update package \(package.name) (SHA-256 \(package.sha256.prefix(16))…) is not a subject of the build provenance (\(Set(provenance.map(\.file)).sorted().joined(separator: ", "))): nothing says this build made it",
                             subjects: [package.name], at: SourceLocation(file: package.name))
        }
    }
}
