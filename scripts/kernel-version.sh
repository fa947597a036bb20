#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Map a test-kernel alias to a Debian kernel release.
#   6.1   -> the release behind bookworm's linux-image-amd64
#   6.12  -> the newest linux-image-6.12.N+deb12-amd64 in bookworm-security
#   debug -> the debug kernel scripts/debug/kernel.sh builds (6.1.N-hnvdebug)
# Anything else is taken as a release already (e.g. 6.1.0-56-amd64).
# An installed kernel of the series is preferred so that no network is
# needed once the machine is set up.
set -euo pipefail

case "$1" in
6.1)
	v=$(ls -d /lib/modules/6.1.0-*-amd64/build 2>/dev/null | sort -V | tail -1 |
		cut -d/ -f4 || true)
	[ -n "$v" ] || v=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/.*Depends: linux-image-\(6\.1\..*\)/\1/p' | head -1)
	;;
6.12)
	v=$(ls -d /lib/modules/6.12.*+deb12-amd64/build 2>/dev/null | sort -V |
		tail -1 | cut -d/ -f4 || true)
	[ -n "$v" ] || v=$(apt-cache search --names-only \
		'^linux-headers-6\.12\..*\+deb12-amd64$' 2>/dev/null |
		sed 's/^linux-headers-\([^ ]*\) .*/\1/' | sort -V | tail -1)
	;;
debug)
	v=$("$(dirname "$0")/debug/kernel.sh" --release)
	;;
*)
	v=$1
	;;
esac
[ -n "$v" ] || { echo "kernel-version: cannot resolve '$1'" >&2; exit 1; }
echo "$v"
