import Model
import Records
import Signatures

/// What an auditor compares between two SUFs: a structured diff of two `AssessedRelease` values, record by record
/// (matched by id), with findings, signatures, software items touched and clause coverage. Not a text diff.
public struct ReleaseDiff: Sendable, Codable, Hashable {
    /// The version of this JSON format.
    public static let currentFormatVersion = 1

    /// The format version this value was written with.
    public var formatVersion = ReleaseDiff.currentFormatVersion
    /// The release compared from.
    public var old: DiffSide
    /// The release compared to.
    public var new: DiffSide
    /// One entry per record kind, in `RecordKind` order.
    public var records: [RecordKindDiff]
    /// The risk management file of each release, and the risks whose entry differs.
    public var risks: RiskFileDiff
    /// Findings of the gap rules that appeared, disappeared or changed.
    public var findings: FindingsDiff
    /// Signature verdict counts, signers and the tag's verdict, before and after.
    public var signatures: SignaturesDiff
    /// The update packages each release delivered and the builds its provenance names.
    public var delivery: DeliveryDiff
    /// Software items whose paths each release changed.
    public var itemsTouched: ItemsTouchedDiff
    /// Clauses whose coverage state changed.
    public var coverage: [CoverageChange]

    /// Whether the two releases say the same (their identification aside).
    public var isEmpty: Bool {
        records.allSatisfy(\.isEmpty) && risks.isEmpty && findings.isEmpty && signatures.isEmpty && itemsTouched.isEmpty && coverage.isEmpty
    }

