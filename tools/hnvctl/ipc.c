// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Talking to the hnv family: binds the request builders and reply parsers
 * of msg.c to the commands of <linux/hnv.h> and runs them with netlink.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netlink/socket.h>

#include <linux/hnv.h>

#include "ipc.h"
#include "msg.h"
#include "names.h"

int hnv_open(struct hnv *h, struct nlerr *err)
{
	h->sk = nlsock_open(err);
	if (!h->sk)
		return -1;
	if (ctrl_getfamily(h->sk, HNV_GENL_NAME, &h->family, err)) {
		if (err->code == ENOENT)
			nlerr_set(err, ENOENT,
				  "hnv kernel module not loaded (genl family \"%s\" not found)",
				  HNV_GENL_NAME);
		hnv_close(h);
		return -1;
	}
	return 0;
}

void hnv_close(struct hnv *h)
{
	if (h->sk)
		nl_socket_free(h->sk);
	h->sk = NULL;
}

/* The text for "Error: ...", naming hnv's attributes. */
void hnv_strerror(const struct nlerr *err, char *buf, size_t len)
{
	size_t used;

	nlerr_format(err, hnv_attr_name, buf, len);
	used = strlen(buf);
	if (err->code == EPERM)
		snprintf(buf + used, len - used,
			 " (hnv needs CAP_NET_ADMIN)");
}

/* A request that waits for its answer: after those of the pipe. */
static int run(struct hnv *h, uint8_t cmd, bool dump,
	       int (*put)(struct nl_msg *, const void *), const void *put_arg,
	       int (*parse)(struct nlmsghdr *, void *), void *parse_arg,
	       struct nlerr *err)
{
	struct nlreq r = {
		.family = h->family.id,
		.cmd = cmd,
		.version = HNV_GENL_VERSION,
		.dump = dump,
		.put = put,
		.put_arg = put_arg,
		.parse = parse,
		.parse_arg = parse_arg,
	};

	if (h->pipe)
		nlpipe_sync(h->pipe);
	return nlreq_run(h->sk, &r, err);
}

/*
 * A request that only wants its ACK: queued in the pipe, if there is one.
 * No more nlmsg_flags: its options are attributes (struct nlreq).
 */
static int run_ack(struct hnv *h, uint8_t cmd,
		   int (*put)(struct nl_msg *, const void *),
		   const void *put_arg, struct nlerr *err)
{
	struct nlreq r = {
		.family = h->family.id,
		.cmd = cmd,
		.version = HNV_GENL_VERSION,
		.put = put,
		.put_arg = put_arg,
	};

	if (h->pipe)
		return nlpipe_add(h->pipe, &r, h->tag, err);
	return nlreq_run(h->sk, &r, err);
}

static int put_switch(struct nl_msg *msg, const void *sel)
{
	return hnv_put_switch_sel(msg, sel);
}

struct switch_set_req {
	const struct hnv_sel *sw;
	const struct hnv_switch_conf *conf;
};

static int put_switch_set(struct nl_msg *msg, const void *arg)
{
	const struct switch_set_req *req = arg;

	return hnv_put_switch_set(msg, req->sw, req->conf);
}

struct port_req {
	const struct hnv_sel *port;
	const struct hnv_sel *sw;
};

static int put_port(struct nl_msg *msg, const void *arg)
{
	const struct port_req *req = arg;

	return hnv_put_port_sel(msg, req->port, req->sw);
}

struct subnet_req {
	const struct hnv_sel *sw;
	const struct hnv_subnet *subnet;	/* SUBNET_NEW */
	uint32_t vsid;				/* others; 0: none */
};

static int put_subnet_new(struct nl_msg *msg, const void *arg)
{
	const struct subnet_req *req = arg;

	return hnv_put_subnet_new(msg, req->sw, req->subnet);
}

static int put_subnet(struct nl_msg *msg, const void *arg)
{
	const struct subnet_req *req = arg;

	return hnv_put_subnet_sel(msg, req->sw, req->vsid);
}

