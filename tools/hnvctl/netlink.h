/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink requests over libnl: send one request, collect its reply
 * or whole dump, decode the kernel's error and extended ack; or pipeline
 * requests that only want their ACK (struct nlpipe); or listen to a
 * multicast group (struct nlmon).  Knows nothing of hnv.
 */
#ifndef HNVCTL_NETLINK_H
#define HNVCTL_NETLINK_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sys/uio.h>

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
	/*
	 * More nlmsg_flags: NLM_F_ECHO is the only one generic netlink
	 * takes.  NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE and NLM_F_APPEND
	 * share their bits with those of NLM_F_DUMP: the kernel refuses
	 * them ("ambiguous or reserved bits set in nlmsg_flags").  Options
	 * of a request are attributes.
	 */
	uint16_t flags;
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

/* Multicast groups of a family hnvctl can hold; more are left out. */
#define FAMILY_MCGRPS 8

struct family_mcgrp {
	char name[GENL_NAMSIZ];
	uint32_t id;
};

struct family_info {
	char name[GENL_NAMSIZ];
	uint16_t id;
	uint32_t version;
	unsigned int nmcgrps;
	struct family_mcgrp mcgrps[FAMILY_MCGRPS];
};

int nlerr_set(struct nlerr *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void nlerr_format(const struct nlerr *err, const char *(*attr_name)(int),
		  char *buf, size_t len);

struct nl_sock *nlsock_open(struct nlerr *err);
int nlreq_run(struct nl_sock *sk, const struct nlreq *req, struct nlerr *err);
int ctrl_getfamily(struct nl_sock *sk, const char *name,
		   struct family_info *fi, struct nlerr *err);
uint32_t family_mcgrp(const struct family_info *fi, const char *name);

/*
 * Pipelined requests: nlpipe_add() builds a request that only wants its ACK
 * and sends it, with the others built since the last send, in one datagram
 * of up to NLPIPE_BURST requests, without waiting for the ACKs; it reads
 * those that have come, and waits only while NLPIPE_WINDOW requests are
 * unanswered.  nlpipe_sync() sends the rest and waits for every ACK.  A
 * request the kernel refuses is reported to the fail callback, in the order
 * of the requests, with its tag, the kernel's errno and extack.
 */
#define NLPIPE_WINDOW	256	/* most requests unanswered */
#define NLPIPE_BURST	32	/* most requests in one datagram */
#define NLPIPE_TX_MAX	32768	/* most bytes of one datagram */
#define NLPIPE_RCVBUF	(4 << 20) /* receive buffer asked for */
/* What one unanswered ACK may take of the receive buffer, at most. */
#define NLPIPE_ACK_TRUESIZE 2048
#define NLPIPE_RX_BATCH	64		/* datagrams received at once */
#define NLPIPE_RX_SIZE	8192		/* bytes of each */

struct nlpipe_rx {
	unsigned char buf[NLPIPE_RX_SIZE];
	int len;
};

/* How a pipe reaches the kernel: its socket, or a test's fake kernel. */
struct nlpipe_io {
	/* sends iov as one datagram: 0 or -errno */
	int (*send)(void *ctx, const struct iovec *iov, int iovcnt);
	/*
	 * receives up to n datagrams from the kernel into rx; waits for the
	 * first one if wait.  Returns how many (0: none is there), or -errno
	 * (-ENOBUFS: the receive buffer overran, messages were lost).
	 */
	int (*recv)(void *ctx, struct nlpipe_rx *rx, int n, bool wait);
};

struct nlpipe_req {
	struct nl_msg *msg;
	unsigned long tag;
};

struct nlpipe {
	const struct nlpipe_io *io;
	void *io_ctx;
	struct nl_sock *sk;		/* for sequence numbers; may be NULL */
	uint32_t seq;			/* the next one, if sk is NULL */
	unsigned int window;		/* most requests unanswered */
	unsigned int burst;		/* most requests in one datagram */
	/* the requests not answered yet, oldest at ring[head] */
	struct nlpipe_req *ring;
	unsigned int head, count;
	unsigned int unsent;		/* the last unsent of them: not sent */
	size_t unsent_bytes;
	struct nlpipe_rx *rx;
	/* called for each request the kernel refused, or whose ACK was lost */
	void (*fail)(void *arg, unsigned long tag, const struct nlerr *err);
	void *fail_arg;
	/* statistics */
	unsigned long sent, acked, failed, datagrams;
	unsigned long last_sent_tag;	/* of the last request sent */
};

int nlpipe_init(struct nlpipe *p, struct nl_sock *sk, unsigned int window,
		struct nlerr *err);
void nlpipe_free(struct nlpipe *p);
int nlpipe_add(struct nlpipe *p, const struct nlreq *r, unsigned long tag,
	       struct nlerr *err);
void nlpipe_sync(struct nlpipe *p);
void nlpipe_discard(struct nlpipe *p);
int nlsock_grow_rcvbuf(struct nl_sock *sk, int size);

/*
 * Listening to a multicast group: nlmon_init() joins it, nlmon_recv() waits
 * for the next datagram the kernel sends to it (or to another group the
 * socket is in, or a late answer to a request: the caller picks the
 * messages it wants), nlmon_free() leaves it.
 */
#define NLMON_RX_SIZE	16384	/* bytes of a datagram, at most */

/* How a listener reaches the kernel: its socket, or a test's fake kernel. */
struct nlmon_io {
	/*
	 * waits for the next datagram from the kernel, with the signal mask
	 * sigmask (as ppoll(); NULL: the thread's), and receives it into
	 * buf: its length, or -errno (-EINTR: a signal came; -ENOBUFS: the
	 * receive buffer overran, datagrams were lost; -EMSGSIZE: one
	 * longer than len was cut).
	 */
	int (*recv)(void *ctx, void *buf, size_t len,
		    const sigset_t *sigmask);
};

struct nlmon {
	const struct nlmon_io *io;
	void *io_ctx;
	struct nl_sock *sk;		/* may be NULL in the unit tests */
	uint32_t group;
	/* signals taken while waiting (ppoll()); NULL: the thread's mask */
	const sigset_t *sigmask;
	unsigned char *buf;		/* NLMON_RX_SIZE bytes */
};

int nlmon_init(struct nlmon *m, struct nl_sock *sk, uint32_t group,
	       struct nlerr *err);
int nlmon_recv(struct nlmon *m, struct nlerr *err);
void nlmon_free(struct nlmon *m);

/* The two passes over received data, exposed for the unit tests. */
enum { NLSCAN_MORE, NLSCAN_DONE, NLSCAN_ERROR };
int nlscan(void *buf, int len, struct nlmsghdr *req, bool *intr,
	   struct nlerr *err);
int nldeliver(void *buf, int len, struct nlmsghdr *req,
	      const struct nlreq *r, unsigned int *count, struct nlerr *err);
/* The parser of the reply to ctrl_getfamily(), for the unit tests too. */
int ctrl_parse_family(struct nlmsghdr *nlh, void *fi);

#endif
