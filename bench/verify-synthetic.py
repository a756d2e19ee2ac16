#!/usr/bin/env python3
"""Checks a repository built by bench/make-synthetic.sh: commit and tag counts, and at every release tag the
records (read from the tag's tree, as dossier reads them) against docs/records.md: only documented keys, required
keys present, enum values, id syntax, no duplicate ids, every link resolves, every commit trailer of the release's
range names an existing record, and every file under Sources/ is covered by a software item's globs.

Usage: bench/verify-synthetic.py REPO [--expect-commits 20000 --expect-tags 20]
Needs PyYAML (Debian: python3-yaml). Exit 0 when everything holds, 1 otherwise.
"""

import argparse
import re
import subprocess
import sys

try:
    import yaml
    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
except ImportError:
    sys.exit("verify-synthetic: needs PyYAML (apt-get install python3-yaml, or pip install pyyaml)")

ID = r"[A-Za-z0-9._-]+"
KEYS = {
    "dossier": {"device", "releases", "records", "trust", "commits", "templates", "policy"},
    "device": {"name", "manufacturer", "model", "udi_di", "description", "safety_class", "markets", "eu_class",
               "fda_documentation_level"},
    "releases": {"tag_pattern"},
    "records": {"requirements", "risks", "threats", "ifu", "items", "soup", "change_requests", "problem_reports"},
    "trust": {"allowed_signers", "openpgp_keys"},
    "commits": {"trailers"},
    "requirement": {"id", "title", "text", "type", "status", "items", "verified_by", "obsolete"},
    "obsolete": {"release", "rationale"},
    "risk_file": {"policy", "risks"},
    "policy": {"severity", "probability", "acceptability"},
    "risk": {"id", "hazard", "hazardous_situation", "harm", "cause", "severity", "probability", "controls",
             "residual", "benefit_risk", "items"},
    "control": {"requirement", "type"},
    "residual": {"severity", "probability"},
    "threat": {"id", "title", "stride", "asset", "description", "cvss", "residual_cvss", "mitigations", "risks",
               "disposition", "items"},
    "ifu": {"id", "document", "section", "change", "reason", "requirements", "risks", "threats"},
    "item": {"id", "name", "safety_class", "description", "parent", "paths"},
    "soup": {"id", "name", "version", "supplier", "license", "purl", "purpose", "items", "support_level",
             "end_of_support", "anomalies_reviewed"},
    "cr": {"id", "title", "type", "status", "description", "safety_impact", "affected_controls",
           "regulatory_assessment", "requirements", "risks", "threats", "items", "problem_reports",
           "affects_labeling", "approved_by", "approved_on"},
    "assessment": {"decision", "rationale"},
    "pr": {"id", "title", "description", "severity", "status", "items", "evaluation"},
}
ENUMS = {
    ("requirement", "type"): {"functional", "safety", "security", "performance", "usability", "interface",
                              "regulatory"},
    ("requirement", "status"): {"draft", "approved", "obsolete"},
    ("control", "type"): {"inherent_safety", "protective_measure", "information_for_safety"},
    ("threat", "stride"): {"Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service",
                           "Elevation of privilege"},
    ("threat", "disposition"): {"mitigated", "accepted", "transferred", "not_applicable"},
    ("item", "safety_class"): {"A", "B", "C"},
    ("soup", "support_level"): {"maintained", "security-only", "unsupported"},
    ("cr", "type"): {"feature", "fix", "security", "maintenance", "labeling"},
    ("cr", "status"): {"open", "approved", "implemented", "closed", "rejected"},
    ("pr", "status"): {"open", "investigating", "resolved", "closed", "deferred"},
}
REQUIRED = {"requirement": {"id", "title", "text"}, "risk": {"id", "hazard"}, "threat": {"id", "title"},
            "ifu": {"id", "document", "change"}, "item": {"id", "name"}, "soup": {"id", "name", "version"},
            "cr": {"id", "title"}, "pr": {"id", "title"}}
