// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of netlink.c.  First on datagrams made up here: replies, ACKs,
 * errors with and without extended acks, dumps, interrupted dumps.  Then
 * against the running kernel's generic netlink controller ("nlctrl"),
 * which every kernel has: a request, a dump, an error with an extended
 * ack, its multicast group "notify" joined and waited on until a signal.
 * The live tests are skipped where no netlink socket can be opened.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "ipc.h"
#include "msg.h"
#include "names.h"
#include "netlink.h"
#include "test.h"

#define FAMILY	0x22
#define SEQ	42

struct dgram {
	unsigned char buf[8192];
	int len;
};

static void add(struct dgram *d, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);

	memcpy(d->buf + d->len, nlh, nlh->nlmsg_len);
	d->len += NLMSG_ALIGN(nlh->nlmsg_len);
	nlmsg_free(msg);
}

/* HNV_CMD_SWITCH_GET for "hnv0", ifindex 7. */
static struct nl_msg *request(void)
{
	struct hnv_sel sel = { .ifname = "hnv0", .ifindex = 7 };
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 1234, SEQ, FAMILY, 0, NLM_F_REQUEST | NLM_F_ACK,
		    HNV_CMD_SWITCH_GET, HNV_GENL_VERSION);
	hnv_put_switch_sel(msg, &sel);
	return msg;
}

static uint32_t attr_offset(struct nl_msg *req, int type)
{
	struct nlattr *a = nlmsg_find_attr(nlmsg_hdr(req), GENL_HDRLEN, type);

	return (char *)a - (char *)nlmsg_hdr(req);
}

static struct nl_msg *switch_msg(uint32_t seq, int flags, const char *name)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, seq, FAMILY, 0, flags, HNV_CMD_SWITCH_GET,
		    HNV_GENL_VERSION);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, name);
	return msg;
}

struct extack {
	const char *text;	/* NLMSGERR_ATTR_MSG, or NULL */
	int offs;		/* NLMSGERR_ATTR_OFFS, or -1 */
	int miss;		/* NLMSGERR_ATTR_MISS_TYPE, or -1 */
};

static const struct extack no_extack = { NULL, -1, -1 };

static void put_extack(struct nl_msg *msg, const struct extack *ext)
{
	if (ext->text || ext->offs >= 0 || ext->miss >= 0)
		nlmsg_hdr(msg)->nlmsg_flags |= NLM_F_ACK_TLVS;
	if (ext->text)
		nla_put_string(msg, NLMSGERR_ATTR_MSG, ext->text);
	if (ext->offs >= 0)
		nla_put_u32(msg, NLMSGERR_ATTR_OFFS, ext->offs);
	if (ext->miss >= 0)
		nla_put_u32(msg, NLMSGERR_ATTR_MISS_TYPE, ext->miss);
}

/* NLMSG_ERROR, as netlink_ack() builds it. */
static struct nl_msg *ack(struct nl_msg *req, int error, bool capped,
			  const struct extack *ext)
{
	struct nlmsghdr *rh = nlmsg_hdr(req);
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_ERROR,
						capped ? NLM_F_CAPPED : 0);
	struct nlmsgerr e = { .error = error, .msg = *rh };

	nlmsg_hdr(msg)->nlmsg_seq = rh->nlmsg_seq;
	nlmsg_append(msg, &e, sizeof(e), NLMSG_ALIGNTO);
	if (!capped)
		nlmsg_append(msg, nlmsg_data(rh), nlmsg_datalen(rh),
			     NLMSG_ALIGNTO);
	put_extack(msg, ext);
	return msg;
}

/* NLMSG_DONE, as netlink_dump_done() builds it. */
static struct nl_msg *done(uint32_t seq, int error, int flags,
			   const struct extack *ext)
{
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_DONE,
						NLM_F_MULTI | flags);

	nlmsg_hdr(msg)->nlmsg_seq = seq;
	nlmsg_append(msg, &error, sizeof(error), NLMSG_ALIGNTO);
	put_extack(msg, ext);
	return msg;
}

