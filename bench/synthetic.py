#!/usr/bin/env python3
"""Writes a `git fast-import` stream for the dossier benchmark repository to stdout.

Python 3 standard library only. Deterministic: a fixed seed, a private PRNG (so the output does not depend on the
Python version's `random`), fixed identities and dates. Run through bench/make-synthetic.sh, which feeds the stream
to `git fast-import` in a fresh repository.

The repository: a PD-remote-monitor-like app, `Sources/ModuleK/...swift` in 20 modules (~300 files), 20,000 commits
on `main` (including topic-branch merges), 20 annotated release tags v1.0.0 ... v1.19.0 every 1,000 commits,
`dossier.yml` and `regulatory/*.yml` per docs/records.md. Records grow and change from release to release:
new requirements, risks, threats, change requests and problem reports per release, changed texts, reassessed
risks, SOUP upgrades, retired requirements (status obsolete).

`--records one-file` (the default) keeps each kind of record in one file, rewritten whenever any of its records
changes. `--records spread` lays them out the way real repositories do: folders of files per software item
(requirements, risks, threats, problem reports) and per release (change requests), each release working on a few
focus modules, so a release changes a few percent of the records in a few of the files and leaves the other files'
blobs as they were. The records and the source history are otherwise made the same way.
"""

import argparse
import json
import sys

GENERATOR_VERSION = 1

M64 = (1 << 64) - 1


class Rng:
    """splitmix64: small, fast enough, and identical on every Python version."""

    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def rint(self, a, b):
        return a + self.below(b - a + 1)

    def chance(self, p):
        return self.next() < int(p * M64)

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.below(total)
        for value, w in pairs:
            if x < w:
                return value
            x -= w
        raise AssertionError

    def sample(self, seq, k):
        pool = list(seq)
        k = min(k, len(pool))
        for i in range(k):
            j = i + self.below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


# --------------------------------------------------------------------------------------------------------------
# Vocabulary

MODULES = [  # (item name, safety class, short area used in commit subjects)
    ("Alert engine", "C", "Alerts"),
    ("Cycler BLE link", "C", "BLE"),
    ("Therapy data store", "C", "Store"),
    ("Clinic sync", "B", "Sync"),
    ("Authentication", "B", "Auth"),
    ("Dashboard UI", "B", "Dashboard"),
    ("Trend charts", "A", "Charts"),
    ("Prescription manager", "C", "Prescription"),
    ("Notification service", "C", "Notify"),
    ("Audit log", "B", "Audit"),
    ("Crypto services", "B", "Crypto"),
    ("Settings", "A", "Settings"),
    ("Onboarding", "A", "Onboarding"),
    ("Report export", "B", "Export"),
    ("Telemetry", "A", "Telemetry"),
    ("Device registry", "B", "Registry"),
    ("Firmware bridge", "C", "Firmware"),
    ("Localization", "A", "L10n"),
    ("Accessibility", "A", "A11y"),
    ("Diagnostics", "B", "Diagnostics"),
]
NMOD = len(MODULES)
FIXTURE_MODULE = 3           # Sources/Module3/Fixtures/** is its own item (ITEM-21), excluded from ITEM-3
ITEM_FIXTURES = NMOD + 1     # ITEM-21
ITEM_SYSTEM = NMOD + 2       # ITEM-22, the parent of ITEM-1 ... ITEM-20

AUTHORS = [  # name, email, tz, weight
    ("Alice Martin", "alice.martin@example.com", "+0100", 18),
    ("Bob Schneider", "bob.schneider@example.com", "+0100", 16),
    ("Chen Wei", "chen.wei@example.com", "+0800", 12),
    ("Dana Okafor", "dana.okafor@example.com", "-0500", 14),
    ("Elif Yılmaz", "elif.yilmaz@example.com", "+0300", 10),
    ("François Dubois", "francois.dubois@example.com", "+0100", 12),
    ("Grace Kim", "grace.kim@example.com", "-0800", 10),
    ("Hiro Tanaka", "hiro.tanaka@example.com", "+0900", 8),
]
# Identities found in history and folded by .mailmap (index into AUTHORS, alias name, alias email)
ALIASES = {
    0: ("alice", "alice@laptop.local"),
    1: ("Bob S", "bob@users.noreply.github.com"),
    4: ("Elif Yilmaz", "elif@example.org"),
}
RELEASE_MANAGER = ("Quinn Release", "release@example.com", "+0100")
QA_APPROVERS = ["Q. Assurance", "R. Affairs", "M. Director"]

MAILMAP = """\
# Canonical names and addresses for the history of this repository (git-check-mailmap(1)).
Alice Martin <alice.martin@example.com> alice <alice@laptop.local>
Bob Schneider <bob.schneider@example.com> <bob@users.noreply.github.com>
Elif Yılmaz <elif.yilmaz@example.com> Elif Yilmaz <elif@example.org>
"""

VERBS = ["Display", "Record", "Validate", "Raise an alert for", "Encrypt", "Synchronise", "Log", "Export",
         "Retry", "Authenticate", "Store", "Verify", "Timestamp", "Summarise", "Reject", "Confirm"]
OBJECTS = ["the dialysate volume", "a drain failure", "the cycler pairing", "the session token", "the ultrafiltration total",
           "the prescription", "the fill volume", "the dwell time", "a missed treatment", "the clinic upload",
           "the therapy log", "the patient weight", "the blood pressure reading", "the firmware version",
           "the alarm history", "the consent record", "the device clock", "the battery level", "the BLE bond",
           "the audit trail", "the export file", "the language setting", "the daily summary", "the error code"]
QUALIFIERS = ["within {n} seconds", "after every treatment", "when the cycler reports an error",
              "before the data leaves the phone", "for at least {n} days", "at most every {n} minutes",
              "on user request", "when the connection is restored", "with a resolution of {n} mL",
              "in the patient's language", "without user interaction", "at most {n} times in a row"]
REQ_TYPES = [("functional", 40), ("safety", 20), ("security", 15), ("performance", 8), ("usability", 8),
             ("interface", 6), ("regulatory", 3)]

HAZARDS = ["Missed alarm", "Wrong volume shown", "Stale therapy data", "Unauthorised access", "Data loss",
           "Incorrect prescription", "Delayed notification", "Corrupted export", "Wrong patient data",
           "Device clock drift", "Misleading trend", "Unreadable instructions"]
SITUATIONS = ["Patient not informed of drain failure", "Clinician acts on outdated values",
              "Patient follows a wrong prescription", "Attacker changes therapy settings",
              "Treatment history incomplete at review", "Patient misses a treatment",
              "Clinician reviews another patient's data", "Caregiver misreads the volume"]
HARMS = ["Fluid overload", "Peritonitis", "Hypotension", "Dehydration", "Delayed treatment", "Electrolyte imbalance",
         "Exit-site infection", "Loss of privacy"]
CAUSES = ["Alert not delivered to the phone", "BLE packet dropped", "Unit conversion error", "Race in the sync queue",
          "Expired session reused", "Clock not synchronised", "Localisation string truncated", "Cache not invalidated",
          "Malformed cycler record", "Background task killed by the OS"]