    /// Compares two releases, each with its assessment.
    public init(old: AssessedRelease, new: AssessedRelease) {
        self.old = DiffSide(old.release)
        self.new = DiffSide(new.release)
        records = RecordKind.allCases.map { RecordKindDiff(kind: $0, old: old.release.records, new: new.release.records) }
        risks = RiskFileDiff(old: old, new: new)
        findings = FindingsDiff(old: old.assessment.findings, new: new.assessment.findings)
        signatures = SignaturesDiff(old: old.release, new: new.release)
        delivery = DeliveryDiff(old: old.release, new: new.release)
        itemsTouched = ItemsTouchedDiff(old: old.release.itemsTouched, new: new.release.itemsTouched)
        let before = Dictionary(old.assessment.coverage.map { ($0.clause, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.assessment.coverage.map { ($0.clause, $0) }, uniquingKeysWith: { a, _ in a })
        var clauses = old.assessment.coverage.map(\.clause)
        for status in new.assessment.coverage where before[status.clause] == nil { clauses.append(status.clause) }
        coverage = clauses.compactMap { clause in
            let a = before[clause], b = after[clause]
            guard a?.state != b?.state else { return nil }
            return CoverageChange(clause: clause, title: b?.title ?? a?.title ?? "", old: a?.state.rawValue, new: b?.state.rawValue,
                                  gaps: b?.gaps ?? [])
        }
    }
}

/// One side of a diff: which release, at which commit, dated when.
public struct DiffSide: Sendable, Codable, Hashable {
    /// The release's name (its tag, or the revision it was built from).
    public var release: String
    /// The release tag, when the release is one.
    public var tag: String?
    /// The release commit.
    public var commit: String
    /// The document date.
    public var date: String
    /// The release this one's SUF was compared with.
    public var previousRelease: String?
    /// How many commits the release's SUF covers.
    public var commits: Int

    init(_ release: Release) {
        self.release = release.identification.release
        tag = release.identification.tag?.name
        commit = release.identification.commit
        date = release.identification.date
        previousRelease = release.identification.previousRelease
        commits = release.statistics.commits
    }
}

/// A record named in a diff.
public struct RecordRef: Sendable, Codable, Hashable {
    /// Its id.
    public var id: String
    /// Its one-line name.
    public var headline: String
}

/// One field of a record before and after.
public struct FieldDiff: Sendable, Codable, Hashable {
    /// The field name as written in YAML.
    public var field: String
    /// The value before, `nil` when unset.
    public var old: String?
    /// The value after, `nil` when unset.
    public var new: String?
    /// For long text: the words kept, removed and added.
    public var words: [WordChange]?
    /// What the change means where dossier can tell: a risk's position in the acceptability matrix, a threat's
    /// CVSS base score, a SOUP item's version going up or down.
    public var meaning: String?
}

/// A record present on both sides whose fields differ.
public struct RecordDiff: Sendable, Codable, Hashable {
    /// Its id.
    public var id: String
    /// Its one-line name on the new side.
    public var headline: String
    /// The fields that differ.
    public var fields: [FieldDiff]
}

/// The differences of one record kind.
public struct RecordKindDiff: Sendable, Codable, Hashable {
    /// The kind compared.
    public var kind: RecordKind
    /// Records only on the new side.
    public var added: [RecordRef] = []
    /// Records only on the old side.
    public var removed: [RecordRef] = []
    /// Records obsolete on the new side and not on the old one.
    public var obsoleted: [RecordDiff] = []
    /// Records on both sides whose fields differ.
    public var changed: [RecordDiff] = []

    /// Whether nothing differs.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && obsoleted.isEmpty && changed.isEmpty }

    init(kind: RecordKind, old: RecordSet, new: RecordSet) {
        self.kind = kind
        let before = old.records(of: kind), after = new.records(of: kind)
        let beforeById = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIds = Set(after.map(\.id))
        for record in after {
            guard let previous = beforeById[record.id] else {
                added.append(RecordRef(id: record.id, headline: record.headline))
                continue
            }
            let fields = FieldMeaning.diff(old: previous, new: record, oldSet: old, newSet: new)
            let change = RecordDiff(id: record.id, headline: record.headline, fields: fields)
            if record.obsolete != nil, previous.obsolete == nil {
                obsoleted.append(change)
            } else if !fields.isEmpty {
                changed.append(change)
            }
        }
        removed = before.filter { !afterIds.contains($0.id) }.map { RecordRef(id: $0.id, headline: $0.headline) }
    }
}

/// A finding as a diff shows it.
public struct FindingRef: Sendable, Codable, Hashable {
    /// The rule's id.
    public var rule: String
    /// error or warning.
    public var level: String
    /// What the rule found.
    public var message: String
}

/// A finding on both sides that changed level or wording.
public struct FindingChange: Sendable, Codable, Hashable {
    /// Before.
    public var old: FindingRef
    /// After.
    public var new: FindingRef
}

/// Findings matched by rule and the records they name (their messages also carry file positions, which move
/// whenever a YAML file is edited, so positions are ignored when matching and comparing).
public struct FindingsDiff: Sendable, Codable, Hashable {
    /// Error counts before and after.
    public var errors: BeforeAfter<Int>
    /// Warning counts before and after.
    public var warnings: BeforeAfter<Int>
    /// Findings only on the new side.
    public var added: [FindingRef] = []
    /// Findings only on the old side: gaps closed.
    public var removed: [FindingRef] = []
    /// Findings on both sides whose level or wording changed.
    public var changed: [FindingChange] = []

    /// Whether nothing differs.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    init(old: [Finding], new: [Finding]) {
        errors = BeforeAfter(old: old.count { $0.level == .error }, new: new.count { $0.level == .error })
        warnings = BeforeAfter(old: old.count { $0.level == .warning }, new: new.count { $0.level == .warning })
        func key(_ finding: Finding) -> String { ([finding.rule.rawValue] + finding.subjects).joined(separator: "\u{1F}") }
        func ref(_ finding: Finding) -> FindingRef { FindingRef(rule: finding.rule.rawValue, level: finding.level.rawValue, message: finding.message) }
        // Several findings may share a key: they are paired in order.
        var before: [String: [Finding]] = [:]
        for finding in old { before[key(finding), default: []].append(finding) }
        for finding in new {
            let k = key(finding)
            guard var waiting = before[k], !waiting.isEmpty else {
                added.append(ref(finding))
                continue
            }
            let previous = waiting.removeFirst()
            before[k] = waiting
            if previous.level != finding.level || Self.withoutPositions(previous.message) != Self.withoutPositions(finding.message) {
                changed.append(FindingChange(old: ref(previous), new: ref(finding)))
            }
        }
        for finding in old {
            let k = key(finding)
            if var waiting = before[k], let index = waiting.firstIndex(of: finding) {
                removed.append(ref(finding))
                waiting.remove(at: index)
                before[k] = waiting
            }
        }
    }

    /// The message without its ` (file:line:col)` positions.
    static func withoutPositions(_ message: String) -> String {
        var out = "", rest = Substring(message)
        while let open = rest.range(of: " (") {
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
            let inside = rest[open.upperBound..<close]
            let parts = inside.split(separator: ":")
            let isPosition = parts.count >= 3 && parts.suffix(2).allSatisfy { $0.allSatisfy(\.isNumber) && !$0.isEmpty }
            out += rest[..<open.lowerBound]
            if !isPosition { out += rest[open.lowerBound...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// A value on the old side and on the new side.
public struct BeforeAfter<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    /// On the old side.
    public var old: Value
    /// On the new side.
    public var new: Value
}

/// A signer and how many commits each release has by them.
public struct SignerChange: Sendable, Codable, Hashable {
    /// The signer (SSH principal or OpenPGP user id).
    public var signer: String
    /// The key's fingerprint.
    public var fingerprint: String
    /// Commits signed before and after.
    public var commits: BeforeAfter<Int>
}

/// What each release delivered and how it was built: its update packages with their verdicts, and its build
/// provenance, as each SUF records them. Two releases deliver different bytes, so this never makes a diff empty.
public struct DeliveryDiff: Sendable, Codable, Hashable {
    /// One update package: name, SHA-256 and the verdict letter on its signature.
    public struct Package: Sendable, Codable, Hashable {
        /// The package's name in its SUF.
        public var name: String
        /// Its SHA-256.
        public var sha256: String
        /// The verdict letter on its detached signature.
        public var letter: String
    }

    /// One build provenance statement: who built it, from which commits.
    public struct Build: Sendable, Codable, Hashable {
        /// The provenance file.
        public var file: String
        /// The builder's id.
        public var builder: String
        /// The source commits it names.
        public var commits: [String]
    }

    /// The packages of each release.
    public var packages: BeforeAfter<[Package]>
    /// The provenance statements of each release.
    public var builds: BeforeAfter<[Build]>

    init(old: Release, new: Release) {
        func packages(_ release: Release) -> [Package] {
            release.updatePackages.map { Package(name: $0.name, sha256: $0.sha256, letter: $0.signature.letter.rawValue) }
        }
        func builds(_ release: Release) -> [Build] {
            release.buildProvenance.map { Build(file: $0.file, builder: $0.builder, commits: $0.sources.map(\.commit)) }
        }
        self.packages = BeforeAfter(old: packages(old), new: packages(new))
        self.builds = BeforeAfter(old: builds(old), new: builds(new))
    }
}

/// Signature statistics of the two releases.
public struct SignaturesDiff: Sendable, Codable, Hashable {
    /// The release tag's verdict letter before and after ("" when the release is not a tag).
    public var tagVerdict: BeforeAfter<String>
    /// Commits per verdict letter, for every letter either side has.
    public var verdicts: [String: BeforeAfter<Int>]
    /// The share of commits with a good signature, in percent, before and after.
    public var goodShare: BeforeAfter<String>
    /// Signers on either side, with their commits on each.
    public var signers: [SignerChange]

    /// Whether the verdicts and signers are the same: counts of commits differ between any two releases, so
    /// only the signers' set, the tag's verdict and the good share are compared.
    public var isEmpty: Bool {
        tagVerdict.old == tagVerdict.new && goodShare.old == goodShare.new
            && signers.allSatisfy { ($0.commits.old == 0) == ($0.commits.new == 0) }
    }

    init(old: Release, new: Release) {
        tagVerdict = BeforeAfter(old: old.identification.tag?.signature.letter.rawValue ?? "",
                                 new: new.identification.tag?.signature.letter.rawValue ?? "")
        let letters = Set(old.statistics.verdicts.keys).union(new.statistics.verdicts.keys)
        verdicts = Dictionary(uniqueKeysWithValues: letters.map {
            ($0, BeforeAfter(old: old.statistics.verdicts[$0] ?? 0, new: new.statistics.verdicts[$0] ?? 0))
        })
        func share(_ release: Release) -> String {
            let total = release.statistics.commits
            guard total > 0 else { return "no commits" }
            let good = release.statistics.verdicts[VerdictLetter.good.rawValue] ?? 0
            return "\(good * 100 / total)%"
        }
        goodShare = BeforeAfter(old: share(old), new: share(new))
        var order: [String] = []
        var tallies: [String: SignerChange] = [:]
        for (side, release) in [(0, old), (1, new)] {
            for tally in release.statistics.signers {
                let key = tally.signer + "\n" + tally.fingerprint
                if tallies[key] == nil {
                    order.append(key)
                    tallies[key] = SignerChange(signer: tally.signer, fingerprint: tally.fingerprint, commits: BeforeAfter(old: 0, new: 0))
                }
                if side == 0 { tallies[key]?.commits.old = tally.commits } else { tallies[key]?.commits.new = tally.commits }
            }
        }
        signers = order.compactMap { tallies[$0] }
    }
}

/// Software items touched by each release.
public struct ItemsTouchedDiff: Sendable, Codable, Hashable {
    /// Items touched by both releases.
    public var both: [String] = []
    /// Items touched only by the old release.
    public var onlyOld: [String] = []
    /// Items touched only by the new release.
    public var onlyNew: [String] = []
    /// Items whose safety class differs between the two.
    public var safetyClassChanged: [FieldDiff] = []

    /// Whether the same items were touched, with the same classes.
    public var isEmpty: Bool { onlyOld.isEmpty && onlyNew.isEmpty && safetyClassChanged.isEmpty }

    init(old: [ItemTouch], new: [ItemTouch]) {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIds = Set(new.map(\.id))
        for item in new {
            if let previous = before[item.id] {
                both.append(item.id)
                if previous.safetyClass != item.safetyClass {
                    safetyClassChanged.append(FieldDiff(field: item.id, old: previous.safetyClass?.rawValue, new: item.safetyClass?.rawValue))
                }
            } else {
                onlyNew.append(item.id)
            }
        }
        onlyOld = old.map(\.id).filter { !afterIds.contains($0) }
    }
}

/// A clause whose coverage state changed.
public struct CoverageChange: Sendable, Codable, Hashable {
    /// The clause, e.g. "IEC 62304 5.2".
    public var clause: String
    /// Its title.
    public var title: String
    /// The state before (`nil` when the clause was not listed).
    public var old: String?
    /// The state after.
    public var new: String?
    /// The rules that leave it with a gap after.
    public var gaps: [String]
}
