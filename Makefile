# SPDX-License-Identifier: GPL-2.0
#
# hnv: top-level targets.
#
#   make                 build hnv.ko for the first of KERNELS, and hnvctl
#   make demo            build, boot the test VM, run the tenant scenario
#   make check           every build gate, unit test and VM selftest on
#                        every kernel in KERNELS; ends with a summary line
#   make check-debug     the VM selftests on a debug kernel (KASAN, UBSAN,
#                        lockdep, kmemleak) built once from Debian's
#                        linux-source-6.1 and cached; see
#                        Documentation/testing.rst
#   make bench           hnv vs bridge+vxlan vs OVS in one VM (KERNELS
#                        default 6.12 here); see Documentation/performance.rst
#   make check-host      the VM selftests on the running kernel (needs a
#                        machine that can load modules)
#   make modules         hnv.ko for every kernel in KERNELS
#   make sparse          sparse (C=2) over the module, for every kernel
#   make install         module for KVER (default: running kernel), hnvctl
#                        and its man page
#
# KERNELS is a list of Debian kernel releases or the aliases 6.1 and 6.12.

KERNELS ?= 6.1 6.12
KVER ?= $(shell uname -r)
PREFIX ?= /usr/local
DESTDIR ?=

TOP := $(CURDIR)
BUILD := $(TOP)/build

.PHONY: all modules hnvctl unit sparse check check-debug check-host demo bench install \
	install-module install-tools deps clean

all: hnvctl
	@$(TOP)/scripts/build-module.sh $(firstword $(KERNELS))

deps:
	@$(TOP)/scripts/deps.sh $(foreach k,$(KERNELS),$(shell $(TOP)/scripts/kernel-version.sh $(k)))

modules:
	@for k in $(KERNELS); do $(TOP)/scripts/build-module.sh $$k || exit 1; done

sparse:
	@for k in $(KERNELS); do SPARSE=1 $(TOP)/scripts/build-module.sh $$k || exit 1; done

hnvctl:
	@$(MAKE) -s -C tools/hnvctl

unit:
	@$(MAKE) -s -C tools/hnvctl check

check:
	@KERNELS="$(KERNELS)" $(TOP)/scripts/check.sh

check-debug:
	@$(TOP)/scripts/check.sh --debug

bench:
	@KERNELS="$(if $(filter command line environment,$(origin KERNELS)),$(KERNELS),6.12)" $(TOP)/bench/run.sh

check-host:
	@$(TOP)/scripts/check-host.sh

demo:
	@KERNELS="$(firstword $(KERNELS))" $(TOP)/scripts/demo.sh

install: install-module install-tools

install-module:
	$(MAKE) -C /lib/modules/$(KVER)/build M=$(TOP) modules
	$(MAKE) -C /lib/modules/$(KVER)/build M=$(TOP) \
		INSTALL_MOD_PATH=$(DESTDIR) INSTALL_MOD_DIR=updates modules_install
	install -D -m 0644 uapi/linux/hnv.h $(DESTDIR)$(PREFIX)/include/linux/hnv.h

install-tools: hnvctl
	$(MAKE) -C tools/hnvctl install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)

clean:
	rm -rf $(BUILD)
	$(MAKE) -s -C tools/hnvctl clean
	$(MAKE) -s -C selftests clean
	rm -f *.o *.ko *.mod *.mod.c .*.cmd modules.order Module.symvers \
		kmod/*.o kmod/.*.cmd