static const char *strerr(const struct nlerr *err)
{
	static char buf[512];

	hnv_strerror(err, buf, sizeof(buf));
	return buf;
}

static void scan_tests(void)
{
	struct nl_msg *req = request();
	struct nlmsghdr *rh = nlmsg_hdr(req);
	uint32_t name_off = attr_offset(req, HNV_A_SWITCH_IFNAME);
	struct extack ext = { "no such switch", name_off, -1 };
	struct nlerr err;
	struct dgram d;
	bool intr;
	int ret;

	d.len = 0;
	intr = false;
	add(&d, switch_msg(SEQ, 0, "hnv0"));
	add(&d, ack(req, 0, true, &no_extack));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_DONE && !intr, "nlscan: a reply and its ACK");

	d.len = 0;
	add(&d, switch_msg(SEQ, 0, "hnv0"));
	check_int(nlscan(d.buf, d.len, rh, &intr, &err), NLSCAN_MORE,
		  "nlscan: a reply still waiting for its ACK");

	d.len = 0;
	add(&d, ack(req, 0, true, &no_extack));
	nlmsg_hdr(req)->nlmsg_seq++;
	check_int(nlscan(d.buf, d.len, rh, &intr, &err), NLSCAN_MORE,
		  "nlscan: the ACK of another request is skipped");
	nlmsg_hdr(req)->nlmsg_seq--;

	d.len = 0;
	add(&d, ack(req, -ENODEV, true, &ext));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_ERROR && err.code == ENODEV &&
	      !strcmp(err.msg, "no such switch") &&
	      err.attr == HNV_A_SWITCH_IFNAME && err.missing == -1,
	      "nlscan: error with extack message and offset, capped");
	check_str(strerr(&err), "no such switch (attribute HNV_A_SWITCH_IFNAME)",
		  "hnv_strerror names the attribute the kernel pointed at");

	d.len = 0;
	add(&d, ack(req, -ENODEV, false, &ext));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_ERROR && err.code == ENODEV &&
	      !strcmp(err.msg, "no such switch") &&
	      err.attr == HNV_A_SWITCH_IFNAME,
	      "nlscan: error with extack after the echoed request");

	ext.text = NULL;
	ext.offs = name_off + 4;
	d.len = 0;
	add(&d, ack(req, -EINVAL, true, &ext));
	nlscan(d.buf, d.len, rh, &intr, &err);
	check_str(strerr(&err),
		  "Invalid argument (attribute HNV_A_SWITCH_IFNAME)",
		  "an offset into an attribute's payload names the attribute");

	ext.offs = rh->nlmsg_len + 8;
	d.len = 0;
	add(&d, ack(req, -EINVAL, true, &ext));
	nlscan(d.buf, d.len, rh, &intr, &err);
	check(err.attr == -1 && !strcmp(strerr(&err), "Invalid argument"),
	      "an offset past the request names no attribute");

	ext.offs = -1;
	ext.miss = HNV_A_SWITCH_IFINDEX;
	d.len = 0;
	add(&d, ack(req, -EINVAL, true, &ext));
	nlscan(d.buf, d.len, rh, &intr, &err);
	check_str(strerr(&err),
		  "Invalid argument (missing attribute HNV_A_SWITCH_IFINDEX)",
		  "nlscan: a missing attribute");

	d.len = 0;
	add(&d, ack(req, -EPERM, false, &no_extack));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_ERROR && err.code == EPERM && !err.msg[0] &&
	      err.attr == -1, "nlscan: error without extack");
	check_str(strerr(&err),
		  "Operation not permitted (hnv needs CAP_NET_ADMIN)",
		  "hnv_strerror explains EPERM");

	d.len = 0;
	add(&d, switch_msg(SEQ, NLM_F_MULTI, "hnv0"));
	add(&d, switch_msg(SEQ, NLM_F_MULTI, "hnv1"));
	intr = false;
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_MORE && !intr, "nlscan: first part of a dump");
	d.len = 0;
	add(&d, switch_msg(SEQ, NLM_F_MULTI, "hnv2"));
	add(&d, done(SEQ, 0, 0, &no_extack));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_DONE && !intr, "nlscan: last part of a dump");

	d.len = 0;
	add(&d, switch_msg(SEQ, NLM_F_MULTI | NLM_F_DUMP_INTR, "hnv2"));
	add(&d, done(SEQ, 0, NLM_F_DUMP_INTR, &no_extack));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_DONE && intr, "nlscan: an interrupted dump");

	ext.text = "switch went away";
	ext.miss = -1;
	d.len = 0;
	add(&d, done(SEQ, -ENODEV, 0, &ext));
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_ERROR && err.code == ENODEV &&
	      !strcmp(err.msg, "switch went away"),
	      "nlscan: a dump ending in an error with extack");

	d.len = 0;
	add(&d, switch_msg(SEQ, 0, "hnv0"));
	d.len -= 8;
	ret = nlscan(d.buf, d.len, rh, &intr, &err);
	check(ret == NLSCAN_ERROR && err.code == EBADMSG,
	      "nlscan: a truncated datagram");

	nlmsg_free(req);
}