struct port_set_req {
	const struct hnv_sel *port;
	uint32_t vsid;
	const uint8_t *mac;
	const struct hnv_cas *cas;
};

static int put_port_set(struct nl_msg *msg, const void *arg)
{
	const struct port_set_req *req = arg;

	return hnv_put_port_set(msg, req->port, req->vsid, req->mac,
				req->cas);
}

static int parse_switch(struct nlmsghdr *nlh, void *sw)
{
	return hnv_parse_switch(nlh, sw);
}

static int parse_switch_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_switch *sw = hnv_switch_list_add(list);

	return sw ? hnv_parse_switch(nlh, sw) : -ENOMEM;
}

static int parse_port(struct nlmsghdr *nlh, void *port)
{
	return hnv_parse_port(nlh, port);
}

static int parse_port_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_port *port = hnv_port_list_add(list);

	return port ? hnv_parse_port(nlh, port) : -ENOMEM;
}

int hnv_switch_get(struct hnv *h, const struct hnv_sel *sel,
		   struct hnv_switch *sw, struct nlerr *err)
{
	return run(h, HNV_CMD_SWITCH_GET, false, put_switch, sel,
		   parse_switch, sw, err);
}

/* Appends every switch of the namespace to list. */
int hnv_switch_dump(struct hnv *h, struct hnv_switch_list *list,
		    struct nlerr *err)
{
	return run(h, HNV_CMD_SWITCH_GET, true, NULL, NULL,
		   parse_switch_list, list, err);
}

/* Changes the settings of switch sw that conf->uft.has and conf->has name. */
int hnv_switch_set(struct hnv *h, const struct hnv_sel *sw,
		   const struct hnv_switch_conf *conf, struct nlerr *err)
{
	struct switch_set_req req = { .sw = sw, .conf = conf };

	return run(h, HNV_CMD_SWITCH_SET, false, put_switch_set, &req, NULL,
		   NULL, err);
}

/* The port sel names; sw, if not NULL, must be its switch. */
int hnv_port_get(struct hnv *h, const struct hnv_sel *sel,
		 const struct hnv_sel *sw, struct hnv_port *port,
		 struct nlerr *err)
{
	struct port_req req = { .port = sel, .sw = sw };

	return run(h, HNV_CMD_PORT_GET, false, put_port, &req,
		   parse_port, port, err);
}

/* Appends every port of switch sw to list. */
int hnv_port_dump(struct hnv *h, const struct hnv_sel *sw,
		  struct hnv_port_list *list, struct nlerr *err)
{
	return run(h, HNV_CMD_PORT_GET, true, put_switch, sw,
		   parse_port_list, list, err);
}

/*
 * Binds port to the subnet vsid of its switch with mac and the customer
 * addresses cas (NULL or none: no HNV_A_PORT_CAS), or unbinds it (0).
 */
int hnv_port_set(struct hnv *h, const struct hnv_sel *port, uint32_t vsid,
		 const uint8_t *mac, const struct hnv_cas *cas,
		 struct nlerr *err)
{
	struct port_set_req req = {
		.port = port, .vsid = vsid, .mac = mac, .cas = cas,
	};

	return run(h, HNV_CMD_PORT_SET, false, put_port_set, &req, NULL, NULL,
		   err);
}

static int parse_subnet(struct nlmsghdr *nlh, void *subnet)
{
	return hnv_parse_subnet(nlh, subnet);
}

static int parse_subnet_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_subnet *subnet = hnv_subnet_list_add(list);

	return subnet ? hnv_parse_subnet(nlh, subnet) : -ENOMEM;
}

static int parse_flow_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_flow *flow = hnv_flow_list_add(list);

	return flow ? hnv_parse_flow(nlh, flow) : -ENOMEM;
}

/* Adds subnet to switch sw. */
int hnv_subnet_new(struct hnv *h, const struct hnv_sel *sw,
		   const struct hnv_subnet *subnet, struct nlerr *err)
{
	struct subnet_req req = { .sw = sw, .subnet = subnet };

	return run(h, HNV_CMD_SUBNET_NEW, false, put_subnet_new, &req, NULL,
		   NULL, err);
}

