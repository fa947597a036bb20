/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Printing the model: a human format in the manner of "ip -s link" and
 * "wg show" (one block per object, counters indented, blocks separated by
 * an empty line), or one JSON array of objects with stable keys; a stream
 * of events one a line, or one JSON object a line.
 */
#ifndef HNVCTL_OUTPUT_H
#define HNVCTL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "json.h"
#include "model.h"

struct out {
	FILE *fp;
	bool json;
	bool stream;		/* JSON lines, no array: out_stream_begin() */
	struct json j;
	unsigned int count;	/* objects printed */
	/* names an ifindex of a flow, NULL if none: if_indextoname() */
	char *(*ifname)(unsigned int ifindex, char *buf);
};

void out_begin(struct out *o, FILE *fp, bool json, bool pretty);
void out_stream_begin(struct out *o, FILE *fp, bool json);
void out_one_begin(struct out *o, FILE *fp, bool json, bool pretty);
void out_end(struct out *o);
void out_switch(struct out *o, const struct hnv_switch *sw);
void out_port(struct out *o, const struct hnv_port *port,
	      const char *switch_name);
void out_counters(struct out *o, const char *kind, const char *ifname,
		  const struct hnv_stats *st);
void out_subnet(struct out *o, const struct hnv_subnet *subnet);
void out_vnet(struct out *o, const struct hnv_subnet *v, size_t n);
void out_flow(struct out *o, const struct hnv_flow *flow);
void out_map(struct out *o, const struct hnv_map *map,
	     const char *switch_name);
void out_route(struct out *o, const struct hnv_route *route,
	       const char *switch_name);
void out_acl(struct out *o, const struct hnv_acl *acl);
void out_conn(struct out *o, const struct hnv_conn *conn);
void out_trace(struct out *o, const struct hnv_trace *t);
void out_event(struct out *o, const struct hnv_event *ev);

#endif
