#!/usr/bin/env bash
# make-history.sh DEST - build the git history of the PD Remote Monitor sample project.
#
# Creates a git repository at DEST (which must not exist, or be an empty directory): 43 commits by
# five developers on main and two merged feature branches, signed with SSH and OpenPGP keys (a few
# unsigned), and three signed release tags v1.0.0, v1.1.0 and v2.0.0. Dates, identities and keys
# are fixed, so every run yields the same commit and tag ids.
#
# Reads, next to this script:
#   dossier.yml, regulatory/   the records as they stand at v2.0.0 (the newest release)
#   history/<release>/         the files whose content at <release> differs from the v2.0.0 state
#   keys/                      throwaway demo signing keys (see keys/README.md)
# The source files of the fake application are written by this script (heredocs below).
#
# Needs git >= 2.34, gpg 2.2+, ssh-keygen (OpenSSH >= 8.2); no network. HOME and GNUPGHOME point
# into a private temporary directory, so your git configuration and keyrings are neither read nor
# changed. Prints nothing but errors, and one summary line at the end.
set -euo pipefail

die() { echo "make-history.sh: $*" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: make-history.sh DEST" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEST=$1
if [ -e "$DEST" ]; then
  [ -d "$DEST" ] && [ -z "$(ls -A "$DEST")" ] || die "$DEST exists and is not an empty directory"
fi
mkdir -p "$(dirname "$DEST")"
DEST=$(cd "$(dirname "$DEST")" && pwd)/$(basename "$DEST")

for tool in git gpg gpgconf ssh-keygen; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
gitv=$(git --version | sed -n 's/^git version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
read -r gmaj gmin <<<"${gitv:-0 0}"
[ "$gmaj" -gt 2 ] || { [ "$gmaj" -eq 2 ] && [ "$gmin" -ge 34 ]; } || die "git >= 2.34 needed (ssh signing)"

# ---- isolated environment ------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pdrm-history.XXXXXX")
cleanup() {
  GNUPGHOME="$WORK/gnupg" gpgconf --kill gpg-agent >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for v in $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
export HOME=$WORK/home GNUPGHOME=$WORK/gnupg
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TZ=UTC LC_ALL=C
unset SSH_AUTH_SOCK             # sign with the key files only, never with a running ssh-agent
umask 022
mkdir -p "$HOME" "$WORK/bin" "$WORK/ssh"
install -d -m 700 "$GNUPGHOME"

# quiet CMD...: run CMD, show its output only when it fails
quiet() { "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }; }

# ---- keys ----------------------------------------------------------------------------------------
for f in "$HERE"/keys/*.sec.asc; do quiet gpg --batch --import "$f"; done
gpg_fpr() { gpg --with-colons --list-secret-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }
JONAS_FPR=$(gpg_fpr jonas.weber@rheinrenal.example)     # OpenPGP ed25519
PRIYA_FPR=$(gpg_fpr priya.raman@rheinrenal.example)     # OpenPGP RSA 3072
for k in anna-berger martin-keller lena-fischer; do     # ssh-keygen refuses keys readable by others
  install -m 600 "$HERE/keys/${k}_ed25519" "$WORK/ssh/${k}_ed25519"
  install -m 644 "$HERE/keys/${k}_ed25519.pub" "$WORK/ssh/${k}_ed25519.pub"
done

# git runs "gpg --status-fd=2 -bsau KEY" to sign; make the signature time the committer date.
cat > "$WORK/bin/gpg-fixed-time" <<'EOF'
#!/bin/sh
case " $* " in
  *" -bsau "*) t=${GIT_COMMITTER_DATE#@}; exec gpg --faked-system-time "${t%% *}!" "$@" ;;
  *) exec gpg "$@" ;;
esac
EOF
chmod 755 "$WORK/bin/gpg-fixed-time"

# ---- people --------------------------------------------------------------------------------------
# identity WHO[/unsigned] "YYYY-MM-DD HH:MM +hhmm": sets author, committer, date and the signing options
# SIGN (git -c options) and SIGNKEY (what -S / -u takes); empty when unsigned.
identity() {
  local who=${1%/unsigned} signer
  case $who in
    anna)       NAME="Anna Berger";   EMAIL=anna.berger@rheinrenal.example;   signer=ssh:anna-berger ;;
    martin)     NAME="Martin Keller"; EMAIL=martin.keller@rheinrenal.example; signer=ssh:martin-keller ;;
    martin-old) NAME="Martin Keller"; EMAIL=m.keller@rrs-medical.example;     signer=ssh:martin-keller ;;
    lena)       NAME="Lena Fischer";  EMAIL=lena.fischer@rheinrenal.example;  signer=ssh:lena-fischer ;;
    jonas)      NAME="Jonas Weber";   EMAIL=jonas.weber@rheinrenal.example;   signer=gpg:$JONAS_FPR ;;
    priya)      NAME="Priya Raman";   EMAIL=priya.raman@rheinrenal.example;   signer=gpg:$PRIYA_FPR ;;
    *) die "unknown person $who" ;;
  esac
  [ "$1" = "$who" ] || signer=none
  case $signer in
    none)  SIGN=(); SIGNKEY= ;;
    ssh:*) SIGNKEY=$WORK/ssh/${signer#ssh:}_ed25519; SIGN=(-c gpg.format=ssh -c "user.signingKey=$SIGNKEY") ;;
    gpg:*) SIGNKEY=${signer#gpg:}; SIGN=(-c gpg.format=openpgp -c "gpg.program=$WORK/bin/gpg-fixed-time") ;;
  esac
  local date=${2% *} zone=${2##* }
  local when="@$(epoch "${date% *}" "${date#* }" "$zone") $zone"
  export GIT_AUTHOR_NAME=$NAME GIT_AUTHOR_EMAIL=$EMAIL GIT_AUTHOR_DATE=$when
  export GIT_COMMITTER_NAME=$NAME GIT_COMMITTER_EMAIL=$EMAIL GIT_COMMITTER_DATE=$when
}
# epoch YYYY-MM-DD HH:MM +hhmm -> seconds since 1970 (pure bash, no date(1) dialects)
epoch() {
  local y=$((10#${1:0:4})) m=$((10#${1:5:2})) d=$((10#${1:8:2})) z=$3 off
  ((m > 2)) || y=$((y - 1))
  local era=$((y / 400)) yoe=$((y % 400)) mp=$(((m + 9) % 12))
  local doe=$((yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + d - 1))
  off=$(((10#${z:1:2} * 60 + 10#${z:3:2}) * 60)); [ "${z:0:1}" = + ] || off=$((-off))
  echo $(((era * 146097 + doe - 719468) * 86400 + 10#${2:0:2} * 3600 + 10#${2:3:2} * 60 - off))
}

# ---- work-tree helpers ---------------------------------------------------------------------------
put() { mkdir -p "$(dirname "$1")"; cat > "$1"; }          # put PATH <<'EOF' ... EOF
drop() { git rm -q "$@"; }
# record RELEASE PATH...: the file as it stood at RELEASE (history/RELEASE/PATH, else the v2.0.0 copy)
record() {
  local rel=$1 f src; shift
  for f; do
    src=$HERE/$f; [ -e "$HERE/history/$rel/$f" ] && src=$HERE/history/$rel/$f
    mkdir -p "$(dirname "$f")"; cp "$src" "$f"
  done
}
# version X.Y.Z: the version constant of the app
version() { put Sources/App/Version.swift <<EOF
/// Version of the PD Remote Monitor software, shown on the About screen and in uploads.
public let pdrmVersion = "$1"
EOF
}
# package TARGET...: Package.swift with one library and one test target per name
package() {
  local t deps
  deps=$(printf '"%s", ' "$@"); deps=${deps%, }
  {
    echo '// swift-tools-version:5.9'
    echo 'import PackageDescription'
    echo
    echo 'let package = Package('
    echo '    name: "PDRemoteMonitor",'
    echo '    platforms: [.macOS(.v13)],'
    echo '    targets: ['
    echo "        .executableTarget(name: \"pdrm\", dependencies: [$deps], path: \"Sources/App\"),"
    for t; do
      echo "        .target(name: \"$t\"),"
      echo "        .testTarget(name: \"${t}Tests\", dependencies: [\"$t\"]),"
    done
    echo '    ]'
    echo ')'
  } > Package.swift
}

# ---- git helpers ---------------------------------------------------------------------------------
# commit WHO DATE MESSAGE: commit every change in the work tree
commit() {
  identity "$1" "$2"; printf '%s\n' "$3" > "$WORK/msg"
  git add -A
  if [ -n "$SIGNKEY" ]; then
    git "${SIGN[@]}" commit -q --cleanup=whitespace "-S$SIGNKEY" -F "$WORK/msg"
  else
    git commit -q --cleanup=whitespace --no-gpg-sign -F "$WORK/msg"
  fi
}
# merge WHO DATE BRANCH MESSAGE: merge BRANCH into the current branch with a merge commit
merge() {
  identity "$1" "$2"; printf '%s\n' "$4" > "$WORK/msg"
  git "${SIGN[@]}" merge -q --no-ff --cleanup=whitespace "-S$SIGNKEY" -F "$WORK/msg" "$3"
}
# release WHO DATE TAG MESSAGE: signed annotated tag on HEAD
release() {
  identity "$1" "$2"; printf '%s\n' "$4" > "$WORK/msg"
  git "${SIGN[@]}" tag -s -u "$SIGNKEY" --cleanup=whitespace -F "$WORK/msg" "$3"
}

REPO=$WORK/repo
git init -q -b main "$REPO"
cd "$REPO"

# ==================================================================================================
# Release 1.0.0: telemetry import, treatment store, clinic upload, dashboard
# ==================================================================================================
put README.md <<'EOF'
# PD Remote Monitor

Software of the PDRM-200 home hub and the clinic dashboard: remote monitoring of home
peritoneal dialysis. IEC 62304 software safety class C.

Build with `swift build`, run the tests with `swift tset`. Regulatory records live in
`regulatory/`; see `dossier.yml`.
EOF
put .gitignore <<'EOF'
.build/
.swiftpm/
*.xcodeproj
EOF
package Telemetry
version 0.1.0
put Sources/App/main.swift <<'EOF'
// PD Remote Monitor: entry point of the home hub service.
import Telemetry

print("pdrm \(pdrmVersion) starting")
EOF
commit anna/unsigned "2024-01-08 09:12 +0100" "Initial project skeleton"

record v1.0.0 dossier.yml regulatory/allowed_signers regulatory/keys/jonas-weber.asc regulatory/keys/priya-raman.asc
commit anna "2024-01-08 14:30 +0100" "Add dossier configuration and signing trust anchors

The SSH allowed-signers file and the OpenPGP public keys of the team
are the trust anchors for signed commits and release tags.

Change-Request: CR-1"

record v1.0.0 regulatory/items.yml regulatory/requirements.yml
commit priya "2024-01-10 10:00 +0100" "Add software items and requirements for the 1.0 baseline

Change-Request: CR-1, CR-2, CR-3"

put Sources/Telemetry/TreatmentRecord.swift <<'EOF'
import Foundation

/// One completed treatment as reported by the cycler.
public struct TreatmentRecord: Equatable, Sendable {
    public struct Cycle: Equatable, Sendable {
        public var fillML: Int
        public var dwellMinutes: Int
        public var drainML: Int
    }

    public var cyclerSerial: String
    public var start: Date
    public var end: Date
    public var cycles: [Cycle]
    public var alarms: [CyclerAlarm]

    /// Net ultrafiltration: drained minus filled volume; negative means fluid was retained.
    public var netUltrafiltrationML: Int {
        cycles.reduce(0) { $0 + $1.drainML - $1.fillML }
    }
}

/// Alarms the cycler logs during a treatment.
public enum CyclerAlarm: String, Sendable {
    case lowDrainVolume = "LDV"
    case incompleteDrain = "IDR"
    case occlusion = "OCC"
}
EOF
commit jonas "2024-01-15 11:20 +0100" "Add the treatment record model

Change-Request: CR-1
Refs: REQ-1"

put Sources/Telemetry/TelemetryDecoder.swift <<'EOF'
import Foundation

/// Decodes the cycler's treatment-log frames (PDX v2) into treatment records.
public struct TelemetryDecoder {
    public enum Failure: Error { case truncated, unknownFrameType(UInt8) }

    public init() {}

    public func decode(_ frame: [UInt8]) throws -> TreatmentRecord {
        guard frame.count >= 24 else { throw Failure.truncated }
        guard frame[0] == 0x54 else { throw Failure.unknownFrameType(frame[0]) }
        var reader = FrameReader(frame.dropFirst())
        return try reader.treatmentRecord()
    }
}
EOF
put Tests/TelemetryTests/TelemetryDecoderTests.swift <<'EOF'
import XCTest
@testable import Telemetry

final class TelemetryDecoderTests: XCTestCase {
    func testDecodesCycleVolumes() throws {
        let record = try TelemetryDecoder().decode(Fixtures.threeCycleNight)
        XCTAssertEqual(record.cycles.map(\.drainML), [2120, 2080, 2210])
        XCTAssertEqual(record.netUltrafiltrationML, 410)
    }

    func testDecodesCyclerAlarms() throws {
        let record = try TelemetryDecoder().decode(Fixtures.lowDrainNight)
        XCTAssertEqual(record.alarms, [.lowDrainVolume])
    }
}
EOF
commit jonas "2024-01-17 15:40 +0100" "Decode cycler treatment log frames

Change-Request: CR-1
Refs: REQ-1"

put Sources/Telemetry/ChecksumValidator.swift <<'EOF'
import Foundation

/// Checks the CRC-32 that closes every treatment-log frame (REQ-2).
public struct ChecksumValidator {
    public init() {}

    /// Returns the frame without its checksum, or nil when the checksum does not match.
    public func validated(_ frame: [UInt8]) -> [UInt8]? {
        guard frame.count > 4 else { return nil }
        let body = Array(frame.dropLast(4))
        let stored = frame.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return CRC32.checksum(body) == stored ? body : nil
    }
}
EOF
put Tests/TelemetryTests/ChecksumValidatorTests.swift <<'EOF'
import XCTest
@testable import Telemetry

final class ChecksumValidatorTests: XCTestCase {
    func testRejectsCorruptRecord() {
        var frame = Fixtures.threeCycleNightWithCRC
        frame[7] ^= 0x01
        XCTAssertNil(ChecksumValidator().validated(frame))
    }

    func testAcceptsValidRecord() {
        XCTAssertNotNil(ChecksumValidator().validated(Fixtures.threeCycleNightWithCRC))
    }
}
EOF
commit jonas "2024-01-22 16:05 +0100" "Validate CRC-32 before accepting a treatment record

Records that fail the check are discarded and logged; the dashboard
shows \"Data unavailable\" for that treatment instead of partial values.

---
Checked against the corrupted sample logs supplied by the cycler vendor.

Change-Request: CR-1
Refs: REQ-2"

put Sources/Telemetry/USBImport.swift <<'EOF'
import Foundation

/// Imports the treatment-log export (PDX v2) that the cycler writes to a USB stick.
public struct USBImport {
    public var decoder = TelemetryDecoder()
    public var validator = ChecksumValidator()

    public init() {}

    public func importExport(at url: URL) throws -> [TreatmentRecord] {
        let frames = try PDXFile(contentsOf: url).frames
        return try frames.compactMap(validator.validated).map(decoder.decode)
    }
}
EOF
put Tests/TelemetryTests/USBImportTests.swift <<'EOF'
import XCTest
@testable import Telemetry

final class USBImportTests: XCTestCase {
    func testImportsPDXv2Export() throws {
        let records = try USBImport().importExport(at: Fixtures.url("week-export.pdx"))
        XCTAssertEqual(records.count, 7)
    }
}
EOF
commit martin-old "2024-01-25 09:30 +0100" "Import treatment logs from the cycler's USB export

Change-Request: CR-1
Refs: REQ-11, REQ-1"

put .mailmap <<'EOF'
Martin Keller <martin.keller@rheinrenal.example> <m.keller@rrs-medical.example>
EOF
commit martin "2024-01-30 08:45 +0100" "Add .mailmap for the new company e-mail address"

package Telemetry Storage
put Sources/Storage/TreatmentStore.swift <<'EOF'
import Foundation

/// Encrypted local store of treatment records (REQ-7, REQ-8, REQ-13).
public final class TreatmentStore {
    public static let retention: TimeInterval = 2 * 366 * 24 * 3600

    private let database: EncryptedDatabase

    public init(path: String, key: SecureElementKey) throws {
        database = try EncryptedDatabase(path: path, cipher: .aes256, key: key)
    }

    /// Writes the record in one transaction: after a crash it is either complete or absent.
    public func save(_ record: StoredRecord) throws {
        try database.transaction { try $0.insert(record) }
    }
}
EOF
put Tests/StorageTests/TreatmentStoreTests.swift <<'EOF'
import XCTest
@testable import Storage

final class TreatmentStoreTests: XCTestCase {
    func testKeepsTwoYears() {
        XCTAssertGreaterThanOrEqual(TreatmentStore.retention, 730 * 24 * 3600)
    }

    func testInterruptedWriteLeavesNoPartialRecord() throws {
        let store = try TreatmentStore.temporary(failingAfterBytes: 100)
        XCTAssertThrowsError(try store.save(.sample))
        XCTAssertEqual(try store.count(), 0)
    }

    func testDatabaseIsEncrypted() throws {
        let store = try TreatmentStore.temporary()
        try store.save(.sample)
        XCTAssertFalse(try store.rawFileContents().contains("PDRM-SAMPLE"))
    }
}
EOF
commit anna "2024-02-02 13:10 +0100" "Add the encrypted treatment store

Change-Request: CR-2
Refs: REQ-7, REQ-8, REQ-13"

put Sources/Storage/AuditLog.swift <<'EOF'
import Foundation

/// Append-only audit trail of imports, views, uploads and changes of settings (REQ-12).
public struct AuditLog {
    public enum Action: String { case imported, viewed, uploaded, settingChanged }

    let database: EncryptedDatabase

    public func append(_ action: Action, user: String, patient: String, at time: Date) throws {
        try database.transaction { try $0.insert(AuditEntry(action, user, patient, time)) }
    }
}
EOF
put Tests/StorageTests/AuditLogTests.swift <<'EOF'
import XCTest
@testable import Storage

final class AuditLogTests: XCTestCase {
    func testRecordsImportViewUpload() throws {
        let log = try AuditLog.temporary()
        for action in [AuditLog.Action.imported, .viewed, .uploaded] {
            try log.append(action, user: "nurse1", patient: "P-001", at: .init(timeIntervalSince1970: 0))
        }
        XCTAssertEqual(try log.entries().map(\.action), [.imported, .viewed, .uploaded])
    }
}
EOF
commit anna "2024-02-06 10:25 +0100" "Record imports, views and uploads in an audit trail

Change-Request: CR-2
Refs: REQ-12"

package Telemetry Storage Transport
put Sources/Transport/TLSConfiguration.swift <<'EOF'
/// TLS settings for the clinic connection (REQ-9). Built against OpenSSL (SOUP-1).
public struct TLSConfiguration {
    public static let openSSLVersion = "3.0.11"
    public var minimumVersion = TLSVersion.v1_2
    public var verifyCertificate = true
    public var verifyHostName = true

    public init() {}
}
EOF
put Sources/Transport/ClinicUploader.swift <<'EOF'
import Foundation

/// Uploads stored treatment records to the clinic server (REQ-10) over TLS (REQ-9).
public struct ClinicUploader {
    public var tls = TLSConfiguration()
    public var retryDelays: [TimeInterval] = [60, 120, 240, 480, 960, 1920, 3600]

    public init() {}

    public func upload(_ batch: UploadBatch, to server: URL) async throws {
        let session = try TLSSession(server: server, configuration: tls)
        try await session.post(batch.compressed(), path: "/v1/treatments")
    }
}
EOF
put Tests/TransportTests/ClinicUploaderTests.swift <<'EOF'
import XCTest
@testable import Transport

final class ClinicUploaderTests: XCTestCase {
    func testRejectsUntrustedCertificate() async {
        await XCTAssertThrowsErrorAsync(try await ClinicUploader().upload(.sample, to: TestServer.selfSigned))
    }

    func testRefusesTLS11() async {
        await XCTAssertThrowsErrorAsync(try await ClinicUploader().upload(.sample, to: TestServer.tls11Only))
    }

    func testRetriesWithBackoff() {
        XCTAssertEqual(ClinicUploader().retryDelays.last, 3600)
    }
}
EOF
commit martin "2024-02-09 14:50 +0100" "Upload treatment records to the clinic server over TLS

Change-Request: CR-2
Refs: REQ-9, REQ-10"

package Telemetry Storage Transport Dashboard
put Sources/Dashboard/VolumeFormatter.swift <<'EOF'
/// Formats volumes for display: whole millilitres, unit always shown (REQ-4).
public struct VolumeFormatter {
    public init() {}

    public func string(millilitres: Int) -> String {
        "\(millilitres) mL"
    }
}
EOF
put Sources/Dashboard/DurationFormatter.swift <<'EOF'
import Foundation

/// Formats the therapy duration of a treatment.
public struct DurationFormatter {
    public var calendar = Calendar.current

    public init() {}

    public func string(from start: Date, to end: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: start, to: end)
        return String(format: "%d h %02d min", parts.hour ?? 0, parts.minute ?? 0)
    }
}
EOF
put Sources/Dashboard/TreatmentSummaryView.swift <<'EOF'
import Telemetry

/// Summary of one treatment with the patient header (REQ-3, REQ-6).
public struct TreatmentSummaryView {
    public var patient: Patient
    public var record: TreatmentRecord
    let volume = VolumeFormatter()
    let duration = DurationFormatter()

    public var header: String {
        "\(patient.fullName), born \(patient.dateOfBirth), patient no. \(patient.clinicNumber)"
    }

    public var lines: [String] {
        [
            "Date: \(record.start.formatted(date: .abbreviated, time: .omitted))",
            "Duration: \(duration.string(from: record.start, to: record.end))",
            "Cycles: \(record.cycles.count)",
            "Fill: \(volume.string(millilitres: record.cycles.map(\.fillML).reduce(0, +)))",
            "Drain: \(volume.string(millilitres: record.cycles.map(\.drainML).reduce(0, +)))",
            "Net UF: \(volume.string(millilitres: record.netUltrafiltrationML))",
        ]
    }
}
EOF
put Tests/DashboardTests/TreatmentSummaryViewTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class TreatmentSummaryViewTests: XCTestCase {
    func testShowsSummaryFields() {
        let lines = TreatmentSummaryView(patient: .sample, record: .sample).lines
        XCTAssertEqual(lines.map { $0.prefix(while: { $0 != ":" }) },
                       ["Date", "Duration", "Cycles", "Fill", "Drain", "Net UF"])
    }

    func testShowsPatientBanner() {
        XCTAssertEqual(TreatmentSummaryView(patient: .sample, record: .sample).header,
                       "Erika Mustermann, born 1961-08-12, patient no. 40117")
    }

    func testRenders90DaysUnder2s() {
        measure { _ = HistoryView(patient: .sample, records: .ninetyDays).render() }
    }
}
EOF
put Tests/DashboardTests/VolumeFormatterTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class VolumeFormatterTests: XCTestCase {
    func testFormatsMillilitresWithUnit() {
        XCTAssertEqual(VolumeFormatter().string(millilitres: 2120), "2120 mL")
    }
}
EOF
commit jonas "2024-02-14 11:00 +0100" "Add the treatment summary view

Change-Request: CR-3
Refs: REQ-3, REQ-4, REQ-6, REQ-14"

put Sources/Dashboard/FreshnessBadge.swift <<'EOF'
import Foundation

/// Shows when the newest treatment was imported and marks older data "Not current" (REQ-5, REQ-15).
public struct FreshnessBadge {
    public static let staleAfter: TimeInterval = 24 * 3600
    public var newestRecord: Date
    public var now: Date

    public var isStale: Bool { now.timeIntervalSince(newestRecord) > Self.staleAfter }
    public var label: String { isStale ? "Not current" : "Current" }
    public var colour: Colour { isStale ? .caution : .neutral }
}
EOF
put Tests/DashboardTests/FreshnessBadgeTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class FreshnessBadgeTests: XCTestCase {
    func testMarksDataOlderThan24hStale() {
        let badge = FreshnessBadge(newestRecord: .init(timeIntervalSince1970: 0),
                                   now: .init(timeIntervalSince1970: 24 * 3600 + 1))
        XCTAssertTrue(badge.isStale)
    }

    func testStaleMarkerHasTextLabel() {
        let badge = FreshnessBadge(newestRecord: .distantPast, now: .now)
        XCTAssertEqual(badge.label, "Not current")
    }
}
EOF
commit jonas "2024-02-19 17:30 +0100" "Mark treatment data older than 24 hours as not current

Change-Request: CR-3
Refs: REQ-5, REQ-15"

record v1.0.0 regulatory/risks.yml regulatory/threats.yml regulatory/soup.yml
commit priya "2024-02-26 09:00 +0100" "Add risk analysis, threat model and SOUP list for 1.0.0

Risk analysis reviewed in the risk management review RMR-1 on 2024-02-23.

Change-Request: CR-1, CR-2, CR-3"

put README.md <<'EOF'
# PD Remote Monitor

Software of the PDRM-200 home hub and the clinic dashboard: remote monitoring of home
peritoneal dialysis. IEC 62304 software safety class C.

Build with `swift build`, run the tests with `swift test`. Regulatory records live in
`regulatory/`; see `dossier.yml`.
EOF
commit priya/unsigned "2024-03-04 12:15 +0100" "Fix typo in README"

version 1.0.0
record v1.0.0 regulatory/ifu.yml regulatory/problem-reports.yml regulatory/change-requests.yml regulatory/risk-management.yml
commit priya "2024-03-11 10:30 +0100" "Prepare release 1.0.0

Closes CR-1 to CR-3, adds IFU rev. A and releases PR-1 as a known
anomaly with its evaluation. Overall residual risk evaluation and
risk management review of 1.0.0 (RMR-PDRM-1.0).

Change-Request: CR-1, CR-2, CR-3"

release priya "2024-03-15 10:00 +0100" v1.0.0 "PD Remote Monitor 1.0.0

First release: treatment record import with integrity check, encrypted
treatment store, clinic upload and the treatment dashboard.
Baseline of the 510(k) and of the MDR technical documentation (class IIb)."

# ==================================================================================================
# Release 1.1.0: alert engine (feature branch), DST fix, OpenSSL update, threshold access control
# ==================================================================================================
record v1.1.0 dossier.yml regulatory/requirements.yml regulatory/risks.yml regulatory/threats.yml regulatory/items.yml
commit priya "2024-04-03 09:30 +0200" "Add alert requirements, risks and software item

New item ITEM-5 (alert engine, class C), requirements REQ-16 to REQ-22,
risks RISK-6 to RISK-9 and threat THR-3. REQ-4 now asks for the sign
of a negative ultrafiltration.

Change-Request: CR-4, CR-7
Refs: REQ-4, REQ-16, REQ-17, REQ-18, REQ-19, REQ-20, REQ-21, REQ-22"

put Sources/Dashboard/DurationFormatter.swift <<'EOF'
import Foundation

/// Formats the therapy duration of a treatment from its UTC start and end.
public struct DurationFormatter {
    public init() {}

    public func string(from start: Date, to end: Date) -> String {
        let minutes = Int(end.timeIntervalSince(start) / 60)
        return String(format: "%d h %02d min", minutes / 60, minutes % 60)
    }
}
EOF
put Tests/DashboardTests/DurationFormatterTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class DurationFormatterTests: XCTestCase {
    func testDurationAcrossDSTChange() {
        // 2024-03-30 22:00 to 2024-03-31 07:00 Europe/Berlin: 8 hours, not 9.
        let start = Date(timeIntervalSince1970: 1_711_832_400)
        XCTAssertEqual(DurationFormatter().string(from: start, to: start + 8 * 3600), "8 h 00 min")
    }
}
EOF
commit martin "2024-04-08 14:00 +0200" "Compute treatment duration from UTC timestamps

Durations spanning a daylight-saving change were off by one hour.

Change-Request: CR-5
Fixes: PR-1"

git checkout -q -b feature/alert-engine

package Telemetry Storage Transport Dashboard Alerts
put Sources/Alerts/Alert.swift <<'EOF'
import Foundation

/// An alert to the patient's care team.
public struct Alert: Identifiable, Equatable, Sendable {
    public enum Priority: Int, Comparable, Sendable {
        case medium = 1, high = 2
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var id: String
    public var patient: String
    public var priority: Priority
    public var message: String
    public var raised: Date
    public var acknowledged: Date?
}
EOF
put Sources/Alerts/AlertRule.swift <<'EOF'
import Telemetry

/// A rule evaluated on every imported treatment record.
public protocol AlertRule {
    func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert?
}
EOF
commit jonas "2024-04-10 10:15 +0200" "Add the alert rule model

Change-Request: CR-4
Refs: REQ-16, REQ-17, REQ-18"

put Sources/Alerts/DrainAlarmRule.swift <<'EOF'
import Telemetry

/// Forwards cycler drain alarms as high-priority alerts (REQ-16).
public struct DrainAlarmRule: AlertRule {
    public init() {}

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        guard record.alarms.contains(where: { $0 == .lowDrainVolume || $0 == .incompleteDrain }) else { return nil }
        return Alert(id: "drain-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .high, message: "Cycler drain alarm", raised: record.end)
    }
}
EOF
put Sources/Alerts/Fixtures/drain-alarm-night.json <<'EOF'
{
  "cyclerSerial": "CY4-0012345",
  "start": "2024-04-11T21:30:00Z",
  "end": "2024-04-12T06:10:00Z",
  "cycles": [
    {"fillML": 2000, "dwellMinutes": 90, "drainML": 2150},
    {"fillML": 2000, "dwellMinutes": 90, "drainML": 1420}
  ],
  "alarms": ["LDV"]
}
EOF
put Tests/AlertsTests/DrainAlarmRuleTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class DrainAlarmRuleTests: XCTestCase {
    func testForwardsDrainAlarm() throws {
        let alert = DrainAlarmRule().evaluate(try .fixture("drain-alarm-night"), history: [], patient: "P-001")
        XCTAssertEqual(alert?.priority, .high)
    }
}
EOF
commit jonas "2024-04-16 16:20 +0200" "Forward cycler drain alarms to the care team

Change-Request: CR-4
Refs: REQ-16"

put Sources/Alerts/FluidBalanceRule.swift <<'EOF'
import Telemetry

/// Alerts on negative net ultrafiltration (REQ-17).
public struct FluidBalanceRule: AlertRule {
    public var patientLimitML: Int?

    public init(patientLimitML: Int? = nil) { self.patientLimitML = patientLimitML }

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        let uf = record.netUltrafiltrationML
        let twoNegative = uf < 0 && (history.last?.netUltrafiltrationML ?? 0) < 0
        let belowLimit = patientLimitML.map { uf < $0 } ?? false
        guard twoNegative || belowLimit else { return nil }
        return Alert(id: "uf-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .medium, message: "Negative ultrafiltration", raised: record.end)
    }
}
EOF
put Sources/Alerts/MissedTreatmentRule.swift <<'EOF'
import Foundation

/// Raises "No treatment data" when no record arrived for 36 hours (REQ-18).
public struct MissedTreatmentRule {
    public static let window: TimeInterval = 36 * 3600

    public init() {}

    public func evaluate(lastRecord: Date?, now: Date, patient: String) -> Alert? {
        guard let last = lastRecord, now.timeIntervalSince(last) < Self.window else {
            return Alert(id: "missed-\(patient)", patient: patient, priority: .medium,
                         message: "No treatment data", raised: now)
        }
        return nil
    }
}
EOF
put Tests/AlertsTests/FluidBalanceRuleTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class FluidBalanceRuleTests: XCTestCase {
    func testTwoNegativeTreatmentsRaiseAlert() {
        let alert = FluidBalanceRule().evaluate(.withUF(-120), history: [.withUF(-80)], patient: "P-001")
        XCTAssertEqual(alert?.priority, .medium)
    }

    func testClinicianLimit() {
        XCTAssertNotNil(FluidBalanceRule(patientLimitML: 200).evaluate(.withUF(150), history: [], patient: "P-001"))
    }
}
EOF
put Tests/AlertsTests/MissedTreatmentRuleTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class MissedTreatmentRuleTests: XCTestCase {
    func testNoRecordFor36hRaisesAlert() {
        let now = Date(timeIntervalSince1970: 200_000)
        let alert = MissedTreatmentRule().evaluate(lastRecord: now - 36 * 3600 - 1, now: now, patient: "P-001")
        XCTAssertEqual(alert?.message, "No treatment data")
    }
}
EOF
commit anna "2024-04-23 11:45 +0200" "Alert on negative ultrafiltration and missed treatments

Change-Request: CR-4
Refs: REQ-17, REQ-18"

git checkout -q main
record v1.1.0 regulatory/soup.yml
put Sources/Transport/TLSConfiguration.swift <<'EOF'
/// TLS settings for the clinic connection (REQ-9). Built against OpenSSL (SOUP-1).
public struct TLSConfiguration {
    public static let openSSLVersion = "3.0.13"
    public var minimumVersion = TLSVersion.v1_2
    public var verifyCertificate = true
    public var verifyHostName = true

    public init() {}
}
EOF
commit martin "2024-04-25 09:10 +0200" "Update OpenSSL to 3.0.13

Security release; the advisories were reviewed, none affects our use.

Change-Request: CR-6
Refs: REQ-9"

git checkout -q feature/alert-engine
put Sources/Alerts/AlertDispatcher.swift <<'EOF'
import Foundation

/// Shows alerts until acknowledged (REQ-19) and escalates high-priority ones (REQ-20).
public final class AlertDispatcher {
    public static let escalateAfter: TimeInterval = 30 * 60
    public private(set) var open: [Alert] = []
    let onCall: OnCallNotifier
    let audit: AuditTrail

    public init(onCall: OnCallNotifier, audit: AuditTrail) {
        self.onCall = onCall
        self.audit = audit
    }

    public func raise(_ alert: Alert) { open.append(alert) }

    public func acknowledge(_ id: Alert.ID, by clinician: String, at time: Date) {
        open.removeAll { $0.id == id }
        audit.record(.acknowledged(id), user: clinician, at: time)
    }

    public func tick(now: Date) {
        for alert in open where alert.priority == .high && now.timeIntervalSince(alert.raised) >= Self.escalateAfter {
            onCall.escalate(alert)
        }
    }
}
EOF
put Tests/AlertsTests/AlertDispatcherTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class AlertDispatcherTests: XCTestCase {
    func testAlertStaysUntilAcknowledged() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 24 * 3600)
        XCTAssertEqual(dispatcher.open, [.sampleHigh])
    }

    func testEscalatesAfter30Minutes() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 30 * 60)
        XCTAssertEqual(dispatcher.onCallSpy.escalated, [.sampleHigh])
    }
}
EOF
commit anna "2024-05-06 15:30 +0200" "Keep alerts until acknowledged and escalate after 30 minutes

Change-Request: CR-4
Refs: REQ-19, REQ-20"

put Sources/Alerts/AlertHeartbeat.swift <<'EOF'
import Foundation

/// Supervises the alert service; the dashboard shows "Alerting unavailable" when it is silent (REQ-21).
public struct AlertHeartbeat {
    public static let timeout: TimeInterval = 5 * 60
    public var lastBeat: Date

    public func banner(now: Date) -> String? {
        now.timeIntervalSince(lastBeat) > Self.timeout ? "Alerting unavailable" : nil
    }
}
EOF
put Tests/AlertsTests/AlertHeartbeatTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class AlertHeartbeatTests: XCTestCase {
    func testShowsAlertingUnavailable() {
        let heartbeat = AlertHeartbeat(lastBeat: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(heartbeat.banner(now: .init(timeIntervalSince1970: 301)), "Alerting unavailable")
    }
}
EOF
commit jonas "2024-05-13 10:40 +0200" "Supervise the alert service with a heartbeat

Change-Request: CR-4
Refs: REQ-21"

put Sources/Alerts/DrainAlarmRule.swift <<'EOF'
import Telemetry

/// Forwards cycler drain alarms as high-priority alerts, once per treatment (REQ-16).
public struct DrainAlarmRule: AlertRule {
    public init() {}

    public func evaluate(_ record: TreatmentRecord, history: [TreatmentRecord], patient: String) -> Alert? {
        guard record.alarms.contains(where: { $0 == .lowDrainVolume || $0 == .incompleteDrain }) else { return nil }
        guard !history.contains(where: { $0.start == record.start && $0.cyclerSerial == record.cyclerSerial }) else {
            return nil   // the same treatment imported again (PR-2)
        }
        return Alert(id: "drain-\(patient)-\(record.start.timeIntervalSince1970)", patient: patient,
                     priority: .high, message: "Cycler drain alarm", raised: record.end)
    }
}
EOF
put Tests/AlertsTests/DrainAlarmRuleTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class DrainAlarmRuleTests: XCTestCase {
    func testForwardsDrainAlarm() throws {
        let alert = DrainAlarmRule().evaluate(try .fixture("drain-alarm-night"), history: [], patient: "P-001")
        XCTAssertEqual(alert?.priority, .high)
    }

    func testNoDuplicateOnReimport() throws {
        let night = try TreatmentRecord.fixture("drain-alarm-night")
        XCTAssertNil(DrainAlarmRule().evaluate(night, history: [night], patient: "P-001"))
    }
}
EOF
commit jonas "2024-05-21 14:05 +0200" "Raise a drain alert only once per treatment

Importing the same USB export twice raised a second drain alert.

Change-Request: CR-4
Fixes: PR-2
Refs: REQ-16"

git checkout -q main
merge anna "2024-05-27 09:00 +0200" feature/alert-engine "Merge branch 'feature/alert-engine'

Alert engine accepted in design review DR-7 on 2024-05-24.

Change-Request: CR-4"

put Sources/Alerts/ThresholdPolicy.swift <<'EOF'
/// Only clinicians change alert thresholds; every change is audited (REQ-22).
public struct ThresholdPolicy {
    public enum Role { case clinician, nurse, technician }

    let audit: AuditTrail

    public func change(_ limit: inout Int, to value: Int, by user: String, role: Role) throws {
        guard role == .clinician else { throw PolicyError.clinicianRoleRequired }
        audit.record(.thresholdChanged(old: limit, new: value), user: user)
        limit = value
    }
}
EOF
put Tests/AlertsTests/ThresholdPolicyTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class ThresholdPolicyTests: XCTestCase {
    func testNurseCannotChangeThresholds() {
        var limit = 200
        XCTAssertThrowsError(try ThresholdPolicy.testing().change(&limit, to: -500, by: "nurse1", role: .nurse))
        XCTAssertEqual(limit, 200)
    }

    func testChangeIsAudited() throws {
        var limit = 200
        let policy = ThresholdPolicy.testing()
        try policy.change(&limit, to: 100, by: "dr.k", role: .clinician)
        XCTAssertEqual(policy.auditSpy.entries, [.thresholdChanged(old: 200, new: 100)])
    }
}
EOF
commit martin "2024-06-03 13:20 +0200" "Restrict alert threshold changes to clinicians

Change-Request: CR-7
Refs: REQ-22"

put Sources/Dashboard/VolumeFormatter.swift <<'EOF'
/// Formats volumes for display: whole millilitres, unit always shown, sign of negative UF (REQ-4).
public struct VolumeFormatter {
    public init() {}

    public func string(millilitres: Int) -> String {
        "\(millilitres) mL"
    }

    /// Net UF: a negative value keeps its minus sign and is labelled and highlighted.
    public func ultrafiltration(millilitres: Int) -> (text: String, colour: Colour) {
        millilitres < 0
            ? ("\(millilitres) mL (Fluid retained)", .caution)
            : ("+\(millilitres) mL", .neutral)
    }
}
EOF
put Tests/DashboardTests/VolumeFormatterTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class VolumeFormatterTests: XCTestCase {
    func testFormatsMillilitresWithUnit() {
        XCTAssertEqual(VolumeFormatter().string(millilitres: 2120), "2120 mL")
    }

    func testNegativeUFHasSignAndLabel() {
        let uf = VolumeFormatter().ultrafiltration(millilitres: -240)
        XCTAssertEqual(uf.text, "-240 mL (Fluid retained)")
        XCTAssertEqual(uf.colour, .caution)
    }
}
EOF
put Sources/Dashboard/TreatmentSummaryView.swift <<'EOF'
import Telemetry

/// Summary of one treatment with the patient header (REQ-3, REQ-6).
public struct TreatmentSummaryView {
    public var patient: Patient
    public var record: TreatmentRecord
    let volume = VolumeFormatter()
    let duration = DurationFormatter()

    public var header: String {
        "\(patient.fullName), born \(patient.dateOfBirth), patient no. \(patient.clinicNumber)"
    }

    public var lines: [String] {
        [
            "Date: \(record.start.formatted(date: .abbreviated, time: .omitted))",
            "Duration: \(duration.string(from: record.start, to: record.end))",
            "Cycles: \(record.cycles.count)",
            "Fill: \(volume.string(millilitres: record.cycles.map(\.fillML).reduce(0, +)))",
            "Drain: \(volume.string(millilitres: record.cycles.map(\.drainML).reduce(0, +)))",
            "Net UF: \(volume.ultrafiltration(millilitres: record.netUltrafiltrationML).text)",
        ]
    }
}
EOF
commit jonas "2024-06-10 11:30 +0200" "Show negative ultrafiltration with sign and label

Change-Request: CR-4
Refs: REQ-4"

version 1.1.0
record v1.1.0 regulatory/ifu.yml regulatory/problem-reports.yml regulatory/change-requests.yml regulatory/risk-management.yml
commit priya "2024-07-01 10:00 +0200" "Prepare release 1.1.0

Closes CR-4 to CR-7, adds IFU rev. B (alerts); PR-1 and PR-2 resolved.
Overall residual risk evaluation and risk management review of 1.1.0
(RMR-PDRM-1.1).

Change-Request: CR-4, CR-5, CR-6, CR-7"

release anna "2024-07-08 11:00 +0200" v1.1.0 "PD Remote Monitor 1.1.0

Alert engine: drain alarms, negative ultrafiltration and missed
treatments, with acknowledgement, escalation and supervision.
OpenSSL 3.0.13. Fixes PR-1 and PR-2."

# ==================================================================================================
# Release 2.0.0: BLE connection to the cycler (feature branch), USB import retired, IFU rev. C
# ==================================================================================================
git checkout -q -b feature/ble-link

package Telemetry Storage Transport Dashboard Alerts BLE
put Sources/BLE/CyclerLink.swift <<'EOF'
import Telemetry

/// GATT client of the cycler's "PD Treatment" service (REQ-23).
public final class CyclerLink {
    public static let treatmentService = UUID(uuidString: "6E40A0B0-5D4C-4E5A-9C1B-5044524D0001")!

    let central: BluetoothCentral
    public var onRecord: (TreatmentRecord) -> Void = { _ in }

    public init(central: BluetoothCentral) { self.central = central }

    func received(frame: [UInt8]) throws {
        onRecord(try TelemetryDecoder().decode(frame))
    }
}
EOF
put Tests/BLETests/CyclerLinkTests.swift <<'EOF'
import XCTest
@testable import BLE

final class CyclerLinkTests: XCTestCase {
    func testReceivesTreatmentRecord() throws {
        let link = CyclerLink(central: .simulated)
        var received: [TreatmentRecord] = []
        link.onRecord = { received.append($0) }
        try link.received(frame: Fixtures.threeCycleNight)
        XCTAssertEqual(received.count, 1)
    }
}
EOF
commit lena/unsigned "2024-09-02 10:00 +0200" "Add the BLE cycler link skeleton

Change-Request: CR-8
Refs: REQ-23"

git checkout -q main
record v2.0.0 regulatory/allowed_signers
commit anna "2024-09-03 09:15 +0200" "Trust Lena Fischer's SSH signing key

Identity and key fingerprint checked in person per SOP-CM-04.

Change-Request: CR-8"

record v2.0.0 dossier.yml regulatory/requirements.yml regulatory/risks.yml regulatory/threats.yml regulatory/items.yml
commit priya "2024-09-05 14:00 +0200" "Add BLE requirements, threat model, risks and software item

New item ITEM-6 (BLE cycler link, class C), requirements REQ-23 to
REQ-30, threats THR-4 to THR-6 and risks RISK-10 to RISK-12. REQ-11
(USB import) is obsolete from 2.0.0 and REQ-1 names the BLE link.

Change-Request: CR-8, CR-9
Refs: REQ-1, REQ-11, REQ-23, REQ-24, REQ-25, REQ-26, REQ-27, REQ-28, REQ-29, REQ-30"

git checkout -q feature/ble-link
put Sources/BLE/Pairing.swift <<'EOF'
/// Pairing policy: LE Secure Connections with numeric comparison only (REQ-24).
public struct PairingPolicy {
    public enum Method { case justWorks, legacyPasskey, numericComparison, outOfBand }

    public init() {}

    public func accepts(_ method: Method, secureConnections: Bool) -> Bool {
        secureConnections && method == .numericComparison
    }
}
EOF
put Tests/BLETests/PairingTests.swift <<'EOF'
import XCTest
@testable import BLE

final class PairingTests: XCTestCase {
    func testRefusesJustWorks() {
        XCTAssertFalse(PairingPolicy().accepts(.justWorks, secureConnections: true))
    }

    func testRefusesLegacyPairing() {
        XCTAssertFalse(PairingPolicy().accepts(.numericComparison, secureConnections: false))
    }

    func testAcceptsNumericComparison() {
        XCTAssertTrue(PairingPolicy().accepts(.numericComparison, secureConnections: true))
    }
}
EOF
commit lena "2024-09-16 16:45 +0200" "Pair only with LE Secure Connections and numeric comparison

Change-Request: CR-8
Refs: REQ-24"

put Sources/BLE/FrameAuthenticator.swift <<'EOF'
import Crypto

/// Verifies the HMAC-SHA256 (REQ-25) and the sequence number (REQ-26) of every treatment frame.
public struct FrameAuthenticator {
    public enum Rejection: Error { case badMAC, replayed(sequence: UInt32) }

    let key: SymmetricKey
    public private(set) var lastSequence: UInt32 = 0

    public init(key: SymmetricKey) { self.key = key }

    public mutating func accept(_ frame: AuthenticatedFrame) throws -> [UInt8] {
        guard HMAC<SHA256>.isValidAuthenticationCode(frame.mac, authenticating: frame.signedBytes, using: key) else {
            throw Rejection.badMAC
        }
        guard frame.sequence > lastSequence else { throw Rejection.replayed(sequence: frame.sequence) }
        lastSequence = frame.sequence
        return frame.payload
    }
}
EOF
put Tests/BLETests/FrameAuthenticatorTests.swift <<'EOF'
import XCTest
@testable import BLE

final class FrameAuthenticatorTests: XCTestCase {
    func testRejectsBadHMAC() {
        var auth = FrameAuthenticator(key: .testKey)
        XCTAssertThrowsError(try auth.accept(.sample(sequence: 1).withFlippedMACBit()))
    }

    func testRejectsReplayedFrame() throws {
        var auth = FrameAuthenticator(key: .testKey)
        _ = try auth.accept(.sample(sequence: 7))
        XCTAssertThrowsError(try auth.accept(.sample(sequence: 7)))
    }
}
EOF
commit lena "2024-09-30 11:10 +0200" "Authenticate treatment frames and reject replays

Change-Request: CR-8
Refs: REQ-25, REQ-26"

put Sources/BLE/CyclerBinding.swift <<'EOF'
/// Binds each patient to exactly one bonded cycler (REQ-27).
public struct CyclerBinding {
    public private(set) var serialByPatient: [String: String] = [:]

    public init() {}

    /// Only a clinician assigns a cycler; data from any other cycler is refused.
    public mutating func assign(serial: String, to patient: String, byClinician: String) {
        serialByPatient[patient] = serial
    }

    public func accepts(serial: String, for patient: String) -> Bool {
        serialByPatient[patient] == serial
    }
}
EOF
put Tests/BLETests/CyclerBindingTests.swift <<'EOF'
import XCTest
@testable import BLE

final class CyclerBindingTests: XCTestCase {
    func testRefusesSecondCycler() {
        var binding = CyclerBinding()
        binding.assign(serial: "CY4-0012345", to: "P-001", byClinician: "dr.k")
        XCTAssertFalse(binding.accepts(serial: "CY4-0099999", for: "P-001"))
    }
}
EOF
put Sources/Dashboard/TreatmentSummaryView.swift <<'EOF'
import Telemetry

/// Summary of one treatment with the patient header (REQ-3, REQ-6, REQ-27).
public struct TreatmentSummaryView {
    public var patient: Patient
    public var record: TreatmentRecord
    let volume = VolumeFormatter()
    let duration = DurationFormatter()

    public var header: String {
        "\(patient.fullName), born \(patient.dateOfBirth), patient no. \(patient.clinicNumber), cycler \(record.cyclerSerial)"
    }

    public var lines: [String] {
        [
            "Date: \(record.start.formatted(date: .abbreviated, time: .omitted))",
            "Duration: \(duration.string(from: record.start, to: record.end))",
            "Cycles: \(record.cycles.count)",
            "Fill: \(volume.string(millilitres: record.cycles.map(\.fillML).reduce(0, +)))",
            "Drain: \(volume.string(millilitres: record.cycles.map(\.drainML).reduce(0, +)))",
            "Net UF: \(volume.ultrafiltration(millilitres: record.netUltrafiltrationML).text)",
        ]
    }
}
EOF
put Tests/DashboardTests/TreatmentSummaryViewTests.swift <<'EOF'
import XCTest
@testable import Dashboard

final class TreatmentSummaryViewTests: XCTestCase {
    func testShowsSummaryFields() {
        let lines = TreatmentSummaryView(patient: .sample, record: .sample).lines
        XCTAssertEqual(lines.map { $0.prefix(while: { $0 != ":" }) },
                       ["Date", "Duration", "Cycles", "Fill", "Drain", "Net UF"])
    }

    func testShowsPatientBanner() {
        XCTAssertTrue(TreatmentSummaryView(patient: .sample, record: .sample).header
            .hasPrefix("Erika Mustermann, born 1961-08-12, patient no. 40117"))
    }

    func testShowsCyclerSerial() {
        XCTAssertTrue(TreatmentSummaryView(patient: .sample, record: .sample).header.hasSuffix("cycler CY4-0012345"))
    }

    func testRenders90DaysUnder2s() {
        measure { _ = HistoryView(patient: .sample, records: .ninetyDays).render() }
    }
}
EOF
commit jonas "2024-10-14 09:50 +0200" "Bind each patient to one bonded cycler

The patient header now shows the serial number of the bound cycler.

Change-Request: CR-8
Refs: REQ-27"

put Sources/BLE/LinkSupervisor.swift <<'EOF'
import Foundation

/// Link-loss notice (REQ-28) and connection rate limit for unknown devices (REQ-29).
public struct LinkSupervisor {
    public static let linkLossAfter: TimeInterval = 10 * 60
    public static let maxForeignAttemptsPerMinute = 5

    public var lastConnected: Date
    var foreignAttempts: [Date] = []

    public init(lastConnected: Date) { self.lastConnected = lastConnected }

    public func notice(now: Date, inTreatmentWindow: Bool) -> String? {
        inTreatmentWindow && now.timeIntervalSince(lastConnected) >= Self.linkLossAfter ? "Cycler not connected" : nil
    }

    public mutating func admitForeignConnection(at now: Date) -> Bool {
        foreignAttempts.removeAll { now.timeIntervalSince($0) >= 60 }
        guard foreignAttempts.count < Self.maxForeignAttemptsPerMinute else { return false }
        foreignAttempts.append(now)
        return true
    }
}
EOF
put Tests/BLETests/LinkSupervisorTests.swift <<'EOF'
import XCTest
@testable import BLE

final class LinkSupervisorTests: XCTestCase {
    func testLinkLossShownAfter10Minutes() {
        let supervisor = LinkSupervisor(lastConnected: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(supervisor.notice(now: .init(timeIntervalSince1970: 600), inTreatmentWindow: true),
                       "Cycler not connected")
    }

    func testRateLimitsConnectionAttempts() {
        var supervisor = LinkSupervisor(lastConnected: .init(timeIntervalSince1970: 0))
        let now = Date(timeIntervalSince1970: 1000)
        let admitted = (0..<8).filter { _ in supervisor.admitForeignConnection(at: now) }
        XCTAssertEqual(admitted.count, 5)
    }
}
EOF
commit lena "2024-10-21 15:20 +0200" "Show link loss and rate-limit connection attempts

Change-Request: CR-8
Refs: REQ-28, REQ-29"

git checkout -q main
put Sources/Alerts/AlertDispatcher.swift <<'EOF'
import Foundation

/// Shows alerts until acknowledged (REQ-19) and escalates high-priority ones (REQ-20).
public final class AlertDispatcher {
    public static let escalateAfter: TimeInterval = 30 * 60
    public private(set) var open: [Alert] = []
    let onCall: OnCallNotifier
    let audit: AuditTrail
    var clock = MonotonicClock()   // counts time spent in suspend (PR-3)

    public init(onCall: OnCallNotifier, audit: AuditTrail) {
        self.onCall = onCall
        self.audit = audit
    }

    public func raise(_ alert: Alert) { open.append(alert) }

    public func acknowledge(_ id: Alert.ID, by clinician: String, at time: Date) {
        open.removeAll { $0.id == id }
        audit.record(.acknowledged(id), user: clinician, at: time)
    }

    public func tick(now: Date) {
        for alert in open where alert.priority == .high && clock.elapsed(since: alert.raised, now: now) >= Self.escalateAfter {
            onCall.escalate(alert)
        }
    }
}
EOF
put Tests/AlertsTests/AlertDispatcherTests.swift <<'EOF'
import XCTest
@testable import Alerts

final class AlertDispatcherTests: XCTestCase {
    func testAlertStaysUntilAcknowledged() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 24 * 3600)
        XCTAssertEqual(dispatcher.open, [.sampleHigh])
    }

    func testEscalatesAfter30Minutes() {
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.tick(now: .sampleHigh + 30 * 60)
        XCTAssertEqual(dispatcher.onCallSpy.escalated, [.sampleHigh])
    }

    func testEscalatesOnTimeAfterSuspend() {   // regression test of PR-3
        let dispatcher = AlertDispatcher.testing()
        dispatcher.raise(.sampleHigh)
        dispatcher.clock.simulateSuspend(seconds: 25 * 60)
        dispatcher.tick(now: .sampleHigh + 5 * 60)
        XCTAssertEqual(dispatcher.onCallSpy.escalated, [.sampleHigh])
    }
}
EOF
commit martin "2024-10-23 10:30 +0200" "Use the monotonic clock for escalation timers

After the home hub resumed from suspend, escalation came late by the
suspend duration.

Change-Request: CR-11
Fixes: PR-3
Refs: REQ-20"

git checkout -q feature/ble-link
record v2.0.0 regulatory/soup.yml
commit lena "2024-10-28 13:00 +0100" "Add BlueZ 5.77 to the SOUP list

Change-Request: CR-8"

git checkout -q main
merge jonas "2024-11-04 10:00 +0100" feature/ble-link "Merge branch 'feature/ble-link'

BLE link accepted in design review DR-9 on 2024-10-31; penetration
test report PT-2024-11 attached to CR-8.

Change-Request: CR-8"

drop Sources/Telemetry/USBImport.swift Tests/TelemetryTests/USBImportTests.swift
commit martin "2024-11-11 14:40 +0100" "Remove the USB log import

Cycler firmware 4.x no longer writes the USB export; records arrive
over the BLE link.

Change-Request: CR-9
Refs: REQ-11, REQ-1"

put Sources/Storage/SecurityEventLog.swift <<'EOF'
import Foundation

/// Security events of the BLE link, uploaded with the treatment data (REQ-30).
public struct SecurityEventLog {
    public enum Event: Equatable {
        case paired(serial: String), unpaired(serial: String)
        case frameAuthenticationFailed(serial: String), frameReplayed(serial: String, sequence: UInt32)
        case connectionRefused(address: String)
    }

    let database: EncryptedDatabase

    public func log(_ event: Event, at time: Date) throws {
        try database.transaction { try $0.insert(SecurityEntry(event, time)) }
    }
}
EOF
put Tests/StorageTests/SecurityEventLogTests.swift <<'EOF'
import XCTest
@testable import Storage

final class SecurityEventLogTests: XCTestCase {
    func testLogsFailedAuthentication() throws {
        let log = try SecurityEventLog.temporary()
        try log.log(.frameAuthenticationFailed(serial: "CY4-0012345"), at: .init(timeIntervalSince1970: 0))
        XCTAssertEqual(try log.events(), [.frameAuthenticationFailed(serial: "CY4-0012345")])
    }
}
EOF
commit anna "2024-11-18 11:00 +0100" "Log security events of the BLE link

Change-Request: CR-8
Refs: REQ-30"

record v2.0.0 regulatory/ifu.yml
commit priya "2025-01-13 09:30 +0100" "Update the IFU for BLE pairing and the removed USB import

IFU rev. C: new section 4.2 (pairing), section 4.1 replaced.

Change-Request: CR-10, CR-9"

version 2.0.0
record v2.0.0 regulatory/change-requests.yml regulatory/problem-reports.yml regulatory/risk-management.yml
commit priya "2025-01-20 16:00 +0100" "Prepare release 2.0.0

Closes CR-8 to CR-11 (CR-12 rejected). PR-3 resolved; PR-4 released
as a known anomaly with its evaluation. Overall residual risk
evaluation and risk management review of 2.0.0 (RMR-PDRM-2.0).

Change-Request: CR-8, CR-9, CR-10, CR-11"

release jonas "2025-01-27 10:00 +0100" v2.0.0 "PD Remote Monitor 2.0.0

Direct Bluetooth LE connection to the cycler with authenticated pairing,
frame authentication and replay protection; USB log import removed.
IFU rev. C. Known anomaly: PR-4."

# ---- sanity: the work tree holds exactly the v2.0.0 records ----------------------------------------
for f in dossier.yml regulatory/*.yml regulatory/allowed_signers regulatory/keys/*.asc; do
  cmp -s "$f" "$HERE/$f" || die "$f at v2.0.0 differs from $HERE/$f"
done
[ -z "$(git status --porcelain)" ] || die "work tree not clean at the end"

unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
git branch -q -D feature/alert-engine feature/ble-link
cd /
if [ -d "$DEST" ]; then rmdir "$DEST"; fi
mv "$REPO" "$DEST"
echo "sample-project: $(git -C "$DEST" rev-list --count HEAD) commits, tags v1.0.0 v1.1.0 v2.0.0; v2.0.0 = $(git -C "$DEST" rev-parse 'v2.0.0^{commit}') in $DEST"