int hnv_subnet_del(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		   struct nlerr *err)
{
	struct subnet_req req = { .sw = sw, .vsid = vsid };

	return run(h, HNV_CMD_SUBNET_DEL, false, put_subnet, &req, NULL, NULL,
		   err);
}

int hnv_subnet_get(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		   struct hnv_subnet *subnet, struct nlerr *err)
{
	struct subnet_req req = { .sw = sw, .vsid = vsid };

	return run(h, HNV_CMD_SUBNET_GET, false, put_subnet, &req,
		   parse_subnet, subnet, err);
}

/* Appends the subnets of switch sw, or of every switch, to list. */
int hnv_subnet_dump(struct hnv *h, const struct hnv_sel *sw,
		    struct hnv_subnet_list *list, struct nlerr *err)
{
	struct subnet_req req = { .sw = sw };

	return run(h, HNV_CMD_SUBNET_GET, true, put_subnet, &req,
		   parse_subnet_list, list, err);
}

/*
 * Appends the flows of switch sw (or of every switch) entering on port (or
 * on any port) to list; unset selectors select nothing.
 */
int hnv_flow_dump(struct hnv *h, const struct hnv_sel *port,
		  const struct hnv_sel *sw, struct hnv_flow_list *list,
		  struct nlerr *err)
{
	struct port_req req = { .port = port, .sw = sw };

	return run(h, HNV_CMD_FLOW_GET, true, put_port, &req,
		   parse_flow_list, list, err);
}

/* Removes the cached flows of switch sw, or of its port port if set. */
int hnv_flow_flush(struct hnv *h, const struct hnv_sel *port,
		   const struct hnv_sel *sw, struct nlerr *err)
{
	struct port_req req = { .port = port, .sw = sw };

	return run(h, HNV_CMD_FLOW_FLUSH, false, put_port, &req, NULL, NULL,
		   err);
}

struct map_req {
	const struct hnv_sel *sw;
	const struct hnv_map *map;		/* MAP_NEW */
	bool replace;				/* MAP_NEW: HNV_A_REPLACE */
	uint32_t vsid;				/* others; 0: none */
	const uint8_t *mac;
};

static int put_map_new(struct nl_msg *msg, const void *arg)
{
	const struct map_req *req = arg;

	return hnv_put_map_new(msg, req->sw, req->map, req->replace);
}

static int put_map_del(struct nl_msg *msg, const void *arg)
{
	const struct map_req *req = arg;

	return hnv_put_map_del(msg, req->sw, req->vsid, req->mac);
}

static int put_map_sel(struct nl_msg *msg, const void *arg)
{
	const struct map_req *req = arg;

	return hnv_put_map_sel(msg, req->sw, req->vsid);
}

static int parse_map_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_map *map = hnv_map_list_add(list);

	return map ? hnv_parse_map(nlh, map) : -ENOMEM;
}

/*
 * Adds map to switch sw; with replace (the flag attribute HNV_A_REPLACE,
 * not NLM_F_REPLACE, which generic netlink reserves for dumps), creates it
 * or moves the existing mapping of its VSID and MAC.
 */
int hnv_map_new(struct hnv *h, const struct hnv_sel *sw,
		const struct hnv_map *map, bool replace, struct nlerr *err)
{
	struct map_req req = { .sw = sw, .map = map, .replace = replace };

	return run_ack(h, HNV_CMD_MAP_NEW, put_map_new, &req, err);
}

/* Deletes the mapping of vsid and mac from switch sw. */
int hnv_map_del(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		const uint8_t *mac, struct nlerr *err)
{
	struct map_req req = { .sw = sw, .vsid = vsid, .mac = mac };

	return run_ack(h, HNV_CMD_MAP_DEL, put_map_del, &req, err);
}

/*
 * Appends the mappings of switch sw (or of every switch), of VSID vsid
 * (or of every VSID, 0), to list.
 */
