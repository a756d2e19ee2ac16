#!/usr/bin/env python3
"""Instruction counts by component from a callgrind.out file (bench/instructions.sh).

Every function's own instructions (callgrind's "self" cost) are charged to a component by the module its symbol
belongs to (the Swift module in the mangled name; otherwise the shared library). Instructions spent in shared
runtime code (the Swift runtime and standard library, the allocator, libc, generic code specialised into the binary)
are handed up the call graph to the callers that are not runtime code, in proportion to the inclusive cost of each
call edge, so that, for example, the protocol-conformance lookups swift-mustache makes count to swift-mustache.

usage: instructions.py CALLGRIND_OUT [REFERENCE_CALLGRIND_OUT]"""
import collections
import re
import sys

COMPONENTS = [  # (component, modules and libraries it holds)
    ("history: Git, libgit2, zlib", ("Git", "libgit2", "libz", "libmbedcrypto")),  # zlib is libgit2's in these runs
    ("signatures: Signatures, libgcrypt", ("Signatures", "libgcrypt")),
    ("records: Records, libyaml", ("Records", "libyaml")),
    ("join: Model, Assembly", ("Model", "Assembly")),
    ("checks: Checks, Views", ("Checks", "Views")),
    ("evidence: Evidence (reports, packages, zlib)", ("Evidence", "libz.so")),
    ("templates: swift-mustache", ("Mustache",)),
    ("render: Render (context, anchors, links)", ("Render",)),
    ("Markdown to HTML: cmark-gfm", ("libcmark",)),
    ("JSON writer, Markdown text: Support", ("Support",)),
    ("bundle hashing: SHA-256 (swift-crypto)", ("swift-crypto", "Crypto", "Bundle")),
]
RUNTIME_LIBS = ("libswiftCore", "libswift_Concurrency", "libdispatch", "libjemalloc", "libc.so", "libstdc++",
                "ld-linux", "libFoundation", "libFoundationEssentials", "libm.so", "libpthread")


def parse(path):
    names, objects = {}, {}
    own = collections.Counter()
    edges = collections.Counter()
    object_of = {}
    fn = callee = obj = None
    call_line = False

    def name(table, text):
        m = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not m:
            return text
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table[m.group(1)]

    for line in open(path, errors="replace"):
        if not line.strip():
            continue
        c = line[0]
        if c.isdigit() or c in "+-*":
            parts = line.split()
            if len(parts) >= 2:
                if call_line:
                    edges[(fn, callee)] += int(parts[1])
                    call_line = False
                else:
                    own[fn] += int(parts[1])
        elif line.startswith("fn="):
            fn = name(names, line[3:].rstrip("\n"))
            object_of[fn] = obj
        elif line.startswith("cfn="):
            callee = name(names, line[4:].rstrip("\n"))
        elif line.startswith("ob="):
            obj = name(objects, line[3:].rstrip("\n"))
        elif line.startswith("cob="):
            name(objects, line[4:].rstrip("\n"))
        elif line.startswith("calls="):
            call_line = True
    return own, edges, object_of


def module(fn, obj):
    m = re.match(r"\$s(\d+)([A-Za-z_]\w*)", fn or "")
    if m and not fn.startswith("$ss"):
        return m.group(2)[: int(m.group(1))]
    library = (obj or "").rsplit("/", 1)[-1]
    if library.startswith("dossier"):
        if "BoringSSL" in (fn or "") or "sha256" in (fn or ""):
            return "swift-crypto"
        if (fn or "").startswith("$s"):
            return "runtime"  # standard-library generics specialised into the binary
        return library
    return library


def is_runtime(fn, obj):
    m = module(fn, obj)
    return m == "runtime" or m.startswith(RUNTIME_LIBS)


def component(fn, obj):
    m = module(fn, obj)
    for label, members in COMPONENTS:
        if any(m == x or m.startswith(x) for x in members):
            return label
    return "other: " + m


def by_component(path):
    own, edges, object_of = parse(path)
    callers = collections.defaultdict(list)
    for (a, b), cost in edges.items():
        if a != b and cost > 0:
            callers[b].append((a, cost))
    charged = collections.Counter()
    pending = collections.Counter()
    for fn, cost in own.items():
        (pending if is_runtime(fn, object_of.get(fn)) else charged)[fn] += cost
    for _ in range(16):  # hand runtime cost up the call graph
        handed = collections.Counter()
        for fn, cost in pending.items():
            up = callers.get(fn)
            if not up:
                charged[fn] += cost
                continue
            total = sum(c for _, c in up)
            for caller, c in up:
                share = cost * c / total
                (handed if is_runtime(caller, object_of.get(caller)) else charged)[caller] += share
        pending = handed
    charged.update(pending)
    result = collections.Counter()
    for fn, cost in charged.items():
        result[component(fn, object_of.get(fn))] += cost
    return result, sum(own.values())


def main():
    args = sys.argv[1:]
    if not args or len(args) > 2:
        sys.exit(__doc__)
    result, total = by_component(args[0])
    reference = None
    if len(args) > 1:
        _, reference = by_component(args[1])
    print("%-44s %16s %7s%s" % ("component", "instructions", "share", "  x reference" if reference else ""))
    for label, cost in result.most_common():
        if cost < total * 0.001:
            continue
        extra = "  %10.2fx" % (cost / reference) if reference else ""
        print("%-44s %16s %6.1f%%%s" % (label, "{:,}".format(int(cost)), 100 * cost / total, extra))
    extra = "  %10.2fx" % (total / reference) if reference else ""
    print("%-44s %16s %6.1f%%%s" % ("total", "{:,}".format(total), 100.0, extra))
    if reference:
        print("%-44s %16s" % ("reference (the git command)", "{:,}".format(reference)))


if __name__ == "__main__":
    main()
