// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Lists of objects of the model.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "model.h"

uint64_t hnv_stats_drops(const struct hnv_stats *st)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < HNV_DROP_REASONS; i++)
		sum += st->drops[i];
	return sum;
}

/* Makes room for element n of array v; returns v, moved, or NULL. */
static void *array_room(void *v, size_t n, size_t *cap, size_t size)
{
	size_t ncap;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : 16;
	v = reallocarray(v, ncap, size);
	if (v)
		*cap = ncap;
	return v;
}

/* Appends a zeroed switch to l; NULL if out of memory. */
struct hnv_switch *hnv_switch_list_add(struct hnv_switch_list *l)
{
	struct hnv_switch *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_switch_list_free(struct hnv_switch_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed port to l; NULL if out of memory. */
struct hnv_port *hnv_port_list_add(struct hnv_port_list *l)
{
	struct hnv_port *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_port_list_free(struct hnv_port_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed subnet to l; NULL if out of memory. */
struct hnv_subnet *hnv_subnet_list_add(struct hnv_subnet_list *l)
{
	struct hnv_subnet *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_subnet_list_free(struct hnv_subnet_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends an action to f; -ENOMEM if out of memory. */
int hnv_flow_add_action(struct hnv_flow *f, uint16_t type, uint32_t arg)
{
	struct hnv_action *v = array_room(f->actions, f->nactions, &f->cap,
					  sizeof(*v));

	if (!v)
		return -ENOMEM;
	f->actions = v;
	v[f->nactions++] = (struct hnv_action){ .type = type, .arg = arg };
	return 0;
}

/* Appends an encap action to f; -ENOMEM if out of memory. */
int hnv_flow_add_encap(struct hnv_flow *f, const struct hnv_encap_action *e)
{
	if (hnv_flow_add_action(f, HNV_ACTION_A_ENCAP, 0))
		return -ENOMEM;
	f->actions[f->nactions - 1].encap = *e;
	return 0;
}

/* Appends an action of type with the MAC mac to f; -ENOMEM if no memory. */
static int add_mac_action(struct hnv_flow *f, uint16_t type,
			  const uint8_t mac[ETH_ALEN])
{
	if (hnv_flow_add_action(f, type, 0))
		return -ENOMEM;
	memcpy(f->actions[f->nactions - 1].mac, mac, ETH_ALEN);
	return 0;
}

/* Appends a reply action, answering with mac, to f; -ENOMEM if no memory. */
int hnv_flow_add_reply(struct hnv_flow *f, const uint8_t mac[ETH_ALEN])
{
	return add_mac_action(f, HNV_ACTION_A_REPLY, mac);
}

/*
 * Appends a route action, toward the VM of MAC mac, to f; -ENOMEM if no
 * memory.
 */
int hnv_flow_add_route(struct hnv_flow *f, const uint8_t mac[ETH_ALEN])
{
	return add_mac_action(f, HNV_ACTION_A_ROUTE, mac);
}

/*
 * Appends an ACL action, naming the rule that allowed the packet, to f;
 * -ENOMEM if no memory.
 */
int hnv_flow_add_acl(struct hnv_flow *f, const struct hnv_acl_ref *acl)
{
	if (hnv_flow_add_action(f, HNV_ACTION_A_ACL, 0))
		return -ENOMEM;
	f->actions[f->nactions - 1].acl = *acl;
	return 0;
}

/* Frees the actions of f and zeroes it. */
void hnv_flow_free(struct hnv_flow *f)
{
	free(f->actions);
	memset(f, 0, sizeof(*f));
}

/* Appends a zeroed flow to l; NULL if out of memory. */
struct hnv_flow *hnv_flow_list_add(struct hnv_flow_list *l)
{
	struct hnv_flow *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_flow_list_free(struct hnv_flow_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		hnv_flow_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed mapping to l; NULL if out of memory. */
struct hnv_map *hnv_map_list_add(struct hnv_map_list *l)
{
	struct hnv_map *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_map_list_free(struct hnv_map_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed route to l; NULL if out of memory. */
struct hnv_route *hnv_route_list_add(struct hnv_route_list *l)
{
	struct hnv_route *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_route_list_free(struct hnv_route_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed ACL rule to l; NULL if out of memory. */
struct hnv_acl *hnv_acl_list_add(struct hnv_acl_list *l)
{
	struct hnv_acl *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_acl_list_free(struct hnv_acl_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed connection to l; NULL if out of memory. */
struct hnv_conn *hnv_conn_list_add(struct hnv_conn_list *l)
{
	struct hnv_conn *v = array_room(l->v, l->n, &l->cap, sizeof(*v));

	if (!v)
		return NULL;
	l->v = v;
	memset(&v[l->n], 0, sizeof(*v));
	return &v[l->n++];
}

void hnv_conn_list_free(struct hnv_conn_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Appends a zeroed step to t; NULL if out of memory. */
struct hnv_trace_step *hnv_trace_add_step(struct hnv_trace *t)
{
	struct hnv_trace_step *v = array_room(t->steps, t->nsteps, &t->cap,
					      sizeof(*v));

	if (!v)
		return NULL;
	t->steps = v;
	memset(&v[t->nsteps], 0, sizeof(*v));
	return &v[t->nsteps++];
}

/* Frees the flow and the steps of t, their actions too, and zeroes it. */
void hnv_trace_free(struct hnv_trace *t)
{
	size_t i;

	for (i = 0; i < t->nsteps; i++)
		hnv_flow_free(&t->steps[i].actions);
	free(t->steps);
	hnv_flow_free(&t->flow);
	memset(t, 0, sizeof(*t));
}
