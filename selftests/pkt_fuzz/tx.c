// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Sending: frames are built in a batch of BATCH and go out with one
 * sendmmsg() on an AF_PACKET socket (qdisc bypassed); a share of them
 * repeat one of the last RING frames byte for byte (flows hit in the flow
 * tables).  Only what was sent is counted: per kind, and, for the
 * underlay, by the oracle's verdict (a fragment train's verdict once all
 * its fragments went out).  vm mode reads what comes back between
 * batches.
 */
#include "fuzz.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define REPEAT_PCT	20
#define RING		64

struct slot {
	int kind;
	int len;
	enum ucls cls;
	enum why why;
	uint32_t vni;
	int train;	/* index + 1 of its train, 0 if none */
	bool train_last;
};

struct train {
	int nfrags, sent;
	enum ucls cls;	/* of the whole datagram */
	enum why why;
	uint32_t vni;
};

uint8_t bufs[BATCH][FRAME_MAX];
int nslots;
int tx_fd = -1, rx_fd = -1;
bool vm_mode;
bool dry;
uint64_t dump_from, dump_to;
uint64_t *shared_sent;
uint64_t kind_sent[16], kind_mut[16], kind_fail[16];
uint64_t n_sent, n_fail, n_enobufs;
uint64_t frame_no;

static uint8_t ring[RING][FRAME_MAX];
static struct {
	int len;
	enum ucls cls;
	enum why why;
	uint32_t vni;
} ring_meta[RING];
static int ring_n, ring_next;
static struct slot slots[BATCH];
static struct train trains[BATCH + 1];
static int ntrains;

void drain_rx(void)
{
	uint8_t b[256];
	ssize_t n;

	if (rx_fd < 0)
		return;
	while ((n = recv(rx_fd, b, sizeof(b), MSG_DONTWAIT | MSG_TRUNC)) > 0)
		vm_back(b, n > (ssize_t)sizeof(b) ? (int)sizeof(b) : (int)n);
}

/* A train of @nfrags fragments in this batch; its number, for queue(). */
int new_train(int nfrags, enum ucls cls, uint32_t vni)
{
	struct train *t = &trains[ntrains];

	t->nfrags = nfrags;
	t->sent = 0;
	t->cls = cls;
	t->why = why;
	t->vni = vni;
	return ntrains++;
}

static void on_sent(int i)
{
	struct slot *s = &slots[i];

	n_sent++;
	kind_sent[s->kind & 0xff]++;
	if (vm_mode) {
		vm_account(bufs[i], s->len);
		return;
	}
	if (s->train) {
		trains[s->train - 1].sent++;
		return;
	}
	count_class(s->cls, s->why, s->vni);
}

static void finish_trains(void)
{
	int i;

	for (i = 0; i < nslots; i++) {
		struct slot *s = &slots[i];
		struct train *t;

		if (!s->train || !s->train_last)
			continue;
		t = &trains[s->train - 1];
		/* All its fragments went out: the datagram's fate. */
		if (t->sent == t->nfrags)
			count_class(t->cls, t->why, t->vni);
		else
			ucount[C_NONE]++;
	}
}

void flush_batch(void)
{
	struct mmsghdr msgs[BATCH];
	struct iovec iov[BATCH];
	int i = 0, r;

	if (!nslots)
		goto out;
	if (dry) {
		/* count as if sent: the predictions of a run */
		for (r = 0; r < nslots; r++)
			on_sent(r);
		finish_trains();
		goto out;
	}
	memset(msgs, 0, sizeof(msgs));
	for (r = 0; r < nslots; r++) {
		iov[r].iov_base = bufs[r];
		iov[r].iov_len = (size_t)slots[r].len;
		msgs[r].msg_hdr.msg_iov = &iov[r];
		msgs[r].msg_hdr.msg_iovlen = 1;
	}
	while (i < nslots) {
		r = sendmmsg(tx_fd, msgs + i, (unsigned int)(nslots - i), 0);
		if (r > 0) {
			int j;

			for (j = i; j < i + r; j++)
				on_sent(j);
			if (shared_sent)
				__atomic_add_fetch(shared_sent, (uint64_t)r,
						   __ATOMIC_RELAXED);
			i += r;
			continue;
		}
		/* msgs[i] failed: skip it */
		n_fail++;
		kind_fail[slots[i].kind & 0xff]++;
		if (errno == ENOBUFS) {
			n_enobufs++;
			drain_rx();
			usleep(200);
		} else if (errno != EMSGSIZE && errno != EINVAL) {
			fprintf(stderr, "pkt_fuzz: sendmmsg: %s\n",
				strerror(errno));
			if (n_fail > 1000 && n_fail > n_sent) {
				fprintf(stderr, "pkt_fuzz: giving up\n");
				exit(1);
			}
		}
		i++;
	}
	finish_trains();
	drain_rx();
out:
	nslots = 0;
	ntrains = 0;
}

static void dump_frame(uint64_t no, const struct slot *s, const uint8_t *f)
{
	int i;
	const char *kn = vm_mode ? vm_kind_name[s->kind & 0xff] :
				   u_kind_name[s->kind & 0xff];

	printf("frame %" PRIu64 " kind=%s%s len=%d", no, kn,
	       (s->kind & KIND_MUTATED) ? "+mutated" : "", s->len);
	if (!vm_mode)
		printf(" class=%s", s->train ? "frag" : ucls_name[s->cls]);
	printf(" hex=");
	for (i = 0; i < s->len; i++)
		printf("%02x", f[i]);
	putchar('\n');
}

/* Queue one frame built in bufs[nslots]. */
void queue(int kind, int len, enum ucls cls, uint32_t vni, int train,
		  bool train_last)
{
	struct slot *s = &slots[nslots];

	s->kind = kind;
	s->len = clamp_len(bufs[nslots], len);
	if (kind != (vm_mode ? VK_REPEAT : UK_REPEAT) && !train) {
		memcpy(ring[ring_next], bufs[nslots], s->len);
		ring_meta[ring_next].len = s->len;
		ring_meta[ring_next].cls = cls;
		ring_meta[ring_next].why = why;
		ring_meta[ring_next].vni = vni;
		ring_next = (ring_next + 1) % RING;
		if (ring_n < RING)
			ring_n++;
	}
	s->cls = cls;
	s->why = why;
	s->vni = vni;
	s->train = train;
	s->train_last = train_last;
	if (dry && frame_no >= dump_from && frame_no <= dump_to)
		dump_frame(frame_no, s, bufs[nslots]);
	frame_no++;
	if (++nslots == BATCH)
		flush_batch();
}

/* Repeat a frame of the ring, if it is time to. */
bool repeat_one(int kind)
{
	int i;

	if (!ring_n || !chance(REPEAT_PCT))
		return false;
	i = (int)rnd((uint32_t)ring_n);
	memcpy(bufs[nslots], ring[i], ring_meta[i].len);
	why = ring_meta[i].why;
	queue(kind, ring_meta[i].len, ring_meta[i].cls, ring_meta[i].vni, 0,
	      false);
	return true;
}
