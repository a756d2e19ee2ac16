import Git
import Records

/// Joins commits with records: change requests named in trailers, software items claimed by path globs,
/// statistics, with the delta against the previous release. Pure: values in, a value out.
public enum ReleaseJoin {
    /// Builds the release model. A changed path that no item claims is listed as not software when `notSoftware`
    /// (dossier.yml's `not_software:` globs) matches it, else as unclaimed.
    public static func join(identification: Identification, commits: [Commit], records: RecordSet,
                            delta: ReleaseDelta, trailerKeys: [String], notSoftware: [String] = []) -> Release {
        let globs = records.items.map { ($0, PathGlob($0.paths)) }
        let outsideSoftware = PathGlob(notSoftware)
        var releaseCommits: [ReleaseCommit] = []
        releaseCommits.reserveCapacity(commits.count)
        var itemPaths: [String: Set<String>] = [:], itemCommits: [String: [String]] = [:]
        var unclaimed = Set<String>(), notSoftwarePaths = Set<String>()
        let wantedKeys = Set(trailerKeys.map { $0.lowercased() })
        var claims: [String: [String]] = [:]  // path → items claiming it; histories touch the same paths often

        for commit in commits {
            let named = Trailers.values(commit.trailers, lowercasedKeys: wantedKeys)
            var crs: [String] = [], references: [String] = []
            for id in named {
                if id.hasPrefix(RecordKind.changeRequest.prefix) {
                    if !crs.contains(id) { crs.append(id) }
                } else if !references.contains(id) {
                    references.append(id)
                }
            }
            var items: [String] = []
            for file in commit.changedFiles {
                let claimants = claims[file.path] ?? {
                    let ids = globs.filter { $0.1.matches(file.path) }.map(\.0.id)
                    claims[file.path] = ids
                    return ids
                }()
                if claimants.isEmpty {
                    if outsideSoftware.matches(file.path) { notSoftwarePaths.insert(file.path) } else { unclaimed.insert(file.path) }
                }
                for id in claimants {
                    if !items.contains(id) { items.append(id) }
                    itemPaths[id, default: []].insert(file.path)
                }
            }
            for item in items { itemCommits[item, default: []].append(commit.id) }
            releaseCommits.append(ReleaseCommit(
                id: commit.id, parents: commit.parents, author: commit.author, committer: commit.committer,
                subject: commit.subject, body: commit.body, message: commit.message,
                invalidUTF8Mark: commit.invalidUTF8 ? true : nil, trailers: commit.trailers, changeRequests: crs,
                references: references, changedFiles: commit.changedFiles, items: items.sorted(by: idOrder),
                merge: commit.isMerge, signature: commit.verdict))
        }

        var crCommits: [String: [String]] = [:]
        for commit in releaseCommits {
            for cr in commit.changeRequests { crCommits[cr, default: []].append(commit.id) }
        }
        let changeRequestRecords = Dictionary(records.changeRequests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let commitItems = Dictionary(releaseCommits.map { ($0.id, $0.items) }, uniquingKeysWith: { a, _ in a })
        let changeRequests = crCommits.keys.sorted(by: idOrder).map { id in
            let commits = crCommits[id] ?? []
            return ChangeRequestEntry(
                id: id, record: changeRequestRecords[id], commits: commits,
                items: Set(commits.flatMap { commitItems[$0] ?? [] }).sorted(by: idOrder))
        }
        let itemsTouched = records.items.filter { itemPaths[$0.id] != nil }.sorted { idOrder($0.id, $1.id) }.map { item in
            ItemTouch(id: item.id, name: item.name, safetyClass: item.safetyClass,
                      paths: (itemPaths[item.id] ?? []).sorted(), commits: itemCommits[item.id] ?? [])
        }

        var signed: [String: Int] = [:], verdicts: [String: Int] = [:]
        var signers: [String: SignerTally] = [:]
        for commit in releaseCommits {
            let verdict = commit.signature
            if let kind = verdict.kind { signed[kind.rawValue, default: 0] += 1 }
            verdicts[verdict.letter.rawValue, default: 0] += 1
            if !verdict.fingerprint.isEmpty {
                signers[verdict.signer + "\n" + verdict.fingerprint, default: SignerTally(
                    signer: verdict.signer, fingerprint: verdict.fingerprint, kind: verdict.kind, commits: 0)].commits += 1
            }
        }
        let statistics = Statistics(
            commits: releaseCommits.count, merges: releaseCommits.count(where: \.merge),
            authors: Set(releaseCommits.map { "\($0.author.name) <\($0.author.email)>" }).sorted(),
            signed: signed, unsigned: releaseCommits.count { $0.signature.kind == nil },
            verdicts: verdicts,
            signers: signers.values.sorted { ($1.commits, $0.signer, $0.fingerprint) < ($0.commits, $1.signer, $1.fingerprint) },
            changedPaths: Set(releaseCommits.lazy.flatMap { $0.changedFiles.lazy.map(\.path) }).count)

        var release = Release(
            identification: identification, commits: releaseCommits, changeRequests: changeRequests,
            commitsWithoutChangeRequest: releaseCommits.compactMap { !$0.merge && $0.changeRequests.isEmpty ? $0.id : nil },
            itemsTouched: itemsTouched, unclaimedPaths: unclaimed.sorted(), records: records,
            delta: delta, statistics: statistics)
        release.notSoftwarePaths = notSoftwarePaths.sorted()
        return release
    }

    /// Orders ids the way people read them: `REQ-2` before `REQ-10`.
    /// Works on the UTF-8 bytes: this runs for every comparison of every sort of ids.
    public static func idOrder(_ a: String, _ b: String) -> Bool {
        let x = split(a), y = split(b)
        if !a.utf8[..<x.prefixEnd].elementsEqual(b.utf8[..<y.prefixEnd]) {
            return a[..<x.prefixEnd] < b[..<y.prefixEnd]
        }
        if x.number != y.number { return x.number < y.number }
        return a < b
    }

    /// Where the id's trailing ASCII digits start, and their value (-1 when there are none, or too many).
    private static func split(_ id: String) -> (prefixEnd: String.Index, number: Int) {
        let utf8 = id.utf8
        var start = utf8.endIndex
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[before]) else { break }
            start = before
        }
        let count = utf8.distance(from: start, to: utf8.endIndex)
        guard count > 0, count <= 18 else { return (start, -1) }
        var number = 0
        for byte in utf8[start...] { number = number * 10 + Int(byte - UInt8(ascii: "0")) }
        return (start, number)
    }
}
