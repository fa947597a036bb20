// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * vm mode: frames from a VM's interface, and what the switch must make of
 * them.  Counted: the frames that reach the switch's rx handler (all but
 * VLAN frames too short to untag), those that must be "malformed" drops
 * (VLAN-tagged, or too short for the IPv4, IPv6 or ARP header they
 * announce), those from a foreign source MAC (a "src-mac" drop unless
 * malformed first).  What comes back on the interface: ICMP and ICMPv6
 * errors (destination unreachable, time exceeded, too big) apart from the
 * rest (ARP and ND replies, echo replies).
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

uint64_t vm_reach, vm_pre_drop, vm_foreign, vm_foreign_nonip,
	vm_must_malformed, back_err, back_other;

/* What a frame sent from the VM must do on the way in; on success only. */
void vm_account(const uint8_t *f, int len)
{
	uint16_t t = get16(f + 12);
	int rem = len - 14;

	/* __netif_receive_skb_core() untags; too short to untag: freed */
	if (is_vlan(t) && len < 20) {
		vm_pre_drop++;
		return;
	}
	vm_reach++;
	/* ports are untagged: a tag is malformed (before the MACs count) */
	if (is_vlan(t)) {
		vm_must_malformed++;
		return;
	}
	if (memcmp(f + 6, vmp.own_mac, 6)) {
		vm_foreign++;
		if (t != 0x0800 && t != 0x86dd && t != 0x0806)
			vm_foreign_nonip++;
	}
	if (t == 0x0800 && (rem < 20 || (f[14] & 15) < 5))
		vm_must_malformed++;
	else if (t == 0x86dd && rem < 40)
		vm_must_malformed++;
	else if (t == 0x0806 && (rem < 8 ||
		 (get16(f + 14) == 1 && get16(f + 16) == 0x0800 &&
		  f[18] == 6 && f[19] == 4 && rem < 28)))
		vm_must_malformed++;
}

/* What came back to the VM: an ICMP/ICMPv6 error, or anything else. */
void vm_back(const uint8_t *f, int len)
{
	uint16_t t;
	int off = 14;

	if (len < 14)
		goto other;
	t = get16(f + 12);
	if (is_vlan(t) && len >= 18) {
		t = get16(f + 16);
		off = 18;
	}
	if (t == 0x0800 && len >= off + 20 && f[off + 9] == IPPROTO_ICMP) {
		int hl = (f[off] & 15) * 4;

		if (len > off + hl &&
		    (f[off + hl] == 3 || f[off + hl] == 11)) {
			back_err++;
			return;
		}
	} else if (t == 0x86dd && len > off + 40 &&
		   f[off + 6] == IPPROTO_ICMPV6 &&
		   f[off + 40] >= 1 && f[off + 40] <= 3) {
		back_err++;
		return;
	}
other:
	back_other++;
}

void vm_one(void)
{
	int k, n;

	if (repeat_one(VK_REPEAT))
		return;
	n = gen_frame(&vmp, bufs[nslots], 1514, &k, false);
	n = clamp_len(bufs[nslots], n);
	if (k & KIND_MUTATED)
		kind_mut[k & 0xff]++;
	queue(k & 0xff, n, C_DROP, 0, 0, false);
}
