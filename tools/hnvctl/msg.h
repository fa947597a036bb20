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
int hnv_put_port_sel(struct nl_msg *msg, const struct hnv_sel *port,
		     const struct hnv_sel *sw);

int hnv_parse_switch(struct nlmsghdr *nlh, struct hnv_switch *sw);
int hnv_parse_port(struct nlmsghdr *nlh, struct hnv_port *port);
int hnv_parse_stats(struct nlattr *nest, struct hnv_stats *st);

#endif