struct names {
	char name[4][IFNAMSIZ];
	int n;
};

static int collect(struct nlmsghdr *nlh, void *arg)
{
	struct names *names = arg;
	struct hnv_switch sw;
	int ret = hnv_parse_switch(nlh, &sw);

	if (!ret)
		strcpy(names->name[names->n++], sw.ifname);
	return ret;
}

static void deliver_tests(void)
{
	struct nl_msg *req = request();
	struct nlreq r = { .family = FAMILY, .parse = collect };
	struct names names = { .n = 0 };
	unsigned int count = 0;
	struct nl_msg *bad;
	struct nlerr err;
	struct dgram d;
	int ret;

	r.parse_arg = &names;
	d.len = 0;
	add(&d, switch_msg(SEQ, NLM_F_MULTI, "hnv0"));
	add(&d, switch_msg(SEQ + 1, NLM_F_MULTI, "other"));
	add(&d, switch_msg(SEQ, NLM_F_MULTI, "hnv1"));
	add(&d, done(SEQ, 0, 0, &no_extack));
	ret = nldeliver(d.buf, d.len, nlmsg_hdr(req), &r, &count, &err);
	check(!ret && count == 2 && names.n == 2 &&
	      !strcmp(names.name[0], "hnv0") && !strcmp(names.name[1], "hnv1"),
	      "nldeliver: the messages of the request, in order");

	d.len = 0;
	bad = nlmsg_alloc();
	genlmsg_put(bad, 0, SEQ, FAMILY, 0, 0, HNV_CMD_SWITCH_GET, 1);
	add(&d, bad);
	ret = nldeliver(d.buf, d.len, nlmsg_hdr(req), &r, &count, &err);
	check(ret == -1 && err.code == EBADMSG,
	      "nldeliver: a parser's error fails the request");
	check_str(strerr(&err), "cannot parse the kernel's reply: Bad message",
		  "nldeliver: a parser's error is explained");

	r.parse = NULL;
	count = 0;
	d.len = 0;
	add(&d, switch_msg(SEQ, 0, "hnv0"));
	ret = nldeliver(d.buf, d.len, nlmsg_hdr(req), &r, &count, &err);
	check(!ret && count == 1,
	      "nldeliver: a request without a parser ignores its reply");
	nlmsg_free(req);
}

static int count_families(struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	int *n = arg;

	if (genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) < 0 ||
	    !tb[CTRL_ATTR_FAMILY_NAME])
		return -EBADMSG;
	n[0]++;
	if (!strcmp(nla_get_string(tb[CTRL_ATTR_FAMILY_NAME]), "nlctrl"))
		n[1]++;
	return 0;
}

static int put_long_name(struct nl_msg *msg, const void *arg)
{
	(void)arg;
	nla_put_u32(msg, CTRL_ATTR_FAMILY_ID, 0);
	return nla_put_string(msg, CTRL_ATTR_FAMILY_NAME,
			      "a-family-name-longer-than-GENL_NAMSIZ");
}

static int put_name(struct nl_msg *msg, const void *name)
{
	return nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, name);
}

