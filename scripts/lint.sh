#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static checks of the tree, one per invocation (scripts/check.sh runs each
# as its own test line):
#
#   lint.sh checkpatch   kernel style of kmod/, bench/ and uapi/ (errors and
#                        warnings fail; --strict CHECKs are printed as advice)
#   lint.sh spec         the YNL spec validates against the kernel's
#                        genetlink-c schema and names every command of the
#                        uapi header, and every attribute and enum value of
#                        the header's enums it describes, with their numbers
#   lint.sh versions     dkms.conf's PACKAGE_VERSION equals VERSION
#   lint.sh manpage      hnvctl.8 formats without a groff warning
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

case "${1:-}" in
checkpatch)
	kt=$(scripts/kernel-tools.sh)
	# compat.h exists to test kernel versions; the uapi enums follow the
	# WireGuard layout (#define FOO_MAX right after the enum).
	"$kt/scripts/checkpatch.pl" --no-tree --terse --show-types --strict \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON,LINE_SPACING \
		-f kmod/*.c kmod/*.h bench/*.c uapi/linux/hnv.h | grep -v '^total:' || true
	"$kt/scripts/checkpatch.pl" --no-tree --terse --quiet \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON \
		-f kmod/*.c kmod/*.h bench/*.c uapi/linux/hnv.h
	;;
spec)
	kt=$(scripts/kernel-tools.sh)
	/usr/bin/python3 - "$kt/Documentation/netlink/genetlink-c.yaml" \
		Documentation/netlink/specs/hnv.yaml uapi/linux/hnv.h <<'PY'
import re, sys, yaml, jsonschema
schema, spec, header = sys.argv[1:]
s = yaml.safe_load(open(spec))
jsonschema.validate(s, yaml.safe_load(open(schema)))
ops = {o["name"] for o in s["operations"]["list"]} - {"unspec"}
hdr = set(m.lower().replace("_", "-") for m in
          re.findall(r"\bHNV_CMD_([A-Z_]+),", open(header).read())) - {"unspec"}
if ops != hdr:
    sys.exit(f"spec and header disagree on commands: spec {sorted(ops)}, header {sorted(hdr)}")
# The header's enums, their members numbered from 0 (it sets no value).
text = open(header).read()
enums = {m[1]: [n for n in re.findall(r"^\s*([A-Z][A-Z0-9_]*)\s*,", m[2], re.M)
                if not n.startswith("__")]
         for m in re.finditer(r"\benum (\w+) \{(.*?)\};", text, re.S)}
def numbered(prefix, items, start):
    # YNL numbers attributes from 1 and enum entries from 0 unless a value
    # is given; an entry without one follows the previous.
    out, v = {}, start
    for it in items:
        it = {"name": it} if isinstance(it, str) else it
        v = it.get("value", v)
        out[v] = (prefix + it["name"]).upper().replace("-", "_")
        v += 1
    return out
checked = 0
sets = [(a["enum-name"], a["name-prefix"], a["attributes"], 1)
        for a in s["attribute-sets"] if a.get("enum-name")]
sets += [(d["enum-name"], d["name-prefix"], d["entries"], d.get("value-start", 0))
         for d in s["definitions"] if d["type"] == "enum" and d.get("enum-name")]
for name, prefix, items, start in sets:
    if name not in enums:
        sys.exit(f"spec names enum {name}, which the header does not have")
    want = dict(enumerate(enums[name]))
    got = numbered(prefix, items, start)
    if got != want:
        bad = sorted(set(got.items()) ^ set(want.items()))
        sys.exit(f"spec and header disagree on enum {name}: "
                 + ", ".join(f"{v} {n} ({'spec' if got.get(v) == n else 'header'})"
                             for v, n in bad))
    checked += 1
print(f"{spec}: valid, {len(ops)} operations, {checked} enums as in {header}")
PY
	;;
versions)
	v=$(cat VERSION)
	grep -qx "PACKAGE_VERSION=\"$v\"" dkms.conf ||
		{ echo "dkms.conf PACKAGE_VERSION is not VERSION ($v)"; exit 1; }
	;;
manpage)
	out=$(groff -ww -man -z tools/hnvctl/hnvctl.8 2>&1)
	[ -z "$out" ] || { echo "$out"; exit 1; }
	;;
*)
	echo "usage: $0 checkpatch|spec|versions|manpage" >&2
	exit 2
	;;
esac
