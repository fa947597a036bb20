/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Talking to the hnv family: one function per request, from model to model.
 * Each returns 0, or -1 with err set.  While h->pipe is set (a batch),
 * hnv_map_new(), hnv_map_del(), hnv_route_new(), hnv_route_del(),
 * hnv_acl_new() and hnv_acl_del() queue their request in it, tagged with
 * h->tag, and return 0: the kernel's answer goes to the pipe's fail
 * callback; every other request waits for the pipe's answers first.
 */
#ifndef HNVCTL_IPC_H
#define HNVCTL_IPC_H

#include "model.h"
#include "netlink.h"

struct hnv {
	struct nl_sock *sk;
	struct family_info family;
	struct nlpipe *pipe;		/* NULL: every request waits */
	unsigned long tag;		/* of the requests queued in pipe */
};

int hnv_open(struct hnv *h, struct nlerr *err);
void hnv_close(struct hnv *h);
void hnv_strerror(const struct nlerr *err, char *buf, size_t len);

int hnv_switch_get(struct hnv *h, const struct hnv_sel *sel,
		   struct hnv_switch *sw, struct nlerr *err);
int hnv_switch_dump(struct hnv *h, struct hnv_switch_list *list,
		    struct nlerr *err);
int hnv_switch_set(struct hnv *h, const struct hnv_sel *sw,
		   const struct hnv_switch_conf *conf, struct nlerr *err);
int hnv_port_get(struct hnv *h, const struct hnv_sel *sel,
		 const struct hnv_sel *sw, struct hnv_port *port,
		 struct nlerr *err);
int hnv_port_dump(struct hnv *h, const struct hnv_sel *sw,
		  struct hnv_port_list *list, struct nlerr *err);
int hnv_port_set(struct hnv *h, const struct hnv_sel *port, uint32_t vsid,
		 const uint8_t *mac, const struct hnv_cas *cas,
		 struct nlerr *err);
int hnv_subnet_new(struct hnv *h, const struct hnv_sel *sw,
		   const struct hnv_subnet *subnet, struct nlerr *err);
int hnv_subnet_del(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		   struct nlerr *err);
int hnv_subnet_get(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		   struct hnv_subnet *subnet, struct nlerr *err);
int hnv_subnet_dump(struct hnv *h, const struct hnv_sel *sw,
		    struct hnv_subnet_list *list, struct nlerr *err);
int hnv_flow_dump(struct hnv *h, const struct hnv_sel *port,
		  const struct hnv_sel *sw, struct hnv_flow_list *list,
		  struct nlerr *err);
int hnv_flow_flush(struct hnv *h, const struct hnv_sel *port,
		   const struct hnv_sel *sw, struct nlerr *err);
int hnv_map_new(struct hnv *h, const struct hnv_sel *sw,
		const struct hnv_map *map, bool replace, struct nlerr *err);
int hnv_map_del(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		const uint8_t *mac, struct nlerr *err);
int hnv_map_dump(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		 struct hnv_map_list *list, struct nlerr *err);
int hnv_route_new(struct hnv *h, const struct hnv_sel *sw,
		  const struct hnv_route *route, bool replace,
		  struct nlerr *err);
int hnv_route_del(struct hnv *h, const struct hnv_sel *sw,
		  const struct hnv_route *route, struct nlerr *err);
int hnv_route_dump(struct hnv *h, const struct hnv_sel *sw, uint32_t rdid,
		   struct hnv_route_list *list, struct nlerr *err);
int hnv_acl_new(struct hnv *h, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, bool replace, struct nlerr *err);
int hnv_acl_del(struct hnv *h, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, struct nlerr *err);
int hnv_acl_flush(struct hnv *h, const struct hnv_acl_sel *sel, uint8_t dir,
		  struct nlerr *err);
int hnv_acl_dump(struct hnv *h, const struct hnv_acl_sel *sel,
		 struct hnv_acl_list *list, struct nlerr *err);
int hnv_conn_dump(struct hnv *h, const struct hnv_sel *sw,
		  struct hnv_conn_list *list, struct nlerr *err);
int hnv_trace(struct hnv *h, const struct hnv_sel *port,
	      const struct hnv_flow *packet, struct hnv_trace *t,
	      struct nlerr *err);
int hnv_events_open(struct hnv *h, struct nlmon *m, struct nlerr *err);

#endif