/*
 * The controller's answer about family "hnv": id 0x22, version 1, the
 * multicast groups of names[0 .. n - 1], of ids 0x17, 0x18, ...; a group
 * without its id if broken.
 */
static struct nl_msg *family_reply(const char *const *names, int n,
				   bool broken)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *groups, *g;
	int i;

	genlmsg_put(msg, 0, 1, GENL_ID_CTRL, 0, 0, CTRL_CMD_NEWFAMILY, 2);
	nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, "hnv");
	nla_put_u16(msg, CTRL_ATTR_FAMILY_ID, FAMILY);
	nla_put_u32(msg, CTRL_ATTR_VERSION, 1);
	if (!n)
		return msg;
	groups = nla_nest_start(msg, CTRL_ATTR_MCAST_GROUPS);
	for (i = 0; i < n; i++) {
		g = nla_nest_start(msg, i + 1);
		nla_put_string(msg, CTRL_ATTR_MCAST_GRP_NAME, names[i]);
		if (!broken)
			nla_put_u32(msg, CTRL_ATTR_MCAST_GRP_ID, 0x17 + i);
		nla_nest_end(msg, g);
	}
	nla_nest_end(msg, groups);
	return msg;
}

/* The multicast groups of a family, from the controller's answer. */
static void mcgrp_tests(void)
{
	static const char *const names[] = {
		"events", "a-group-name-longer-than-GENL_NAMSIZ", "g2", "g3",
		"g4", "g5", "g6", "g7", "g8",
	};
	struct family_info fi;
	struct nl_msg *msg;
	int ret;

	msg = family_reply(names, 1, false);
	ret = ctrl_parse_family(nlmsg_hdr(msg), &fi);
	check(!ret && fi.id == FAMILY && fi.version == 1 &&
	      !strcmp(fi.name, "hnv") && fi.nmcgrps == 1 &&
	      !strcmp(fi.mcgrps[0].name, "events") &&
	      family_mcgrp(&fi, HNV_MCGRP_EVENTS) == 0x17 &&
	      !family_mcgrp(&fi, "event") && !family_mcgrp(&fi, ""),
	      "family: its multicast group and the group's id");
	nlmsg_free(msg);

	msg = family_reply(names, 9, false);
	ret = ctrl_parse_family(nlmsg_hdr(msg), &fi);
	check(!ret && fi.nmcgrps == FAMILY_MCGRPS &&
	      family_mcgrp(&fi, "g7") == 0x17 + 7 && !family_mcgrp(&fi, "g8") &&
	      strlen(fi.mcgrps[1].name) == GENL_NAMSIZ - 1,
	      "family: %d groups kept of 9, names cut to fit",
	      FAMILY_MCGRPS);
	nlmsg_free(msg);

	msg = family_reply(names, 0, false);
	ret = ctrl_parse_family(nlmsg_hdr(msg), &fi);
	check(!ret && !fi.nmcgrps && !family_mcgrp(&fi, HNV_MCGRP_EVENTS),
	      "family without multicast groups: none, no events group");
	nlmsg_free(msg);

	msg = family_reply(names, 1, true);
	check_int(ctrl_parse_family(nlmsg_hdr(msg), &fi), -EBADMSG,
		  "family: a multicast group without its id is malformed");
	nlmsg_free(msg);
}

static void on_sigusr1(int sig)
{
	(void)sig;
}

/*
 * The controller's group "notify", joined with nlmon; SIGUSR1, blocked,
 * raised before the wait, ends the wait that lets it through.
 */
