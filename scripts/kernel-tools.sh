#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Kernel-tree tools the checks use, taken from Debian's linux-source-6.12:
# scripts/checkpatch.pl, tools/net/ynl (the YNL library and cli.py) and the
# YNL schemas under Documentation/netlink/.  Extracted once into
# build/kernel-tools/ and reused.  Prints that directory.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/build/kernel-tools"
pkg=linux-source-6.12
tarball=/usr/src/$pkg.tar.xz

if [ ! -f "$out/.done" ]; then
	if [ ! -f "$tarball" ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -qq --no-install-recommends "$pkg" \
			python3-yaml python3-jsonschema >/dev/null ||
			{ apt-get update -qq && apt-get install -y -qq \
				--no-install-recommends "$pkg" python3-yaml \
				python3-jsonschema >/dev/null; }
	fi
	rm -rf "$out"
	mkdir -p "$out"
	tar -xJf "$tarball" -C "$out" --strip-components=1 --wildcards \
		"$pkg/scripts/checkpatch.pl" "$pkg/scripts/spelling.txt" \
		"$pkg/scripts/const_structs.checkpatch" \
		"$pkg/tools/net/ynl/*" "$pkg/Documentation/netlink/*.yaml"
	touch "$out/.done"
fi
echo "$out"