SEVERITY = ["Negligible", "Minor", "Serious", "Critical", "Catastrophic"]
PROBABILITY = ["Improbable", "Remote", "Occasional", "Probable", "Frequent"]
ACCEPT = {
    "Negligible": "AAAAR",
    "Minor": "AAARR",
    "Serious": "AARRU",
    "Critical": "ARRUU",
    "Catastrophic": "RRUUU",
}
CONTROL_TYPES = [("inherent_safety", 2), ("protective_measure", 5), ("information_for_safety", 2)]

STRIDE = ["Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service",
          "Elevation of privilege"]
ASSETS = ["Cycler BLE link", "Clinic API", "Therapy database", "Session tokens", "Push notification channel",
          "Export files", "Firmware update package", "Audit log", "Device registry", "Local keychain"]

SOUP_NAMES = [  # name, supplier, license, purl type/namespace
    ("OpenSSL", "OpenSSL Software Foundation", "Apache-2.0", "generic"),
    ("SQLite", "SQLite Consortium", "blessing", "generic"),
    ("swift-nio", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-crypto", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-log", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-collections", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-argument-parser", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("Alamofire", "Alamofire Software Foundation", "MIT", "swift/github.com/Alamofire"),
    ("GRDB", "Gwendal Roué", "MIT", "swift/github.com/groue"),
    ("KeychainAccess", "kishikawa katsumi", "MIT", "swift/github.com/kishikawakatsumi"),
    ("Charts", "Daniel Cohen Gindi", "Apache-2.0", "swift/github.com/danielgindi"),
    ("SwiftProtobuf", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("grpc-swift", "gRPC Authors", "Apache-2.0", "swift/github.com/grpc"),
    ("Yams", "JP Simard", "MIT", "swift/github.com/jpsim"),
    ("zlib", "Jean-loup Gailly and Mark Adler", "Zlib", "generic"),
    ("libcurl", "Daniel Stenberg", "curl", "generic"),
    ("libxml2", "GNOME Project", "MIT", "generic"),
    ("Sentry Cocoa", "Functional Software Inc.", "MIT", "swift/github.com/getsentry"),
    ("Lottie", "Airbnb", "Apache-2.0", "swift/github.com/airbnb"),
    ("SnapKit", "SnapKit Team", "MIT", "swift/github.com/SnapKit"),
    ("Kingfisher", "Wei Wang", "MIT", "swift/github.com/onevcat"),
    ("RxSwift", "Krunoslav Zaher", "MIT", "swift/github.com/ReactiveX"),
    ("PromiseKit", "Max Howell", "MIT", "swift/github.com/mxcl"),
    ("CryptoSwift", "Marcin Krzyzanowski", "Zlib", "swift/github.com/krzyzanowskim"),
    ("Starscream", "Dalton Cherry", "Apache-2.0", "swift/github.com/daltoniam"),
    ("SwiftyJSON", "SwiftyJSON", "MIT", "swift/github.com/SwiftyJSON"),
    ("Realm", "Realm Inc.", "Apache-2.0", "swift/github.com/realm"),
    ("Firebase Messaging", "Google LLC", "Apache-2.0", "swift/github.com/firebase"),
    ("AppAuth", "OpenID Foundation", "Apache-2.0", "swift/github.com/openid"),
    ("TrustKit", "Data Theorem", "MIT", "swift/github.com/datatheorem"),
    ("Nimble", "Quick", "Apache-2.0", "swift/github.com/Quick"),
    ("ZIPFoundation", "Thomas Zoechling", "MIT", "swift/github.com/weichsel"),
    ("PhoneNumberKit", "Roy Marmelstein", "MIT", "swift/github.com/marmelroy"),
    ("DeviceKit", "Dennis Weissmann", "MIT", "swift/github.com/devicekit"),
    ("SwiftDate", "Daniele Margutti", "MIT", "swift/github.com/malcommac"),
    ("Reachability.swift", "Ashley Mills", "MIT", "swift/github.com/ashleymills"),
    ("CocoaLumberjack", "Deusty LLC", "BSD-3-Clause", "swift/github.com/CocoaLumberjack"),
    ("SQLCipher", "Zetetic LLC", "BSD-3-Clause", "generic"),
    ("libsodium", "Frank Denis", "ISC", "generic"),
    ("protobuf-c", "protobuf-c authors", "BSD-2-Clause", "generic"),
    ("mbedTLS", "Trusted Firmware", "Apache-2.0", "generic"),
    ("nanopb", "Petteri Aimonen", "Zlib", "generic"),
    ("cJSON", "Dave Gamble", "MIT", "generic"),
    ("FreeRTOS BLE shim", "Amazon Web Services", "MIT", "generic"),
    ("ICU data subset", "Unicode Inc.", "Unicode-DFS-2016", "generic"),
    ("swift-numerics", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-algorithms", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-async-algorithms", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-certificates", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
    ("swift-asn1", "Apple Inc.", "Apache-2.0", "swift/github.com/apple"),
]

COMMIT_VERBS = ["Add", "Fix", "Handle", "Refactor", "Validate", "Harden", "Simplify", "Extract", "Rename",
                "Document", "Cache", "Retry", "Guard against", "Log", "Test", "Speed up", "Clean up"]
COMMIT_OBJECTS = ["drain timeout", "pairing retry", "volume rounding", "token refresh", "sync conflict",
                  "empty prescription", "dwell timer", "clock skew", "alarm snooze", "upload backoff",
                  "chart axis labels", "export encoding", "keychain access", "error mapping", "locale fallback",
                  "VoiceOver labels", "battery warning", "firmware handshake", "audit entry format",
                  "registry lookup", "crash on resume", "background refresh", "unit conversion", "date parsing",
                  "notification grouping", "session expiry", "retry budget", "BLE reconnect", "cache eviction"]
BODY_SENTENCES = [
    "The previous implementation assumed the cycler always reports volumes in millilitres.",
    "This keeps the behaviour unchanged for existing users and only affects new installations.",
    "Covered by new unit tests; the integration suite passes on the reference devices.",
    "The alert path is class C, so the change was reviewed by two people.",
    "Moves the parsing into its own type so that it can be tested without a device.",
    "The retry now backs off exponentially and gives up after the configured budget.",
    "No change to the stored data format; existing records are read as before.",
    "Reported by the clinic pilot; reproduced with the simulator fixtures.",
    "The error is now surfaced to the user instead of being logged silently.",
    "Removes a force unwrap that could crash when the cycler disconnects mid-transfer.",
    "Aligns the wording with the approved labeling text.",
    "The threat model entry was reviewed; the mitigation is unchanged.",
    "Performance: the list is built once per refresh instead of once per row.",
    "Follows the decision recorded in the change request.",
    "Keeps the public interface stable; callers need no change.",
]


def q(s):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def flow(ids):
    return "[" + ", ".join(ids) + "]"


def iso_date(ts):
    import time
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


# --------------------------------------------------------------------------------------------------------------

class Generator:
    def __init__(self, releases, per_release, out, records="one-file"):
        self.spread = records == "spread"
        self.focus = None          # spread: the modules a release works on (new records, reassessments)
        self.emitted = {}          # spread: path -> the text last written, so only changed files are written
        self.R = releases
        self.PER = per_release
        self.out = out
        self.rng = Rng(0x5EED_D055_1E12)
        self.mark = 0
        self.ts = 1609747200  # 2021-01-04 08:00:00 UTC, a Monday
        self.uid = 0
        self.topic_touched = None  # paths changed on the current topic branch, while one is open

        # Source tree: path -> list of lines (the body of one Swift type)
        self.files = {}
        self.origin = {}  # renamed path -> the path its content was created under
        self.module_files = {m: [] for m in range(1, NMOD + 1)}
        self.root_files = {}
        self.changelog = ["# Changelog", ""]

        # Records, keyed by number
        self.reqs = {}
        self.risks = {}
        self.threats = {}
        self.soup = {}
        self.crs = {}
        self.prs = {}
        self.ifus = {}
        self.active_by_type = {t: [] for t, _ in REQ_TYPES}
        self.active_reqs = []  # non-obsolete requirement numbers, ascending
        self.dirty = set()

        # Final sizes (with 20 releases): 2,000 requirements, 2,000 risks, 500 threats, 50 SOUP
        self.req_add = 50
        self.risk_add = 50
        self.thr_add = 10
        self.req0 = max(100, 2000 - (self.R - 1) * self.req_add)
        self.risk0 = max(100, 2000 - (self.R - 1) * self.risk_add)
        self.thr0 = max(30, 500 - (self.R - 1) * self.thr_add)
        self.soup0 = 46

    # ---------------------------------------------------------------- output
    def w(self, s):
        self.out.write(s.encode("utf-8") if isinstance(s, str) else s)

    def data(self, text):
        b = text.encode("utf-8")
        self.out.write(b"data %d\n" % len(b))
        self.out.write(b)
        self.out.write(b"\n")

    def advance(self, lo=3, hi=25):
        """Working hours only (08:00-19:00 UTC, Monday to Friday)."""
        self.ts += self.rng.rint(lo, hi) * 60 + self.rng.below(60)
        day, sec = divmod(self.ts, 86400)
        if sec >= 19 * 3600:
            day += 1
            sec = 8 * 3600 + self.rng.below(3600)
        weekday = (day + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
        if weekday >= 5:
            day += 7 - weekday
            sec = 8 * 3600 + self.rng.below(3600)
        self.ts = day * 86400 + sec

    # ---------------------------------------------------------------- source files
    def fresh_line(self, tag):
        self.uid += 1
        return "    static func f%d(_ x: Int) -> Int { x &+ %d }  // %s" % (self.uid, self.rng.below(100000), tag)

    def render_file(self, path):
        origin = self.origin.get(path, path)  # a renamed file keeps its content (so git sees a 100% rename)
        name = origin.rsplit("/", 1)[1][:-6]
        module = origin.split("/")[1]
        return ("// %s\n// PD Remote Monitor (synthetic benchmark fixture).\n\nimport Foundation\n\n"
                "enum %s%s {\n%s\n}\n") % (origin, module, name, "\n".join(self.files[path]))

    def new_file_path(self, m, fixtures=False):
        base = "Sources/Module%d/%s" % (m, "Fixtures/" if fixtures else "")
        n = len(self.module_files[m]) + 1
        while True:
            p = "%sFile%d.swift" % (base, n)
            if p not in self.files:
                return p
            n += 1

    def add_file(self, path, tag):
        self.files[path] = [self.fresh_line(tag) for _ in range(self.rng.rint(12, 24))]
        m = int(path.split("/")[1][6:])
        self.module_files[m].append(path)

    def edit_file(self, path, tag):
        lines = self.files[path]
        for _ in range(self.rng.rint(1, 3)):
            lines[self.rng.below(len(lines))] = self.fresh_line(tag)
        if self.rng.chance(0.5):
            lines.insert(self.rng.below(len(lines) + 1), self.fresh_line(tag))
        if len(lines) > 36:
            del lines[: len(lines) - 30]

    # ---------------------------------------------------------------- records: creation
    def item_module(self, item):
        return item if item <= NMOD else FIXTURE_MODULE

    def make_req(self, n, status):
        rng = self.rng
        t = rng.weighted(REQ_TYPES)
        verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
        qual = rng.choice(QUALIFIERS).format(n=rng.rint(2, 90))
        items = [rng.choice(self.focus) if self.focus else rng.rint(1, NMOD)]
        if rng.chance(0.15):
            other = rng.choice(self.focus) if self.focus else rng.rint(1, NMOD)
            if other != items[0]:
                items.append(other)
        area = MODULES[items[0] - 1][2]
        verified = []
        if not rng.chance(0.03):
            camel = "".join(w.capitalize() for w in (verb + " " + obj).replace("the ", "").replace("a ", "").split())
            verified.append("%sTests.test%s%d" % (area, camel, n))
            if rng.chance(0.2):
                verified.append("%sTests.*" % rng.choice(["BLE", "Alerts", "Sync", area]))
        self.reqs[n] = {"title": "%s %s" % (verb, obj), "text": "The app shall %s %s %s." % (verb.lower(), obj, qual),
                        "type": t, "status": status, "items": items, "verified_by": verified, "obsolete": None}
        self.active_reqs.append(n)
        self.active_by_type[t].append(n)
        self.dirty.add("requirements")

    def pick_reqs(self, k, types=None, lo=None):
        pool = []
        for t in (types or []):
            pool = self.active_by_type[t]
            if pool:
                break
        if lo is not None:
            pool = [r for r in pool if r >= lo] or [r for r in self.active_reqs if r >= lo]
        if not pool:
            pool = self.active_reqs
        return sorted(set(self.rng.choice(pool) for _ in range(k)))

    def make_risk(self, n, prefer_from=None):
        rng = self.rng
        sev = rng.rint(1, 4)
        prob = rng.rint(1, 4)
        controls = []
        for r in self.pick_reqs(rng.rint(1, 2), ["safety", "functional"], lo=prefer_from):
            controls.append({"requirement": r, "type": rng.weighted(CONTROL_TYPES)})
        rsev = sev - 1 if any(c["type"] == "inherent_safety" for c in controls) and sev > 1 else sev
        rprob = max(0, prob - rng.rint(1, 3))
        items = sorted(set(self.reqs[controls[0]["requirement"]]["items"]))
        self.risks[n] = {"hazard": rng.choice(HAZARDS), "situation": rng.choice(SITUATIONS), "harm": rng.choice(HARMS),
                         "cause": rng.choice(CAUSES), "sev": sev, "prob": prob, "controls": controls,
                         "rsev": rsev, "rprob": rprob, "items": items}
        self.dirty.add("risks")

    def cvss(self, hardened):
        rng = self.rng
        if not hardened:
            parts = [("AV", rng.choice("NAAL")), ("AC", "L"), ("PR", rng.choice("NNL")), ("UI", rng.choice("NR")),
                     ("S", rng.choice("UUC")), ("C", rng.choice("HHL")), ("I", rng.choice("HHL")), ("A", rng.choice("HLN"))]
        else:
            parts = [("AV", rng.choice("AL")), ("AC", "H"), ("PR", rng.choice("LH")), ("UI", "R"),
                     ("S", "U"), ("C", rng.choice("LN")), ("I", rng.choice("LN")), ("A", "N")]
        return "CVSS:3.1/" + "/".join("%s:%s" % p for p in parts)

    def make_threat(self, n, prefer_from=None):
        rng = self.rng
        stride = rng.choice(STRIDE)
        asset = rng.choice(ASSETS)
        disposition = rng.weighted([("mitigated", 80), ("accepted", 10), ("transferred", 6), ("not_applicable", 4)])
        mitigations = self.pick_reqs(rng.rint(1, 2), ["security"], lo=prefer_from) if disposition == "mitigated" else []
        risks = [rng.rint(1, len(self.risks))] if rng.chance(0.5) else []
        items = sorted(set(i for r in mitigations for i in self.reqs[r]["items"])) or [rng.rint(1, NMOD)]
        self.threats[n] = {"title": "%s of the %s" % (stride, asset.lower()) if stride != "Spoofing"
                           else "%s spoofed" % asset,
                           "stride": stride, "asset": asset,
                           "description": "An attacker within reach of the %s could %s." % (
                               asset.lower(), rng.choice(["replay captured messages", "inject a forged record",
                                                          "read therapy data", "exhaust the connection pool",
                                                          "deny having changed a setting", "gain clinician rights"])),
                           "cvss": self.cvss(False), "residual": self.cvss(True), "mitigations": mitigations,
                           "risks": risks, "disposition": disposition, "items": items}
        self.dirty.add("threats")

    def make_soup(self, n, at):
        rng = self.rng
        name, supplier, lic, ptype = SOUP_NAMES[n - 1]
        self.soup[n] = {"name": name, "version": "%d.%d.%d" % (rng.rint(1, 5), rng.rint(0, 20), rng.rint(0, 15)),
                        "supplier": supplier, "license": lic, "ptype": ptype,
                        "purpose": "Used by %s" % MODULES[(n * 7) % NMOD][0].lower(),
                        "items": sorted(set([(n * 7) % NMOD + 1] + ([(n * 3) % NMOD + 1] if n % 3 == 0 else []))),
                        "support": rng.weighted([("maintained", 85), ("security-only", 10), ("unsupported", 5)]),
                        "eos": iso_date(at + rng.rint(400, 1600) * 86400), "reviewed": iso_date(at)}
        self.dirty.add("soup")

    def make_pr(self, n, at):
        rng = self.rng
        item = rng.rint(1, NMOD)
        self.prs[n] = {"title": "%s: %s" % (MODULES[item - 1][2], rng.choice(
            ["alert shown twice", "volume off by one millilitre", "sync stalls after sleep", "crash when unpairing",
             "chart clipped on small screens", "export misses the last day", "wrong time zone in report",
             "login loops after password change", "VoiceOver reads raw ids", "battery warning too late"])),
            "description": "Reported on %s by %s." % (iso_date(at), rng.choice(["the clinic pilot", "field service",
                                                                                     "internal testing", "a patient"])),
            "severity": rng.weighted([("minor", 6), ("major", 3), ("critical", 1)]), "status": "open",
            "items": [item], "evaluation": None}
        self.dirty.add("problem_reports")

    def obsolete_req(self, n, release, replacement):
        r = self.reqs[n]
        r["status"] = "obsolete"
        r["obsolete"] = (release, "Replaced by REQ-%d" % replacement)
        self.active_reqs.remove(n)
        self.active_by_type[r["type"]].remove(n)
        for risk in self.risks.values():
            for c in risk["controls"]:
                if c["requirement"] == n:
                    c["requirement"] = replacement
        for t in self.threats.values():
            if n in t["mitigations"]:
                t["mitigations"] = sorted(set(replacement if x == n else x for x in t["mitigations"]))
        self.dirty.update(["requirements", "risks", "threats"])

    # ---------------------------------------------------------------- records: serialisation
    def yml_requirements(self, only=None):
        out = ["# Software requirements (generated by bench/make-synthetic.sh)", "requirements:"]
        for n in sorted(self.reqs if only is None else only):
            r = self.reqs[n]
            out += ["  - id: REQ-%d" % n, "    title: " + q(r["title"]), "    text: " + q(r["text"]),
                    "    type: " + r["type"], "    status: " + r["status"],
                    "    items: " + flow("ITEM-%d" % i for i in r["items"])]
            if r["verified_by"]:
                out.append("    verified_by: [" + ", ".join(q(v) for v in r["verified_by"]) + "]")
            if r["obsolete"]:
                out.append("    obsolete: {release: %s, rationale: %s}" % (r["obsolete"][0], q(r["obsolete"][1])))
        return "\n".join(out) + "\n"

    def yml_risks(self, only=None, policy=True):
        out = ["# ISO 14971 risk analysis (generated by bench/make-synthetic.sh)"]
        if policy:
            out += ["policy:", "  severity:    [" + ", ".join(SEVERITY) + "]",
                    "  probability: [" + ", ".join(PROBABILITY) + "]", "  acceptability:"]
            for s in SEVERITY:
                out.append("    %-13s [%s]" % (s + ":", ", ".join(ACCEPT[s])))
        if only is None or only:
            out.append("risks:")
        for n in sorted(self.risks if only is None else only):
            r = self.risks[n]
            out += ["  - id: RISK-%d" % n, "    hazard: " + q(r["hazard"]),
                    "    hazardous_situation: " + q(r["situation"]), "    harm: " + q(r["harm"]),
                    "    cause: " + q(r["cause"]), "    severity: " + SEVERITY[r["sev"]],
                    "    probability: " + PROBABILITY[r["prob"]], "    controls:"]
            for c in r["controls"]:
                out += ["      - requirement: REQ-%d" % c["requirement"], "        type: " + c["type"]]
            out.append("    residual: {severity: %s, probability: %s}" % (SEVERITY[r["rsev"]], PROBABILITY[r["rprob"]]))
            if ACCEPT[SEVERITY[r["rsev"]]][r["rprob"]] != "A":
                out.append("    benefit_risk: " + q("The clinical benefit of remote monitoring outweighs the residual "
                                                    "risk of %s; see the benefit-risk analysis." % r["harm"].lower()))
            out.append("    items: " + flow("ITEM-%d" % i for i in r["items"]))
        return "\n".join(out) + "\n"

    def yml_threats(self, only=None):
        out = ["# Threat model (generated by bench/make-synthetic.sh)", "threats:"]
        for n in sorted(self.threats if only is None else only):
            t = self.threats[n]
            out += ["  - id: THR-%d" % n, "    title: " + q(t["title"]), "    stride: " + q(t["stride"]),
                    "    asset: " + q(t["asset"]), "    description: " + q(t["description"]),
                    "    cvss: " + q(t["cvss"]), "    residual_cvss: " + q(t["residual"])]
            if t["mitigations"]:
                out.append("    mitigations: " + flow("REQ-%d" % x for x in t["mitigations"]))
            if t["risks"]:
                out.append("    risks: " + flow("RISK-%d" % x for x in t["risks"]))
            out += ["    disposition: " + t["disposition"], "    items: " + flow("ITEM-%d" % i for i in t["items"])]
        return "\n".join(out) + "\n"

    def yml_items(self):
        out = ["# Software items, IEC 62304 5.3 (generated by bench/make-synthetic.sh)", "items:"]
        for m, (name, cls, area) in enumerate(MODULES, 1):
            paths = ['"Sources/Module%d/**"' % m]
            if m == FIXTURE_MODULE:
                paths.append('"!Sources/Module%d/Fixtures/**"' % m)
            out += ["  - id: ITEM-%d" % m, "    name: " + q(name), "    safety_class: " + cls,
                    "    description: " + q("The %s module (%s)." % (name, area)),
                    "    parent: ITEM-%d" % ITEM_SYSTEM, "    paths: [" + ", ".join(paths) + "]"]
        out += ["  - id: ITEM-%d" % ITEM_FIXTURES, "    name: \"Simulator fixtures\"", "    safety_class: A",
                "    description: \"Recorded cycler sessions used by the simulator; not shipped.\"",
                "    parent: ITEM-%d" % FIXTURE_MODULE,
                '    paths: ["Sources/Module%d/Fixtures/**"]' % FIXTURE_MODULE,
                "  - id: ITEM-%d" % ITEM_SYSTEM, "    name: \"PD Remote Monitor app\"", "    safety_class: C",
                "    description: \"The software system.\""]
        return "\n".join(out) + "\n"

    def yml_soup(self):
        out = ["# SOUP (generated by bench/make-synthetic.sh)", "soup:"]
        for n in sorted(self.soup):
            s = self.soup[n]
            slug = s["name"].lower().replace(" ", "-")
            out += ["  - id: SOUP-%d" % n, "    name: " + q(s["name"]), "    version: " + q(s["version"]),
                    "    supplier: " + q(s["supplier"]), "    license: " + q(s["license"]),
                    "    purl: " + q("pkg:%s/%s@%s" % (s["ptype"], slug, s["version"])),
                    "    purpose: " + q(s["purpose"]), "    items: " + flow("ITEM-%d" % i for i in s["items"]),
                    "    support_level: " + s["support"], "    end_of_support: " + s["eos"],
                    "    anomalies_reviewed: " + q("%s: no published anomaly affects the use in ITEM-%d"
                                                   % (s["reviewed"], s["items"][0]))]
        return "\n".join(out) + "\n"

    def yml_change_requests(self, only=None):
        out = ["# Change requests (generated by bench/make-synthetic.sh)", "change_requests:"]
        for n in sorted(self.crs if only is None else only):
            c = self.crs[n]
            out += ["  - id: CR-%d" % n, "    title: " + q(c["title"]), "    type: " + c["type"],
                    "    status: " + c["status"], "    description: " + q(c["description"]),
                    "    safety_impact: " + q(c["safety_impact"])]
            if c["affected_controls"]:
                out.append("    affected_controls: " + flow("REQ-%d" % x for x in c["affected_controls"]))
            out += ["    regulatory_assessment:", "      decision: " + c["decision"],
                    "      rationale: " + q(c["rationale"])]
            for key, prefix in (("requirements", "REQ"), ("risks", "RISK"), ("threats", "THR"), ("items", "ITEM"),
                                ("problem_reports", "PR")):
                if c[key]:
                    out.append("    %s: %s" % (key, flow("%s-%d" % (prefix, x) for x in c[key])))
            out += ["    affects_labeling: " + ("true" if c["type"] == "labeling" else "false"),
                    "    approved_by: " + q(c["approved_by"]), "    approved_on: " + c["approved_on"]]
        return "\n".join(out) + "\n"

    def yml_problem_reports(self, only=None):
        out = ["# Problem reports (generated by bench/make-synthetic.sh)", "problem_reports:"]
        for n in sorted(self.prs if only is None else only):
            p = self.prs[n]
            out += ["  - id: PR-%d" % n, "    title: " + q(p["title"]), "    description: " + q(p["description"]),
                    "    severity: " + p["severity"], "    status: " + p["status"],
                    "    items: " + flow("ITEM-%d" % i for i in p["items"])]
            if p["evaluation"]:
                out.append("    evaluation: " + q(p["evaluation"]))
        return "\n".join(out) + "\n"

    def yml_ifu(self):
        out = ["# Labeling / IFU changes (generated by bench/make-synthetic.sh)", "ifu_changes:"]
        for n in sorted(self.ifus):
            f = self.ifus[n]
            out += ["  - id: IFU-%d" % n, "    document: " + q(f["document"]), "    section: " + q(f["section"]),
                    "    change: " + q(f["change"]), "    reason: " + q(f["reason"])]
            for key, prefix in (("requirements", "REQ"), ("risks", "RISK"), ("threats", "THR")):
                if f[key]:
                    out.append("    %s: %s" % (key, flow("%s-%d" % (prefix, x) for x in f[key])))
        return "\n".join(out) + "\n"

    RECORD_FILES = {
        "requirements": ("regulatory/requirements.yml", "yml_requirements"),
        "risks": ("regulatory/risks.yml", "yml_risks"),
        "threats": ("regulatory/threats.yml", "yml_threats"),
        "items": ("regulatory/items.yml", "yml_items"),
        "soup": ("regulatory/soup.yml", "yml_soup"),
        "change_requests": ("regulatory/change-requests.yml", "yml_change_requests"),
        "problem_reports": ("regulatory/problem-reports.yml", "yml_problem_reports"),
        "ifu": ("regulatory/ifu.yml", "yml_ifu"),
    }

    DOSSIER_YML = """\
# dossier configuration for the synthetic benchmark repository (bench/make-synthetic.sh)
device:
  name: PD Remote Monitor
  manufacturer: Example Medical GmbH
  model: PDRM-200
  udi_di: "04012345000012"
  description: Remote monitoring of home peritoneal dialysis (synthetic benchmark fixture).
  safety_class: C
  markets: [US, EU]
  eu_class: IIb
  fda_documentation_level: enhanced
releases:
  tag_pattern: "v*"
records:
  requirements: regulatory/requirements.yml
  risks: regulatory/risks.yml
  threats: regulatory/threats.yml
  ifu: regulatory/ifu.yml
  items: regulatory/items.yml
  soup: regulatory/soup.yml
  change_requests: regulatory/change-requests.yml
  problem_reports: regulatory/problem-reports.yml
commits:
  trailers: [Change-Request, Refs, Implements, Fixes]
policy: {G1: error, C1: warning}
"""

    # ---------------------------------------------------------------- release cycles
    def version(self, k):
        return "v1.%d.0" % k

    def plan_cycle(self, k):
        """Records at the start of cycle k: new change requests (and, after the first release, new requirements,
        risks, threats, problem reports, IFU changes; some requirements retired)."""
        rng = self.rng
        at = self.ts
        if self.spread:
            self.focus = sorted(rng.sample(range(1, NMOD + 1), 4))
        new_reqs, new_risks, new_threats = [], [], []
        if k > 0:
            first = len(self.reqs) + 1
            new_reqs = list(range(first, first + self.req_add))
            # retire a few older requirements, replaced by new ones (decided before the CRs below pick requirements)
            retire = rng.sample([r for r in self.active_reqs if r < first - 200], 3)
            for r in new_reqs:
                self.make_req(r, "draft")
            for i, r in enumerate(sorted(retire)):
                self.obsolete_req(r, self.version(k), new_reqs[i * 7])
            first_risk = len(self.risks) + 1
            new_risks = list(range(first_risk, first_risk + self.risk_add))
            for n in new_risks:
                self.make_risk(n, prefer_from=first)
            first_thr = len(self.threats) + 1
            new_threats = list(range(first_thr, first_thr + self.thr_add))
            for n in new_threats:
                self.make_threat(n, prefer_from=first)
            if k % 4 == 0 and len(self.soup) < len(SOUP_NAMES):
                self.make_soup(len(self.soup) + 1, at)
        for _ in range(rng.rint(4, 8)):
            self.make_pr(len(self.prs) + 1, at)

        control_reqs = set(c["requirement"] for r in self.risks.values() for c in r["controls"])
        open_prs = [n for n, p in sorted(self.prs.items()) if p["status"] in ("open", "investigating")
                    and not any(n in c["problem_reports"] for c in self.crs.values())]
        n_cr = 48 + k % 5
        first_cr = len(self.crs) + 1
        active = []
        for i in range(n_cr + 2):
            n = first_cr + i
            rejected = i >= n_cr
            ctype = rng.weighted([("feature", 45), ("fix", 25), ("security", 12), ("maintenance", 13),
                                  ("labeling", 5)])
            reqs = [new_reqs[j] for j in range(i, len(new_reqs), n_cr)] if not rejected else []
            if rejected or not reqs or rng.chance(0.4):
                reqs += self.pick_reqs(1 if rejected else rng.rint(1, 2), ["security"] if ctype == "security" else None)
            reqs = sorted(set(reqs))
            risks = [new_risks[j] for j in range(i, len(new_risks), n_cr)] if not rejected else []
            if not risks and ctype in ("feature", "fix", "security") and rng.chance(0.5):
                risks = [rng.rint(1, len(self.risks))]
            threats = []
            if ctype == "security" or (i < len(new_threats) and not rejected):
                threats = [new_threats[j] for j in range(i, len(new_threats), n_cr)]
                if not threats and ctype == "security":
                    threats = [rng.rint(1, len(self.threats))]
            prs = []
            if ctype == "fix" and open_prs and not rejected:
                prs = [open_prs.pop(0) for _ in range(min(len(open_prs), rng.rint(1, 2)))]
            items = sorted(set(it for r in reqs for it in self.reqs[r]["items"]))[:3]
            primary = items[0]
            area = MODULES[primary - 1][2]
            obj = rng.choice(COMMIT_OBJECTS)
            title = {"feature": "%s: support %s", "fix": "%s: fix %s", "security": "%s: harden %s",
                     "maintenance": "%s: maintain %s", "labeling": "%s: update labeling for %s"}[ctype] % (area, obj)
            cls = max(MODULES[it - 1][1] for it in items)
            decision = rng.weighted([("letter-to-file", 85), ("none", 10), ("notified-body-notification", 4),
                                     ("new-510k", 1)]) if ctype != "maintenance" else "none"
            self.crs[n] = {
                "title": title, "type": ctype, "status": "rejected" if rejected else "approved",
                "description": "%s. Requested for %s." % (title, self.version(k)),
                "safety_impact": "Touches %s (class %s)%s." % (
                    ", ".join("ITEM-%d" % it for it in items), cls,
                    "; affects the controls of %s" % ", ".join("RISK-%d" % r for r in risks) if risks else ""),
                "affected_controls": [r for r in reqs if r in control_reqs],
                "decision": decision,
                "rationale": {"letter-to-file": "Does not change the intended use or introduce a new risk; "
                                                "documented in the letter to file.",
                              "none": "No effect on safety, performance or labeling.",
                              "notified-body-notification": "Substantial change to a class C item; the notified "
                                                            "body is informed before release.",
                              "new-510k": "Changes a risk control of a critical hazard; a new 510(k) is filed."}[decision],
                "requirements": reqs, "risks": sorted(risks), "threats": sorted(threats), "items": items,
                "problem_reports": prs, "approved_by": rng.choice(QA_APPROVERS), "approved_on": iso_date(at),
                "area": area, "obj": obj, "cycle": k,
            }
            if not rejected:
                active.append(n)
                if ctype == "labeling" or (i == 0 and k > 0):
                    fn = len(self.ifus) + 1
                    self.ifus[fn] = {"document": "PDRM Instructions for Use",
                                     "section": "%d.%d %s" % (rng.rint(2, 9), rng.rint(1, 6), MODULES[primary - 1][0]),
                                     "change": "Updated the instructions for %s (CR-%d)." % (obj, n),
                                     "reason": title, "requirements": reqs[:2], "risks": sorted(risks)[:1],
                                     "threats": sorted(threats)[:1]}
                    self.dirty.add("ifu")
        self.dirty.add("change_requests")
        return active

    def mid_cycle(self, k, active):
        """Mid-cycle records update: changed requirement texts, reassessed risks and threats, SOUP upgrades."""
        rng = self.rng
        changed = set()
        for c in active:
            for r in self.crs[c]["requirements"]:
                if self.reqs[r]["status"] == "approved" and rng.chance(0.6):
                    changed.add(r)
        if self.spread:
            changed = set(r for r in changed if self.reqs[r]["items"][0] in self.focus)
        for r in sorted(changed):
            req = self.reqs[r]
            req["text"] = req["text"].rstrip(".") + ", " + rng.choice(QUALIFIERS).format(n=rng.rint(2, 90)) + "."
        in_focus = (lambda recs: sorted(n for n, x in recs.items() if x["items"][0] in self.focus)) if self.spread \
            else sorted
        for n in rng.sample(in_focus(self.risks), 15):
            risk = self.risks[n]
            risk["prob"] = max(0, min(4, risk["prob"] + rng.choice([-1, 1])))
            risk["rprob"] = max(0, min(risk["prob"], risk["rprob"] + rng.choice([-1, 0, 1])))
        for n in rng.sample(in_focus(self.threats), 5):
            self.threats[n]["residual"] = self.cvss(True)
        for n in rng.sample(sorted(self.soup), 3):
            s = self.soup[n]
            a, b, c = (int(x) for x in s["version"].split("."))
            s["version"] = "%d.%d.%d" % ((a, b + 1, 0) if rng.chance(0.3) else (a, b, c + 1))
            s["reviewed"] = iso_date(self.ts)
        for p in self.prs.values():
            if p["status"] == "open" and rng.chance(0.5):
                p["status"] = "investigating"
        self.dirty.update(["requirements", "risks", "threats", "soup", "problem_reports"])

    def release_cycle(self, k, active):
        for c in active:
            self.crs[c]["status"] = "closed"
            for p in self.crs[c]["problem_reports"]:
                self.prs[p]["status"] = "resolved"
        for r in self.reqs.values():
            if r["status"] == "draft":
                r["status"] = "approved"
        for p in self.prs.values():
            if p["status"] in ("open", "investigating") and p["evaluation"] is None:
                p["evaluation"] = ("Does not contribute to a hazardous situation (reviewed for %s)." % self.version(k))
        self.dirty.update(["change_requests", "requirements", "problem_reports"])
        self.changelog[2:2] = ["## %s" % self.version(k), ""] + [
            "- CR-%d %s" % (c, self.crs[c]["title"]) for c in active] + [""]

    # ---------------------------------------------------------------- commits
    def ident(self, a, alias_ok=True, k=0):
        name, email, tz, _ = AUTHORS[a]
        if alias_ok and a in ALIASES:
            use = (k < 3) if a == 0 else self.rng.chance(0.2)
            if use:
                name, email = ALIASES[a]
        return name, email, tz

    def emit_commit(self, parent, msg, ops, author, committer=None, merge=None, author_ts=None):
        """ops: list of ("M", path, text) | ("D", path) | ("R", old, new)."""
        self.mark += 1
        self.w("commit refs/heads/main\nmark :%d\n" % self.mark)
        an, ae, atz = author
        self.w("author %s <%s> %d %s\n" % (an, ae, author_ts or self.ts, atz))
        cn, ce, ctz = committer or author
        self.w("committer %s <%s> %d %s\n" % (cn, ce, self.ts, ctz))
        self.data(msg)
        if parent:
            self.w("from :%d\n" % parent)
        if merge:
            self.w("merge :%d\n" % merge)
        if self.topic_touched is not None:
            for op in ops:
                self.topic_touched.update(op[1:] if op[0] == "R" else op[1:2])
        for op in ops:
            if op[0] == "M":
                b = op[2].encode("utf-8")
                self.w("M 100644 inline %s\ndata %d\n" % (op[1], len(b)))
                self.w(b)
                self.w(b"\n")
            elif op[0] == "D":
                self.w("D %s\n" % op[1])
            else:
                self.w("R %s %s\n" % (op[1], op[2]))
        self.w("\n")
        return self.mark

    def record_ops(self):
        ops = []
        for key in sorted(self.dirty):
            if not self.spread:
                path, fn = self.RECORD_FILES[key]
                ops.append(("M", path, getattr(self, fn)()))
                continue
            for path, text in sorted(self.spread_files(key).items()):
                if self.emitted.get(path) != text:
                    self.emitted[path] = text
                    ops.append(("M", path, text))
        self.dirty.clear()
        return ops

    SPREAD_FOLDERS = {"requirements": "regulatory/requirements", "risks": "regulatory/risks",
                      "threats": "regulatory/threats", "change_requests": "regulatory/change-requests",
                      "problem_reports": "regulatory/problem-reports"}

    def spread_files(self, key):
        """--records spread: path -> text of every file of one kind of record (a folder of files per software item,
        change requests per release; items, SOUP and IFU changes stay one file each)."""
        if key not in self.SPREAD_FOLDERS:
            path, fn = self.RECORD_FILES[key]
            return {path: getattr(self, fn)()}
        folder = self.SPREAD_FOLDERS[key]
        if key == "change_requests":
            groups = {}
            for n, c in self.crs.items():
                groups.setdefault("%s/v1.%02d.yml" % (folder, c["cycle"]), []).append(n)
            return {path: self.yml_change_requests(ns) for path, ns in groups.items()}
        recs, fn = {"requirements": (self.reqs, self.yml_requirements), "risks": (self.risks, self.yml_risks),
                    "threats": (self.threats, self.yml_threats),
                    "problem_reports": (self.prs, self.yml_problem_reports)}[key]
        groups = {}
        for n, r in recs.items():
            m = r["items"][0]
            slug = MODULES[m - 1][2].lower() if m <= NMOD else ("fixtures" if m == ITEM_FIXTURES else "system")
            groups.setdefault("%s/%02d-%s.yml" % (folder, m, slug), []).append(n)
        if key != "risks":
            return {path: fn(ns) for path, ns in groups.items()}
        files = {path: self.yml_risks(ns, policy=False) for path, ns in groups.items()}
        files[folder + "/00-policy.yml"] = self.yml_risks([], policy=True)   # the policy, read before any risk
        return files

    def pick_author(self):
        return self.rng.weighted([(i, a[3]) for i, a in enumerate(AUTHORS)])

    def work_ops(self, cr, tag):
        """Changes for one commit: 1-3 files, mostly in the change request's modules."""
        rng = self.rng
        mods = [self.item_module(i) for i in cr["items"] if i <= NMOD + 1] or [rng.rint(1, NMOD)]
        ops, touched = [], set()
        nfiles = rng.weighted([(1, 55), (2, 30), (3, 15)])
        for _ in range(nfiles):
            m = rng.choice(mods) if rng.chance(0.85) else rng.rint(1, NMOD)
            roll = rng.below(1000)
            if roll < 12 or not self.module_files[m]:                     # add a file
                p = self.new_file_path(m, fixtures=(m == FIXTURE_MODULE and rng.chance(0.3)))
                self.add_file(p, tag)
                ops.append(("M", p, self.render_file(p)))
                touched.add(p)
            elif roll < 22 and len(self.module_files[m]) > 8:             # delete a file
                p = rng.choice(self.module_files[m])
                if p in touched:
                    continue
                self.module_files[m].remove(p)
                del self.files[p]
                self.origin.pop(p, None)
                ops.append(("D", p))
                touched.add(p)
            elif roll < 27:                                               # rename a file
                p = rng.choice(self.module_files[m])
                if p in touched:
                    continue
                stem = p[:-6]
                newp = "%s%s.swift" % (stem, rng.choice(["Store", "View", "Model", "Client", "Parser"]))
                if newp in self.files:
                    continue
                self.files[newp] = self.files.pop(p)
                self.origin[newp] = self.origin.pop(p, p)
                lst = self.module_files[m]
                lst[lst.index(p)] = newp
                ops.append(("R", p, newp))
                touched.update([p, newp])
            else:                                                         # modify
                p = rng.choice(self.module_files[m])
                if p in touched:
                    continue
                self.edit_file(p, tag)
                ops.append(("M", p, self.render_file(p)))
                touched.add(p)
        if not ops or rng.chance(0.01):
            name = rng.choice(["README.md", "Package.swift"])
            self.root_files[name] = self.root_files[name] + "\n<!-- %d -->" % self.mark if name == "README.md" \
                else self.root_files[name] + "// %d\n" % self.mark
            ops.append(("M", name, self.root_files[name]))
        return ops

    def commit_message(self, cr_num, cr):
        rng = self.rng
        subject = "%s: %s %s" % (cr["area"] if rng.chance(0.8) else MODULES[rng.below(NMOD)][2],
                                 rng.choice(COMMIT_VERBS), cr["obj"] if rng.chance(0.5) else rng.choice(COMMIT_OBJECTS))
        body = []
        for _ in range(rng.rint(1, 2)):
            body.append(" ".join(rng.sample(BODY_SENTENCES, rng.rint(1, 3))))
        trailers = ["Change-Request: CR-%d" % cr_num]
        if cr["requirements"] and rng.chance(0.8):
            trailers.append("Refs: " + ", ".join("REQ-%d" % r for r in rng.sample(cr["requirements"], rng.rint(1, 2))))
        if cr["problem_reports"] and rng.chance(0.5):
            trailers.append("Fixes: " + ", ".join("PR-%d" % p for p in cr["problem_reports"]))
        return subject, body, trailers

    def wrap(self, text, width=72):
        words, lines, cur = text.split(), [], ""
        for word in words:
            if cur and len(cur) + 1 + len(word) > width:
                lines.append(cur)
                cur = word
            else:
                cur = (cur + " " + word) if cur else word
        if cur:
            lines.append(cur)
        return "\n".join(lines)

    def full_message(self, subject, body, trailers, author):
        parts = [subject] + [self.wrap(p) for p in body]
        tl = list(trailers)
        if self.rng.chance(0.25):
            tl.append("Signed-off-by: %s <%s>" % (author[0], author[1]))
        if self.rng.chance(0.03):
            co = AUTHORS[self.rng.below(len(AUTHORS))]
            tl.append("Co-authored-by: %s <%s>" % (co[0], co[1]))
        if tl:
            parts.append("\n".join(tl))
        return "\n\n".join(parts) + "\n"

    def work_commit(self, k, active, progress, parent):
        """One ordinary commit on top of `parent`; returns (mark, cr number)."""
        rng = self.rng
        center = int(progress * len(active))
        idx = max(0, min(len(active) - 1, center + rng.rint(-3, 3)))
        cr_num = active[idx]
        cr = self.crs[cr_num]
        a = self.pick_author()
        author = self.ident(a, k=k)
        self.advance()
        author_ts = self.ts - rng.rint(0, 180) * 60 if rng.chance(0.3) else None
        committer = author if rng.chance(0.9) else self.ident(0, alias_ok=False)
        if rng.chance(0.02):
            msg = "%s\n" % rng.choice(["Fix typo in comment", "Format code", "Update .gitignore", "Tidy imports"])
            ops = self.work_ops(cr, "chore")
        else:
            subject, body, trailers = self.commit_message(cr_num, cr)
            msg = self.full_message(subject, body, trailers, author)
            ops = self.work_ops(cr, "CR-%d" % cr_num)
        return self.emit_commit(parent, msg, ops, author, committer, author_ts=author_ts), cr_num

    def run(self):
        R, PER = self.R, self.PER
        self.w("feature done\n")
        # ---- root commit: the initial import
        for m in range(1, NMOD + 1):
            for _ in range(10 + (m * 7) % 11):
                self.add_file(self.new_file_path(m), "import")
        for _ in range(6):
            self.add_file(self.new_file_path(FIXTURE_MODULE, fixtures=True), "import")
        self.root_files = {"README.md": "# PD Remote Monitor\n\nSynthetic benchmark fixture for dossier.\n",
                           "Package.swift": "// swift-tools-version:5.9\nimport PackageDescription\n"}
        for n in range(1, self.req0 + 1):
            self.make_req(n, "approved")
        for n in range(1, self.risk0 + 1):
            self.make_risk(n)
        for n in range(1, self.thr0 + 1):
            self.make_threat(n)
        for n in range(1, self.soup0 + 1):
            self.make_soup(n, self.ts)
        self.dirty.update(["items", "ifu"])
        active = self.plan_cycle(0)
        ops = [("M", p, self.render_file(p)) for p in sorted(self.files)]
        ops += [("M", name, text) for name, text in sorted(self.root_files.items())]
        config = self.DOSSIER_YML
        if self.spread:
            for key, folder in self.SPREAD_FOLDERS.items():
                config = config.replace("  %s: %s.yml\n" % (key, folder), "  %s: %s\n" % (key, folder))
        ops += [("M", "dossier.yml", config), ("M", ".mailmap", MAILMAP),
                ("M", "VERSION", "1.0.0-dev\n"), ("M", "CHANGELOG.md", "\n".join(self.changelog) + "\n")]
        ops += self.record_ops()
        alice = self.ident(0, alias_ok=False)
        tip = self.emit_commit(None, "Initial import of the PD Remote Monitor app\n\n"
                                     "Sources, build files and the regulatory records as of the design freeze.\n",
                               ops, alice)
        count = 1
        for k in range(R):
            end = (k + 1) * PER           # the release commit is commit number `end`
            start = count
            if k > 0:
                self.advance(30, 90)
                active = self.plan_cycle(k)
                ops = self.record_ops()
                crs = "CR-%d ... CR-%d" % (active[0], active[-1])
                tip = self.emit_commit(tip, "Plan %s: change requests %s\n\nAdds the change requests approved for %s "
                                            "and the requirements, risks and threats they introduce.\n"
                                       % (self.version(k), crs, self.version(k)), ops, self.ident(1, alias_ok=False))
                count += 1
            mid_done = False
            while count < end - 1:
                progress = (count - start) / float(PER)
                if not mid_done and count >= start + PER // 2:
                    self.advance()
                    self.mid_cycle(k, active)
                    tip = self.emit_commit(tip, "Update risk analysis and SOUP for %s\n\nReassessed risks, refined "
                                                "requirement texts, SOUP upgrades reviewed for anomalies.\n"
                                           % self.version(k), self.record_ops(), self.ident(5, alias_ok=False))
                    count += 1
                    mid_done = True
                    continue
                room = end - 1 - count
                if room > 12 and self.rng.chance(1 / 40.0):
                    # a topic branch of 2-4 commits, merged with a merge commit
                    n_topic = self.rng.rint(2, 4)
                    base_paths = set(self.files) | set(self.root_files)
                    self.topic_touched = set()
                    side = tip
                    cr_num = None
                    for _ in range(n_topic):
                        side, cr_num_i = self.work_commit(k, active, progress, side)
                        cr_num = cr_num or cr_num_i
                        count += 1
                    # the merge commit starts from main's tree (`from`): re-apply the topic's net changes
                    self.advance()
                    cr = self.crs[cr_num]
                    slug = cr["obj"].replace(" ", "-").lower()
                    ops = []
                    for p in sorted(self.topic_touched):
                        if p in self.files:
                            ops.append(("M", p, self.render_file(p)))
                        elif p in self.root_files:
                            ops.append(("M", p, self.root_files[p]))
                        elif p in base_paths:
                            ops.append(("D", p))
                    self.topic_touched = None
                    msg = "Merge branch 'cr-%d-%s'\n\n%s\n\nChange-Request: CR-%d\n" % (
                        cr_num, slug, self.wrap("Brings in the work for CR-%d (%s)." % (cr_num, cr["title"])), cr_num)
                    tip = self.emit_commit(tip, msg, ops, self.ident(0, alias_ok=False), merge=side)
                    count += 1
                    continue
                tip, _ = self.work_commit(k, active, progress, tip)
                count += 1
            # ---- release commit, tagged
            self.advance()
            self.release_cycle(k, active)
            ops = self.record_ops()
            ops += [("M", "VERSION", "1.%d.0\n" % k), ("M", "CHANGELOG.md", "\n".join(self.changelog) + "\n")]
            tip = self.emit_commit(tip, "Release %s\n\nCloses the change requests of the release and updates the "
                                        "changelog.\n" % self.version(k), ops, RELEASE_MANAGER)
            count += 1
            assert count == end, (count, end)
            self.w("tag %s\nfrom :%d\ntagger %s <%s> %d %s\n" % (self.version(k), tip, RELEASE_MANAGER[0],
                                                                  RELEASE_MANAGER[1], self.ts + 3600, RELEASE_MANAGER[2]))
            self.data("PD Remote Monitor %s\n\nRelease of %d change requests (CR-%d ... CR-%d).\n"
                      % (self.version(k)[1:], len(active), active[0], active[-1]))
            self.ts += 3600
        self.w("done\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--releases", type=int, default=20)
    ap.add_argument("--commits-per-release", type=int, default=1000)
    ap.add_argument("--records", choices=["one-file", "spread"], default="one-file",
                    help="one file per kind of record (default), or folders of files changed a few at a time")
    ap.add_argument("--version", action="store_true", help="print the generator version and exit")
    args = ap.parse_args()
    if args.version:
        print(GENERATOR_VERSION)
        return
    if args.commits_per_release < 50 or args.releases < 1:
        ap.error("need at least 1 release of at least 50 commits")
    out = sys.stdout.buffer
    g = Generator(args.releases, args.commits_per_release, out, args.records)
    g.run()
    out.flush()


if __name__ == "__main__":
    main()