int hnv_map_dump(struct hnv *h, const struct hnv_sel *sw, uint32_t vsid,
		 struct hnv_map_list *list, struct nlerr *err)
{
	struct map_req req = { .sw = sw, .vsid = vsid };

	return run(h, HNV_CMD_MAP_GET, true, put_map_sel, &req,
		   parse_map_list, list, err);
}

struct route_req {
	const struct hnv_sel *sw;
	const struct hnv_route *route;	/* ROUTE_NEW, ROUTE_DEL */
	bool replace;			/* ROUTE_NEW: HNV_A_REPLACE */
	uint32_t rdid;			/* ROUTE_GET; 0: none */
};

static int put_route_new(struct nl_msg *msg, const void *arg)
{
	const struct route_req *req = arg;

	return hnv_put_route_new(msg, req->sw, req->route, req->replace);
}

static int put_route_del(struct nl_msg *msg, const void *arg)
{
	const struct route_req *req = arg;

	return hnv_put_route_del(msg, req->sw, req->route);
}

static int put_route_sel(struct nl_msg *msg, const void *arg)
{
	const struct route_req *req = arg;

	return hnv_put_route_sel(msg, req->sw, req->rdid);
}

static int parse_route_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_route *route = hnv_route_list_add(list);

	return route ? hnv_parse_route(nlh, route) : -ENOMEM;
}

/*
 * Adds a static route to switch sw; with replace (HNV_A_REPLACE), creates
 * it or changes the next hop of the existing route of its RDID and prefix.
 */
int hnv_route_new(struct hnv *h, const struct hnv_sel *sw,
		  const struct hnv_route *route, bool replace,
		  struct nlerr *err)
{
	struct route_req req = { .sw = sw, .route = route,
				 .replace = replace };

	return run_ack(h, HNV_CMD_ROUTE_NEW, put_route_new, &req, err);
}

/* Deletes the route of route->rdid and route's prefix from switch sw. */
int hnv_route_del(struct hnv *h, const struct hnv_sel *sw,
		  const struct hnv_route *route, struct nlerr *err)
{
	struct route_req req = { .sw = sw, .route = route };

	return run_ack(h, HNV_CMD_ROUTE_DEL, put_route_del, &req, err);
}

/*
 * Appends the static routes of switch sw (or of every switch), of RDID
 * rdid (or of every RDID, 0), to list.
 */
int hnv_route_dump(struct hnv *h, const struct hnv_sel *sw, uint32_t rdid,
		   struct hnv_route_list *list, struct nlerr *err)
{
	struct route_req req = { .sw = sw, .rdid = rdid };

	return run(h, HNV_CMD_ROUTE_GET, true, put_route_sel, &req,
		   parse_route_list, list, err);
}

struct acl_req {
	const struct hnv_acl_sel *sel;
	const struct hnv_acl *acl;	/* NULL: no HNV_A_ACL */
	bool replace;			/* ACL_NEW: HNV_A_REPLACE */
};

static int put_acl(struct nl_msg *msg, const void *arg)
{
	const struct acl_req *req = arg;

	return hnv_put_acl(msg, req->sel, req->acl, req->replace);
}

static int put_acl_sel(struct nl_msg *msg, const void *sel)
{
	return hnv_put_acl_sel(msg, sel);
}

static int parse_acl_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_acl *acl = hnv_acl_list_add(list);

	return acl ? hnv_parse_acl(nlh, acl) : -ENOMEM;
}

/*
 * Adds the ACL rule acl, or sets the default action (HNV_ACL_DEFAULT in
 * acl->ref.has), of the port or VSID sel names; with replace
 * (HNV_A_REPLACE), replaces the rule of its priority if there is one.
 */
int hnv_acl_new(struct hnv *h, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, bool replace, struct nlerr *err)
{
	struct acl_req req = { .sel = sel, .acl = acl, .replace = replace };

	return run_ack(h, HNV_CMD_ACL_NEW, put_acl, &req, err);
}

/*
 * Deletes the rule of acl's direction and priority, or resets the
 * default (HNV_ACL_DEFAULT), of the port or VSID sel names.
 */
