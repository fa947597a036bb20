// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Printing the model, for people or as JSON.
 *
 *   switch hnv0 ifindex 7 ports 2
 *       RX: packets  bytes
 *                12   1234
 *       TX: packets  bytes
 *                10   1000
 *       drops: 4
 *           port-unbound 3
 *           switch-xmit  1
 *
 * JSON: [{"ifname":"hnv0","ifindex":7,"ports":2,"stats":{"rx_packets":12,
 * "rx_bytes":1234,"tx_packets":10,"tx_bytes":1000,"drops":{"port-unbound":3,
 * "switch-xmit":1}}}].  Every known drop reason is a key, zero or not;
 * a reason this hnvctl does not know appears as "reason-N" when not zero.
 */
#include <inttypes.h>
#include <string.h>

#include "names.h"
#include "output.h"

void out_begin(struct out *o, FILE *fp, bool json, bool pretty)
{
	o->fp = fp;
	o->json = json;
	o->count = 0;
	if (json) {
		json_init(&o->j, fp, pretty);
		json_array_begin(&o->j, NULL);
	}
}

void out_end(struct out *o)
{
	if (o->json)
		json_array_end(&o->j);
}

/* Starts the block of the next object. */
static void next_object(struct out *o)
{
	if (o->json)
		json_object_begin(&o->j, NULL);
	else if (o->count)
		fputc('\n', o->fp);
	o->count++;
}

static int u64_width(uint64_t v)
{
	return snprintf(NULL, 0, "%" PRIu64, v);
}

static int max_width(int a, int b)
{
	return a > b ? a : b;
}

/* RX and TX in two aligned tables, then the drops by reason. */
static void print_stats(FILE *fp, const struct hnv_stats *st)
{
	int wp = max_width(strlen("packets"),
			   max_width(u64_width(st->rx_packets),
				     u64_width(st->tx_packets)));
	int wb = max_width(strlen("bytes"),
			   max_width(u64_width(st->rx_bytes),
				     u64_width(st->tx_bytes)));
	char buf[DROP_REASON_NAMSIZ];
	int wn = 0, wv = 0;
	unsigned int r;

	fprintf(fp, "    RX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->rx_packets, wb, st->rx_bytes);
	fprintf(fp, "    TX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->tx_packets, wb, st->tx_bytes);
	fprintf(fp, "    drops: %" PRIu64 "\n", hnv_stats_drops(st));
	for (r = 0; r < HNV_DROP_REASONS; r++) {
		if (!st->drops[r])
			continue;
		wn = max_width(wn, strlen(drop_reason_name(r, buf,
							   sizeof(buf))));
		wv = max_width(wv, u64_width(st->drops[r]));
	}
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (st->drops[r])
			fprintf(fp, "        %-*s %*" PRIu64 "\n", wn,
				drop_reason_name(r, buf, sizeof(buf)),
				wv, st->drops[r]);
}

static void json_stats(struct json *j, const struct hnv_stats *st)
{
	char buf[DROP_REASON_NAMSIZ];
	unsigned int r;

	json_object_begin(j, "stats");
	json_u64(j, "rx_packets", st->rx_packets);
	json_u64(j, "rx_bytes", st->rx_bytes);
	json_u64(j, "tx_packets", st->tx_packets);
	json_u64(j, "tx_bytes", st->tx_bytes);
	json_object_begin(j, "drops");
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (drop_reason_known(r) || st->drops[r])
			json_u64(j, drop_reason_name(r, buf, sizeof(buf)),
				 st->drops[r]);
	json_object_end(j);
	json_object_end(j);
}

void out_switch(struct out *o, const struct hnv_switch *sw)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", sw->ifname);
		json_u64(&o->j, "ifindex", sw->ifindex);
		json_u64(&o->j, "ports", sw->nports);
		json_stats(&o->j, &sw->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "switch %s ifindex %" PRIu32 " ports %" PRIu32 "\n",
		sw->ifname, sw->ifindex, sw->nports);
	print_stats(o->fp, &sw->stats);
}

void out_port(struct out *o, const struct hnv_port *port,
	      const char *switch_name)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", port->ifname);
		json_u64(&o->j, "ifindex", port->ifindex);
		json_string(&o->j, "switch", switch_name);
		json_stats(&o->j, &port->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "port %s ifindex %" PRIu32 " switch %s\n",
		port->ifname, port->ifindex, switch_name);
	print_stats(o->fp, &port->stats);
}

/* Counters only, of a switch or a port (kind "switch" or "port"). */
void out_counters(struct out *o, const char *kind, const char *ifname,
		  const struct hnv_stats *st)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", ifname);
		json_string(&o->j, "kind", kind);
		json_stats(&o->j, st);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s %s\n", kind, ifname);
	print_stats(o->fp, st);
}
