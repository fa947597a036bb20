#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the debug kernel of "make check-debug": Debian's
# linux-source-6.1 configured as x86_64 allnoconfig plus
# scripts/debug/kernel.config (KASAN, UBSAN, lockdep with PROVE_RCU,
# kmemleak, atomic-sleep checks, and everything the test VM needs built
# in).  The result is cached outside the repo, keyed by the config, the
# source version, the compiler and $recipe below (bump it when the build
# steps here change), so every later run on the machine (any clone)
# reuses it:
#   $HNV_CACHE/debug-kernel/KEY/   (HNV_CACHE default /var/cache/hnv)
#     vmlinuz   the kernel image
#     obj/      the O= build tree, to build hnv.ko against
#     mods/     modules_install output (modules.builtin for modprobe)
#     release   its "uname -r", e.g. 6.1.192-hnvdebug
#     build.log
# Installs what it needs from Debian (the source package, flex, bison, bc,
# libelf-dev), waiting for a concurrent apt.  Safe to run concurrently
# (flock): a second caller waits for the build.
#
# usage: scripts/debug/kernel.sh            build if needed, print the dir
#        scripts/debug/kernel.sh --dir      print the dir, build nothing
#        scripts/debug/kernel.sh --release  print the release, build nothing
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
recipe=1
series=6.1
pkg=linux-source-$series
frag=$here/kernel.config

# The upstream version of the source package, installed or candidate.
srcver() {
	local v
	v=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || true)
	[ -n "$v" ] || v=$(apt-cache policy "$pkg" 2>/dev/null |
		sed -n 's/^ *Candidate: //p')
	if [ -z "$v" ] || [ "$v" = "(none)" ]; then
		echo "debug-kernel: no $pkg in the archive" >&2
		exit 1
	fi
	echo "${v%%-*}"
}

ver=$(srcver)
rel=$ver-hnvdebug
key=$({ echo "$recipe $ver"; gcc --version | head -1; cat "$frag"; } |
	sha256sum | cut -c1-16)
base=${HNV_CACHE:-/var/cache/hnv}/debug-kernel
dir=$base/$key

case "${1:-}" in
--release) echo "$rel"; exit 0 ;;
--dir) echo "$dir"; exit 0 ;;
"") ;;
*) echo "usage: $0 [--dir|--release]" >&2; exit 2 ;;
esac

mkdir -p "$base"
exec 9>"$dir.lock"
flock 9
if [ -f "$dir/release" ]; then
	echo "$dir"
	exit 0
fi

tarball=/usr/src/$pkg.tar.xz
missing=()
for p in "$pkg" flex bison bc libelf-dev gcc make; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "debug-kernel: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt=(apt-get install -y -qq -o DPkg::Lock::Timeout=900
	     --no-install-recommends "${missing[@]}")
	"${apt[@]}" >/dev/null || { apt-get update -qq && "${apt[@]}" >/dev/null; }
fi
[ -f "$tarball" ] || { echo "debug-kernel: no $tarball" >&2; exit 1; }

rm -rf "$dir"
mkdir -p "$dir"
log=$dir/build.log
t0=$SECONDS
echo "debug-kernel: building $rel in $dir (about 15 minutes on 2 idle cores)" >&2

# One extracted source tree per version, shared by every config.
src=$base/src-$ver
if [ ! -f "$src/.hnv-complete" ]; then
	rm -rf "$src"
	mkdir -p "$src"
	tar -xf "$tarball" -C "$src" --strip-components=1
	touch "$src/.hnv-complete"
fi

obj=$dir/obj
kmake=(make -C "$src" O="$obj" ARCH=x86_64 LOCALVERSION=-hnvdebug
       -j"$(nproc)")
fail() {
	tail -n 40 "$log" >&2
	echo "debug-kernel: $*; log: $log" >&2
	exit 1
}
{
	"${kmake[@]}" allnoconfig
	args=()
	while read -r line; do
		case $line in
		CONFIG_*=y) args+=(-e "${line%%=*}") ;;
		"# CONFIG_"*" is not set") line=${line#\# }; args+=(-d "${line%% *}") ;;
		CONFIG_*=*) args+=(--set-val "${line%%=*}" "${line#*=}") ;;
		esac
	done <"$frag"
	args+=(-d LOCALVERSION_AUTO)
	"$src/scripts/config" --file "$obj/.config" "${args[@]}"
	"${kmake[@]}" olddefconfig
} >"$log" 2>&1 || fail "configuration failed"

# Every option of the fragment must have stuck.
bad=0
while read -r line; do
	case $line in
	CONFIG_*=*|"# CONFIG_"*" is not set") ;;
	*) continue ;;
	esac
	if [[ $line == "# "* ]]; then
		o=${line#\# }; o=${o%% *}
		grep -q "^$o=" "$obj/.config" || continue
	else
		grep -qx "$line" "$obj/.config" && continue
	fi
	echo "debug-kernel: $line did not survive olddefconfig" >&2
	bad=1
done <"$frag"
[ $bad = 0 ] || fail "the config fragment has options with unmet dependencies"

"${kmake[@]}" bzImage modules >>"$log" 2>&1 || fail "build failed"
"${kmake[@]}" INSTALL_MOD_PATH="$dir/mods" modules_install >>"$log" 2>&1 ||
	fail "modules_install failed"
got=$("${kmake[@]}" -s kernelrelease 2>/dev/null | tail -1)
[ "$got" = "$rel" ] || fail "kernel release is $got, expected $rel"
cp "$obj/arch/x86/boot/bzImage" "$dir/vmlinuz"
echo "debug-kernel: built $rel in $((SECONDS - t0)) s" >&2
echo "$rel" >"$dir/release"
echo "$dir"