static void live_mon_tests(struct nl_sock *sk)
{
	struct sigaction sa = { .sa_handler = on_sigusr1 }, old_sa;
	sigset_t block, old, wait_mask;
	struct family_info fi;
	struct nlerr err;
	struct nlmon m;
	uint32_t group;
	int ret;

	if (ctrl_getfamily(sk, "nlctrl", &fi, &err)) {
		check(false, "live: the controller describes nlctrl");
		return;
	}
	group = family_mcgrp(&fi, "notify");
	check(group != 0, "live: nlctrl has the multicast group \"notify\" "
			  "(id %u)", group);
	ret = nlmon_init(&m, sk, group, &err);
	check(!ret && m.group == group && m.buf,
	      "live: nlmon joins nlctrl's group \"notify\"");
	if (ret) {
		diag("live: %s", err.msg);
		return;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, &old_sa);
	wait_mask = old;
	sigdelset(&wait_mask, SIGUSR1);
	m.sigmask = &wait_mask;
	raise(SIGUSR1);
	ret = nlmon_recv(&m, &err);
	check(ret == -1 && err.code == EINTR && !err.msg[0],
	      "live: nlmon_recv: a signal that came before the wait ends it, "
	      "EINTR");
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGUSR1, &old_sa, NULL);
	nlmon_free(&m);
	check(!m.buf && !m.group, "live: nlmon leaves the group");
	ret = ctrl_getfamily(sk, "nlctrl", &fi, &err);
	check(!ret, "live: the socket still takes requests after nlmon");
}

static void live_tests(void)
{
	struct nlreq dump = {
		.family = GENL_ID_CTRL,
		.cmd = CTRL_CMD_GETFAMILY,
		.version = 1,
		.dump = true,
		.parse = count_families,
	};
	struct nlreq bad = {
		.family = GENL_ID_CTRL,
		.cmd = CTRL_CMD_GETFAMILY,
		.version = 1,
		.put = put_long_name,
		.parse = count_families,
	};
	struct nlreq ack_only = {
		.family = GENL_ID_CTRL,
		.cmd = CTRL_CMD_GETFAMILY,
		.version = 1,
		.put = put_name,
	};
	struct family_info fi;
	struct nl_sock *sk;
	int n[2] = { 0, 0 };
	struct nlerr err;
	struct hnv h;
	int ret;

	sk = nlsock_open(&err);
	if (!sk) {
		skip(err.msg, "live: no generic netlink socket");
		return;
	}
	ret = ctrl_getfamily(sk, "nlctrl", &fi, &err);
	check(!ret && fi.id == GENL_ID_CTRL && !strcmp(fi.name, "nlctrl") &&
	      fi.version >= 1, "live: the controller describes nlctrl");

	ret = ctrl_getfamily(sk, "hnv-test-none", &fi, &err);
	check(ret == -1 && err.code == ENOENT,
	      "live: an unknown family is ENOENT");

	dump.parse_arg = n;
	ret = nlreq_run(sk, &dump, &err);
	check(!ret && n[0] >= 1 && n[1] == 1,
	      "live: a dump of every family, nlctrl once (%d families)",
	      n[0]);

	ret = nlreq_run(sk, &bad, &err);
	check(ret == -1 && (err.code == EINVAL || err.code == ERANGE) &&
	      err.attr == CTRL_ATTR_FAMILY_NAME,
	      "live: extack points at the attribute that failed validation");
	diag("live: the kernel said: %s (%s), attribute %d", err.msg,
	     strerror(err.code), err.attr);

	ret = ctrl_getfamily(sk, "nlctrl", &fi, &err);
	check(!ret && fi.id == GENL_ID_CTRL,
	      "live: the socket still works after an error");

	ack_only.put_arg = "nlctrl";
	ret = nlreq_run(sk, &ack_only, &err);
	check(!ret, "live: a request without a parser takes its ACK, "
		    "ignoring the reply");
	live_mon_tests(sk);
	nl_socket_free(sk);

	if (!hnv_open(&h, &err)) {
		check(!strcmp(h.family.name, HNV_GENL_NAME) &&
		      h.family.version == HNV_GENL_VERSION,
		      "live: hnv_open finds family \"hnv\" version %d",
		      HNV_GENL_VERSION);
		hnv_close(&h);
	} else {
		check_str(strerr(&err),
			  "hnv kernel module not loaded (genl family \"hnv\" not found)",
			  "live: hnv_open without the module says so");
	}
}

void netlink_tests(void)
{
	scan_tests();
	deliver_tests();
	mcgrp_tests();
	live_tests();
}
