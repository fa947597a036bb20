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

	return nlreq_run(h->sk, &r, err);
}

static int put_switch(struct nl_msg *msg, const void *sel)
{
	return hnv_put_switch_sel(msg, sel);
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
