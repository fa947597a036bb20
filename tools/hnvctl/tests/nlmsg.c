// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Building and reading the netlink messages the unit tests hand to
 * hnvctl as if from the kernel.
 */
#include <string.h>

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/hnv.h>

#include "test.h"

#define FAMILY 0x22	/* the family id the tests' fake kernel has */

/* A reply of the family, its header done. */
struct nl_msg *message(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, cmd, HNV_GENL_VERSION);
	return msg;
}

/* A nest as the kernel starts it: NLA_F_NESTED set. */
struct nlattr *nest_start(struct nl_msg *msg, int type)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	nest->nla_type |= NLA_F_NESTED;
	return nest;
}

/* Puts the attributes of list, in a nest (NLA_F_NESTED) if type is not 0. */
void put_raw(struct nl_msg *msg, int type, const struct raw *list)
{
	struct nlattr *nest = type ? nest_start(msg, type) : NULL;

	for (; list->type; list++)
		nla_put(msg, list->type, list->len, list->data);
	if (nest)
		nla_nest_end(msg, nest);
}

/* The top-level attributes of msg into tb; how many, duplicates included. */
int attrs_of(struct nl_msg *msg, struct nlattr **tb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *a;
	int rem, n = 0;

	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		n++;
	return n;
}

bool is_u32(const struct nlattr *a, uint32_t val)
{
	return a && nla_len(a) == 4 && nla_get_u32(a) == val;
}

bool is_u8(const struct nlattr *a, uint8_t val)
{
	return a && nla_len(a) == 1 && nla_get_u8(a) == val;
}

bool is_bytes(const struct nlattr *a, const void *val, int len)
{
	return a && nla_len(a) == len && !memcmp(nla_data(a), val, len);
}

/*
 * The attributes from a, len bytes of them, are exactly those of want (up
 * to an entry of type 0), in that order: the type, the length and, if
 * want gives data, the bytes of each; a nest (len -1) has NLA_F_NESTED
 * set and holds exactly those of its sub.
 */
bool attrs_are(const struct nlattr *a, int len, const struct attr_want *want)
{
	const struct attr_want *w = want;
	int rem;

	nla_for_each_attr(a, a, len, rem) {
		if (!w->type || nla_type(a) != w->type)
			return false;
		if (w->len < 0) {
			if (!(a->nla_type & NLA_F_NESTED) ||
			    !attrs_are(nla_data(a), nla_len(a), w->sub))
				return false;
		} else if (nla_len(a) != w->len ||
			   (w->data && memcmp(nla_data(a), w->data, w->len))) {
			return false;
		}
		w++;
	}
	return !w->type && !rem;
}

/* The top-level attributes of msg are exactly those of want. */
bool msg_attrs_are(struct nl_msg *msg, const struct attr_want *want)
{
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));

	return attrs_are(genlmsg_attrdata(g, 0), genlmsg_attrlen(g, 0), want);
}
