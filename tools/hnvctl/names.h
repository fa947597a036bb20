/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Readable names for the numbers of the hnv API.
 */
#ifndef HNVCTL_NAMES_H
#define HNVCTL_NAMES_H

#include <net/ethernet.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "reason-4294967295" */
#define DROP_REASON_NAMSIZ 18
/* "encap-4294967295" */
#define ENCAP_NAMSIZ 17
/* "0xffff", "255" */
#define ETH_TYPE_NAMSIZ 7
#define IP_PROTO_NAMSIZ 4
/* "aa:bb:cc:dd:ee:ff" */
#define MAC_NAMSIZ 18
/* "dir-4294967295", "action-4294967295", "state-4294967295" */
#define ACL_DIR_NAMSIZ 15
#define ACL_ACTION_NAMSIZ 18
#define CONN_STATE_NAMSIZ 17

bool drop_reason_known(unsigned int reason);
const char *drop_reason_name(unsigned int reason, char *buf, size_t len);
const char *hnv_attr_name(int type);
const char *encap_name(unsigned int encap, char *buf, size_t len);
unsigned int encap_parse(const char *word);
const char *event_name(unsigned int cmd);
const char *eth_type_name(uint16_t type, char *buf, size_t len);
const char *ip_proto_name(uint8_t proto, char *buf, size_t len);
int ip_proto_parse(const char *word, uint8_t *proto);
const char *acl_dir_name(unsigned int dir, char *buf, size_t len);
unsigned int acl_dir_parse(const char *word);
const char *acl_action_name(unsigned int action, char *buf, size_t len);
const char *conn_state_name(unsigned int state, char *buf, size_t len);
const char *mac_name(const uint8_t mac[ETH_ALEN], char buf[MAC_NAMSIZ]);

#endif
