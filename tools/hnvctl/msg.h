/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The hnv family's messages: request builders put attributes into a
 * message, reply parsers turn a reply into the model.  Nothing here sends,
 * receives or prints.
 */
#ifndef HNVCTL_MSG_H
#define HNVCTL_MSG_H

#include <netlink/msg.h>

#include "model.h"

int hnv_put_switch_sel(struct nl_msg *msg, const struct hnv_sel *sw);
int hnv_put_switch_set(struct nl_msg *msg, const struct hnv_sel *sw,
		       const struct hnv_switch_conf *conf);
int hnv_put_pas(struct nl_msg *msg, const struct hnv_pas *pas);
int hnv_put_port_sel(struct nl_msg *msg, const struct hnv_sel *port,
		     const struct hnv_sel *sw);
int hnv_put_subnet_new(struct nl_msg *msg, const struct hnv_sel *sw,
		       const struct hnv_subnet *subnet);
int hnv_put_subnet_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		       uint32_t vsid);
int hnv_put_port_set(struct nl_msg *msg, const struct hnv_sel *port,
		     uint32_t vsid, const uint8_t *mac,
		     const struct hnv_cas *cas);
int hnv_put_map_new(struct nl_msg *msg, const struct hnv_sel *sw,
		    const struct hnv_map *map, bool replace);
int hnv_put_map_del(struct nl_msg *msg, const struct hnv_sel *sw,
		    uint32_t vsid, const uint8_t *mac);
int hnv_put_map_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		    uint32_t vsid);
int hnv_put_route_new(struct nl_msg *msg, const struct hnv_sel *sw,
		      const struct hnv_route *route, bool replace);
int hnv_put_route_del(struct nl_msg *msg, const struct hnv_sel *sw,
		      const struct hnv_route *route);
int hnv_put_route_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		      uint32_t rdid);
int hnv_put_acl_sel(struct nl_msg *msg, const struct hnv_acl_sel *sel);
int hnv_put_acl(struct nl_msg *msg, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, bool replace);
int hnv_put_trace(struct nl_msg *msg, const struct hnv_sel *port,
		  const struct hnv_flow *flow);

int hnv_parse_switch(struct nlmsghdr *nlh, struct hnv_switch *sw);
int hnv_parse_port(struct nlmsghdr *nlh, struct hnv_port *port);
int hnv_parse_stats(struct nlattr *nest, struct hnv_stats *st);
int hnv_parse_subnet(struct nlmsghdr *nlh, struct hnv_subnet *subnet);
int hnv_parse_flow(struct nlmsghdr *nlh, struct hnv_flow *flow);
int hnv_parse_map(struct nlmsghdr *nlh, struct hnv_map *map);
int hnv_parse_route(struct nlmsghdr *nlh, struct hnv_route *route);
int hnv_parse_acl(struct nlmsghdr *nlh, struct hnv_acl *acl);
int hnv_parse_conn(struct nlmsghdr *nlh, struct hnv_conn *conn);
int hnv_parse_trace(struct nlmsghdr *nlh, struct hnv_trace *t);
int hnv_parse_event(struct nlmsghdr *nlh, struct hnv_event *ev);

#endif