int hnv_acl_del(struct hnv *h, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, struct nlerr *err)
{
	struct acl_req req = { .sel = sel, .acl = acl };

	return run_ack(h, HNV_CMD_ACL_DEL, put_acl, &req, err);
}

/*
 * Removes the rules and defaults of the switch sel names, or of its port
 * or VSID, of direction dir only unless it is HNV_ACL_DIR_UNSPEC.
 */
int hnv_acl_flush(struct hnv *h, const struct hnv_acl_sel *sel, uint8_t dir,
		  struct nlerr *err)
{
	struct hnv_acl acl = {
		.ref = { .has = HNV_ACL_DIR, .dir = dir },
	};
	struct acl_req req = { .sel = sel, .acl = dir ? &acl : NULL };

	return run(h, HNV_CMD_ACL_FLUSH, false, put_acl, &req, NULL, NULL,
		   err);
}

/*
 * Appends the rules and defaults of the switch sel names (or of every
 * switch), of its port or VSID if it names one, to list.
 */
int hnv_acl_dump(struct hnv *h, const struct hnv_acl_sel *sel,
		 struct hnv_acl_list *list, struct nlerr *err)
{
	return run(h, HNV_CMD_ACL_GET, true, put_acl_sel, sel,
		   parse_acl_list, list, err);
}

static int parse_conn_list(struct nlmsghdr *nlh, void *list)
{
	struct hnv_conn *conn = hnv_conn_list_add(list);

	return conn ? hnv_parse_conn(nlh, conn) : -ENOMEM;
}

/* Appends the tracked connections of switch sw, or of every switch. */
int hnv_conn_dump(struct hnv *h, const struct hnv_sel *sw,
		  struct hnv_conn_list *list, struct nlerr *err)
{
	return run(h, HNV_CMD_CONN_GET, true, put_switch, sw,
		   parse_conn_list, list, err);
}

struct trace_req {
	const struct hnv_sel *port;
	const struct hnv_flow *packet;
};

static int put_trace(struct nl_msg *msg, const void *arg)
{
	const struct trace_req *req = arg;

	return hnv_put_trace(msg, req->port, req->packet);
}

static int parse_trace(struct nlmsghdr *nlh, void *t)
{
	return hnv_parse_trace(nlh, t);
}

/*
 * Has the kernel compose the actions for packet, entering the switch on
 * port, into t: the packet as composed and the steps taken.  Free t with
 * hnv_trace_free(), whatever this returns.
 */
int hnv_trace(struct hnv *h, const struct hnv_sel *port,
	      const struct hnv_flow *packet, struct hnv_trace *t,
	      struct nlerr *err)
{
	struct trace_req req = { .port = port, .packet = packet };

	memset(t, 0, sizeof(*t));
	if (run(h, HNV_CMD_TRACE, false, put_trace, &req, parse_trace, t,
		err))
		return -1;
	if (!t->flow.switch_ifindex)
		return nlerr_set(err, EBADMSG,
				 "the kernel answered the trace with nothing");
	return 0;
}

/*
 * Listens to the events of the namespace's switches with m: joins the
 * multicast group HNV_MCGRP_EVENTS of the family, whose id the controller
 * gave with the family's.  The socket is h's: the requests waiting in the
 * pipe are answered first.  Events are read with nlmon_recv() and parsed
 * with hnv_parse_event(); nlmon_free() leaves the group.
 */
int hnv_events_open(struct hnv *h, struct nlmon *m, struct nlerr *err)
{
	uint32_t group = family_mcgrp(&h->family, HNV_MCGRP_EVENTS);

	if (!group)
		return nlerr_set(err, EOPNOTSUPP,
				 "the hnv kernel module sends no events (genl family \"%s\" has no multicast group \"%s\")",
				 HNV_GENL_NAME, HNV_MCGRP_EVENTS);
	if (h->pipe)
		nlpipe_sync(h->pipe);
	return nlmon_init(m, h->sk, group, err);
}
