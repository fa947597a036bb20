/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink requests over libnl: send one request, collect its reply
 * or whole dump, decode the kernel's error and extended ack.  Knows nothing
 * of hnv.
 */
#ifndef HNVCTL_NETLINK_H
#define HNVCTL_NETLINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/genetlink.h>
#include <netlink/msg.h>
#include <netlink/socket.h>

/* Tries of a dump that keeps being interrupted (NLM_F_DUMP_INTR). */
#define NLREQ_DUMP_TRIES 5

/* Why a request failed. */
struct nlerr {
	int code;		/* positive errno */
	char msg[256];		/* extack or local message, "" if none */
	int attr;		/* request attribute the kernel blamed, or -1 */
	int missing;		/* attribute the kernel missed, or -1 */
};

struct nlreq {
	uint16_t family;
	uint8_t cmd;
	uint8_t version;
	bool dump;
	/* puts the request's attributes; called again for each retry */
	int (*put)(struct nl_msg *msg, const void *arg);
	const void *put_arg;
	/*
	 * Called for each message of the reply, once the whole reply has
	 * arrived and a dump was not interrupted; returns 0 or -errno.
	 * NULL for a request that only wants its ACK: any reply is ignored.
	 */
	int (*parse)(struct nlmsghdr *nlh, void *arg);
	void *parse_arg;
};

struct family_info {
	char name[GENL_NAMSIZ];
	uint16_t id;
	uint32_t version;
};

int nlerr_set(struct nlerr *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void nlerr_format(const struct nlerr *err, const char *(*attr_name)(int),
		  char *buf, size_t len);

struct nl_sock *nlsock_open(struct nlerr *err);
int nlreq_run(struct nl_sock *sk, const struct nlreq *req, struct nlerr *err);
int ctrl_getfamily(struct nl_sock *sk, const char *name,
		   struct family_info *fi, struct nlerr *err);

/* The two passes over received data, exposed for the unit tests. */
enum { NLSCAN_MORE, NLSCAN_DONE, NLSCAN_ERROR };
int nlscan(void *buf, int len, struct nlmsghdr *req, bool *intr,
	   struct nlerr *err);
int nldeliver(void *buf, int len, struct nlmsghdr *req,
	      const struct nlreq *r, unsigned int *count, struct nlerr *err);

#endif
