#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: build hnv.ko and hnvctl, boot the test VM on the first kernel
# of KERNELS and run the Contoso/Fabrikam scenario (scripts/demo/scenario.sh)
# in it, printing what happens.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
kernel=${KERNELS:-6.12}
kernel=${kernel%% *}

"$top/scripts/deps.sh" "$("$top/scripts/kernel-version.sh" "$kernel")"
echo "== building hnvctl and hnv.ko for $kernel"
make -s -C "$top/tools/hnvctl"
"$top/scripts/build-module.sh" "$kernel" >/dev/null
echo "== booting the test VM (qemu, TCG) and running the scenario"
exec "$top/scripts/vm/run.sh" -t 300 "$kernel" -- bash "$top/scripts/demo/scenario.sh"