CVSS = re.compile(r"^CVSS:3\.[01](/[A-Z]+:[A-Z])+$")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def glob_re(g):
    out, i = "", 0
    while i < len(g):
        if g.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif g.startswith("**", i):
            out += ".*"
            i += 2
        elif g[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(g[i])
            i += 1
    return re.compile("^" + out + "$")


class Checker:
    def __init__(self, repo):
        self.repo = repo
        self.errors = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def keys(self, where, kind, d):
        if not isinstance(d, dict):
            self.err(where, "expected a mapping for %s" % kind)
            return False
        for k in d:
            if k not in KEYS[kind]:
                self.err(where, "unknown key %r in %s" % (k, kind))
        for k in REQUIRED.get(kind, ()):
            if k not in d:
                self.err(where, "missing required key %r in %s" % (k, kind))
        for (kk, field), allowed in ENUMS.items():
            if kk == kind and field in d and d[field] not in allowed:
                self.err(where, "%s.%s = %r not in %s" % (kind, field, d[field], sorted(allowed)))
        return True

    def check_tag(self, tag, prev):
        w = lambda f: "%s:%s" % (tag, f)
        cfg = yaml.load(Loader=Loader, stream=git(self.repo, "show", "%s:dossier.yml" % tag))
        self.keys(w("dossier.yml"), "dossier", cfg)
        for sub in ("device", "releases", "records", "commits"):
            self.keys(w("dossier.yml"), sub, cfg.get(sub, {}))
        if cfg["device"].get("safety_class") not in ("A", "B", "C"):
            self.err(w("dossier.yml"), "device.safety_class")
        recs = cfg["records"]

        def load(key, top):
            f = recs[key]
            doc = yaml.load(Loader=Loader, stream=git(self.repo, "show", "%s:%s" % (tag, f)))
            if not isinstance(doc, dict) or top not in doc:
                self.err(w(f), "missing top-level %r" % top)
                return f, doc or {}, []
            return f, doc, doc[top]

        ids = {}

        def collect(kind, prefix, f, entries):
            seen = {}
            for e in entries:
                self.keys(w(f), kind, e)
                i = e.get("id", "")
                if not re.fullmatch(prefix + "-" + ID, str(i)):
                    self.err(w(f), "bad id %r" % i)
                if i in seen:
                    self.err(w(f), "duplicate id %s" % i)
                seen[i] = e
            ids[prefix] = seen
            return seen

        f_req, _, reqs = load("requirements", "requirements")
        f_risk, riskdoc, risks = load("risks", "risks")
        f_thr, _, threats = load("threats", "threats")
        f_ifu, _, ifus = load("ifu", "ifu_changes")
        f_item, _, items = load("items", "items")
        f_soup, _, soups = load("soup", "soup")
        f_cr, _, crs = load("change_requests", "change_requests")
        f_pr, _, prs = load("problem_reports", "problem_reports")
        R = collect("requirement", "REQ", f_req, reqs)
        K = collect("risk", "RISK", f_risk, risks)
        T = collect("threat", "THR", f_thr, threats)
        collect("ifu", "IFU", f_ifu, ifus)
        I = collect("item", "ITEM", f_item, items)
        collect("soup", "SOUP", f_soup, soups)
        C = collect("cr", "CR", f_cr, crs)
        P = collect("pr", "PR", f_pr, prs)

        def links(f, owner, vals, prefix):
            for v in vals or []:
                if v not in ids[prefix]:
                    self.err(w(f), "%s links to missing %s" % (owner, v))

        for r in reqs:
            links(f_req, r["id"], r.get("items"), "ITEM")
            if (r.get("status") == "obsolete") != ("obsolete" in r):
                self.err(w(f_req), "%s: status obsolete iff obsolete block" % r["id"])
            if "obsolete" in r:
                self.keys(w(f_req), "obsolete", r["obsolete"])
        pol = riskdoc.get("policy", {})
        self.keys(w(f_risk), "risk_file", riskdoc)
        self.keys(w(f_risk), "policy", pol)
        sev, prob = pol.get("severity", []), pol.get("probability", [])
        acc = pol.get("acceptability", {})
        if set(acc) != set(sev) or any(len(row) != len(prob) or set(row) - {"A", "R", "U"} for row in acc.values()):
            self.err(w(f_risk), "acceptability matrix does not match the scales")
        for k in risks:
            if k.get("severity") not in sev or k.get("probability") not in prob:
                self.err(w(f_risk), "%s: severity/probability not in policy" % k["id"])
            for c in k.get("controls", []):
                self.keys(w(f_risk), "control", c)
                links(f_risk, k["id"], [c.get("requirement")], "REQ")
                if R.get(c.get("requirement"), {}).get("status") == "obsolete":
                    self.err(w(f_risk), "%s: control %s is obsolete" % (k["id"], c["requirement"]))
            res = k.get("residual", {})
            self.keys(w(f_risk), "residual", res)
            if res.get("severity") not in sev or res.get("probability") not in prob:
                self.err(w(f_risk), "%s: residual not in policy" % k["id"])
            elif acc[res["severity"]][prob.index(res["probability"])] != "A" and not k.get("benefit_risk"):
                self.err(w(f_risk), "%s: residual not acceptable and no benefit_risk" % k["id"])
            links(f_risk, k["id"], k.get("items"), "ITEM")
        for t in threats:
            for key in ("cvss", "residual_cvss"):
                if key in t and not CVSS.match(t[key]):
                    self.err(w(f_thr), "%s: bad %s" % (t["id"], key))
            links(f_thr, t["id"], t.get("mitigations"), "REQ")
            links(f_thr, t["id"], t.get("risks"), "RISK")
            links(f_thr, t["id"], t.get("items"), "ITEM")
        for x in ifus:
            links(f_ifu, x["id"], x.get("requirements"), "REQ")
            links(f_ifu, x["id"], x.get("risks"), "RISK")
            links(f_ifu, x["id"], x.get("threats"), "THR")
        for it in items:
            if "parent" in it:
                links(f_item, it["id"], [it["parent"]], "ITEM")
        for s in soups:
            links(f_soup, s["id"], s.get("items"), "ITEM")
        for c in crs:
            self.keys(w(f_cr), "assessment", c.get("regulatory_assessment", {}))
            for key, prefix in (("affected_controls", "REQ"), ("requirements", "REQ"), ("risks", "RISK"),
                                ("threats", "THR"), ("items", "ITEM"), ("problem_reports", "PR")):
                links(f_cr, c["id"], c.get(key), prefix)
        for p in prs:
            links(f_pr, p["id"], p.get("items"), "ITEM")

        # item globs cover every source file
        globs = []
        for it in items:
            for g in it.get("paths", []):
                globs.append((g.startswith("!"), glob_re(g.lstrip("!")), it["id"]))
        files = [f for f in git(self.repo, "ls-tree", "-r", "--name-only", tag).splitlines()
                 if f.startswith("Sources/")]
        for f in files:
            owners = set()
            for neg, rx, iid in globs:
                if rx.match(f):
                    (owners.discard if neg else owners.add)(iid)
            if not owners:
                self.err(w(f), "not covered by any software item")

        # trailers of the release's commits name existing records
        rng = tag if prev is None else "%s..%s" % (prev, tag)
        log = git(self.repo, "log", "--format=%H%x00%(trailers:only,unfold)%x01", rng)
        trailer_ids = {"Change-Request": "CR", "Refs": "REQ", "Implements": "REQ", "Fixes": "PR"}
        n_commits = 0
        for chunk in log.split("\x01"):
            chunk = chunk.strip()
            if not chunk:
                continue
            n_commits += 1
            sha, tr = chunk.split("\x00", 1)
            for line in tr.splitlines():
                key, _, val = line.partition(":")
                if key in trailer_ids:
                    for v in val.split(","):
                        if v.strip() not in ids[trailer_ids[key]]:
                            self.err("%s %s" % (tag, sha[:10]), "trailer %s names missing %s" % (key, v.strip()))
        counts = {p: len(v) for p, v in ids.items()}
        return counts, n_commits, len(files), {k: v for k, v in R.items()}, C


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--expect-commits", type=int, default=20000)
    ap.add_argument("--expect-tags", type=int, default=20)
    a = ap.parse_args()
    ch = Checker(a.repo)
    tags = git(a.repo, "tag", "-l", "v*", "--sort=v:refname").split()
    newest = tags[-1]
    total = int(git(a.repo, "rev-list", "--count", newest))
    merges = int(git(a.repo, "rev-list", "--count", "--merges", newest))
    kinds = set(git(a.repo, "for-each-ref", "--format=%(objecttype)", "refs/tags").split())
    print("%s: %d tags (%s ... %s, objects: %s), rev-list --count %s = %d (%d merges)"
          % (a.repo, len(tags), tags[0], tags[-1], ",".join(sorted(kinds)), newest, total, merges))
    if total != a.expect_commits:
        ch.err(newest, "expected %d commits, found %d" % (a.expect_commits, total))
    if len(tags) != a.expect_tags:
        ch.err("tags", "expected %d tags, found %d" % (a.expect_tags, len(tags)))
    if kinds != {"tag"}:
        ch.err("tags", "not all tags are annotated")
    prev, prev_reqs = None, {}
    for tag in tags:
        counts, n, nfiles, reqs, crs = ch.check_tag(tag, prev)
        added = len(set(reqs) - set(prev_reqs))
        changed = sum(1 for k in reqs if k in prev_reqs and reqs[k] != prev_reqs[k])
        print("  %-8s %5d commits  %3d source files  %s  | REQ +%d ~%d"
              % (tag, n, nfiles, " ".join("%s %d" % kv for kv in sorted(counts.items())), added, changed))
        prev, prev_reqs = tag, reqs
    if ch.errors:
        print("%d problem(s):" % len(ch.errors))
        for e in ch.errors[:50]:
            print("  " + e)
        sys.exit(1)
    print("OK: records valid at every release, all links and trailers resolve, all sources covered by items")


if __name__ == "__main__":
    main()
